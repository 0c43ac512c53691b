#pragma once
// How many lines go in each column of a story module: balanced (the first columns are at most
// one line longer than the last), without widows, orphans or broken keeps where the lines allow.

#include <span>
#include <vector>

namespace broadsheet::compose {

/// What the column distribution needs to know of a line.
struct FlowLine {
  int paragraph = 0;
  int line_in_paragraph = 0;
  int paragraph_lines = 1;
  bool keep_with_next = false;  ///< a subhead, or the last body line before the contact line
};

/// Why a column break between two lines is bad (0 = fine). A widow is a paragraph's last line
/// alone at the top of a column, an orphan its first line alone at the bottom.
int break_violations(const FlowLine& before, const FlowLine& after);

/// Lines per column for `lines` in `columns` columns of at most `rows` lines. When everything
/// fits, the columns are balanced: the last column is at most one line shorter than the first,
/// no column is more than one line taller than the first, and no two columns differ by more than
/// two lines; among such splits the one with the fewest widows, orphans and broken keeps, then
/// the most even (a middle column two lines short and a first column that is not the tallest
/// are allowed only at a price), is chosen. When not everything fits, the columns are filled (a
/// column gives up its last line where that avoids a bad break) and the sum of the counts is
/// what fits. `reserve_last` rows are kept free at the foot of the last column (for a
/// "Continued on page N" line) when the lines do not all fit.
std::vector<int> distribute_columns(const std::vector<FlowLine>& lines, int columns, int rows,
                                    int reserve_last = 0);

/// The same for columns with ragged starts (a picture across some of a story's columns): column
/// c (reading order) starts `skip[c]` rows below the others and holds `rows - skip[c]` lines,
/// all columns sharing one foot. Balanced means level feet: the rules above hold for
/// `skip[c] + count[c]`. When no balanced split fits, the columns are filled in order.
std::vector<int> distribute_ragged_columns(const std::vector<FlowLine>& lines,
                                           std::span<const int> skip, int rows,
                                           int reserve_last = 0);

}  // namespace broadsheet::compose
