// End to end: the NITF sample article (tests/articles/09_virtual_fences_voa.nitf) rendered on
// page21 by the command-line program, its PDF read back with pdftotext: every word in order,
// the furniture (kicker, headline, deck, byline) above the body, the dateline first.
#define BOOST_TEST_MODULE nitf_page
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "story/smart_quotes.h"
#include "story/story.h"
#include "test_support.h"
#include "text_layer.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

const std::string kArticle = "tests/articles/09_virtual_fences_voa.nitf";
const std::string kWithPhoto = "tests/articles/pictures/nitf_photo.nitf";

/// The story's words as its text layer should give them back: the dateline run in, each
/// paragraph with the pull quote (page21 sets one) where the story places it, the contact line.
std::vector<std::string> story_words(const story::Story& s) {
  std::vector<std::string> out = {"WASHINGTON", "—"};
  for (std::size_t i = 0; i <= s.body.size(); ++i) {
    for (const auto& quote : s.pull_quotes)
      if (quote.after_paragraph == static_cast<int>(i))
        for (const std::string& text : {quote.text, quote.attribution})
          for (auto& w : words_of(text)) out.push_back(w);
    if (i < s.body.size())
      for (auto& w : words_of(s.body[i].text)) out.push_back(w);
  }
  for (auto& w : words_of(s.contact->text)) out.push_back(w);
  return out;
}

/// The PDF's words, made once.
const std::vector<PdfWord>& rendered_words() {
  static const std::vector<PdfWord> words = [] {
    const std::string pdf = test_out("nitf_page21.pdf");
    const auto r = run_command(broadsheet_binary() + " render " + kArticle + " -o " + pdf +
                               " --page 1 --png " + test_out("nitf_page21.png"));
    BOOST_TEST_REQUIRE(r.status == 0, r.output);
    return pdf_words(pdf);
  }();
  return words;
}

/// The lead's column (0-3) a word is in; 4 right of the lead.
std::size_t column_of(const PdfWord& w) {
  const auto& cols = page21().columns;
  for (std::size_t c = 0; c < 4; ++c)
    if (w.x0 < cols[c].x + cols[c].width) return c;
  return 4;
}

story::Story sample() {
  story::Story s = story::read_story(kArticle);
  story::curl_quotes(s);  // page21 says smart_quotes = true
  return s;
}

/// Where the byline's word box ends: the body starts below it.
double byline_bottom(const std::vector<PdfWord>& words) {
  for (const PdfWord& w : words)
    if (w.text == "SMITH") return w.y1;
  return -1;
}

}  // namespace

BOOST_AUTO_TEST_CASE(furniture_above_the_body_in_order) {
  const auto& words = rendered_words();
  const double below = byline_bottom(words);
  BOOST_TEST_REQUIRE(below > 0);
  std::vector<PdfWord> top;
  for (const PdfWord& w : words)
    if (w.y1 <= below + 0.1 && column_of(w) < 4 && w.y0 > 60) top.push_back(w);
  std::stable_sort(top.begin(), top.end(), [](const PdfWord& a, const PdfWord& b) {
    if (std::abs(a.y1 - b.y1) > 2) return a.y1 < b.y1;
    return a.x0 < b.x0;
  });
  std::vector<std::string> got;
  for (const PdfWord& w : top) got.push_back(w.text);
  const story::Story s = sample();
  std::vector<std::string> expected = {"AGRICULTURE"};
  for (const std::string& text : {s.headline.text, s.deck->text})
    for (auto& w : words_of(text)) expected.push_back(w);
  for (auto& w : words_of("BY ANDREW SMITH")) expected.push_back(w);
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_text_layer_gives_back_every_body_word_in_order) {
  const auto& words = rendered_words();
  const double below = byline_bottom(words);
  std::vector<PdfWord> body;
  for (const PdfWord& w : words)
    if (w.y0 > below && column_of(w) < 4) body.push_back(w);
  const story::Story s = sample();
  const std::vector<std::string> expected = story_words(s);
  BOOST_TEST(s.pull_quotes.size() == 1u);
  const std::vector<std::string> got = reading_order(body, column_of, expected);
  BOOST_TEST(got.size() == expected.size());
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(plain_pdftotext_has_every_furniture_text) {
  const auto& words = rendered_words();
  std::string all;
  for (const PdfWord& w : words) all += w.text + " ";
  for (const char* text : {"AGRICULTURE", "BY ANDREW SMITH", "WASHINGTON —", "How it works",
                           "Benefits of virtual fencing", "Andrew Smith wrote this story"})
    BOOST_TEST(all.find(text) != std::string::npos, text);
}

// The same story with a JPEG over its first two columns (tests/articles/pictures/nitf_photo.nitf:
// a <media> block with its caption, producer and columns): the photo is the original JPEG, the
// caption and credit are in the text layer, and the story's words still come back in order.
BOOST_AUTO_TEST_CASE(with_a_jpeg_over_two_columns_every_word_still_comes_back_in_order) {
  const std::string pdf = test_out("nitf_photo_page21.pdf");
  const std::string dump = test_out("nitf_photo_page21.layout.json");
  const auto r = run_command(broadsheet_binary() + " render " + kWithPhoto + " -o " + pdf +
                             " --page 21 --layout " + dump);
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  const std::string prefix = test_out("nitf_photo_image");
  BOOST_REQUIRE_EQUAL(run_command("pdfimages -j " + pdf + " " + prefix).status, 0);
  BOOST_TEST((slurp(prefix + "-000.jpg") == slurp("tests/media/lake.jpg")));

  // The caption and credit lines (from the layout dump) are read apart from the body.
  std::vector<double> picture_text;  // baselines
  const std::string json = slurp(dump);
  static const std::regex caption(R"re("role":"(caption|credit)"[^}]*"baseline":([\d.]+))re");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), caption);
       it != std::sregex_iterator(); ++it)
    picture_text.push_back(std::stod((*it)[2]));
  BOOST_REQUIRE(picture_text.size() >= 2u);
  const auto& words = pdf_words(pdf);
  double below = -1;
  for (const PdfWord& w : words)
    if (w.text == "SMITH") below = w.y1;
  std::vector<PdfWord> body;
  std::string picture_words;
  for (const PdfWord& w : words) {
    if (w.y0 <= below || column_of(w) >= 4) continue;
    const bool under_picture = std::any_of(picture_text.begin(), picture_text.end(),
                                           [&](double b) { return w.y1 > b - 1 && w.y1 < b + 4; });
    if (under_picture && column_of(w) < 2)
      picture_words += w.text + " ";
    else
      body.push_back(w);
  }
  BOOST_TEST(picture_words.find("Evening over open grazing land, where virtual fences need no "
                                "posts.") != std::string::npos,
             picture_words);
  BOOST_TEST(picture_words.find("BROADSHEET TEST MEDIA") != std::string::npos, picture_words);

  story::Story s = story::read_story(kWithPhoto);
  story::curl_quotes(s);
  BOOST_REQUIRE(s.pictures.size() == 1u);
  const std::vector<std::string> expected = story_words(s);
  const std::vector<std::string> got = reading_order(body, column_of, expected);
  BOOST_TEST(got.size() == expected.size());
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}
