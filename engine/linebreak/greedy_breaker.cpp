#include "linebreak/greedy_breaker.h"

namespace broadsheet::linebreak {

namespace {
// Breaks at or above this penalty are taken only when no cheaper one fits the line.
constexpr double kCostlyPenalty = 100;
}  // namespace

BreakResult GreedyBreaker::break_lines(const ItemList& items, const LineWidths& widths) const {
  BreakResult result;
  std::size_t start = items.line_start_after(static_cast<std::size_t>(-1));
  while (start < items.size()) {
    const double measure = widths.at(result.lines.size());
    std::size_t chosen = items.size();        // the last break that fits
    std::size_t chosen_cheap = items.size();  // the last one that fits and is not costly
    std::size_t first_break = items.size();
    for (std::size_t i = start; i < items.size(); ++i) {
      if (!items.is_legal_break(i)) continue;
      if (first_break == items.size()) first_break = i;
      const BrokenLine line = measure_line(items, start, i, measure);
      if (line.ratio < -1) break;  // this and every later break overflow
      chosen = i;
      if (items[i].penalty < kCostlyPenalty) chosen_cheap = i;
      if (items[i].kind == ItemKind::Penalty && items[i].penalty <= -kInfinitePenalty) break;
    }
    // Costly breaks (inside URLs and e-mail addresses) only when nothing else fits.
    if (chosen_cheap != items.size()) chosen = chosen_cheap;
    // A box wider than the measure: take the first break and report the line as overfull.
    if (chosen == items.size()) chosen = first_break;
    if (chosen == items.size()) break;
    result.lines.push_back(measure_line(items, start, chosen, measure));
    start = items.line_start_after(chosen);
    if (items[chosen].kind == ItemKind::Penalty && items[chosen].penalty <= -kInfinitePenalty &&
        chosen + 1 >= items.size())
      break;
  }
  return result;
}

}  // namespace broadsheet::linebreak
