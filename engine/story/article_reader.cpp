// Picks an article's format (plain text or NITF XML) and reads it with the right reader.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "core/bounded_read.h"
#include "core/limits.h"
#include "story/story.h"

namespace broadsheet::story {

namespace {

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - std::ptrdiff_t(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

// The text after a byte-order mark and leading white space.
std::string_view opening(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view{} : text.substr(first);
}

}  // namespace

ArticleFormat article_format(std::string_view text, std::string_view file_name) {
  if (ends_with_ignoring_case(file_name, ".xml") || ends_with_ignoring_case(file_name, ".nitf"))
    return ArticleFormat::Nitf;
  const std::string_view start = opening(text);
  if (start.starts_with("<?xml") || start.starts_with("<nitf")) return ArticleFormat::Nitf;
  return ArticleFormat::PlainText;
}

Story parse_article(const std::string& text, const std::string& file_name,
                    const ReadOptions& options) {
  if (article_format(text, file_name) == ArticleFormat::Nitf) return parse_nitf(text, file_name);
  return parse_story(text, file_name, options);
}

Story read_story(const std::string& path, const ReadOptions& options) {
  return parse_article(read_bounded_file(path, limits::kArticleBytes, "file"), path, options);
}

}  // namespace broadsheet::story
