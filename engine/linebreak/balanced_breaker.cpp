#include "linebreak/balanced_breaker.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace broadsheet::linebreak {

namespace {

/// One row of the balancing table: cost[k] is the least sum of squared slack of the lines so
/// far, the last ending at breaks[k]; from[k] is where the line before it ended.
struct BalanceRow {
  std::vector<double> cost;
  std::vector<std::size_t> from;
};

std::optional<BreakResult> balance(const ItemList& items, double measure, int min_lines,
                                   int max_lines, bool inside_words) {
  // Candidate breaks: between words (zero penalty) and, if allowed, inside words.
  std::vector<std::size_t> breaks;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items.is_legal_break(i) && (inside_words || items[i].penalty <= 0)) breaks.push_back(i);
  if (breaks.empty()) return std::nullopt;
  const std::size_t n = breaks.size();
  const double inf = std::numeric_limits<double>::infinity();
  const std::size_t none = static_cast<std::size_t>(-1);
  auto forced = [&](std::size_t k) { return items[breaks[k]].penalty <= -kInfinitePenalty; };
  if (!forced(n - 1)) return std::nullopt;  // no line count ends the paragraph
  // starts[0]: the paragraph's first item; starts[p + 1]: the first item after breaks[p].
  std::vector<std::size_t> starts(n + 1);
  starts[0] = items.line_start_after(none);
  for (std::size_t p = 0; p < n; ++p) starts[p + 1] = items.line_start_after(breaks[p]);
  // The natural width of the line from `start` to breaks[k], as measure_line gives it.
  auto natural = [&](std::size_t start, std::size_t k) {
    const Item& end = items[breaks[k]];
    double width = items.width(start, breaks[k]);
    if (end.kind == ItemKind::Penalty) width += end.width;
    return width;
  };
  // The next line's row from the row above (null: the first line); only a `last` line may end
  // at a forced break (the paragraph's end).
  auto next_row = [&](const BalanceRow* above, bool last) {
    BalanceRow row{std::vector<double>(n, inf), std::vector<std::size_t>(n, none)};
    // The line after the break `prev` (none: the paragraph's start) to breaks[k], on top of the
    // lines before it, if it fits and costs less than what row k holds.
    const auto offer = [&](std::size_t k, std::size_t prev, double before) {
      const double width = natural(starts[prev == none ? 0 : prev + 1], k);
      if (width > measure + 1e-6) return;
      const double slack = measure - width;
      if (before + slack * slack < row.cost[k]) {
        row.cost[k] = before + slack * slack;
        row.from[k] = prev;
      }
    };
    for (std::size_t k = 0; k < n; ++k) {
      if (!last && forced(k)) continue;
      if (above == nullptr) {
        offer(k, none, 0.0);
        continue;
      }
      for (std::size_t p = 0; p < k; ++p)
        if (above->cost[p] != inf) offer(k, p, above->cost[p]);
    }
    return row;
  };

  // rows[l]: l + 1 lines that do not end the paragraph, the same for every line count, so
  // each is computed once as the count grows.
  std::vector<BalanceRow> rows;
  for (int lines = std::max(min_lines, 1); lines <= max_lines; ++lines) {
    const std::size_t count = static_cast<std::size_t>(lines);
    while (rows.size() + 1 < count)
      rows.push_back(next_row(rows.empty() ? nullptr : &rows.back(), false));
    const BalanceRow last_row = next_row(count == 1 ? nullptr : &rows[count - 2], true);
    const std::size_t last = n - 1;
    if (last_row.cost[last] == inf) continue;
    std::vector<std::size_t> chosen(count);
    std::size_t k = last;
    for (std::size_t l = count; l-- > 0;) {
      chosen[l] = k;
      k = l + 1 == count ? last_row.from[k] : rows[l].from[k];
    }
    BreakResult result;
    std::size_t start = starts[0];
    for (std::size_t c : chosen) {
      result.lines.push_back(measure_line(items, start, breaks[c], measure));
      start = starts[c + 1];
    }
    return result;
  }
  return std::nullopt;
}

}  // namespace

std::optional<BreakResult> break_balanced(const ItemList& items, double measure, int max_lines,
                                          int min_lines) {
  if (auto between_words = balance(items, measure, min_lines, max_lines, false))
    return between_words;
  return balance(items, measure, min_lines, max_lines, true);
}

}  // namespace broadsheet::linebreak
