// End to end: the reference article on page21, checked on the layout (positions in points) and
// on the PDF itself through poppler (checks 1 to 7 of design/page21.md).
#define BOOST_TEST_MODULE page21_end_to_end
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "compose/composer.h"
#include "linebreak/knuth_plass.h"
#include "story/smart_quotes.h"
#include "story/story.h"
#include "test_support.h"
#include "text_layer.h"

using namespace broadsheet;
using namespace broadsheet::testing;
using compose::LineRole;

namespace {

const std::string kArticle = "tests/articles/00_page21_china_daily.txt";

struct Page21Fixture {
  story::Story story = story::read_story(kArticle);
  linebreak::KnuthPlassBreaker breaker;  // the engine's default
  compose::PageLayout layout =
      compose::compose_page({test_fonts(), &test_hyphenator(), breaker}, page21(),
                            compose::assign_in_order(page21(), {&story}));
  const compose::SlotReport& lead() const {
    return *std::find_if(layout.slots.begin(), layout.slots.end(),
                         [](const auto& s) { return s.name == "lead"; });
  }
  std::vector<compose::PlacedLine> lines(LineRole role) const {
    std::vector<compose::PlacedLine> out;
    for (const auto& l : layout.lines)
      if (l.role == role && l.slot == "lead") out.push_back(l);
    return out;
  }
};

/// The rendered PDF, made once by the command-line program as a user would.
const std::string& rendered_pdf() {
  static const std::string pdf = [] {
    const std::string path = test_out("page21_e2e.pdf");
    const auto r = run_command(broadsheet_binary() + " render " + kArticle + " -o " + path);
    BOOST_TEST_REQUIRE(r.status == 0, r.output);
    return path;
  }();
  return pdf;
}

/// The body words of the lead: the most common word-box height (9.5 pt type), left of the rail.
std::vector<PdfWord> body_words(const std::vector<PdfWord>& words) {
  std::map<long, int> heights;
  for (const auto& w : words) ++heights[std::lround((w.y1 - w.y0) * 10)];
  const long body_height =
      std::max_element(heights.begin(), heights.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      })->first;
  const auto& cols = page21().columns;
  std::vector<PdfWord> out;
  for (const auto& w : words)
    if (std::abs(std::lround((w.y1 - w.y0) * 10) - body_height) <= 1 &&
        w.x1 <= cols[3].x + cols[3].width + 1)
      out.push_back(w);
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(layout, Page21Fixture)

BOOST_AUTO_TEST_CASE(check1_page_is_390_by_545_mm) {
  BOOST_REQUIRE(layout.display.pages.size() == 1u);
  BOOST_TEST(layout.display.pages[0].width == 390 * 72 / 25.4, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(layout.display.pages[0].height == 545 * 72 / 25.4, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(check2_body_lines_sit_in_the_lead_columns) {
  const auto body = lines(LineRole::Body);
  BOOST_REQUIRE(body.size() > 40u);
  std::set<int> columns_used;
  for (const auto& l : body) {
    BOOST_REQUIRE(l.column >= 0 && l.column < 4);
    const auto& col = page21().columns[static_cast<std::size_t>(l.column)];
    columns_used.insert(l.column);
    BOOST_TEST(std::abs(l.left - col.x) <= 0.5, l.text);
    BOOST_TEST(l.width <= col.width + 0.5, l.text);
    if (l.justified) BOOST_TEST(std::abs(l.left + l.width - (col.x + col.width)) <= 0.5, l.text);
    if (!l.last_of_paragraph) BOOST_TEST(l.justified, l.text);
  }
  BOOST_TEST(columns_used.size() == 4u);
}

BOOST_AUTO_TEST_CASE(check3_every_body_baseline_is_on_the_11pt_grid) {
  BOOST_TEST(layout.grid_pitch == 11.0);
  for (const auto& l : layout.lines) {
    if (l.role != LineRole::Body && l.role != LineRole::Contact) continue;
    const double steps = (l.baseline - layout.grid_origin) / 11.0;
    BOOST_TEST(std::abs(steps - std::round(steps)) < 1e-6, l.text);
  }
}

BOOST_AUTO_TEST_CASE(check4_columns_are_balanced) {
  const auto& counts = lead().lines_per_column;
  BOOST_REQUIRE(counts.size() == 4u);
  BOOST_TEST(counts.back() >= counts.front() - 1);
  BOOST_TEST(*std::max_element(counts.begin(), counts.end()) - counts.back() <= 1);
  BOOST_TEST(lead().overset_lines == 0);
}

BOOST_AUTO_TEST_CASE(check5_headline_is_fitted_bold_within_the_measure) {
  const auto headline = lines(LineRole::Headline);
  BOOST_TEST(headline.size() >= 1u);
  BOOST_TEST(headline.size() <= 2u);
  const double measure = page21().columns[3].x + page21().columns[3].width - page21().columns[0].x;
  for (const auto& l : headline) {
    BOOST_TEST(l.size >= 36.0);
    BOOST_TEST(l.size <= 52.0);
    BOOST_TEST(l.width <= measure);
    BOOST_TEST(l.style == "headline");
  }
  BOOST_TEST(page21().style("headline").font.style == "Bold");
  // The contact line comes last.
  BOOST_TEST((layout.lines.back().role == LineRole::Contact));
}

BOOST_AUTO_TEST_CASE(empty_slots_are_warned_about) {
  std::set<std::string> empty;
  for (const auto& w : layout.warnings)
    if (w.code == "empty-slot") empty.insert(w.message);
  BOOST_TEST(empty.size() == 2u);  // rail and second
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pdf)

BOOST_AUTO_TEST_CASE(check1_pdf_page_size) {
  const auto info = run_command("pdfinfo " + rendered_pdf());
  const auto field = [&](const std::string& name) {
    const auto at = info.output.find(name + ":");
    if (at == std::string::npos) return std::string();
    const auto start = info.output.find_first_not_of(' ', at + name.size() + 1);
    return info.output.substr(start, info.output.find('\n', start) - start);
  };
  BOOST_TEST(field("Page size") == "1105.51 x 1544.88 pts");
  BOOST_TEST(field("Creator").rfind("broadsheet ", 0) == 0u);
  BOOST_TEST(field("Title") == "Internet firms eye tech tie-ups with Russian peers");
}

BOOST_AUTO_TEST_CASE(check6_folio_text) {
  const auto text = run_command("pdftotext " + rendered_pdf() + " -").output;
  for (const char* s : {"BUSINESS", "CHINA DAILY", "THURSDAY, DECEMBER 17, 2015", "21"})
    BOOST_TEST(text.find(s) != std::string::npos, s);
}

BOOST_AUTO_TEST_CASE(check7_fonts_embedded) {
  const auto fonts = run_command("pdffonts " + rendered_pdf());
  std::istringstream in(fonts.output);
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
    ++rows;
    const auto cols = words_of(line);
    // emb sub uni are the 4th-, 3rd- and 2nd-from-last columns before the object id pair.
    BOOST_REQUIRE(cols.size() >= 7u);
    BOOST_TEST(cols[cols.size() - 5] == "yes", line);  // emb
  }
  BOOST_TEST(rows >= 4);
}

BOOST_AUTO_TEST_CASE(check2_and_3_on_the_pdf_word_boxes) {
  const auto words = pdf_words(rendered_pdf());
  // Body words: those at 9.5 pt in the lead's columns, under the deck.
  const auto& cols = page21().columns;
  int checked = 0;
  std::map<long, std::vector<PdfWord>> rows;
  for (const auto& w : body_words(words)) rows[std::lround(w.y1 * 10)].push_back(w);
  for (auto& [key, row] : rows) {
    for (const auto& col : cols) {
      std::vector<PdfWord> in_col;
      for (const auto& w : row)
        if ((w.x0 + w.x1) / 2 >= col.x && (w.x0 + w.x1) / 2 <= col.x + col.width)
          in_col.push_back(w);
      if (in_col.empty()) continue;
      const double left = in_col.front().x0;
      const double indent = 9.5;
      BOOST_TEST((std::abs(left - col.x) <= 0.5 || std::abs(left - col.x - indent) <= 0.5),
                 in_col.front().text << " at " << left);
      BOOST_TEST(in_col.back().x1 <= col.x + col.width + 0.5, in_col.back().text);
      ++checked;
    }
  }
  BOOST_TEST(checked > 40);
}

BOOST_AUTO_TEST_CASE(check7_text_layer_gives_back_every_word_in_order) {
  const auto words = pdf_words(rendered_pdf());
  story::Story story = story::read_story(kArticle);
  if (page21().smart_quotes) story::curl_quotes(story);  // the PDF has typographer's quotes
  // Reading order: the body's words come column by column; rejoin hyphenated line ends.
  const auto& cols = page21().columns;
  const auto column_of = [&](const PdfWord& w) {
    for (std::size_t c = 0; c < 4; ++c)
      if (w.x0 < cols[c].x + cols[c].width) return c;
    return std::size_t{4};
  };
  std::vector<std::string> source;
  for (const auto& p : story.body)
    for (auto& w : words_of(p.text)) source.push_back(w);
  for (auto& w : words_of(story.contact->text)) source.push_back(w);
  const std::vector<std::string> pdf = reading_order(body_words(words), column_of, source);
  // Word for word, hyphens included: a compound that lost its hyphen, or a hyphen left in the
  // middle of a word, is a difference.
  BOOST_REQUIRE(pdf.size() == source.size());
  for (std::size_t i = 0; i < source.size(); ++i) BOOST_TEST(pdf[i] == source[i]);
}

BOOST_AUTO_TEST_SUITE_END()
