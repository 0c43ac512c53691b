#define BOOST_TEST_MODULE greedy_breaker
#include <bit>
#include <boost/test/unit_test.hpp>
#include <optional>
#include <utility>

#include "constant_width_items.h"
#include "linebreak/balanced_breaker.h"
#include "linebreak/greedy_breaker.h"
#include "paragraph/typeset.h"
#include "story/story.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

/// Constant-width items (tests/support): every character one unit, spaces 1 (+0.5 -0.33).
linebreak::ItemList fake_items(const std::string& text) {
  return constant_width_paragraph(text).items;
}

std::string join_lines(const std::vector<paragraph::SetLine>& lines) {
  std::string text;
  for (const auto& l : lines) {
    if (!text.empty() && text.back() == '-' && l.text.size() > 0) {
      text.pop_back();  // a discretionary hyphen: rejoin
    } else if (!text.empty()) {
      text += ' ';
    }
    text += l.text;
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(first_fit_takes_as_many_words_as_fit) {
  //                       line 1     | line 2    | line 3
  const auto items = fake_items("aaa bbb ccc ddd eee fff ggg");
  const auto result = linebreak::GreedyBreaker().break_lines(items, {{11}});
  BOOST_REQUIRE(result.lines.size() == 3u);
  const double expected_ratio[] = {0.0, 0.0, 0.0};  // "aaa bbb ccc" is exactly 11
  BOOST_TEST(result.lines[0].natural_width == 11.0);
  BOOST_TEST(result.lines[0].ratio == expected_ratio[0]);
  for (const auto& line : result.lines) BOOST_TEST(!line.overfull);
}

BOOST_AUTO_TEST_CASE(a_word_wider_than_the_measure_is_reported_overfull_and_kept) {
  const auto items = fake_items("a bbbbbbbbbbbbbbbb c");
  const auto result = linebreak::GreedyBreaker().break_lines(items, {{8}});
  std::size_t boxes = 0;
  bool overfull = false;
  for (const auto& line : result.lines) {
    overfull = overfull || line.overfull;
    for (std::size_t i = line.start; i < line.brk; ++i)
      boxes += items[i].kind == linebreak::ItemKind::Box;
  }
  BOOST_TEST(overfull);
  BOOST_TEST(boxes == 3u);
}

BOOST_AUTO_TEST_CASE(real_paragraphs_fit_the_measure_and_keep_every_word_in_order) {
  const story::Story story = story::read_story("tests/articles/00_page21_china_daily.txt");
  const auto& style = page21().style("body");
  const paragraph::ParagraphStyle ps = paragraph::paragraph_style(test_fonts(), style);
  const double measure = page21().columns[0].width;
  const linebreak::GreedyBreaker greedy;
  for (std::size_t p = 0; p < story.body.size(); ++p) {
    const auto prepared = paragraph::prepare_paragraph(test_fonts(), &test_hyphenator(),
                                                       story.body[p].text, ps, p > 0);
    const auto broken = paragraph::break_paragraph(test_fonts(), prepared, greedy, measure);
    for (const auto& line : broken.lines) {
      BOOST_TEST(line.width <= measure + 1e-6, line.text);
      if (line.justified) BOOST_TEST(line.width == measure, boost::test_tools::tolerance(1e-6));
    }
    // Explicit hyphens ("tie-ups") end a line with their own hyphen: join those without one.
    std::string joined = join_lines(broken.lines);
    std::string source = story.body[p].text;
    auto strip = [](std::string s) {
      std::string out;
      for (char c : s)
        if (c != '-' && c != ' ') out += c;
      return out;
    };
    BOOST_TEST(strip(joined) == strip(source));
  }
}

BOOST_AUTO_TEST_CASE(balanced_display_lines_are_even) {
  const auto items = fake_items("aaaa bbbb cccc dddd eeee ffff gggg");
  // Greedy would set 5 + 2 words at 26; balanced splits 4 + 3.
  const auto balanced = linebreak::break_balanced(items, 26, 2);
  BOOST_REQUIRE(balanced.has_value());
  BOOST_REQUIRE(balanced->lines.size() == 2u);
  const double a = balanced->lines[0].natural_width, b = balanced->lines[1].natural_width;
  BOOST_TEST(std::min(a, b) == 14.0);  // 4 + 3 words, never 5 + 2
  BOOST_TEST(std::max(a, b) == 19.0);
  BOOST_TEST(!linebreak::break_balanced(items, 10, 2).has_value());
}

BOOST_AUTO_TEST_CASE(balanced_lines_are_the_least_squared_slack_of_every_split) {
  // Every way to split the text between words into `count` lines, against break_balanced: the
  // fewest lines (at least `min_lines`) that fit, and among those the least sum of squared slack.
  for (const std::string text : {"a bb ccc dddd eeeee ffffff g hh iii jjjj kkkkk",
                                 "Internet firms eye tech tie-ups with Russian peers",
                                 "aaaa bbbb cccc dddd eeee ffff gggg hhhh"}) {
    const auto items = fake_items(text);
    std::vector<std::size_t> breaks;  // between words, the paragraph's end last
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items.is_legal_break(i) && items[i].penalty <= 0) breaks.push_back(i);
    const std::size_t inner = breaks.size() - 1;
    for (const double measure : {9.0, 14.0, 17.5, 23.0, 31.0, 60.0}) {
      for (int min_lines = 1; min_lines <= 3; ++min_lines) {
        // Brute force: the least cost of each line count, over every subset of inner breaks.
        std::optional<std::pair<int, double>> best;
        for (int count = min_lines; count <= 4 && !best; ++count) {
          for (unsigned mask = 0; mask < (1u << inner); ++mask) {
            if (std::popcount(mask) != count - 1) continue;
            double cost = 0;
            bool fits = true;
            std::size_t start = items.line_start_after(static_cast<std::size_t>(-1));
            for (std::size_t k = 0; k <= inner && fits; ++k) {
              if (k < inner && !(mask & (1u << k))) continue;
              const double width =
                  linebreak::measure_line(items, start, breaks[k], measure).natural_width;
              fits = width <= measure + 1e-6;
              cost += (measure - width) * (measure - width);
              start = items.line_start_after(breaks[k]);
            }
            if (fits && (!best || cost < best->second)) best = std::pair{count, cost};
          }
        }
        const auto balanced = linebreak::break_balanced(items, measure, 4, min_lines);
        BOOST_TEST_INFO("\"" << text << "\" at " << measure << ", min_lines " << min_lines);
        BOOST_REQUIRE(balanced.has_value() == best.has_value());
        if (!best) continue;
        double cost = 0;
        for (const auto& line : balanced->lines)
          cost += (measure - line.natural_width) * (measure - line.natural_width);
        BOOST_TEST(static_cast<int>(balanced->lines.size()) == best->first);
        BOOST_TEST(cost == best->second, boost::test_tools::tolerance(1e-9));
      }
    }
  }
}
