// Itemisation, bidi, per-language breaking and hyphenation, OpenType features per style, breaks
// of last resort and CJK glue (issue 12). Needs the Noto fonts and hyphen-* dictionaries of
// scripts/debian-packages.txt.
#define BOOST_TEST_MODULE itemization
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>

#include "linebreak/knuth_plass.h"
#include "paragraph/typeset.h"
#include "shape/itemizer.h"
#include "test_support.h"
#include "text/bidi.h"
#include "text/hyphenator_set.h"
#include "text/line_breaks.h"
#include "text/unicode.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

font::FontId termes() {
  return test_fonts().find("TeX Gyre Termes", "Regular");
}

std::set<std::string> families_of(const shape::ShapedRun& run) {
  std::set<std::string> families;
  for (const auto& g : run.glyphs) families.insert(test_fonts().font(g.font).family());
  return families;
}

paragraph::ParagraphStyle body_style(double size = 9) {
  paragraph::ParagraphStyle style;
  style.font = termes();
  style.face_style = "Regular";
  style.size = size;
  style.align = layout_template::Align::Justify;
  return style;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_chinese_name_falls_back_to_the_cjk_face_and_back) {
  const std::string text = "Li Wei (李伟) won";
  const auto items =
      shape::itemize(test_fonts(), termes(), text, {}, "", text::BaseDirection::Auto);
  BOOST_TEST(items.missing.empty());
  BOOST_TEST_REQUIRE(items.items.size() >= 3u);
  const auto cjk = test_fonts().find("Noto Serif CJK SC", "Regular");
  BOOST_TEST(std::count(items.fallbacks.begin(), items.fallbacks.end(), cjk) == 1);
  // "李伟" and the ")" after it are in the CJK face; "Li Wei (" and " won" in Termes.
  const std::size_t han = text.find("李");
  const auto at = [&](std::size_t byte) {
    for (const auto& item : items.items)
      if (byte >= item.begin && byte < item.end) return item.font;
    return -1;
  };
  BOOST_TEST(at(0) == termes());
  BOOST_TEST(at(han) == cjk);
  BOOST_TEST(at(text.find("won")) == termes());
  // Japanese text picks the Japanese face of the collection.
  const auto ja =
      shape::itemize(test_fonts(), termes(), "図書館", {}, "ja", text::BaseDirection::Auto);
  BOOST_TEST(test_fonts().font(ja.items.front().font).family() == "Noto Serif CJK JP");
  BOOST_TEST(test_fonts().font(ja.items.front().font).face_index() == 0u);
}

BOOST_AUTO_TEST_CASE(arabic_is_shaped_right_to_left_and_joined) {
  const std::string text = "مكتبة";
  const auto items =
      shape::itemize(test_fonts(), termes(), text, {}, "ar", text::BaseDirection::Auto);
  BOOST_TEST(items.bidi.right_to_left);
  const auto run = shape::shape_items(test_fonts(), items.items, text, 0, text.size(), 10, {});
  BOOST_TEST(families_of(run) == std::set<std::string>{"Noto Naskh Arabic"});
  // Visual order: clusters decrease from left to right.
  BOOST_TEST_REQUIRE(run.glyphs.size() >= 2u);
  BOOST_TEST(run.glyphs.front().cluster > run.glyphs.back().cluster);
  BOOST_TEST((run.glyphs.front().level & 1) == 1);
  // Joined: the isolated forms of the letters are other glyphs than the word's.
  std::set<std::uint32_t> joined, isolated;
  for (const auto& g : run.glyphs) joined.insert(g.id);
  for (const auto& c : text::decode_utf8(text)) {
    const auto one = shape::shape_items(test_fonts(), items.items, text, c.begin, c.end, 10, {});
    for (const auto& g : one.glyphs) isolated.insert(g.id);
  }
  BOOST_TEST((joined != isolated));
}

BOOST_AUTO_TEST_CASE(bidi_levels_and_visual_order) {
  const std::string text = "abc אבג דה def";
  const auto bidi = text::resolve_bidi(text, text::BaseDirection::Auto);
  BOOST_TEST(!bidi.right_to_left);
  BOOST_TEST(bidi.at(0) == 0);
  BOOST_TEST(bidi.at(text.find("א")) == 1);
  BOOST_TEST(bidi.at(text.find("def")) == 0);
  // Runs at levels 0 1 1 0 are drawn 0 2 1 3: the two Hebrew words swap.
  BOOST_TEST(text::visual_order({0, 1, 1, 0}) == (std::vector<int>{0, 2, 1, 3}));
  BOOST_TEST(text::resolve_bidi("plain text", text::BaseDirection::Auto).all_left_to_right());
  BOOST_TEST(text::resolve_bidi("plain", text::BaseDirection::RightToLeft).right_to_left);
}

BOOST_AUTO_TEST_CASE(a_hebrew_line_is_set_right_aligned_in_visual_order) {
  paragraph::ParagraphStyle style = body_style();
  style.align = layout_template::Align::Left;
  const std::string text = "ספרייה חדשה";
  const auto prepared = paragraph::prepare_paragraph(test_fonts(), nullptr, text, style, false);
  const auto lines =
      paragraph::break_paragraph(test_fonts(), prepared, linebreak::KnuthPlassBreaker(), 150).lines;
  BOOST_TEST_REQUIRE(lines.size() == 1u);
  const auto& line = lines.front();
  BOOST_TEST(line.text == text);  // logical order
  BOOST_TEST_REQUIRE(line.runs.size() == 2u);
  // The first word (logically) is drawn on the right, and the line ends on the right edge.
  BOOST_TEST(line.runs[0].text == "חדשה");
  BOOST_TEST(line.runs[1].text == "ספרייה");
  BOOST_TEST(line.runs[0].backward);
  BOOST_TEST(line.offset > 0);
  BOOST_TEST(line.offset + line.width == line.measure, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(emphasis_and_strong_take_the_family_faces) {
  paragraph::ParagraphStyle style = body_style();
  const std::string text = "plain italic bold";
  paragraph::set_text_attributes(
      "en", {{6, 12, story::InlineStyle::Emphasis}, {13, 17, story::InlineStyle::Strong}}, 0,
      style);
  const auto shaped = paragraph::shape_paragraph(test_fonts(), nullptr, text, style);
  BOOST_TEST_REQUIRE(shaped.words.size() == 3u);
  const auto style_of = [&](int w) {
    return test_fonts().font(shaped.words[std::size_t(w)].run.glyphs.front().font).style();
  };
  BOOST_TEST(style_of(0) == "Regular");
  BOOST_TEST(style_of(1) == "Italic");
  BOOST_TEST(style_of(2) == "Bold");
}

BOOST_AUTO_TEST_CASE(opentype_features_per_style_change_termes_glyphs) {
  const auto ids = [](const std::string& text, const std::string& features) {
    shape::ShapeOptions options;
    options.features = features;
    std::vector<std::uint32_t> out;
    for (const auto& g : shape::shape_text(test_fonts(), termes(), 10, text, options).glyphs)
      out.push_back(g.id);
    return out;
  };
  // Old-style figures and small capitals are other glyphs of Termes; the default is lining.
  BOOST_TEST(ids("2015", "onum") != ids("2015", ""));
  BOOST_TEST(ids("news", "smcp") != ids("news", ""));
  BOOST_TEST(ids("2015", "") == ids("2015", "-onum"));
  // The style's features reach the words of a paragraph.
  paragraph::ParagraphStyle style = body_style();
  style.features = "onum";
  const auto shaped = paragraph::shape_paragraph(test_fonts(), nullptr, "in 2015", style);
  std::vector<std::uint32_t> year;
  for (const auto& g : shaped.words.back().run.glyphs) year.push_back(g.id);
  BOOST_TEST(year == ids("2015", "onum"));
}

BOOST_AUTO_TEST_CASE(german_french_and_russian_hyphenate_with_their_own_dictionaries) {
  const text::HyphenatorSet set(&test_hyphenator());
  const text::Hyphenator* de = set.for_language("de-DE");
  const text::Hyphenator* fr = set.for_language("fr");
  const text::Hyphenator* ru = set.for_language("ru");
  BOOST_TEST_REQUIRE(de != nullptr);
  BOOST_TEST_REQUIRE(fr != nullptr);
  BOOST_TEST_REQUIRE(ru != nullptr);
  BOOST_TEST(set.for_language("en") == &test_hyphenator());
  BOOST_TEST(set.for_language("xx") == nullptr);
  const auto de_rules = text::HyphenatorSet::rules_for("de", {});
  const auto fr_rules = text::HyphenatorSet::rules_for("fr", {});
  // German (an ISO-8859-1 dictionary: words with umlauts are recoded).
  BOOST_TEST(de->show("Bibliotheksleiter", de_rules) == "Bi-blio-theks-lei-ter");
  BOOST_TEST(de->show("öffentliche", de_rules) == "öf-fent-li-che");
  BOOST_TEST(de->show("erklärte", de_rules) == "er-klär-te");
  // French (UTF-8).
  BOOST_TEST(fr->show("bibliothèque", fr_rules) == "bi-blio-thèque");
  BOOST_TEST(fr->show("collectivités", fr_rules) == "col-lec-ti-vi-tés");
  // Russian (KOI8-R).
  BOOST_TEST(ru->show("библиотека", text::HyphenatorSet::rules_for("ru", {})) == "биб-лио-тека");
}

BOOST_AUTO_TEST_CASE(korean_keeps_words_whole_and_japanese_is_strict) {
  const std::string korean = "도서관에는 책이 있다";
  for (const auto& b : text::find_line_breaks(korean, "ko"))
    BOOST_TEST((b.offset == korean.size() || b.kind == text::BreakKind::Space), b.offset);
  BOOST_TEST(text::find_line_breaks(korean, "").size() >
             text::find_line_breaks(korean, "ko").size());
  BOOST_TEST(text::line_break_locale("ja") == "ja@lb=strict");
  BOOST_TEST(text::line_break_locale("") == "en_US");
  // Strict: no line starts with a small kana (ッ) in Japanese.
  const std::string japanese = "ホッチキス";
  const std::size_t small_tsu = japanese.find("ッ");
  for (const auto& b : text::find_line_breaks(japanese, "ja")) BOOST_TEST(b.offset != small_tsu);
}

BOOST_AUTO_TEST_CASE(case_mapping_follows_the_language) {
  BOOST_TEST(text::to_upper("istanbul", "tr-TR") == "İSTANBUL");
  BOOST_TEST(text::to_upper("istanbul", "en") == "ISTANBUL");
  BOOST_TEST(text::to_upper("straße", "de") == "STRASSE");
}

BOOST_AUTO_TEST_CASE(a_token_longer_than_the_measure_breaks_inside_and_never_sticks_out) {
  paragraph::ParagraphStyle style = body_style();
  const std::string text =
      "See https://example.org/archive/a_very_long_path_name=with_parameters-and-more_parts "
      "and averyveryverylongtokenwithoutanyseparatorsatallinitwhatsoever too.";
  const double measure = 90;
  const auto prepared = paragraph::prepare_paragraph(test_fonts(), nullptr, text, style, false);
  const auto lines =
      paragraph::break_paragraph(test_fonts(), prepared, linebreak::KnuthPlassBreaker(), measure)
          .lines;
  BOOST_TEST(lines.size() >= 4u);
  for (const auto& line : lines) {
    BOOST_TEST(!line.overfull, line.text);
    BOOST_TEST(line.width <= measure + 0.01, line.text << " is " << line.width << " pt");
  }
}

BOOST_AUTO_TEST_CASE(justified_chinese_fills_the_measure_with_inter_character_glue) {
  paragraph::ParagraphStyle style = body_style();
  style.language = "zh";
  const std::string text =
      "市政府星期一在市中心开放了一座新的公共图书馆，馆内藏书超过两万册，包括中文和英文图书。"
      "图书馆馆长说，大阅览室每天开放到晚上十点，学生和家庭可以免费进入。";
  const double measure = 154.72;
  const auto prepared = paragraph::prepare_paragraph(test_fonts(), nullptr, text, style, false);
  const auto lines =
      paragraph::break_paragraph(test_fonts(), prepared, linebreak::KnuthPlassBreaker(), measure)
          .lines;
  BOOST_TEST_REQUIRE(lines.size() >= 3u);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    BOOST_TEST(lines[i].justified, lines[i].text);
    const auto& last_run = lines[i].runs.back();
    const double right = last_run.glyphs.back().x;  // origin of the last glyph
    BOOST_TEST(right < measure);
    BOOST_TEST(lines[i].letter_space >= 0);
  }
  // Kinsoku: no line starts with a full-width comma or full stop.
  for (const auto& line : lines)
    BOOST_TEST((line.text.rfind("，", 0) != 0 && line.text.rfind("。", 0) != 0), line.text);
}
