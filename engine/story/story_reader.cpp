// Reads the plain-text article format described in story.h.

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/diagnostics.h"
#include "story/story.h"
#include "text/utf8.h"

namespace broadsheet::story {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kContactPrefix = "Contact the writer";

[[noreturn]] void fail(const std::string& file, int line, int column, const std::string& message) {
  throw InputError(SourceLocation{file, line, column}, message);
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

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

// The non-blank lines of the text, trimmed, each with its 1-based line number.
std::vector<Paragraph> non_blank_lines(std::string_view text) {
  std::vector<Paragraph> lines;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    ++line_number;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(Paragraph{std::string(line), line_number});
    start = end + 1;
  }
  return lines;
}

// "Contact the writer ..." or "Contact the writers ...", but not e.g. "Contact the writership".
bool is_contact_line(std::string_view text) {
  if (!text.starts_with(kContactPrefix)) return false;
  std::string_view rest = text.substr(kContactPrefix.size());
  if (rest.starts_with('s')) rest.remove_prefix(1);
  return rest.empty() || !std::isalpha(static_cast<unsigned char>(rest.front()));
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Returns the source metadata when `line` has the shape "(Publication MM/DD/YYYY[ pageN])",
// nullopt when it is ordinary text. A line with that shape but an impossible date or page is
// an error rather than body text: it is clearly meant as a source line.
std::optional<SourceMeta> parse_source_line(const Paragraph& line, const std::string& file) {
  const std::string& text = line.text;
  // Cheap test first: the pattern is only tried on lines that could match.
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return std::nullopt;
  static const std::regex kSourcePattern(
      R"(\((.*\S)\s+(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+page\s?(\d{1,4}))?\))");
  std::smatch match;
  if (!std::regex_match(text, match, kSourcePattern)) return std::nullopt;

  SourceMeta source;
  source.publication = std::string(trim(match.str(1)));
  source.raw = text;
  source.source_line = line.source_line;
  const std::string date_text = match.str(2) + "/" + match.str(3) + "/" + match.str(4);
  const Date date{std::stoi(match.str(4)), std::stoi(match.str(2)), std::stoi(match.str(3))};
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
  source.date = date;
  if (match[5].matched) {
    const int page = std::stoi(match.str(5));
    if (page < 1) {
      fail(file, line.source_line, 0,
           "invalid page number " + match.str(5) + " in the source line: pages start at 1");
    }
    source.page = page;
  }
  return source;
}

/// TEMPORARY (replaced by the review branch): the composer's old subhead rule.
bool looks_like_subhead(const std::string& text) {
  if (text.empty() || text.size() > 60) return false;
  const int words = static_cast<int>(std::count(text.begin(), text.end(), ' ')) + 1;
  if (words > 8) return false;
  const unsigned char first = static_cast<unsigned char>(text.front());
  if (!(first >= 'A' && first <= 'Z') && !(first >= '0' && first <= '9')) return false;
  static const std::string closers[] = {".", ",", ";", ":", "!", "?", "\"", ")", "”", "’", "'"};
  return std::none_of(std::begin(closers), std::end(closers), [&](const std::string& c) {
    return text.size() >= c.size() && text.compare(text.size() - c.size(), c.size(), c) == 0;
  });
}

void mark_subheads(std::vector<Paragraph>& body) {
  for (std::size_t p = 1; p + 1 < body.size(); ++p)
    if (looks_like_subhead(body[p].text)) body[p].kind = ParagraphKind::Subhead;
}

}  // namespace

Story parse_story(const std::string& text, const std::string& file_name,
                  const ReadOptions& options) {
  check_utf8(text, file_name);
  std::string_view content = text;
  if (content.starts_with(kByteOrderMark)) content.remove_prefix(kByteOrderMark.size());
  if (content.empty()) fail(file_name, 0, 0, "file is empty");

  std::vector<Paragraph> lines = non_blank_lines(content);
  if (lines.empty()) fail(file_name, 0, 0, "file is empty (it has only blank lines)");

  Story story;
  story.file = file_name;
  auto next = lines.begin();
  story.headline = std::move(*next++);
  if (options.has_deck && next != lines.end()) story.deck = std::move(*next++);

  // Only the last line can be the source line; the same text elsewhere is a paragraph.
  auto body_end = lines.end();
  if (next != body_end) {
    if (auto source = parse_source_line(*(body_end - 1), file_name)) {
      story.source = std::move(source);
      --body_end;
    }
  }

  for (; next != body_end; ++next) {
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

  mark_subheads(story.body);
  if (story.body.empty()) {
    const Paragraph& last_top = story.deck ? *story.deck : story.headline;
    fail(file_name, last_top.source_line, 0,
         story.deck ? "no body text after the deck" : "no body text after the headline");
  }
  return story;
}

Story read_story(const std::string& path, const ReadOptions& options) {
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) {
    fail(path, 0, 0, "cannot read file: it is a directory");
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string reason = errno != 0 ? std::generic_category().message(errno) : "cannot open it";
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
    fail(path, 0, 0, "cannot read file: " + reason);
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) fail(path, 0, 0, "cannot read file: read error");
  return parse_story(contents.str(), path, options);
}

}  // namespace broadsheet::story
