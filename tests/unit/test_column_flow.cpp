// Column balancing with keeps: widows, orphans, keep-with-next.
#define BOOST_TEST_MODULE column_flow
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "compose/column_flow.h"

using namespace broadsheet::compose;

namespace {
/// Lines of paragraphs with the given line counts.
std::vector<FlowLine> paragraphs(std::initializer_list<int> counts) {
  std::vector<FlowLine> out;
  int p = 0;
  for (int n : counts) {
    for (int i = 0; i < n; ++i) out.push_back({p, i, n, false});
    ++p;
  }
  return out;
}
int sum(const std::vector<int>& v) {
  return std::accumulate(v.begin(), v.end(), 0);
}
}  // namespace

BOOST_AUTO_TEST_CASE(balanced_columns_step_down_by_at_most_one) {
  const auto lines = paragraphs({57});
  const auto counts = distribute_columns(lines, 4, 40);
  BOOST_TEST(counts == (std::vector<int>{15, 14, 14, 14}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_widow_is_avoided_by_moving_the_break) {
  // 4 + 5 lines in 3 columns: the even 3 | 3 | 3 leaves paragraph 1's last line alone at the
  // top of column 2. A split without it exists and is chosen.
  const auto lines = paragraphs({4, 5});
  BOOST_TEST(break_violations(lines[2], lines[3]) == 1);
  const auto counts = distribute_columns(lines, 3, 20);
  BOOST_TEST(sum(counts) == 9);
  int at = 0;
  for (std::size_t c = 0; c + 1 < counts.size(); ++c) {
    at += counts[c];
    BOOST_TEST(break_violations(lines[static_cast<std::size_t>(at - 1)],
                                lines[static_cast<std::size_t>(at)]) == 0);
  }
  BOOST_TEST(counts.back() >= counts.front() - 1);
}

BOOST_AUTO_TEST_CASE(an_unavoidable_widow_is_accepted_rather_than_unbalancing_the_columns) {
  // 5 + 3 lines in 2 columns: 4 | 4 is the only balanced split.
  const auto counts = distribute_columns(paragraphs({5, 3}), 2, 20);
  BOOST_TEST(counts == (std::vector<int>{4, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(widows_and_orphans_are_detected) {
  const auto lines = paragraphs({3, 3});
  BOOST_TEST(break_violations(lines[1], lines[2]) == 1);  // widow: line 3 of 3 opens a column
  BOOST_TEST(break_violations(lines[3], lines[4]) == 1);  // orphan: line 1 of 3 closes one
  BOOST_TEST(break_violations(lines[2], lines[3]) == 0);  // between paragraphs
  auto keep = lines;
  keep[2].keep_with_next = true;
  BOOST_TEST(break_violations(keep[2], keep[3]) == 1);
}

BOOST_AUTO_TEST_CASE(a_subhead_stays_with_its_next_lines) {
  // paragraph of 6, a one-line subhead (keep with next), paragraph of 6: 13 lines in 2 columns.
  auto lines = paragraphs({6, 1, 6});
  lines[6].keep_with_next = true;
  const auto counts = distribute_columns(lines, 2, 20);
  BOOST_TEST(sum(counts) == 13);
  BOOST_TEST(counts[0] != 7);  // never the subhead alone at the foot of column 1
}

BOOST_AUTO_TEST_CASE(what_does_not_fit_is_left_over_and_the_jump_row_reserved) {
  const auto lines = paragraphs({30});
  const auto counts = distribute_columns(lines, 2, 10, 1);
  BOOST_TEST(counts[0] <= 10);
  BOOST_TEST(counts[1] <= 9);  // one row kept for "Continued on page N"
  BOOST_TEST(sum(counts) < 30);
}

namespace {

/// The balancing rules by enumeration of every candidate (4^columns of them), as the engine
/// once did: the reference the dynamic programme must agree with.
std::vector<int> enumerate_balanced(const std::vector<FlowLine>& lines, int columns, int rows) {
  const int n = static_cast<int>(lines.size());
  const int per_column = (n + columns - 1) / columns;
  const double average = static_cast<double>(n) / columns;
  std::vector<int> best, counts(static_cast<std::size_t>(columns));
  double best_cost = std::numeric_limits<double>::infinity();
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
    ok = ok && sum == n && last >= first - 1 && tallest <= first + 1 && tallest - shortest <= 2;
    if (ok) {
      double cost = 0;
      int at = 0;
      for (std::size_t c = 0; c + 1 < counts.size(); ++c) {
        at += counts[c];
        if (at > 0 && at < n)
          cost += 1000.0 * break_violations(lines[std::size_t(at - 1)], lines[std::size_t(at)]);
      }
      for (std::size_t c = 0; c < counts.size(); ++c) {
        cost += std::abs(counts[c] - average);
        if (counts[c] < first - 1) cost += 50;
        if (c > 0 && counts[c] > counts[c - 1]) cost += 1;
      }
      if (first != tallest) cost += 60;
      if (cost < best_cost - 1e-9) {
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

BOOST_AUTO_TEST_CASE(balancing_agrees_with_enumerating_every_split) {
  std::mt19937 random(2015);
  int compared = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int columns = 1 + static_cast<int>(random() % 6);
    std::vector<FlowLine> lines;
    const int paragraphs = 1 + static_cast<int>(random() % 12);
    for (int p = 0; p < paragraphs; ++p) {
      const int n = 1 + static_cast<int>(random() % 9);
      const bool subhead = random() % 5 == 0;
      for (int i = 0; i < n; ++i) lines.push_back({p, i, n, subhead && i == n - 1});
    }
    const int n = static_cast<int>(lines.size());
    const int rows = (n + columns - 1) / columns + static_cast<int>(random() % 3);
    const auto expected = enumerate_balanced(lines, columns, rows);
    if (expected.empty()) continue;
    ++compared;
    BOOST_TEST(distribute_columns(lines, columns, rows) == expected,
               boost::test_tools::per_element());
  }
  BOOST_TEST(compared > 2000);
}

BOOST_AUTO_TEST_CASE(balancing_many_columns_is_polynomial) {
  // 24 columns: 4^24 candidates to enumerate, a few thousand states to the programme.
  const auto lines = paragraphs({40, 60, 80, 100, 120, 90, 70, 50});
  const auto counts = distribute_columns(lines, 24, 40);
  BOOST_TEST(counts.size() == 24u);
  BOOST_TEST(sum(counts) == 610);
  const auto [low, high] = std::minmax_element(counts.begin(), counts.end());
  BOOST_TEST(*high - *low <= 2);
  BOOST_TEST(counts.front() == *high);
}

BOOST_AUTO_TEST_CASE(ragged_starts_balance_the_columns_feet) {
  // A picture 10 rows deep over the first two of four columns of 40 rows: 60 lines balance with
  // level feet, 10 lines under the picture and 20 beside it.
  const auto lines = paragraphs({12, 18, 30});
  const std::vector<int> skip{10, 10, 0, 0};
  const auto counts = distribute_ragged_columns(lines, skip, 40);
  BOOST_TEST(counts == (std::vector<int>{10, 10, 20, 20}), boost::test_tools::per_element());
  // One line less: the last column's foot a line short, no column's foot below the first's.
  const auto fewer = distribute_ragged_columns(paragraphs({12, 18, 29}), skip, 40);
  BOOST_TEST(sum(fewer) == 59);
  std::vector<int> feet;
  for (std::size_t c = 0; c < fewer.size(); ++c) feet.push_back(fewer[c] + skip[c]);
  BOOST_TEST(feet.back() == feet.front() - 1);
  BOOST_TEST(*std::max_element(feet.begin(), feet.end()) == feet.front());
}

BOOST_AUTO_TEST_CASE(ragged_starts_avoid_widows_like_even_ones) {
  // Breaks are judged at the lines they fall between, not at the rows.
  const auto lines = paragraphs({5, 5, 5, 5, 5, 5});
  const std::vector<int> skip{4, 0, 0};
  const auto counts = distribute_ragged_columns(lines, skip, 30);
  BOOST_TEST(sum(counts) == 30);
  int at = 0;
  for (std::size_t c = 0; c + 1 < counts.size(); ++c) {
    at += counts[c];
    BOOST_TEST(break_violations(lines[static_cast<std::size_t>(at - 1)],
                                lines[static_cast<std::size_t>(at)]) == 0);
  }
  std::vector<int> feet;
  for (std::size_t c = 0; c < counts.size(); ++c) feet.push_back(counts[c] + skip[c]);
  const auto [low, high] = std::minmax_element(feet.begin(), feet.end());
  BOOST_TEST(*high - *low <= 2);
}

BOOST_AUTO_TEST_CASE(ragged_columns_that_overflow_fill_to_their_own_depth) {
  // 50 lines in columns of 20, the first two starting 8 rows down: 12 + 12 + 20 fit, and the
  // sum says what fits (the rest is overset, never lost).
  const auto counts = distribute_ragged_columns(paragraphs({50}), std::vector<int>{8, 8, 0}, 20);
  BOOST_TEST(counts == (std::vector<int>{12, 12, 20}), boost::test_tools::per_element());
  // A picture deeper than the text: no balanced split, the columns fill in order.
  const auto short_story = distribute_ragged_columns(paragraphs({6}), std::vector<int>{30, 0}, 40);
  BOOST_TEST(sum(short_story) == 6);
  BOOST_TEST(short_story.front() <= 10);
}

BOOST_AUTO_TEST_CASE(no_skips_split_as_even_columns_do) {
  const auto lines = paragraphs({20, 13, 24});
  BOOST_TEST(distribute_ragged_columns(lines, std::vector<int>{0, 0, 0, 0}, 40) ==
                 distribute_columns(lines, 4, 40),
             boost::test_tools::per_element());
}
