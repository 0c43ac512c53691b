#pragma once
// Balanced ragged lines for display type (headlines, decks): the fewest lines that fit, then the
// breaks that make those lines as even as possible, so no word is left alone on a last line.

#include <optional>

#include "linebreak/items.h"

namespace broadsheet::linebreak {

/// Breaks `items` into the fewest lines (at most `max_lines`) whose natural widths fit `measure`,
/// choosing among those the breaks that minimise the sum of squared slack (so the last line is
/// never a runt when an even split exists). Breaks at penalties (hyphens, URL breaks) are used
/// only when no split between words fits. Nullopt when `max_lines` lines cannot hold the text
/// without overflow.
/// With `min_lines` > 1, solutions with fewer lines are not considered (copyfitting may ask a
/// headline to take more lines than it needs).
std::optional<BreakResult> break_balanced(const ItemList& items, double measure, int max_lines,
                                          int min_lines = 1);

}  // namespace broadsheet::linebreak
