#pragma once
// The plain-text format's picture line:
//   Picture: FILE | caption | credit
// FILE is taken from the article's folder when relative; caption and credit may be left out
// ("Picture: lake.jpg", "Picture: lake.jpg | A ferry at dusk."). The line is no body text.
// Likewise the pull-quote line, "Pull quote: TEXT | attribution", set after the paragraphs
// before it.

#include <optional>
#include <string>

#include "story/story.h"

namespace broadsheet::story {

/// The pull quote of a line "Pull quote: TEXT | attribution" (the attribution may be left
/// out), set after `paragraphs_before` body paragraphs; nullopt when it is not such a line.
std::optional<PullQuote> parse_pull_quote_line(const Paragraph& line, int paragraphs_before,
                                               const std::string& article_file);

/// The picture `line` describes, or nullopt when it is not a picture line. `article_file` is
/// the article's path (for its folder). An empty FILE is an InputError at the line.
std::optional<StoryPicture> parse_picture_line(const Paragraph& line,
                                               const std::string& article_file);

}  // namespace broadsheet::story
