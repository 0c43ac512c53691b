#pragma once
// The plain-text format's fact box: a "Fact box:" line, its items and an optional source line,
// ended by a blank line:
//   Fact box: The Green Belt Movement
//   - Founded in 1977 by Wangari Maathai
//   - More than 51 million trees planted in Kenya
//   Source: Green Belt Movement
// An item line starts "- " (or "• "); the source line starts "Source:" and is set as written.
// The box is set after the paragraphs before it; none of its lines is body text. The title line
// may end in "| columns=N": a box across N >= 2 of the story's columns, set at their head.

#include <string>
#include <vector>

#include "story/story.h"

namespace broadsheet::story {

/// When `*next` is a "Fact box:" line, reads the box from it and the lines up to the next blank
/// line into `out` (set after `paragraphs_before` body paragraphs), moves `next` past them and
/// returns true; returns false and leaves `next` alone otherwise. Throws InputError naming the
/// line for a box without items, an empty item, or a line in the box that is neither an item nor
/// its source line (a box ends with a blank line).
bool read_fact_box_lines(std::vector<Paragraph>::iterator& next,
                         std::vector<Paragraph>::iterator end, int paragraphs_before,
                         const std::string& article_file, std::vector<FactBox>& out);

}  // namespace broadsheet::story
