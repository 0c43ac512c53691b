#include "story/picture_line.h"

#include <filesystem>
#include <string_view>

#include "core/diagnostics.h"
#include "text/unicode.h"

namespace broadsheet::story {

namespace {

constexpr std::string_view kPrefix = "Picture:";

/// The next '|'-separated field of `rest`, trimmed; `rest` loses it and its bar.
std::string next_field(std::string_view& rest) {
  const std::size_t bar = rest.find('|');
  const std::string_view field = rest.substr(0, bar);
  rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
  return std::string(text::trim_white_space(field));
}

}  // namespace

std::optional<PullQuote> parse_pull_quote_line(const Paragraph& line, int paragraphs_before,
                                               const std::string& article_file) {
  constexpr std::string_view kQuotePrefix = "Pull quote:";
  std::string_view rest = line.text;
  if (!rest.starts_with(kQuotePrefix)) return std::nullopt;
  rest.remove_prefix(kQuotePrefix.size());
  PullQuote quote;
  quote.text = next_field(rest);
  quote.attribution = next_field(rest);
  quote.after_paragraph = paragraphs_before;
  quote.source_line = line.source_line;
  if (quote.text.empty())
    throw InputError({article_file, line.source_line, 0},
                     "pull-quote line without a quote (expected \"Pull quote: TEXT | "
                     "attribution\")");
  return quote;
}

std::optional<StoryPicture> parse_picture_line(const Paragraph& line,
                                               const std::string& article_file) {
  std::string_view rest = line.text;
  if (!rest.starts_with(kPrefix)) return std::nullopt;
  rest.remove_prefix(kPrefix.size());
  StoryPicture picture;
  picture.source_line = line.source_line;
  std::filesystem::path file = next_field(rest);
  if (file.empty())
    throw InputError({article_file, line.source_line, 0},
                     "picture line without a file (expected \"Picture: FILE | caption | credit\")");
  if (file.is_relative()) file = std::filesystem::path(article_file).parent_path() / file;
  picture.file = file.string();
  picture.caption = next_field(rest);
  picture.credit = next_field(rest);
  return picture;
}

}  // namespace broadsheet::story
