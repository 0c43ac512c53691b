// End to end: the NITF sample article (tests/articles/09_virtual_fences_voa.nitf) rendered on
// page21 by the command-line program, its PDF read back with pdftotext: every word in order,
// the furniture (kicker, headline, deck, byline) above the body, the dateline first.
#define BOOST_TEST_MODULE nitf_page
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "story/smart_quotes.h"
#include "story/story.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

const std::string kArticle = "tests/articles/09_virtual_fences_voa.nitf";

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) out.push_back(w);
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

/// Words in reading order, hyphenated line ends rejoined (a compound's own hyphen is kept when
/// only the hyphenated form is in `vocabulary`).
std::vector<std::string> reading_order(std::vector<PdfWord> words,
                                       const std::set<std::string>& vocabulary) {
  std::stable_sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) {
    if (column_of(a) != column_of(b)) return column_of(a) < column_of(b);
    if (std::abs(a.y1 - b.y1) > 2) return a.y1 < b.y1;
    return a.x0 < b.x0;
  });
  std::vector<std::string> out;
  bool joining = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    if (joining) {
      const std::string stem = out.back().substr(0, out.back().size() - 1);
      const bool compound = vocabulary.count(stem + "-" + w) > 0 && vocabulary.count(stem + w) == 0;
      out.back() = compound ? stem + "-" + w : stem + w;
    } else {
      out.push_back(w);
    }
    const bool line_end = i + 1 == words.size() || std::abs(words[i + 1].y1 - words[i].y1) > 2 ||
                          column_of(words[i + 1]) != column_of(words[i]);
    joining = line_end && w.size() > 1 && w.back() == '-' && w != "—";
  }
  return out;
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
  std::vector<std::string> expected = {"WASHINGTON", "—"};
  for (const auto& p : s.body)
    for (auto& w : words_of(p.text)) expected.push_back(w);
  for (auto& w : words_of(s.contact->text)) expected.push_back(w);
  const std::set<std::string> vocabulary(expected.begin(), expected.end());
  const std::vector<std::string> got = reading_order(body, vocabulary);
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
