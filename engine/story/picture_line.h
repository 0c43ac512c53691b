#pragma once
// The plain-text format's picture line:
//   Picture: FILE | caption | credit
// FILE is taken from the article's folder when relative; caption and credit may be left out
// ("Picture: lake.jpg", "Picture: lake.jpg | A ferry at dusk."). The line is no body text.

#include <optional>
#include <string>

#include "story/story.h"

namespace broadsheet::story {

/// The picture `line` describes, or nullopt when it is not a picture line. `article_file` is
/// the article's path (for its folder). An empty FILE is an InputError at the line.
std::optional<StoryPicture> parse_picture_line(const Paragraph& line,
                                               const std::string& article_file);

}  // namespace broadsheet::story
