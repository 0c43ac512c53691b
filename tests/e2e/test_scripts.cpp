// Every script a page meets (issue 12): font fallback by itemisation, bidi, languages, per-language
// hyphenation and the missing-glyph error. Needs the Noto fonts and hyphen-* dictionaries of
// scripts/debian-packages.txt.
#define BOOST_TEST_MODULE scripts
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "compose/composer.h"
#include "font/coverage.h"
#include "linebreak/knuth_plass.h"
#include "story/story.h"
#include "test_support.h"
#include "text/hyphenator_set.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

struct Sample {
  const char* file;
  const char* language;
  const char* font;  ///< a font pdffonts must list
  const char* word;  ///< a word pdftotext must give back, in logical order
};

const Sample kSamples[] = {
    {"10_arabic", "ar", "NotoNaskhArabic-Regular", "مكتبة"},
    {"11_chinese_simplified", "zh-Hans", "NotoSerifCJKsc-Regular", "图书馆"},
    {"12_chinese_traditional", "zh-Hant", "NotoSerifCJKtc-Regular", "圖書館"},
    {"13_japanese", "ja", "NotoSerifCJKjp-Regular", "図書館"},
    {"14_korean", "ko", "NotoSerifCJKkr-Regular", "도서관"},
    {"15_russian", "ru", "NotoSerif-Regular", "библиотеку"},
    {"16_hindi", "hi", "NotoSerifDevanagari-Regular", "पुस्तकालय"},
    {"17_hebrew", "he", "NotoSerifHebrew-Regular", "ספרייה"},
    {"18_greek", "el", "NotoSerif-Regular", "βιβλιοθήκη"},
    {"19_english_mixed", "en", "NotoNaskhArabic-Regular", "الإسكندرية"},
};

std::string article(const std::string& name) {
  return std::string(BROADSHEET_SOURCE_DIR) + "/tests/articles/" + name + ".txt";
}

story::Story read_sample(const Sample& s) {
  story::Story story = story::read_story(article(s.file), {.has_deck = false});
  story.language = s.language;
  return story;
}

/// Composes `story` on page21 and counts its glyphs and its .notdef glyphs (id 0).
std::pair<int, int> glyphs_and_notdefs(const story::Story& story) {
  linebreak::KnuthPlassBreaker breaker;
  const text::HyphenatorSet hyphenators(&test_hyphenator());
  compose::ComposeContext context{test_fonts(), &test_hyphenator(), breaker};
  context.hyphenators = &hyphenators;
  compose::FolioOverrides folio;
  folio.date = story::Date{2026, 11, 30};
  folio.page = 1;
  const auto layout = compose::compose_page(context, page21(), {{"lead", &story}}, folio);
  int glyphs = 0, notdefs = 0;
  for (const auto& page : layout.display.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<GlyphRunItem>(&item.shape))
        for (const auto& g : run->glyphs) {
          ++glyphs;
          notdefs += g.id == 0 ? 1 : 0;
        }
  return {glyphs, notdefs};
}

CommandResult render(const std::string& name, const std::string& options, const std::string& pdf) {
  return run_command(broadsheet_binary() + " render " + article(name) +
                     " -t templates/page21.toml --no-deck --page 1 --date 2026-11-30 " + options +
                     " -o " + pdf);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_sample_sets_every_glyph) {
  for (const Sample& s : kSamples) {
    const story::Story story = read_sample(s);
    BOOST_CHECK_NO_THROW(font::check_coverage(test_fonts(), {story}, false));
    const auto [glyphs, notdefs] = glyphs_and_notdefs(story);
    BOOST_TEST(glyphs > 100, s.file);
    BOOST_TEST(notdefs == 0, s.file << ": " << notdefs << " .notdef glyphs of " << glyphs);
  }
}

BOOST_AUTO_TEST_CASE(pdfs_embed_the_fallback_fonts_and_give_the_words_back) {
  for (const Sample& s : kSamples) {
    const std::string pdf = test_out(std::string("scripts_") + s.file + ".pdf");
    const CommandResult r = render(s.file, std::string("--lang ") + s.language, pdf);
    BOOST_TEST_REQUIRE(r.status == 0, r.output);
    BOOST_TEST(r.output.find("fallback fonts used") != std::string::npos, r.output);
    const std::string fonts = run_command("pdffonts " + pdf).output;
    BOOST_TEST(fonts.find(s.font) != std::string::npos, s.file << ":\n" << fonts);
    const std::string text = run_command("pdftotext " + pdf + " -").output;
    BOOST_TEST(text.find(s.word) != std::string::npos, s.file << ":\n" << text);
  }
}

BOOST_AUTO_TEST_CASE(right_to_left_words_read_in_logical_order) {
  // Two consecutive Hebrew words, and the Arabic headline's first two words: pdftotext must
  // give them back in reading order (its text comes from the PDF's glyph positions).
  const std::string pdf = test_out("scripts_rtl_order.pdf");
  BOOST_TEST_REQUIRE(render("17_hebrew", "", pdf).status == 0);
  const std::string text = run_command("pdftotext " + pdf + " -").output;
  BOOST_TEST(text.find("ספרייה חדשה") != std::string::npos, text);
  const std::string arabic = test_out("scripts_rtl_order_ar.pdf");
  BOOST_TEST_REQUIRE(render("10_arabic", "", arabic).status == 0);
  const std::string text_ar = run_command("pdftotext " + arabic + " -").output;
  BOOST_TEST(text_ar.find("مكتبة جديدة") != std::string::npos, text_ar);
}

BOOST_AUTO_TEST_CASE(a_character_no_font_has_is_an_error_naming_it) {
  const std::string dir = test_out("scripts_missing");
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/tibetan.txt";
  std::ofstream(file) << "Headline\nA word in Tibetan: \u0F00 here.\n";
  const std::string pdf = dir + "/out.pdf";
  const CommandResult fail = run_command(broadsheet_binary() + " render " + file +
                                         " -t templates/page21.toml --no-deck --page 1 "
                                         "--date 2026-11-30 -o " +
                                         pdf);
  BOOST_TEST(fail.status == 1, fail.output);
  BOOST_TEST(fail.output.find("U+0F00 TIBETAN SYLLABLE OM") != std::string::npos, fail.output);
  BOOST_TEST(fail.output.find("tibetan.txt:2") != std::string::npos, fail.output);
  const CommandResult allowed =
      run_command(broadsheet_binary() + " render " + file +
                  " -t templates/page21.toml --no-deck --page 1 --date 2026-11-30 "
                  "--allow-missing-glyphs -o " +
                  pdf);
  BOOST_TEST(allowed.status == 0, allowed.output);
  BOOST_TEST(allowed.output.find("drawn as boxes") != std::string::npos, allowed.output);
  // The text layer keeps the character itself.
  BOOST_TEST(run_command("pdftotext " + pdf + " -").output.find("\u0F00") != std::string::npos);
}
