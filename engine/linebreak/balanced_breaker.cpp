#include "linebreak/balanced_breaker.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace broadsheet::linebreak {

namespace {

std::optional<BreakResult> balance(const ItemList& items, double measure, int min_lines,
                                   int max_lines, bool inside_words) {
  // Candidate breaks: between words (zero penalty) and, if allowed, inside words.
  std::vector<std::size_t> breaks;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items.is_legal_break(i) && (inside_words || items[i].penalty <= 0)) breaks.push_back(i);
  if (breaks.empty()) return std::nullopt;
  const std::size_t n = breaks.size();
  const double inf = std::numeric_limits<double>::infinity();
  // The line from the break after `prev` (SIZE_MAX = paragraph start) to breaks[k].
  const std::size_t none = static_cast<std::size_t>(-1);
  auto line = [&](std::size_t prev, std::size_t k) {
    const std::size_t start =
        prev == none ? items.line_start_after(none) : items.line_start_after(breaks[prev]);
    return measure_line(items, start, breaks[k], measure);
  };
  auto forced = [&](std::size_t k) { return items[breaks[k]].penalty <= -kInfinitePenalty; };

  for (int lines = std::max(min_lines, 1); lines <= max_lines; ++lines) {
    const std::size_t count = static_cast<std::size_t>(lines);
    // cost[l][k]: the least sum of squared slack of l + 1 lines, the last ending at breaks[k].
    std::vector<std::vector<double>> cost(count, std::vector<double>(n, inf));
    std::vector<std::vector<std::size_t>> from(count, std::vector<std::size_t>(n, none));
    for (std::size_t l = 0; l < count; ++l) {
      for (std::size_t k = 0; k < n; ++k) {
        if (l + 1 < count && forced(k)) continue;  // only the last line ends the paragraph
        const std::size_t first_prev = l == 0 ? none : 0;
        for (std::size_t p = first_prev; p == none || p < k; p = (p == none ? k : p + 1)) {
          const double before = p == none ? 0.0 : cost[l - 1][p];
          if (before == inf) continue;
          const BrokenLine candidate = line(p, k);
          if (candidate.natural_width > measure + 1e-6) continue;
          const double slack = measure - candidate.natural_width;
          if (before + slack * slack < cost[l][k]) {
            cost[l][k] = before + slack * slack;
            from[l][k] = p;
          }
          if (p == none) break;
        }
      }
    }
    const std::size_t last = n - 1;
    if (!forced(last) || cost[count - 1][last] == inf) continue;
    std::vector<std::size_t> chosen(count);
    std::size_t k = last;
    for (std::size_t l = count; l-- > 0;) {
      chosen[l] = k;
      k = from[l][k];
    }
    BreakResult result;
    std::size_t prev = none;
    for (std::size_t c : chosen) {
      result.lines.push_back(line(prev, c));
      prev = c;
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
