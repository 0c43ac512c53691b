// CJK punctuation compression (text/cjk_punctuation.h): pairs of full-width punctuation set in
// 1.5 em through the font's `halt` feature, and brackets and full stops at a justified line's
// edges set half width so the ink meets the edge, with the breaker measuring the same widths.
#define BOOST_TEST_MODULE cjk_punctuation
#include <boost/test/unit_test.hpp>

#include "linebreak/knuth_plass.h"
#include "paragraph/typeset.h"
#include "test_support.h"
#include "text/cjk_punctuation.h"
#include "text/unicode.h"

using namespace broadsheet;
using namespace broadsheet::testing;
namespace tt = boost::test_tools;

namespace {

constexpr double kSize = 10;  // pt: 1 em

paragraph::ParagraphStyle chinese_style(const std::string& language = "zh-Hant",
                                        const std::string& family = "Noto Serif CJK TC") {
  paragraph::ParagraphStyle style;
  style.font = test_fonts().find(family, "Regular");
  style.face_style = "Regular";
  style.size = kSize;
  style.align = layout_template::Align::Justify;
  style.language = language;
  return style;
}

/// The advance of the glyphs of `text`'s bytes [begin, end) as shaped in a paragraph.
double width_in_paragraph(const std::string& text, std::size_t begin, std::size_t end,
                          const paragraph::ParagraphStyle& style = chinese_style()) {
  const auto para = paragraph::shape_paragraph(test_fonts(), nullptr, text, style);
  BOOST_TEST_REQUIRE(para.words.size() == 1u);
  return para.words.front().run.width_of(begin, end);
}

}  // namespace

BOOST_AUTO_TEST_CASE(pairs_choose_the_half_to_compress) {
  using text::CjkPunctuation;
  BOOST_TEST(static_cast<int>(text::cjk_punctuation(U'「')) ==
             static_cast<int>(CjkPunctuation::Opening));
  BOOST_TEST(static_cast<int>(text::cjk_punctuation(U'。')) ==
             static_cast<int>(CjkPunctuation::Closing));
  BOOST_TEST(static_cast<int>(text::cjk_punctuation(U'中')) ==
             static_cast<int>(CjkPunctuation::None));
  // "中」「中": the opening bracket (bytes 6..9); "中。」中": the full stop (3..6).
  BOOST_TEST(text::compressed_pairs("中」「中") == std::vector<std::size_t>{6});
  BOOST_TEST(text::compressed_pairs("中。」中") == std::vector<std::size_t>{3});
  BOOST_TEST(text::compressed_pairs("中，「中") == std::vector<std::size_t>{6});
  BOOST_TEST(text::compressed_pairs("「「中") == std::vector<std::size_t>{3});
  BOOST_TEST(text::compressed_pairs("中「中」中").empty());
}

BOOST_AUTO_TEST_CASE(a_pair_of_punctuation_takes_one_and_a_half_em) {
  for (const std::string language : {"zh-Hant", "zh-Hans", "ja"}) {
    const std::string family = language == "ja"        ? "Noto Serif CJK JP"
                               : language == "zh-Hans" ? "Noto Serif CJK SC"
                                                       : "Noto Serif CJK TC";
    const auto style = chinese_style(language, family);
    for (const std::string pair : {"」「", "。」", "，「", "』」"}) {
      const std::string text = "中" + pair + "中";
      BOOST_TEST(width_in_paragraph(text, 3, 3 + pair.size(), style) == 1.5 * kSize,
                 tt::tolerance(0.01));
      BOOST_TEST(width_in_paragraph(text, 0, text.size(), style) == 3.5 * kSize,
                 tt::tolerance(0.01));
    }
    // Alone between ideographs, punctuation keeps its full em.
    BOOST_TEST(width_in_paragraph("中「中」中", 0, 15, style) == 5 * kSize, tt::tolerance(0.01));
  }
  // Text without full-width punctuation is not touched.
  const auto para = paragraph::shape_paragraph(test_fonts(), nullptr, "He said (yes). [No],",
                                               chinese_style("en", "TeX Gyre Termes"));
  BOOST_TEST(para.half_width.empty());
  for (const auto& word : para.words) BOOST_TEST(word.edge_trims.empty());
}

BOOST_AUTO_TEST_CASE(the_text_layer_keeps_every_character) {
  const std::string text = "他說：「我們「閱讀」。」";
  const auto para = paragraph::shape_paragraph(test_fonts(), nullptr, text, chinese_style());
  const auto& run = para.words.front().run;
  BOOST_TEST(run.text == text);
  BOOST_TEST(run.glyphs.size() == text::count_code_points(text));
  for (const auto& g : run.glyphs) BOOST_TEST(g.id != 0u);
}

BOOST_AUTO_TEST_CASE(justified_lines_meet_both_edges_with_half_width_punctuation) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "我們讀書很多年。「閱讀」是好事，大家都說。";
  const auto style = chinese_style();
  const auto prepared = paragraph::prepare_paragraph(test_fonts(), nullptr, text, style, false);
  const linebreak::KnuthPlassBreaker breaker;
  int opening_starts = 0, closing_ends = 0;
  for (const double measure_em : {9.0, 10.0, 11.0, 12.5, 13.0}) {
    const double measure = measure_em * kSize;
    const auto lines = paragraph::break_paragraph(test_fonts(), prepared, breaker, measure).lines;
    BOOST_TEST_REQUIRE(lines.size() > 5u);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      const auto& line = lines[i];
      BOOST_TEST(line.justified, line.text);
      BOOST_TEST(!line.overfull, line.text);
      // The last glyph's advance ends on the measure.
      BOOST_TEST(line.width == measure, tt::tolerance(0.001));
      const auto& first_run = line.runs.front();
      if (i > 0 && line.text.starts_with("「")) {
        ++opening_starts;
        // Half width: the glyph's origin half an em left of the line start, its ink at it.
        BOOST_TEST(first_run.glyphs.front().x == -0.5 * kSize, tt::tolerance(0.01));
        // The next character follows the half-width bracket (plus the line's CJK glue), not
        // a full em.
        BOOST_TEST(first_run.glyphs[1].x >= 0.5 * kSize - 0.01);
        BOOST_TEST(first_run.glyphs[1].x < 0.5 * kSize + 0.25 * kSize + 0.01);
      }
      if (line.text.ends_with("。") || line.text.ends_with("，")) {
        ++closing_ends;
        // Half width: the last glyph's pen is half an em before the edge (its ink, centred
        // in Traditional Chinese, a quarter em further left); untrimmed it would be a full em.
        const auto& last = line.runs.back().glyphs.back();
        BOOST_TEST(line.width - last.x == 0.75 * kSize, tt::tolerance(0.01));
      }
    }
  }
  BOOST_TEST(opening_starts > 0);
  BOOST_TEST(closing_ends > 0);
}
