#include "story/picture_line.h"

#include <charconv>
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

/// A positive whole number, or nullopt.
std::optional<int> positive_int(std::string_view text) {
  int value = 0;
  if (text.empty() || text.size() > 4) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value > 0 ? std::optional<int>(value) : std::nullopt;
}

/// "40%" or "0.4" as a fraction in (0, 1), or nullopt.
std::optional<double> fraction(std::string_view text) {
  const bool percent = text.ends_with('%');
  if (percent) text.remove_suffix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (percent) value /= 100;
  return value > 0 && value < 1 ? std::optional<double>(value) : std::nullopt;
}

/// Reads the option fields after the credit ("columns=2", "inset=right width=40%").
void read_options(std::string_view rest, const Paragraph& line, const std::string& article_file,
                  StoryPicture& picture) {
  std::size_t at = 0;
  while (at < rest.size()) {
    const std::size_t end = rest.find_first_of(" \t,|", at);
    const std::string_view token = rest.substr(at, end == std::string_view::npos ? end : end - at);
    at = end == std::string_view::npos ? rest.size() : end + 1;
    if (token.empty()) continue;
    const std::size_t equals = token.find('=');
    std::string problem =
        equals == std::string_view::npos
            ? "expected key=value"
            : apply_picture_option(token.substr(0, equals), token.substr(equals + 1), picture);
    if (!problem.empty())
      throw InputError({article_file, line.source_line, 0},
                       "picture option '" + std::string(token.substr(0, 40)) + "': " + problem);
  }
}

}  // namespace

std::string apply_picture_option(std::string_view key, std::string_view value,
                                 StoryPicture& picture) {
  if (key == "columns") {
    const std::optional<int> n = positive_int(value);
    if (!n) return "expected a number of columns from 1 (columns=2)";
    picture.columns = *n;
  } else if (key == "inset") {
    if (value == "left") {
      picture.inset = PictureInset::Left;
    } else if (value == "right") {
      picture.inset = PictureInset::Right;
    } else if (value == "none") {
      picture.inset = PictureInset::None;
    } else {
      return "expected left, right or none";
    }
  } else if (key == "width") {
    const std::optional<double> f = fraction(value);
    if (!f) return "expected a width between 0 and 100% of the column (width=40%)";
    picture.width = *f;
  } else {
    return "unknown option (known: columns, inset, width)";
  }
  return {};
}

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
  read_options(rest, line, article_file, picture);
  return picture;
}

}  // namespace broadsheet::story
