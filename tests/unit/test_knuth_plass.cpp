#define BOOST_TEST_MODULE knuth_plass
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "constant_width_items.h"
#include "linebreak/greedy_breaker.h"
#include "linebreak/knuth_plass.h"

using namespace broadsheet::linebreak;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The constant-width "font" of tests/support: one unit per character, '-' a hyphen point.
using Paragraph = broadsheet::testing::ConstantWidthParagraph;

Paragraph make_paragraph(std::string_view words) {
  return broadsheet::testing::constant_width_paragraph(words);
}

std::vector<std::string> line_texts(const Paragraph& p, const BreakResult& result) {
  return broadsheet::testing::line_texts(p, result.lines);
}

BreakResult knuth_plass(const Paragraph& p, LineWidths widths, KnuthPlassParams params = {}) {
  return KnuthPlassBreaker(params).break_lines(p.items, widths);
}

struct Expected {
  std::string text;
  double ratio;
};

void check_lines(const Paragraph& p, const BreakResult& result,
                 const std::vector<Expected>& expected) {
  const std::vector<std::string> texts = line_texts(p, result);
  BOOST_TEST_REQUIRE(texts.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    BOOST_TEST_CONTEXT("line " << k + 1) {
      BOOST_TEST(texts[k] == expected[k].text);
      const double ratio = result.lines[k].ratio;
      if (std::isinf(expected[k].ratio))
        BOOST_TEST(ratio == expected[k].ratio);
      else
        BOOST_TEST(std::abs(ratio - expected[k].ratio) <= 0.01,
                   ratio << " vs " << expected[k].ratio);
    }
  }
}

double total_demerits(const BreakResult& result) {
  double total = 0;
  for (const BrokenLine& line : result.lines) total += line.demerits;
  return total;
}

/// Demerits of any set of lines, computed independently of the breaker (TeX's formula).
double demerits_of(const ItemList& items, const std::vector<BrokenLine>& lines,
                   const KnuthPlassParams& params) {
  double total = 0;
  int previous_fitness = 1;
  bool previous_flagged = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Item& brk = items[lines[k].brk];
    const double base = params.line_penalty + badness(lines[k].ratio);
    double d = base * base;
    if (brk.kind == ItemKind::Penalty && brk.penalty > -kInfinitePenalty)
      d += (brk.penalty >= 0 ? 1 : -1) * brk.penalty * brk.penalty;
    const bool flagged = brk.kind == ItemKind::Penalty && brk.flagged;
    if (flagged && previous_flagged) d += params.double_hyphen_demerits;
    if (k + 1 == lines.size() && previous_flagged) d += params.final_hyphen_demerits;
    const int fitness = fitness_class(lines[k].ratio);
    if (std::abs(fitness - previous_fitness) > 1) d += params.adj_demerits;
    total += d;
    previous_fitness = fitness;
    previous_flagged = flagged;
  }
  return total;
}

/// Lines cover the paragraph in order, every box exactly once, and none is wider than its
/// measure at full shrink unless it is flagged overfull.
void check_invariants(const Paragraph& p, const BreakResult& result, const LineWidths& widths) {
  BOOST_TEST_REQUIRE(!result.lines.empty());
  std::size_t expected_start = p.items.line_start_after(static_cast<std::size_t>(-1));
  std::size_t boxes_placed = 0;
  for (std::size_t k = 0; k < result.lines.size(); ++k) {
    const BrokenLine& line = result.lines[k];
    BOOST_TEST(line.start == expected_start);
    for (std::size_t i = line.start; i < line.brk; ++i)
      boxes_placed += p.items[i].kind == ItemKind::Box ? 1 : 0;
    const double tightest = line.natural_width - p.items.shrink(line.start, line.brk);
    BOOST_TEST((tightest <= widths.at(k) + 1e-9 || line.overfull));
    expected_start = p.items.line_start_after(line.brk);
  }
  std::size_t boxes = 0;
  for (const Item& item : p.items.items()) boxes += item.kind == ItemKind::Box ? 1 : 0;
  BOOST_TEST(boxes_placed == boxes);
  BOOST_TEST(result.lines.back().brk == p.items.size() - 1);
}

int longest_hyphen_run(const BreakResult& result) {
  int run = 0, longest = 0;
  for (const BrokenLine& line : result.lines) {
    run = line.hyphenated ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

/// The optimum by exhaustive search over every break sequence feasible in pass 2.
struct ExhaustiveSearch {
  const ItemList& items;
  double measure;
  KnuthPlassParams params;
  double best = kInf;

  bool runt(std::size_t start, std::size_t brk) const {
    int words = 0;
    bool after_space = true;
    for (std::size_t i = start; i < brk; ++i) {
      if (items[i].kind == ItemKind::Box && after_space) ++words;
      if (items[i].kind != ItemKind::Penalty) after_space = items[i].kind == ItemKind::Glue;
    }
    return words < params.runt_min_words &&
           items.width(start, brk) < params.runt_min_fraction * measure;
  }

  void search(std::size_t from, std::vector<BrokenLine>& lines) {
    const std::size_t start = items.line_start_after(from);
    for (std::size_t b = start; b < items.size(); ++b) {
      if (!items.is_legal_break(b)) continue;
      const BrokenLine line = measure_line(items, start, b, measure);
      if (line.ratio < -1) return;
      const bool flagged = items[b].kind == ItemKind::Penalty && items[b].flagged;
      int run = flagged ? 1 : 0;  // consecutive flagged line ends, this one included
      for (auto it = lines.rbegin(); flagged && it != lines.rend() && items[it->brk].flagged; ++it)
        ++run;
      if (badness(line.ratio) <= params.tolerance && run <= params.max_consecutive_hyphens) {
        lines.push_back(line);
        if (b + 1 == items.size()) {
          double total = demerits_of(items, lines, params);
          if (lines.size() > 1 && runt(start, b)) total += params.runt_demerits;
          best = std::min(best, total);
        } else {
          search(b, lines);
        }
        lines.pop_back();
      }
      if (items[b].kind == ItemKind::Penalty && items[b].penalty <= -kInfinitePenalty) return;
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(badness_and_fitness_follow_tex) {
  BOOST_TEST(badness(0) == 0);
  BOOST_TEST(badness(1) == 100);
  BOOST_TEST(badness(-0.5) == 12.5);
  BOOST_TEST(badness(10) == 10000);
  BOOST_TEST(badness(kInf) == 10000);
  BOOST_TEST(std::isinf(badness(-1.01)));
  BOOST_TEST(fitness_class(-0.6) == 0);
  BOOST_TEST(fitness_class(0.5) == 1);
  BOOST_TEST(fitness_class(1.0) == 2);
  BOOST_TEST(fitness_class(1.1) == 3);
}

// Greedy fills line 2 to -0.76 to take "g"; total fit leaves "g" for line 3 and sets line 2 at
// +0.67: one decent-to-loose line instead of a tight one with a large badness.
BOOST_AUTO_TEST_CASE(total_fit_beats_first_fit) {
  const Paragraph p = make_paragraph("aaaaaa bbbbb cc dd e fff g hhhhhh");
  const LineWidths widths{{12}};
  const BreakResult greedy = GreedyBreaker().break_lines(p.items, widths);
  const BreakResult kp = knuth_plass(p, widths);
  // clang-format off
  check_lines(p, greedy, {{"aaaaaa bbbbb",    0.00},
                          {"cc dd e fff g",  -0.76},
                          {"hhhhhh",          0.00}});
  check_lines(p, kp,     {{"aaaaaa bbbbb",    0.00},
                          {"cc dd e fff",     0.67},
                          {"g hhhhhh",        0.00}});
  // clang-format on
  const KnuthPlassParams params;
  BOOST_TEST(total_demerits(kp) == demerits_of(p.items, kp.lines, params));
  BOOST_TEST(demerits_of(p.items, kp.lines, params) < demerits_of(p.items, greedy.lines, params));
  BOOST_TEST(kp.pass == 1);
}

BOOST_AUTO_TEST_CASE(lines_fit_and_keep_every_box) {
  const Paragraph p = make_paragraph(
      "the quick brown fox jum-ped over the la-zy dog and then ran a-way in-to the dark for-est "
      "where no-bo-dy could see it a-gain un-til the next mor-ning came");
  for (double measure = 8; measure <= 40; measure += 1.5) {
    BOOST_TEST_CONTEXT("measure " << measure) {
      const LineWidths widths{{measure}};
      const BreakResult result = knuth_plass(p, widths);
      check_invariants(p, result, widths);
      for (const BrokenLine& line : result.lines) BOOST_TEST(!line.overfull);
    }
  }
}

BOOST_AUTO_TEST_CASE(matches_exhaustive_search) {
  std::mt19937 random(2024);
  const char* syllables[] = {"ba", "ko", "ri", "tum", "sel", "a", "pre", "dis", "on", "ly"};
  KnuthPlassParams params;
  params.pretolerance = -1;  // straight to pass 2, which the search reproduces
  params.emergency_stretch = 0;
  int compared = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    std::string text;
    const int words = 6 + static_cast<int>(random() % 8);
    for (int w = 0; w < words; ++w) {
      if (w > 0) text += ' ';
      const int parts = 1 + static_cast<int>(random() % 3);
      for (int s = 0; s < parts; ++s) {
        if (s > 0 && random() % 2 == 0) text += '-';
        text += syllables[random() % 10];
      }
    }
    const double measure = 8 + static_cast<double>(random() % 10);
    const Paragraph p = make_paragraph(text);
    const BreakResult result = knuth_plass(p, {{measure}}, params);
    if (result.pass != 2) continue;  // the search reproduces pass 2 only
    ExhaustiveSearch search{p.items, measure, params};
    std::vector<BrokenLine> lines;
    search.search(static_cast<std::size_t>(-1), lines);
    BOOST_TEST_CONTEXT(text << " @ " << measure) {
      BOOST_TEST(std::abs(total_demerits(result) - search.best) <= 1e-6 * search.best);
    }
    ++compared;
  }
  BOOST_TEST(compared > 200);
}

// Without adjacency demerits a loose line (class 2) may sit on a tight one (class 0).
BOOST_AUTO_TEST_CASE(adjacent_demerits_avoid_fitness_jumps) {
  const Paragraph p = make_paragraph("a bbbbb c dd e fff g hh i j");
  KnuthPlassParams no_adjacency;
  no_adjacency.adj_demerits = 0;
  const BreakResult loose_tight = knuth_plass(p, {{13}}, no_adjacency);
  const BreakResult smooth = knuth_plass(p, {{13}});
  // clang-format off
  check_lines(p, loose_tight, {{"a bbbbb c dd",     0.67},
                               {"e fff g hh i j",  -0.61}});
  check_lines(p, smooth,      {{"a bbbbb c dd e",  -0.76},
                               {"fff g hh i j",     0.00}});
  // clang-format on
  BOOST_TEST(loose_tight.lines[0].fitness == 2);
  BOOST_TEST(loose_tight.lines[1].fitness == 0);
  BOOST_TEST(smooth.lines[0].fitness == 0);
  BOOST_TEST(smooth.lines[1].fitness == 1);
}

BOOST_AUTO_TEST_CASE(at_most_two_hyphenated_lines_in_a_row) {
  const Paragraph p = make_paragraph("aa-aa bb cc-cc dd-dd ee-ee f g hh-hh-hh iii jjj kkk lllll-l");
  KnuthPlassParams unlimited;  // and no soft cost either, so only the hard limit acts
  unlimited.max_consecutive_hyphens = 0;
  unlimited.double_hyphen_demerits = 0;
  KnuthPlassParams limited = unlimited;
  limited.max_consecutive_hyphens = 2;
  const BreakResult three = knuth_plass(p, {{12}}, unlimited);
  const BreakResult two = knuth_plass(p, {{12}}, limited);
  // clang-format off
  check_lines(p, three, {{"aaaa bb cc-",     1.00},
                         {"cc dddd ee-",     1.00},
                         {"ee f g hh-",      1.33},
                         {"hhhh iii jjj",    0.00},
                         {"kkk llllll",      0.00}});
  check_lines(p, two,   {{"aaaa bb cc-",     1.00},
                         {"cc dddd eeee",    0.00},
                         {"f g hhhhhh",      2.00},
                         {"iii jjj kkk",     1.00},
                         {"llllll",          0.00}});
  // clang-format on
  BOOST_TEST(longest_hyphen_run(three) == 3);
  BOOST_TEST(longest_hyphen_run(two) <= 2);
  BOOST_TEST(total_demerits(two) > total_demerits(three));  // the limit costs, and is kept
}

// A hyphen on the second-last line costs \finalhyphendemerits.
BOOST_AUTO_TEST_CASE(final_hyphen_demerits_move_the_hyphen) {
  const Paragraph p = make_paragraph("aa-aa-aa bbbbb-b c dddd e f gg-ggg");
  KnuthPlassParams free_final;
  free_final.final_hyphen_demerits = 0;
  // clang-format off
  check_lines(p, knuth_plass(p, {{14}}, free_final),
              {{"aaaaaa bbbbbb",     2.00},
               {"c dddd e f gg-",    0.00},
               {"ggg",               0.00}});
  check_lines(p, knuth_plass(p, {{14}}),
              {{"aaaaaa bbbbb-",     2.00},
               {"b c dddd e f",      1.00},
               {"ggggg",             0.00}});
  // clang-format on
}

// "aa bbbb" (r = 6) is unavoidable: passes 1 and 2 fail, emergency stretch finds it.
BOOST_AUTO_TEST_CASE(emergency_pass) {
  const Paragraph p = make_paragraph("aa bbbb cccc dddd");
  KnuthPlassParams params;
  params.emergency_stretch = 2;
  BreakTrace trace;
  const BreakResult result = KnuthPlassBreaker(params).break_lines_traced(p.items, {{10}}, &trace);
  BOOST_TEST(result.pass == 3);
  // clang-format off
  check_lines(p, result, {{"aa bbbb",     6.00},
                          {"cccc dddd",   0.00}});
  // clang-format on
  bool final_pass = false;
  for (const auto& c : trace.feasible) final_pass = final_pass || c.pass == 4;
  BOOST_TEST(!final_pass);

  // Without emergency stretch the final pass takes over, with the same lines.
  params.emergency_stretch = 0;
  trace.feasible.clear();
  const BreakResult rescued = KnuthPlassBreaker(params).break_lines_traced(p.items, {{10}}, &trace);
  BOOST_TEST(rescued.pass == 3);
  BOOST_TEST(line_texts(p, rescued) == line_texts(p, result));
  BOOST_TEST(trace.feasible.back().pass == 4);
}

BOOST_AUTO_TEST_CASE(word_wider_than_the_measure_is_overfull_not_lost) {
  const Paragraph p = make_paragraph("aa bbbbbbbbbbbb cc dd");
  const LineWidths widths{{10}};
  const BreakResult result = knuth_plass(p, widths);
  // clang-format off
  check_lines(p, result, {{"aa",             kInf},
                          {"bbbbbbbbbbbb",  -kInf},
                          {"cc dd",          0.00}});
  // clang-format on
  BOOST_TEST(!result.lines[0].overfull);
  BOOST_TEST(result.lines[1].overfull);
  BOOST_TEST(!result.lines[2].overfull);
  check_invariants(p, result, widths);
  // First, last, alone, or twice: one overfull line per long word, every box kept.
  struct Case {
    const char* text;
    int overfull;
  };
  for (const Case& c : {Case{"bbbbbbbbbbbb aa", 1}, Case{"aa bbbbbbbbbbbb", 1},
                        Case{"bbbbbbbbbbbb", 1}, Case{"aa bbbbbbbbbbbb cccccccccccc dd", 2}}) {
    BOOST_TEST_CONTEXT(c.text) {
      const Paragraph q = make_paragraph(c.text);
      const BreakResult r = knuth_plass(q, widths);
      check_invariants(q, r, widths);
      int overfull = 0;
      for (const BrokenLine& line : r.lines) overfull += line.overfull ? 1 : 0;
      BOOST_TEST(overfull == c.overfull);
    }
  }
}

BOOST_AUTO_TEST_CASE(malformed_input_is_rejected_not_dropped) {
  ItemList unterminated;
  unterminated.add_box(3);
  BOOST_CHECK_THROW(KnuthPlassBreaker().break_lines(unterminated, {{10}}), std::invalid_argument);
  const Paragraph p = make_paragraph("aa bb");
  BOOST_CHECK_THROW(KnuthPlassBreaker().break_lines(p.items, {}), std::invalid_argument);
  BOOST_TEST(KnuthPlassBreaker().break_lines(ItemList{}, {{10}}).lines.empty());
}

BOOST_AUTO_TEST_CASE(first_pass_needs_no_hyphens) {
  const Paragraph p = make_paragraph("aaa-aaa bbbbb cc dd e fff g hhh-hhh");
  const BreakResult result = knuth_plass(p, {{12}});
  BOOST_TEST(result.pass == 1);
  // clang-format off
  check_lines(p, result, {{"aaaaaa bbbbb",   0.00},
                          {"cc dd e fff",    0.67},
                          {"g hhhhhh",       0.00}});
  // clang-format on
}

BOOST_AUTO_TEST_CASE(looseness_adds_a_line) {
  const Paragraph p = make_paragraph("aaa b cc d e ff ggg hhhhhh iii");
  KnuthPlassParams loose;
  loose.looseness = 1;
  // clang-format off
  check_lines(p, knuth_plass(p, {{14}}),
              {{"aaa b cc d e ff",   -0.61},
               {"ggg hhhhhh iii",     0.00}});
  check_lines(p, knuth_plass(p, {{14}}, loose),
              {{"aaa b cc d e",       1.00},
               {"ff ggg hhhhhh",      1.00},
               {"iii",                0.00}});
  // clang-format on
  loose.looseness = -1;  // one line cannot hold it: as close as feasible is the optimum
  BOOST_TEST(knuth_plass(p, {{14}}, loose).lines.size() == 2u);
}

BOOST_AUTO_TEST_CASE(variable_line_widths) {
  const Paragraph p = make_paragraph("aa bbb cccc dd eeeee f ggg hhhh");
  const LineWidths widths{{6.5, 13}};  // a shorter first line, as beside a drop cap
  const BreakResult result = knuth_plass(p, widths);
  // clang-format off
  check_lines(p, result, {{"aa bbb",         1.00},
                          {"cccc dd eeeee",  0.00},
                          {"f ggg hhhh",     0.00}});
  // clang-format on
  BOOST_TEST(result.lines[0].measure == 6.5);
  BOOST_TEST(result.lines[1].measure == 13);
  BOOST_TEST(result.lines[2].measure == 13);  // the last width repeats
  check_invariants(p, result, widths);
}

// A last line of one short word: allowed only when nothing better exists.
BOOST_AUTO_TEST_CASE(runt_last_line_is_avoided) {
  const Paragraph p = make_paragraph("aaaa bbb ccccc d ee ffffff g h");
  KnuthPlassParams no_rule;
  no_rule.runt_min_words = 0;
  // clang-format off
  check_lines(p, knuth_plass(p, {{14}}, no_rule),
              {{"aaaa bbb ccccc",     0.00},
               {"d ee ffffff g",      0.67},
               {"h",                  0.00}});
  // clang-format on
  const BreakResult result = knuth_plass(p, {{14}});
  // clang-format off
  check_lines(p, result,
              {{"aaaa bbb ccccc",     0.00},
               {"d ee ffffff g h",   -0.76}});
  // clang-format on
  BOOST_TEST(result.pass == 1);
  // A one-line paragraph is never a runt.
  BOOST_TEST(knuth_plass(make_paragraph("a"), {{14}}).lines.size() == 1u);
}

// Determinism: the same paragraph gives the same breaks, whatever ran before and wherever the
// allocator puts things; pinned to the breaks worked out once, so a run that differs from the
// others cannot agree with them by accident.
BOOST_AUTO_TEST_CASE(same_input_same_output) {
  const Paragraph p = make_paragraph(
      "in-ter-na-tio-nal de-le-ga-tes dis-cus-sed the new trade a-gree-ment at length "
      "be-fore a-dop-ting it un-a-ni-mous-ly late on Fri-day");
  const std::map<double, std::vector<std::string>> expected = {
      {9.0,
       {"inter-", "national", "delegates", "discussed", "the new", "trade", "agreement",
        "at length", "before", "adopting", "it una-", "nimously", "late on", "Friday"}},
      {13.0,
       {"international", "delegates", "discussed the", "new trade", "agreement at", "length before",
        "adopting it", "unanimously", "late on", "Friday"}},
      {21.0,
       {"international delega-", "tes discussed the new", "trade agreement at",
        "length before adop-", "ting it unanimously", "late on Friday"}}};
  std::vector<std::unique_ptr<std::vector<double>>> clutter;  // moves later allocations
  std::mt19937 random(7);
  for (int run = 0; run < 3; ++run) {
    for (const auto& [measure, lines] : expected) {
      BOOST_TEST_CONTEXT("run " << run << ", measure " << measure) {
        const BreakResult result = knuth_plass(p, {{measure}});
        BOOST_TEST(line_texts(p, result) == lines, boost::test_tools::per_element());
      }
      clutter.push_back(std::make_unique<std::vector<double>>(random() % 1000 + 1));
    }
  }
}

BOOST_AUTO_TEST_CASE(line_widths_without_any_width_throw) {
  const LineWidths none;
  BOOST_CHECK_THROW(none.at(0), std::invalid_argument);
  const LineWidths two{{10, 20}};
  BOOST_TEST(two.at(0) == 10.0);
  BOOST_TEST(two.at(1) == 20.0);
  BOOST_TEST(two.at(5) == 20.0);  // the last width repeats
  BOOST_CHECK_THROW(knuth_plass(make_paragraph("aaa bbb"), LineWidths{}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(trace_records_feasible_candidates) {
  const Paragraph p = make_paragraph("aaaaaa bbbbb cc dd e fff g hhhhhh");
  BreakTrace trace;
  const BreakResult result = KnuthPlassBreaker().break_lines_traced(p.items, {{12}}, &trace);
  BOOST_TEST(line_texts(p, result) == line_texts(p, knuth_plass(p, {{12}})));
  BOOST_TEST(trace.feasible.size() > result.lines.size());
  // Every chosen break is among the candidates, with its line number, chain and total.
  double total = 0;
  std::size_t previous = BreakTrace::kParagraphStart;
  for (std::size_t k = 0; k < result.lines.size(); ++k) {
    total += result.lines[k].demerits;
    bool found = false;
    for (const auto& c : trace.feasible) {
      found = found || (c.item == result.lines[k].brk && c.line == static_cast<int>(k) + 1 &&
                        c.previous == previous && std::abs(c.demerits - total) < 1e-9 &&
                        c.pass == result.pass);
    }
    BOOST_TEST(found, "line " << k + 1);
    previous = result.lines[k].brk;
  }
  for (const auto& c : trace.feasible) {
    BOOST_TEST(c.ratio >= -1);
    BOOST_TEST(badness(c.ratio) <= KnuthPlassParams{}.pretolerance);
  }
}
