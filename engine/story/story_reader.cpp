// Reads the plain-text article format described in story.h.

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/bounded_read.h"
#include "core/diagnostics.h"
#include "core/limits.h"
#include "story/fact_box_lines.h"
#include "story/picture_line.h"
#include "story/story.h"
#include "text/language.h"
#include "text/unicode.h"

namespace broadsheet::story {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kContactPrefix = "Contact the writer";

[[noreturn]] void fail(const std::string& file, int line, int column, const std::string& message) {
  throw InputError(SourceLocation{file, line, column}, message);
}

// A subhead is short: at most this many characters and words.
constexpr std::size_t kSubheadMaxCharacters = 60;
constexpr std::size_t kSubheadMaxWords = 8;

std::string hex_byte(char c) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  const auto byte = static_cast<std::uint8_t>(c);
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0x0F];
}

// Checks the whole file before anything else, so every later error can assume valid text.
// Line and column are counted in bytes of the file as written (a BOM counts on line 1).
void check_utf8(std::string_view text, const std::string& file) {
  const auto bad_offset = text::find_invalid_utf8(text);
  if (!bad_offset) return;
  const std::string_view before = text.substr(0, *bad_offset);
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t previous_newline = before.rfind('\n');
  const std::size_t line_start =
      previous_newline == std::string_view::npos ? 0 : previous_newline + 1;
  const int column = static_cast<int>(*bad_offset - line_start) + 1;
  fail(file, line, column,
       "invalid UTF-8: byte " + hex_byte(text[*bad_offset]) + " at line " + std::to_string(line) +
           ", column " + std::to_string(column) + " does not start a valid character");
}

// The non-blank lines of the text, trimmed, each with its 1-based line number. A line ends at
// "\n", "\r\n" or a lone "\r" (old Mac files).
std::vector<Paragraph> non_blank_lines(std::string_view text) {
  std::vector<Paragraph> lines;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    ++line_number;
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text::trim_white_space(text.substr(start, end - start));
    if (!line.empty()) {
      Paragraph& paragraph = lines.emplace_back();
      paragraph.text = std::string(line);
      paragraph.source_line = line_number;
    }
    start = end + (text.substr(end).starts_with("\r\n") ? 2 : 1);
  }
  return lines;
}

// "Contact the writer ..." or "Contact the writers ...", but not e.g. "Contact the writership".
bool is_contact_line(std::string_view text) {
  if (!text.starts_with(kContactPrefix)) return false;
  std::string_view rest = text.substr(kContactPrefix.size());
  if (rest.starts_with('s')) rest.remove_prefix(1);
  return rest.empty() || !text::is_letter(text::next_code_point(rest, 0).value);
}

// "By MENG JING and MA SI in Beijing": "By", a space and a capital letter, a few words, and no
// full stop at the end (a sentence that starts with "By" is body text).
bool is_byline(std::string_view line) {
  constexpr std::size_t kBylineMaxWords = 16;
  if (!line.starts_with("By ") || line.size() < 4) return false;
  const std::string_view rest = text::trim_white_space(line.substr(3));
  if (rest.empty() || !text::is_uppercase(text::next_code_point(rest, 0).value)) return false;
  if (text::split_at_word_separators(line).size() > kBylineMaxWords) return false;
  return !line.ends_with('.');
}

// A short line that does not end like a sentence and starts with a capital or a digit:
// "Benefits of virtual fencing", "Europe’s asteroid exploration mission".
bool looks_like_subhead(std::string_view line) {
  if (line.empty() || text::count_code_points(line) > kSubheadMaxCharacters) return false;
  if (text::split_at_word_separators(line).size() > kSubheadMaxWords) return false;
  const char32_t first = text::next_code_point(line, 0).value;
  if (!text::is_uppercase(first) && !text::is_digit(first)) return false;
  return !text::is_closing_punctuation(text::previous_code_point(line, line.size()).value);
}

// Subheads sit between body paragraphs: never the first or the last one.
void mark_subheads(std::vector<Paragraph>& body) {
  for (std::size_t i = 1; i + 1 < body.size(); ++i) {
    if (looks_like_subhead(body[i].text)) body[i].kind = ParagraphKind::Subhead;
  }
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Removes the run of ASCII digits at the end of `s` and returns it when it is `min` to `max`
// digits long; otherwise leaves `s` as it was.
std::optional<std::string_view> take_trailing_digits(std::string_view& s, std::size_t min,
                                                     std::size_t max) {
  std::size_t count = 0;
  while (count < s.size() && is_ascii_digit(s[s.size() - 1 - count])) ++count;
  if (count < min || count > max) return std::nullopt;
  const std::string_view digits = s.substr(s.size() - count);
  s.remove_suffix(count);
  return digits;
}

bool take_trailing(std::string_view& s, std::string_view suffix) {
  if (!s.ends_with(suffix)) return false;
  s.remove_suffix(suffix.size());
  return true;
}

// Removes one white-space character at the end of `s`, if there is one.
void take_one_trailing_white_space(std::string_view& s) {
  if (s.empty()) return;
  const text::CodePoint last = text::previous_code_point(s, s.size());
  if (text::is_white_space(last.value)) s.remove_suffix(s.size() - last.begin);
}

// Removes the white space at the end of `s`; false when there is none.
bool take_trailing_white_space(std::string_view& s) {
  const std::size_t before = s.size();
  while (!s.empty()) {
    const text::CodePoint last = text::previous_code_point(s, s.size());
    if (!text::is_white_space(last.value)) break;
    s.remove_suffix(s.size() - last.begin);
  }
  return s.size() < before;
}

// The parts of "(Publication MM/DD/YYYY[ pageN])".
struct SourceLineParts {
  std::string_view publication, month, day, year;
  std::optional<std::string_view> page;
};

// " page 21" or " page21" at the end of `s`: removed, and its number returned. Otherwise `s`
// is left as it was.
std::optional<std::string_view> take_page_suffix(std::string_view& s) {
  std::string_view rest = s;
  const auto digits = take_trailing_digits(rest, 1, 4);
  if (!digits) return std::nullopt;
  take_one_trailing_white_space(rest);
  if (!take_trailing(rest, "page") || !take_trailing_white_space(rest)) return std::nullopt;
  s = rest;
  return digits;
}

// Splits a line of the source-line shape into its parts, reading from the end; nullopt when
// the line has another shape. A loop, not a regular expression: std::regex recursed once per
// character and overflowed the stack on a 26,000-character last line (issue 13).
std::optional<SourceLineParts> split_source_line(std::string_view line) {
  if (line.size() < 2 || line.front() != '(' || line.back() != ')') return std::nullopt;
  std::string_view rest = line.substr(1, line.size() - 2);
  SourceLineParts parts;
  parts.page = take_page_suffix(rest);
  const auto year = take_trailing_digits(rest, 4, 4);
  if (!year || !take_trailing(rest, "/")) return std::nullopt;
  const auto day = take_trailing_digits(rest, 1, 2);
  if (!day || !take_trailing(rest, "/")) return std::nullopt;
  const auto month = take_trailing_digits(rest, 1, 2);
  if (!month || !take_trailing_white_space(rest) || rest.empty()) return std::nullopt;
  parts.publication = text::trim_white_space(rest);
  parts.month = *month;
  parts.day = *day;
  parts.year = *year;
  return parts;
}

int to_int(std::string_view digits) {
  return std::stoi(std::string(digits));
}

// Checks the date against the calendar; an impossible one is an error naming the line.
Date checked_date(const SourceLineParts& parts, const Paragraph& line, const std::string& file) {
  const std::string date_text =
      std::string(parts.month) + "/" + std::string(parts.day) + "/" + std::string(parts.year);
  const Date date{to_int(parts.year), to_int(parts.month), to_int(parts.day)};
  if (date.month < 1 || date.month > 12) {
    fail(file, line.source_line, 0,
         "invalid date " + date_text + " in the source line: month " + std::to_string(date.month) +
             " is not between 1 and 12");
  }
  const int month_length = days_in_month(date.year, date.month);
  if (date.day < 1 || date.day > month_length) {
    fail(file, line.source_line, 0,
         "invalid date " + date_text + " in the source line: day " + std::to_string(date.day) +
             " is not between 1 and " + std::to_string(month_length) + " for that month");
  }
  return date;
}

// Returns the source metadata when `line` has the shape "(Publication MM/DD/YYYY[ pageN])",
// nullopt when it is ordinary text. A line with that shape but an impossible date or page is
// an error rather than body text: it is clearly meant as a source line.
std::optional<SourceMeta> parse_source_line(const Paragraph& line, const std::string& file) {
  const auto parts = split_source_line(line.text);
  if (!parts) return std::nullopt;
  SourceMeta source;
  source.publication = std::string(parts->publication);
  source.raw = line.text;
  source.source_line = line.source_line;
  source.date = checked_date(*parts, line, file);
  if (parts->page) {
    const int page = to_int(*parts->page);
    if (page < 1) {
      fail(file, line.source_line, 0,
           "invalid page number " + std::string(*parts->page) +
               " in the source line: pages start at 1");
    }
    source.page = page;
  }
  return source;
}

// A header line "Language: zh-Hant" at the top of the file: the story's language (BCP 47).
// Returns false (and leaves `story` alone) when `line` is no such line.
bool take_language_line(const Paragraph& line, const std::string& file, Story& story) {
  constexpr std::string_view kLanguagePrefix = "Language:";
  std::string_view rest = line.text;
  if (!rest.starts_with(kLanguagePrefix)) return false;
  const std::string_view tag = text::trim_white_space(rest.substr(kLanguagePrefix.size()));
  if (!text::is_valid_language_tag(tag))
    fail(file, line.source_line, 0,
         "bad language tag \"" + std::string(tag) +
             "\" in the Language line (expected a BCP 47 tag such as en, zh-Hant, ar)");
  story.language = std::string(tag);
  return true;
}

}  // namespace

Story parse_story(const std::string& text, const std::string& file_name,
                  const ReadOptions& options) {
  if (text.size() > limits::kArticleBytes)  // text from the library's callers, too
    fail(file_name, 0, 0, "file larger than the limit of 16 MB");
  check_utf8(text, file_name);
  std::string_view content = text;
  if (content.starts_with(kByteOrderMark)) content.remove_prefix(kByteOrderMark.size());
  if (content.empty()) fail(file_name, 0, 0, "file is empty");

  std::vector<Paragraph> lines = non_blank_lines(content);
  if (lines.empty()) fail(file_name, 0, 0, "file is empty (it has only blank lines)");

  Story story;
  story.file = file_name;
  auto next = lines.begin();
  if (take_language_line(*next, file_name, story)) ++next;
  if (next == lines.end())
    fail(file_name, lines.front().source_line, 0, "no headline after the Language line");
  story.headline = std::move(*next++);
  if (next != lines.end() && is_byline(next->text)) story.byline = std::move(*next++);
  if (!story.byline && options.has_deck && next != lines.end()) {
    story.deck = std::move(*next++);
    if (next != lines.end() && is_byline(next->text)) story.byline = std::move(*next++);
  }

  // Only the last line can be the source line; the same text elsewhere is a paragraph.
  auto body_end = lines.end();
  if (next != body_end) {
    if (auto source = parse_source_line(*(body_end - 1), file_name)) {
      story.source = std::move(source);
      --body_end;
    }
  }

  for (; next != body_end; ++next) {
    if (auto picture = parse_picture_line(*next, file_name)) {
      story.pictures.push_back(std::move(*picture));
      continue;
    }
    const int paragraphs = static_cast<int>(story.body.size());
    if (read_fact_box_lines(next, body_end, paragraphs, file_name, story.fact_boxes)) continue;
    if (auto quote = parse_pull_quote_line(*next, paragraphs, file_name)) {
      story.pull_quotes.push_back(std::move(*quote));
      continue;
    }
    if (!is_contact_line(next->text)) {
      story.body.push_back(std::move(*next));
      continue;
    }
    if (story.contact) {
      fail(file_name, next->source_line, 0,
           "second contact line (the first is on line " +
               std::to_string(story.contact->source_line) + ")");
    }
    story.contact = std::move(*next);
  }

  if (story.body.empty() && story.deck) {  // a headline and one paragraph: that is the body
    story.warnings.push_back(
        {"single-paragraph", file_name + ":" + std::to_string(story.deck->source_line) +
                                 ": only one paragraph after the headline: set as body text, "
                                 "not as a deck"});
    story.body.push_back(std::move(*story.deck));
    story.deck.reset();
  }
  if (story.body.empty()) {
    const Paragraph& last_top = story.byline ? *story.byline : story.headline;
    fail(file_name, last_top.source_line, 0,
         story.byline ? "no body text after the byline" : "no body text after the headline");
  }
  mark_subheads(story.body);
  return story;
}

}  // namespace broadsheet::story
