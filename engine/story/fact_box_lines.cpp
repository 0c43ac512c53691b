#include "story/fact_box_lines.h"

#include <optional>
#include <string_view>

#include "core/diagnostics.h"
#include "text/unicode.h"

namespace broadsheet::story {

namespace {

constexpr std::string_view kBoxPrefix = "Fact box:";
constexpr std::string_view kSourcePrefix = "Source:";
constexpr std::string_view kItemPrefixes[] = {"- ", "\u2022 "};

/// The text of an item line after its bullet, or nullopt when it is no item line ("-" alone is
/// an item without text).
std::optional<std::string_view> item_text(std::string_view line) {
  if (line == "-" || line == "\u2022") return std::string_view{};
  for (const std::string_view prefix : kItemPrefixes)
    if (line.starts_with(prefix)) return text::trim_white_space(line.substr(prefix.size()));
  return std::nullopt;
}

[[noreturn]] void fail(const std::string& file, int line, const std::string& message) {
  throw InputError({file, line, 0}, message);
}

/// The options after a "Fact box: TITLE |": "columns=N" (N from 1).
void read_box_options(std::string_view options, const std::string& file, int line, FactBox& box) {
  options = text::trim_white_space(options);
  constexpr std::string_view kColumns = "columns=";
  int columns = 0;
  bool good = options.starts_with(kColumns) && options.size() > kColumns.size() &&
              options.size() <= kColumns.size() + 2;
  for (char c : good ? options.substr(kColumns.size()) : std::string_view{}) {
    good = good && c >= '0' && c <= '9';
    columns = columns * 10 + (c - '0');
  }
  if (!good || columns < 1)
    fail(file, line,
         "fact box option '" + std::string(options.substr(0, 40)) +
             "': expected columns=N (\"Fact box: TITLE | columns=2\")");
  box.columns = columns;
}

}  // namespace

bool read_fact_box_lines(std::vector<Paragraph>::iterator& next,
                         std::vector<Paragraph>::iterator end, int paragraphs_before,
                         const std::string& article_file, std::vector<FactBox>& out) {
  if (!std::string_view(next->text).starts_with(kBoxPrefix)) return false;
  FactBox box;
  std::string_view title = std::string_view(next->text).substr(kBoxPrefix.size());
  if (const std::size_t bar = title.find('|'); bar != std::string_view::npos) {
    read_box_options(title.substr(bar + 1), article_file, next->source_line, box);
    title = title.substr(0, bar);
  }
  box.title = std::string(text::trim_white_space(title));
  box.after_paragraph = paragraphs_before;
  box.source_line = next->source_line;
  int previous = next->source_line;
  auto line = next + 1;
  // The box takes the lines right under it: a blank line (a gap in the line numbers) ends it.
  for (; line != end && line->source_line == previous + 1; ++line, ++previous) {
    const std::string_view text = line->text;
    if (!box.source.empty())
      fail(article_file, line->source_line,
           "a line after the fact box's source line (end the box with a blank line)");
    if (text.starts_with(kSourcePrefix)) {
      box.source = std::string(text);
      continue;
    }
    const auto item = item_text(text);
    if (!item)
      fail(article_file, line->source_line,
           "a line in a fact box that is no item (expected \"- item\", \"Source: ...\" or a "
           "blank line to end the box)");
    if (item->empty()) fail(article_file, line->source_line, "an empty item in a fact box");
    box.items.emplace_back(*item);
  }
  if (box.items.empty())
    fail(article_file, box.source_line,
         "a fact box without items (expected \"- item\" lines under \"Fact box: TITLE\")");
  out.push_back(std::move(box));
  next = line - 1;  // the caller's loop steps past the box's last line
  return true;
}

}  // namespace broadsheet::story
