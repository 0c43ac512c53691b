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

/// Balancing as dynamic programming over the columns, left to right. Every column takes
/// `base` + 0 ... 3 lines (base = ceil(n / columns) - 2); a state is what the rules still need
/// to know of the columns so far: how many lines they took, the last column's count, the
/// smallest and largest count, and the first column's. Costs are kept exactly (scaled by the
/// column count, so the average needs no division); ties go to the split with the smallest
/// counts from the last column back, as an enumeration in that order would find first.
/// Ragged starts (`skip`: rows a column starts below the others) are balanced on the columns'
/// feet: the counts here are of rows down to the foot (skip + lines), and the lines themselves
/// are those counts less the skips.
class BalancedSplit {
 public:
  BalancedSplit(const std::vector<FlowLine>& lines, int columns, int rows,
                std::span<const int> skip = {})
      : lines_(lines),
        skip_(skip),
        n_(static_cast<int>(lines.size()) + skipped(skip, columns)),
        columns_(columns),
        rows_(rows),
        base_((n_ + columns - 1) / columns - 2) {
    // Column c's lines so far sum to at most 3 (c + 1) over the bases: a triangle, not a
    // square, of cells; kept as three flat arrays (no padding) they stay small enough that the
    // table of a six-column story costs tens of page faults, not hundreds.
    std::size_t size = 0;
    for (int c = 0; c < columns; ++c) {
      first_cell_.push_back(size);
      size += static_cast<std::size_t>(sums(c)) * kPerSum;
    }
    costs_.assign(size, kUnreached);
    values_.assign(size, 0);
    from_.assign(size, -1);
  }

  std::vector<int> run() {
    for (int f = 0; f < 4; ++f)
      if (valid(0, f)) relax(cell(0, f, f, f, f, f), {column_cost(f, f, f), 0}, -1);
    for (int c = 0; c + 1 < columns_; ++c) step(c);
    return best_split();
  }

 private:
  static constexpr long long kUnreached = std::numeric_limits<long long>::max();
  /// Cells per sum: this column's digit (4) x the (low, high) pairs with low <= high (10) x the
  /// first column's digit (4).
  static constexpr int kPerSum = 4 * 10 * 4;

  /// (cost, tie-break value): compared in that order.
  struct Score {
    long long cost = kUnreached;
    unsigned long long value = 0;
    friend bool operator<(const Score& a, const Score& b) {
      return a.cost != b.cost ? a.cost < b.cost : a.value < b.value;
    }
  };

  /// Rows skipped at the head of columns [0, before).
  static int skipped(std::span<const int> skip, int before) {
    int sum = 0;
    for (int c = 0; c < before && c < static_cast<int>(skip.size()); ++c)
      sum += skip[static_cast<std::size_t>(c)];
    return sum;
  }
  int skip_of(int c) const {
    return c < static_cast<int>(skip_.size()) ? skip_[static_cast<std::size_t>(c)] : 0;
  }
  static int pair_index(int low, int high) {
    static constexpr int kFirstOfLow[4] = {0, 4, 7, 9};
    return kFirstOfLow[low] + high - low;
  }
  static int sums(int c) { return 3 * (c + 1) + 1; }
  int count(int digit) const { return base_ + digit; }
  /// Column c may take `digit`: no fewer rows than it skips, no more than a column holds.
  bool valid(int c, int digit) const { return count(digit) >= skip_of(c) && count(digit) <= rows_; }
  int cell(int c, int sum, int digit, int low, int high, int first) const {
    const int local = ((sum * 4 + digit) * 10 + pair_index(low, high)) * 4 + first;
    return static_cast<int>(first_cell_[static_cast<std::size_t>(c)]) + local;
  }
  /// The digit of cell `at` of column `c`.
  int digit_of(int c, int at) const {
    const int local = at - static_cast<int>(first_cell_[static_cast<std::size_t>(c)]);
    return local / (10 * 4) % 4;
  }
  Score score_at(int at) const {
    const auto i = static_cast<std::size_t>(at);
    return {costs_[i], values_[i]};
  }
  void relax(int at, Score score, int from) {
    const auto i = static_cast<std::size_t>(at);
    if (score < Score{costs_[i], values_[i]}) {
      costs_[i] = score.cost;
      values_[i] = score.value;
      from_[i] = from;
    }
  }
  /// A column's own cost: distance from the average, a price for a column two lines short of
  /// the first, and for one taller than the column before it (a stepped foot is preferred).
  long long column_cost(int digit, int first, int previous) const {
    long long cost = std::llabs(static_cast<long long>(count(digit)) * columns_ - n_);
    if (digit < first - 1) cost += 50LL * columns_;
    if (previous >= 0 && digit > previous) cost += columns_;
    return cost;
  }
  /// The price of a column break after `at` lines (rows less skips): widows, orphans, keeps.
  long long break_cost(int at) const {
    if (at <= 0 || at >= static_cast<int>(lines_.size())) return 0;
    return 1000LL * columns_ *
           break_violations(lines_[static_cast<std::size_t>(at - 1)],
                            lines_[static_cast<std::size_t>(at)]);
  }
  unsigned long long place_value(int c, int digit) const {
    // Ties go to the smallest counts from the last column back; past 31 columns the value would
    // overflow, and ties are left to the order of the search.
    return c < 31 ? static_cast<unsigned long long>(digit) << (2 * c) : 0;
  }

  void step(int c) {
    const int skipped_before = skipped(skip_, c + 1);  // rows, not lines, in the counts so far
    for (int sum = 0; sum <= 3 * (c + 1); ++sum)
      for (int d = 0; d < 4; ++d)
        for (int low = 0; low < 4; ++low)
          for (int high = low; high < 4; ++high)
            for (int f = 0; f < 4; ++f) {
              const int at = cell(c, sum, d, low, high, f);
              const Score here = score_at(at);
              if (here.cost == kUnreached) continue;
              const long long broken = break_cost((c + 1) * base_ + sum - skipped_before);
              for (int next = 0; next < 4; ++next) {
                if (!valid(c + 1, next)) continue;
                const Score score{here.cost + broken + column_cost(next, f, d),
                                  here.value + place_value(c + 1, next)};
                relax(cell(c + 1, sum + next, next, std::min(low, next), std::max(high, next), f),
                      score, at);
              }
            }
  }

  /// The best final state that meets the hard rules, traced back to the counts.
  std::vector<int> best_split() const {
    const int c = columns_ - 1;
    Score best;
    int best_at = -1;
    for (int sum = 0; sum <= 3 * columns_; ++sum) {
      if (columns_ * base_ + sum != n_) continue;
      for (int d = 0; d < 4; ++d)
        for (int low = 0; low < 4; ++low)
          for (int high = low; high < 4; ++high)
            for (int f = 0; f < 4; ++f) {
              const int at = cell(c, sum, d, low, high, f);
              Score score = score_at(at);
              // Hard: the last column at most one line shorter than the first, none more than one
              // line taller than the first, no two more than two lines apart.
              if (score.cost == kUnreached || d < f - 1 || high > f + 1 || high - low > 2) continue;
              if (high != f) score.cost += 60LL * columns_;  // the first column not the tallest
              if (score < best) {
                best = score;
                best_at = at;
              }
            }
    }
    std::vector<int> counts;
    for (int at = best_at, column = c; at >= 0; at = from_[static_cast<std::size_t>(at)], --column)
      counts.push_back(count(digit_of(column, at)));
    std::reverse(counts.begin(), counts.end());
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] -= skip_of(static_cast<int>(i));
    return counts;
  }

  const std::vector<FlowLine>& lines_;
  const std::span<const int> skip_;
  const int n_, columns_, rows_, base_;
  std::vector<std::size_t> first_cell_;  ///< each column's first cell
  std::vector<long long> costs_;
  std::vector<unsigned long long> values_;
  std::vector<int> from_;  ///< the previous column's cell; -1 for the first column's
};

/// Lines per column as distribute_columns gives them, column c `skip[c]` rows shorter (no
/// skips: all `rows` deep).
std::vector<int> distribute(const std::vector<FlowLine>& lines, int columns, int rows,
                            int reserve_last, std::span<const int> skip) {
  std::vector<int> counts(static_cast<std::size_t>(std::max(columns, 0)), 0);
  const int n = static_cast<int>(lines.size());
  if (columns <= 0 || rows <= 0 || n == 0) return counts;
  const auto holds = [&](int c) {
    return std::max(0, rows - (skip.empty() ? 0 : skip[static_cast<std::size_t>(c)]));
  };
  int capacity = 0;
  for (int c = 0; c < columns; ++c) capacity += holds(c);
  if (n <= capacity) {
    std::vector<int> best = BalancedSplit(lines, columns, rows, skip).run();
    if (!best.empty()) return best;
    // No balanced split fits the rows (very short columns): fill in order.
  }
  // Fill column by column; give up a column's last line where the break would be bad.
  int at = 0;
  for (int c = 0; c < columns && at < n; ++c) {
    const int room = holds(c);
    int take = std::min(room - (c == columns - 1 && n - at > room ? reserve_last : 0), n - at);
    if (at + take < n && take > 1 &&
        break_violations(lines[static_cast<std::size_t>(at + take - 1)],
                         lines[static_cast<std::size_t>(at + take)]) > 0 &&
        break_violations(lines[static_cast<std::size_t>(at + take - 2)],
                         lines[static_cast<std::size_t>(at + take - 1)]) == 0)
      --take;
    take = std::max(take, 0);
    counts[static_cast<std::size_t>(c)] = take;
    at += take;
  }
  return counts;
}

}  // namespace

std::vector<int> distribute_columns(const std::vector<FlowLine>& lines, int columns, int rows,
                                    int reserve_last) {
  return distribute(lines, columns, rows, reserve_last, {});
}

std::vector<int> distribute_ragged_columns(const std::vector<FlowLine>& lines,
                                           std::span<const int> skip, int rows, int reserve_last) {
  return distribute(lines, static_cast<int>(skip.size()), rows, reserve_last, skip);
}

}  // namespace broadsheet::compose
