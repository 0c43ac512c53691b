// Issue 12's leftovers: the story's language on every text of the story (headline faces), the
// plain-text "Language:" line, right-to-left stories (right alignment, columns from the right).
#define BOOST_TEST_MODULE script_layout
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "compose/composer.h"
#include "core/diagnostics.h"
#include "linebreak/knuth_plass.h"
#include "story/story.h"
#include "test_support.h"
#include "text/hyphenator_set.h"
#include "text/language.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

std::string article(const std::string& name) {
  return std::string(BROADSHEET_SOURCE_DIR) + "/tests/articles/" + name + ".txt";
}

story::Story sample(const std::string& name, const std::string& language) {
  story::Story story = story::read_story(article(name), {.has_deck = false});
  story.language = language;
  return story;
}

compose::PageLayout compose_story(const story::Story& story,
                                  const layout_template::PageTemplate& tpl = page21()) {
  static const linebreak::KnuthPlassBreaker breaker;
  static const text::HyphenatorSet hyphenators(&test_hyphenator());
  compose::ComposeContext context{test_fonts(), &test_hyphenator(), breaker};
  context.hyphenators = &hyphenators;
  compose::FolioOverrides folio;
  folio.date = story::Date{2026, 11, 30};
  folio.page = 1;
  return compose::compose_page(context, tpl, {{"lead", &story}}, folio);
}

/// The families of the faces the headline (tagged H1) is drawn in.
std::set<std::string> headline_families(const compose::PageLayout& layout) {
  std::set<std::string> families;
  for (const auto& page : layout.display.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<GlyphRunItem>(&item.shape); run && run->tag == "H1")
        families.insert(test_fonts().font(run->font).family());
  return families;
}

std::vector<compose::PlacedLine> lines_of(const compose::PageLayout& layout,
                                          compose::LineRole role) {
  std::vector<compose::PlacedLine> out;
  for (const auto& line : layout.lines)
    if (line.role == role && line.slot == "lead") out.push_back(line);
  return out;
}

/// The x range of the lead slot's columns.
std::pair<double, double> lead_columns_span(const layout_template::PageTemplate& tpl) {
  const layout_template::Slot& slot = *tpl.find_slot("lead");
  const auto& first = tpl.columns[std::size_t(slot.first_column - 1)];
  const auto& last = tpl.columns[std::size_t(slot.last_column - 1)];
  return {first.x, last.x + last.width};
}

}  // namespace

BOOST_AUTO_TEST_CASE(headlines_take_the_face_of_the_story_language) {
  // The headline shares ideographs with Simplified Chinese: without the story's language it
  // fell to the default chain's SC face.
  const auto tc = headline_families(compose_story(sample("12_chinese_traditional", "zh-Hant")));
  BOOST_TEST(tc.count("Noto Serif CJK TC") == 1u);
  BOOST_TEST(tc.count("Noto Serif CJK SC") == 0u);
  const auto sc = headline_families(compose_story(sample("11_chinese_simplified", "zh-Hans")));
  BOOST_TEST(sc.count("Noto Serif CJK SC") == 1u);
  const auto jp = headline_families(compose_story(sample("13_japanese", "ja")));
  BOOST_TEST(jp.count("Noto Serif CJK JP") == 1u);
  BOOST_TEST(jp.count("Noto Serif CJK SC") == 0u);
}

BOOST_AUTO_TEST_CASE(language_tags_are_checked) {
  BOOST_TEST(text::is_valid_language_tag("zh-Hant"));
  BOOST_TEST(text::is_valid_language_tag("ar"));
  BOOST_TEST(text::is_valid_language_tag("pt-BR"));
  BOOST_TEST(!text::is_valid_language_tag(""));
  BOOST_TEST(!text::is_valid_language_tag("Chinese"));
  BOOST_TEST(!text::is_valid_language_tag("zh_Hant"));
  BOOST_TEST(!text::is_valid_language_tag("zh-Hant extra"));
  BOOST_TEST(text::is_right_to_left_language("ar"));
  BOOST_TEST(text::is_right_to_left_language("he-IL"));
  BOOST_TEST(text::is_right_to_left_language("fa"));
  BOOST_TEST(text::is_right_to_left_language("ur"));
  BOOST_TEST(!text::is_right_to_left_language("zh-Hant"));
  BOOST_TEST(!text::is_right_to_left_language(""));
}

BOOST_AUTO_TEST_CASE(the_language_line_gives_the_story_language) {
  const story::Story story = story::parse_story(
      "Language: zh-Hant\n城市新圖書館正式開放\n市政府星期一開放了一座新的公共圖書館。\n"
      "圖書館館長說，大閱覽室每天開放。\n",
      "tw.txt", {.has_deck = false});
  BOOST_TEST(story.language == "zh-Hant");
  BOOST_TEST(story.headline.text == "城市新圖書館正式開放");
  BOOST_TEST(story.headline.source_line == 2);
  BOOST_TEST(story.body.size() == 2u);
  // Elsewhere than the top it is an ordinary paragraph.
  const story::Story later =
      story::parse_story("Headline\nLanguage: de\nBody.\n", "x.txt", {.has_deck = false});
  BOOST_TEST(later.language.empty());
  BOOST_TEST(later.body.front().text == "Language: de");
}

BOOST_AUTO_TEST_CASE(a_bad_language_line_names_file_and_line) {
  for (const std::string tag : {"Chinese", "zh_Hant", "", "en-"}) {
    try {
      story::parse_story("\nLanguage: " + tag + "\nHeadline\nBody.\n", "bad.txt");
      BOOST_ERROR("no error for \"" << tag << "\"");
    } catch (const InputError& e) {
      const std::string what = e.what();
      BOOST_TEST(what.find("bad.txt:2") != std::string::npos, what);
      BOOST_TEST(what.find("language tag") != std::string::npos, what);
    }
  }
  BOOST_CHECK_THROW(story::parse_story("Language: ja\n", "only.txt"), InputError);
}

BOOST_AUTO_TEST_CASE(the_file_language_wins_over_lang) {
  // A zh-Hant file rendered with --lang ja keeps its Traditional Chinese faces.
  const std::string dir = test_out("script_layout_lang");
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/tw.txt";
  std::ofstream(file) << "Language: zh-Hant\n" << slurp(article("12_chinese_traditional"));
  const std::string pdf = dir + "/tw.pdf";
  const CommandResult r = run_command(broadsheet_binary() + " render " + file +
                                      " -t templates/page21.toml --no-deck --page 1 "
                                      "--date 2026-11-30 --lang ja -o " +
                                      pdf);
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  const std::string fonts = run_command("pdffonts " + pdf).output;
  BOOST_TEST(fonts.find("NotoSerifCJKtc-Bold") != std::string::npos, fonts);
  BOOST_TEST(fonts.find("NotoSerifCJKtc-Regular") != std::string::npos, fonts);
  BOOST_TEST(fonts.find("CJKjp") == std::string::npos, fonts);
}

BOOST_AUTO_TEST_CASE(a_bad_lang_option_is_an_error) {
  const CommandResult r =
      run_command(broadsheet_binary() + " render " + article("12_chinese_traditional") +
                  " -t templates/page21.toml --no-deck --page 1 "
                  "--date 2026-11-30 --lang zh_Hant -o " +
                  test_out("script_layout_badlang.pdf"));
  BOOST_TEST(r.status == 1, r.output);
  BOOST_TEST(r.output.find("--lang") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("zh_Hant") != std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(an_arabic_story_fills_its_columns_from_the_right) {
  for (const std::string language : {"ar", ""}) {  // by language, or by its first letter
    const compose::PageLayout layout = compose_story(sample("10_arabic", language));
    const auto [left, right] = lead_columns_span(page21());
    const auto body = lines_of(layout, compose::LineRole::Body);
    BOOST_TEST_REQUIRE(body.size() > 4u);
    const compose::PlacedLine& first = body.front();
    const compose::PlacedLine& last = body.back();
    // The first line is in the rightmost column, flush with its right edge.
    BOOST_TEST(first.column == 0);
    BOOST_TEST(first.left + first.width == right, boost::test_tools::tolerance(0.01));
    BOOST_TEST(first.left > right - first.measure - 0.01);
    // The last line is in the leftmost column, a last line: ragged on its left.
    BOOST_TEST(last.last_of_paragraph);
    BOOST_TEST(last.column > 0);
    BOOST_TEST(last.left + last.width == left + last.measure, boost::test_tools::tolerance(0.01));
    BOOST_TEST(last.left > left + 1);
    // Every paragraph's last line hangs from the right edge of its column.
    for (const auto& line : body)
      if (line.last_of_paragraph) {
        BOOST_TEST(!line.justified);
        BOOST_TEST(line.width < line.measure);
      }
    // The headline is right-aligned across the slot.
    const auto headline = lines_of(layout, compose::LineRole::Headline);
    BOOST_TEST_REQUIRE(!headline.empty());
    BOOST_TEST(headline.front().left + headline.front().width == right,
               boost::test_tools::tolerance(0.01));
    BOOST_TEST(headline.front().left > left + 10);
  }
}

BOOST_AUTO_TEST_CASE(column_order_in_the_template_overrides_the_story) {
  layout_template::PageTemplate tpl = page21();
  for (auto& slot : tpl.slots)
    if (slot.name == "lead") slot.column_order = layout_template::ColumnOrder::LeftToRight;
  const auto body_ltr =
      lines_of(compose_story(sample("10_arabic", "ar"), tpl), compose::LineRole::Body);
  const auto [left, right] = lead_columns_span(tpl);
  BOOST_TEST_REQUIRE(!body_ltr.empty());
  BOOST_TEST(body_ltr.front().left + body_ltr.front().width == left + body_ltr.front().measure,
             boost::test_tools::tolerance(0.01));
  // An English story in a slot that fills from the right.
  for (auto& slot : tpl.slots)
    if (slot.name == "lead") slot.column_order = layout_template::ColumnOrder::RightToLeft;
  const auto body_en =
      lines_of(compose_story(sample("00_page21_china_daily", "en"), tpl), compose::LineRole::Body);
  BOOST_TEST_REQUIRE(!body_en.empty());
  BOOST_TEST(body_en.front().left == right - body_en.front().measure,
             boost::test_tools::tolerance(0.01));
  // Left-to-right text keeps its left alignment.
  BOOST_TEST(body_en.front().text.starts_with("Russia may well"));
}

BOOST_AUTO_TEST_CASE(templates_read_column_order_and_style_language) {
  std::string text = slurp(std::string(BROADSHEET_SOURCE_DIR) + "/templates/page21.toml");
  const std::string slot_name = "name = \"lead\"";
  const std::size_t at = text.find(slot_name);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  std::string good = text;
  good.insert(at + slot_name.size(), "\ncolumn_order = \"rtl\"");
  const auto tpl = layout_template::parse_template(good, "good.toml");
  BOOST_TEST(static_cast<int>(tpl.find_slot("lead")->column_order) ==
             static_cast<int>(layout_template::ColumnOrder::RightToLeft));
  std::string bad = text;
  bad.insert(at + slot_name.size(), "\ncolumn_order = \"backwards\"");
  BOOST_CHECK_THROW(layout_template::parse_template(bad, "bad.toml"), InputError);
  const std::string style_key = "[styles.kicker]";
  const std::size_t kicker = text.find(style_key);
  BOOST_TEST_REQUIRE(kicker != std::string::npos);
  std::string english = text;
  english.insert(kicker + style_key.size(), "\nlanguage = \"en-GB\"");
  BOOST_TEST(layout_template::parse_template(english, "en.toml").style("kicker").language ==
             "en-GB");
  std::string wrong = text;
  wrong.insert(kicker + style_key.size(), "\nlanguage = \"English\"");
  try {
    layout_template::parse_template(wrong, "wrong.toml");
    BOOST_ERROR("no error for language = \"English\"");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("wrong.toml:73") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(a_right_to_left_dateline_opens_the_first_column_at_its_right) {
  story::Story story = sample("10_arabic", "ar");
  story::Paragraph dateline;
  dateline.text = "القاهرة";
  dateline.source_line = 1;
  story.dateline = dateline;
  const compose::PageLayout layout = compose_story(story);
  const auto datelines = lines_of(layout, compose::LineRole::Dateline);
  BOOST_TEST_REQUIRE(datelines.size() == 1u);
  const auto [left, right] = lead_columns_span(page21());
  const compose::PlacedLine& d = datelines.front();
  BOOST_TEST(d.left + d.width == right, boost::test_tools::tolerance(0.01));
  BOOST_TEST(d.width > 10);
  // The first body line leaves the dateline's room at its right end.
  const auto body = lines_of(layout, compose::LineRole::Body);
  BOOST_TEST_REQUIRE(!body.empty());
  BOOST_TEST(body.front().column == 0);
  BOOST_TEST(body.front().left == right - body.front().measure, boost::test_tools::tolerance(0.01));
  // Its glyphs stop short of the dateline: the first body paragraph's run ends left of it.
  double rightmost_body_ink = 0;
  for (const auto& page : layout.display.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<GlyphRunItem>(&item.shape);
          run && run->tag == "P" && !run->glyphs.empty() &&
          body.front().text.find(run->text) != std::string::npos &&  // not the dateline's runs
          std::abs(run->glyphs.front().y - d.baseline) < 0.01)
        for (const auto& g : run->glyphs) rightmost_body_ink = std::max(rightmost_body_ink, g.x);
  BOOST_TEST(rightmost_body_ink > right - body.front().measure);
  BOOST_TEST(rightmost_body_ink < d.left);
}
