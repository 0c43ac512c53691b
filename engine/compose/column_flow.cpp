#include "compose/column_flow.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace broadsheet::compose {

int break_violations(const FlowLine& before, const FlowLine& after) {
  int bad = 0;
  const bool same_paragraph = before.paragraph == after.paragraph;
  // Widow: the paragraph's last line opens the column.
  if (same_paragraph && after.line_in_paragraph == after.paragraph_lines - 1) ++bad;
  // Orphan: the paragraph's first line closes the column.
  if (same_paragraph && before.line_in_paragraph == 0) ++bad;
  if (before.keep_with_next) ++bad;
  return bad;
}

namespace {

int violations_of(const std::vector<FlowLine>& lines, const std::vector<int>& counts) {
  int bad = 0, at = 0;
  for (std::size_t c = 0; c + 1 < counts.size(); ++c) {
    at += counts[c];
    if (at > 0 && at < static_cast<int>(lines.size()))
      bad += break_violations(lines[static_cast<std::size_t>(at - 1)],
                              lines[static_cast<std::size_t>(at)]);
  }
  return bad;
}

std::vector<int> balanced(const std::vector<FlowLine>& lines, int columns, int rows) {
  const int n = static_cast<int>(lines.size());
  const int per_column = (n + columns - 1) / columns;
  const double average = static_cast<double>(n) / columns;
  std::vector<int> best, counts(static_cast<std::size_t>(columns));
  double best_cost = std::numeric_limits<double>::infinity();
  // Every column takes per_column - 2 ... per_column + 1 lines: 4^columns candidates (at most
  // 4096 for six columns).
  std::vector<int> digit(static_cast<std::size_t>(columns), 0);
  for (;;) {
    int sum = 0;
    bool ok = true;
    for (std::size_t c = 0; c < counts.size(); ++c) {
      counts[c] = per_column - 2 + digit[c];
      ok = ok && counts[c] >= 0 && counts[c] <= rows;
      sum += counts[c];
    }
    const int first = counts.front(), last = counts.back();
    const int tallest = *std::max_element(counts.begin(), counts.end());
    const int shortest = *std::min_element(counts.begin(), counts.end());
    // Hard: the last column at most one line shorter than the first, and no column more than
    // two lines off another, none more than one line taller than the first. Soft, at a price, where
    // that saves a widow, an orphan or a keep: a middle column two lines short, a first column that
    // is not the tallest.
    ok = ok && sum == n && last >= first - 1 && tallest <= first + 1 && tallest - shortest <= 2;
    if (ok) {
      double cost = 1000.0 * violations_of(lines, counts);
      for (std::size_t c = 0; c < counts.size(); ++c) {
        cost += std::abs(counts[c] - average);
        if (counts[c] < first - 1) cost += 50;
        if (c > 0 && counts[c] > counts[c - 1]) cost += 1;  // prefer a stepped foot
      }
      if (first != tallest) cost += 60;
      if (cost < best_cost) {
        best_cost = cost;
        best = counts;
      }
    }
    std::size_t i = 0;
    while (i < digit.size() && ++digit[i] == 4) digit[i++] = 0;
    if (i == digit.size()) break;
  }
  return best;
}

}  // namespace

std::vector<int> distribute_columns(const std::vector<FlowLine>& lines, int columns, int rows,
                                    int reserve_last) {
  std::vector<int> counts(static_cast<std::size_t>(std::max(columns, 0)), 0);
  const int n = static_cast<int>(lines.size());
  if (columns <= 0 || rows <= 0 || n == 0) return counts;
  if (n <= columns * rows) {
    std::vector<int> best = balanced(lines, columns, rows);
    if (!best.empty()) return best;
    // No balanced split fits the rows (very short columns): fill in order.
  }
  // Fill column by column; give up a column's last line where the break would be bad.
  int at = 0;
  for (int c = 0; c < columns && at < n; ++c) {
    int take = std::min(rows - (c == columns - 1 && n - at > rows ? reserve_last : 0), n - at);
    if (at + take < n && take > 1 &&
        break_violations(lines[static_cast<std::size_t>(at + take - 1)],
                         lines[static_cast<std::size_t>(at + take)]) > 0 &&
        break_violations(lines[static_cast<std::size_t>(at + take - 2)],
                         lines[static_cast<std::size_t>(at + take - 1)]) == 0)
      --take;
    counts[static_cast<std::size_t>(c)] = take;
    at += take;
  }
  return counts;
}

}  // namespace broadsheet::compose
