// Typography of the text itself: typographer's quotes (story/smart_quotes.h), no line starting
// with an em dash or closing punctuation (text/line_breaks.cpp), capitals in a language.
#define BOOST_TEST_MODULE typography
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "compose/display_blocks.h"
#include "linebreak/greedy_breaker.h"
#include "linebreak/knuth_plass.h"
#include "paragraph/typeset.h"
#include "story/smart_quotes.h"
#include "test_support.h"
#include "text/line_breaks.h"

using namespace broadsheet;
using namespace broadsheet::testing;
using story::curl_quotes;

BOOST_AUTO_TEST_SUITE(smart_quotes)

BOOST_AUTO_TEST_CASE(apostrophes_close) {
  BOOST_TEST(curl_quotes("it's") == "it’s");
  BOOST_TEST(curl_quotes("China's e-commerce") == "China’s e-commerce");
  BOOST_TEST(curl_quotes("the dogs' bowls") == "the dogs’ bowls");
  BOOST_TEST(curl_quotes("rock 'n' roll") == "rock ‘n’ roll");  // read as a quote: ambiguous
  BOOST_TEST(curl_quotes("in the '90s") == "in the ’90s");
}

BOOST_AUTO_TEST_CASE(double_quotes_open_and_close) {
  BOOST_TEST(curl_quotes("\"We are hopeful,\" he said.") == "“We are hopeful,” he said.");
  BOOST_TEST(curl_quotes("He said: \"Yes.\"") == "He said: “Yes.”");
  BOOST_TEST(curl_quotes("\"a\"\n\"b\"") == "“a”\n“b”");
}

BOOST_AUTO_TEST_CASE(nested_quotes) {
  BOOST_TEST(curl_quotes("\"She said 'hi' to me.\"") == "“She said ‘hi’ to me.”");
  BOOST_TEST(curl_quotes("\"'Nested' first\"") == "“‘Nested’ first”");
  BOOST_TEST(curl_quotes("\"ends 'nested'\"") == "“ends ‘nested’”");
}

BOOST_AUTO_TEST_CASE(quotes_after_dashes_and_brackets_open) {
  BOOST_TEST(curl_quotes("one—\"two\"") == "one—“two”");
  BOOST_TEST(curl_quotes("one –'two'") == "one –‘two’");
  BOOST_TEST(curl_quotes("(\"quoted\")") == "(“quoted”)");
  BOOST_TEST(curl_quotes("[\"a\"]") == "[“a”]");
}

BOOST_AUTO_TEST_CASE(primes_in_measures_stay_straight) {
  BOOST_TEST(curl_quotes("He is 5'10\" tall.") == "He is 5'10\" tall.");
  BOOST_TEST(curl_quotes("a 5'10\" \"giant\"") == "a 5'10\" “giant”");
  BOOST_TEST(curl_quotes("12\" records") == "12” records");  // no prime before it: a quote
}

BOOST_AUTO_TEST_CASE(curly_quotes_and_other_text_stay) {
  const std::string curly = "“Already” ‘curly’ — café";
  BOOST_TEST(curl_quotes(curly) == curly);
  BOOST_TEST(curl_quotes("") == "");
}

BOOST_AUTO_TEST_CASE(spans_move_with_the_text) {
  story::Paragraph p;
  p.text = "\"Ma's\" plan is 'big'";
  // "plan" [7, 11) and "big" inside the quotes [16, 19).
  p.spans = {{7, 11, story::InlineStyle::Emphasis}, {16, 19, story::InlineStyle::Strong}};
  curl_quotes(p);
  BOOST_TEST(p.text == "“Ma’s” plan is ‘big’");
  auto span_text = [&](std::size_t i) {
    return p.text.substr(p.spans[i].begin, p.spans[i].end - p.spans[i].begin);
  };
  BOOST_TEST(span_text(0) == "plan");
  BOOST_TEST(span_text(1) == "big");
}

BOOST_AUTO_TEST_CASE(the_whole_story) {
  story::Story s;
  s.headline.text = "'Hi'";
  s.body.push_back({});
  s.body[0].text = "it's";
  s.byline = story::Paragraph{};
  s.byline->text = "By O'Brien";
  s.pictures.push_back({"p.jpg", "\"Caption\"", "", 0});
  curl_quotes(s);
  BOOST_TEST(s.headline.text == "‘Hi’");
  BOOST_TEST(s.body[0].text == "it’s");
  BOOST_TEST(s.byline->text == "By O’Brien");
  BOOST_TEST(s.pictures[0].caption == "“Caption”");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(line_starts)

/// The byte offsets where a line may start.
std::vector<std::size_t> starts(const std::string& text) {
  std::vector<std::size_t> out;
  for (const auto& b : text::find_line_breaks(text)) out.push_back(b.offset);
  return out;
}

BOOST_AUTO_TEST_CASE(no_break_before_an_em_dash) {
  const std::string text = "word \u2014 next";  // "word — next"
  const auto offsets = starts(text);
  const std::size_t dash = text.find("\u2014");
  BOOST_TEST(std::count(offsets.begin(), offsets.end(), dash) == 0);
  // The break after the dash (and its space) is kept.
  BOOST_TEST(std::count(offsets.begin(), offsets.end(), dash + 4) == 1);
  const std::string closed = "word\u2014next";  // "word—next": after the dash only
  const auto closed_offsets = starts(closed);
  BOOST_TEST(std::count(closed_offsets.begin(), closed_offsets.end(), 4u) == 0);
  BOOST_TEST(std::count(closed_offsets.begin(), closed_offsets.end(), 7u) == 1);
}

BOOST_AUTO_TEST_CASE(no_break_before_closing_punctuation) {
  for (const std::string text : {"said \u201Cyes \u201D then", "a (b ) c", "it \u2019s"}) {
    const auto offsets = starts(text);
    for (std::size_t at : offsets) {
      if (at >= text.size()) continue;
      const std::string rest = text.substr(at);
      BOOST_TEST(
          !(rest.starts_with("\u201D") || rest.starts_with(")") || rest.starts_with("\u2019")),
          text << " breaks before " << rest);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_paragraph_forced_to_break_near_a_dash) {
  // Page21's body at measures narrow enough that a line must end near each dash.
  const std::string text =
      "The plan \u2014 agreed on Wednesday \u2014 sets out the terms of trade between the "
      "two countries \u2014 and more \u2014 for the next ten years.";
  const paragraph::ParagraphStyle ps =
      paragraph::paragraph_style(test_fonts(), page21().style("body"));
  const auto prepared =
      paragraph::prepare_paragraph(test_fonts(), &test_hyphenator(), text, ps, false);
  int lines_checked = 0;
  for (double measure = 40; measure <= 160; measure += 3) {
    for (const auto& line :
         paragraph::break_paragraph(test_fonts(), prepared, linebreak::GreedyBreaker(), measure)
             .lines) {
      BOOST_TEST(!line.text.starts_with("\u2014"), measure << ": " << line.text);
      ++lines_checked;
    }
  }
  BOOST_TEST(lines_checked > 100);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(uppercase_styles_use_the_language) {
  layout_template::TextStyle caps;
  caps.uppercase = true;
  BOOST_TEST(compose::styled_text(caps, "By Meng Jing in Beijing", "en") ==
             "BY MENG JING IN BEIJING");
  BOOST_TEST(compose::styled_text(caps, "Straße", "de") == "STRASSE");
  BOOST_TEST(compose::styled_text(caps, "istanbul", "tr") == "İSTANBUL");
  BOOST_TEST(compose::styled_text(caps, "istanbul", "") == "ISTANBUL");
  caps.uppercase = false;
  BOOST_TEST(compose::styled_text(caps, "as is", "en") == "as is");
}
