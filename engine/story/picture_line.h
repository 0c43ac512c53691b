#pragma once
// The plain-text format's picture line:
//   Picture: FILE | caption | credit
// FILE is taken from the article's folder when relative; caption and credit may be left out
// ("Picture: lake.jpg", "Picture: lake.jpg | A ferry at dusk."). The line is no body text.
// Fields after the credit are placement options, `key=value` separated by spaces or commas:
//   Picture: lake.jpg | A ferry at dusk. | WU ZHIYI | columns=2
//   Picture: lake.jpg | A ferry at dusk. | WU ZHIYI | inset=right width=40%
// columns=N: the picture spans the story's first N columns (reading order), the body flowing
// below it there and from the top in the others; inset=left|right: the picture sits at the top
// of the story's first column, `width` of the column wide (a percentage or a fraction; default
// 50%), the body lines beside it set shorter.
// Likewise the pull-quote line, "Pull quote: TEXT | attribution", set after the paragraphs
// before it.

#include <optional>
#include <string>
#include <string_view>

#include "story/story.h"

namespace broadsheet::story {

/// The pull quote of a line "Pull quote: TEXT | attribution" (the attribution may be left
/// out), set after `paragraphs_before` body paragraphs; nullopt when it is not such a line.
std::optional<PullQuote> parse_pull_quote_line(const Paragraph& line, int paragraphs_before,
                                               const std::string& article_file);

/// Applies one placement option (`columns`, `inset`, `width`) to `picture`; returns what is
/// wrong with it (empty when it is fine). The picture line and NITF's media-metadata share it.
std::string apply_picture_option(std::string_view key, std::string_view value,
                                 StoryPicture& picture);

/// The picture `line` describes, or nullopt when it is not a picture line. `article_file` is
/// the article's path (for its folder). An empty FILE is an InputError at the line.
std::optional<StoryPicture> parse_picture_line(const Paragraph& line,
                                               const std::string& article_file);

}  // namespace broadsheet::story
