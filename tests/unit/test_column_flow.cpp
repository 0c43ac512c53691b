// Column balancing with keeps: widows, orphans, keep-with-next.
#define BOOST_TEST_MODULE column_flow
#include <boost/test/unit_test.hpp>
#include <numeric>

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
