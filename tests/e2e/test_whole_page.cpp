// The whole newspaper page, read back from its PDF: page21-pictures with the reference article
// as lead under a four-column photo with caption and credit, a rail story with a byline, a
// second story with a pull quote stacked under the rail, and the PDF ad in the ad slot (the
// page scripts/page21-pictures.sh renders). Every check of design/page21.md holds on it; the
// photo is the original JPEG; the text layer gives back the byline, caption, credit, the ad's
// own text and every word of the lead in order; story rules run only along the edges two
// stories share, as far as both run.
#define BOOST_TEST_MODULE whole_page
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "pdf_ops.h"
#include "story/smart_quotes.h"
#include "story/story.h"
#include "template/page_template.h"
#include "test_support.h"
#include "text_layer.h"

using namespace broadsheet;
using namespace broadsheet::testing;
using nlohmann::json;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kPictures = kSource + "/tests/articles/pictures/";
const std::string kTemplate = kSource + "/templates/page21-pictures.toml";
const std::string kLead = kPictures + "page21_lead_photo.txt";
const std::string kRail = kPictures + "rail_byline.txt";
const std::string kSecond = kPictures + "second_pull_quote.txt";
const std::string kPhoto = kSource + "/tests/media/lake.jpg";

/// `broadsheet render` of the whole page (scripts/page21-pictures.sh) into `pdf`, with `options`.
CommandResult render_page(const std::string& pdf, const std::string& options) {
  return run_command(broadsheet_binary() + " render '" + kLead + "' '" + kRail + "' '" + kSecond +
                     "' --no-deck-for '" + kRail + "' --no-deck-for '" + kSecond + "' -t '" +
                     kTemplate + "' --slot ad='" + kSource + "/tests/media/ad-350x240.pdf' -o '" +
                     pdf + "' " + options);
}

/// The page as a newsroom renders it, once: its PDF, the layout dump and what the program said.
struct WholePage {
  std::string pdf = test_out("whole_page.pdf");
  json layout;
  CommandResult run;
  WholePage() {
    const std::string dump = test_out("whole_page.layout.json");
    run = render_page(pdf, "--layout '" + dump + "'");
    if (run.status != 0) throw std::runtime_error("render failed: " + run.output);
    layout = json::parse(slurp(dump));
  }
};

const WholePage& page() {
  static const WholePage p;
  return p;
}

const layout_template::PageTemplate& tpl() {
  static const layout_template::PageTemplate t = layout_template::load_template(kTemplate);
  return t;
}

const json& slot(const std::string& name) {
  for (const json& s : page().layout["slots"])
    if (s["slot"] == name) return s;
  throw std::runtime_error("no slot " + name + " in the layout dump");
}

std::vector<json> lines(const std::string& slot_name, const std::string& role) {
  std::vector<json> out;
  for (const json& l : page().layout["lines"])
    if (l["slot"] == slot_name && l["role"] == role) out.push_back(l);
  return out;
}

double num(const json& j, const char* key) {
  return j[key].get<double>();
}

/// Right edge of template column `c` (0-based).
double right_of(std::size_t c) {
  return tpl().columns[c].x + tpl().columns[c].width;
}

std::string flat_text() {
  const CommandResult text = run_command("pdftotext '" + page().pdf + "' -");
  if (text.status != 0) throw std::runtime_error("pdftotext failed: " + text.output);
  return std::regex_replace(text.output, std::regex(R"(\s+)"), " ");
}

/// The lead's body words in the PDF: body-height boxes inside the lead's four columns, below
/// the photo's caption (the deck and headline are larger, the caption and fact box smaller).
std::vector<PdfWord> lead_body_words() {
  const std::vector<PdfWord> words = pdf_words(page().pdf);
  const double first_baseline = num(lines("lead", "body").front(), "baseline");
  std::map<long, int> heights;
  for (const PdfWord& w : words)
    if (w.y1 > first_baseline - 12) ++heights[std::lround((w.y1 - w.y0) * 10)];
  const long body_height = std::max_element(heights.begin(), heights.end(), [](auto& a, auto& b) {
                             return a.second < b.second;
                           })->first;
  std::vector<PdfWord> out;
  for (const PdfWord& w : words)
    if (w.y1 > first_baseline - 12 && w.x1 <= right_of(3) + 1 &&
        std::abs(std::lround((w.y1 - w.y0) * 10) - body_height) <= 1)
      out.push_back(w);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_page_renders_whole_nothing_overset_no_hole_left) {
  BOOST_TEST(page().run.output.find("OVERSET") == std::string::npos, page().run.output);
  BOOST_TEST(page().run.output.find("unfilled") == std::string::npos, page().run.output);
  for (const char* name : {"lead", "rail", "second"}) {
    BOOST_TEST(slot(name)["overset_lines"] == 0, name);
    BOOST_TEST(!lines(name, "body").empty(), name);
  }
  // The stories end above the ad.
  const double ad_top = num(slot("ad"), "top");
  for (const char* name : {"lead", "rail", "second"})
    BOOST_TEST(num(slot(name), "top") + num(slot(name), "depth") < ad_top, name);
}

// design/page21.md, "What matches page21 means", checks 1 to 7.

BOOST_AUTO_TEST_CASE(check1_the_page_is_390_by_545_mm) {
  const CommandResult info = run_command("pdfinfo '" + page().pdf + "'");
  BOOST_TEST(info.output.find("Page size:       1105.51 x 1544.88 pts") != std::string::npos,
             info.output);
}

BOOST_AUTO_TEST_CASE(check2_lead_body_lines_start_and_end_on_the_column_edges) {
  const auto body = lines("lead", "body");
  BOOST_REQUIRE(body.size() > 60u);
  std::set<int> columns;
  for (const json& l : body) {
    const int c = l["column"];
    BOOST_REQUIRE(c >= 0 && c < 4);
    columns.insert(c);
    const auto& col = tpl().columns[static_cast<std::size_t>(c)];
    const std::string text = l["text"];
    BOOST_TEST(std::abs(num(l, "left") - col.x) <= 0.5, text);
    if (l["justified"] == true)
      BOOST_TEST(std::abs(num(l, "left") + num(l, "width") - right_of(c)) <= 0.5, text);
  }
  BOOST_TEST(columns.size() == 4u);
  // On the PDF: every line's first word at its column's left (or the paragraph indent), its
  // last word never past the column's right.
  std::map<long, std::vector<PdfWord>> rows;
  for (const PdfWord& w : lead_body_words()) rows[std::lround(w.y1 * 10)].push_back(w);
  int checked = 0;
  for (auto& [key, row] : rows)
    for (std::size_t c = 0; c < 4; ++c) {
      const auto& col = tpl().columns[c];
      std::vector<PdfWord> in_column;
      for (const PdfWord& w : row)
        if ((w.x0 + w.x1) / 2 >= col.x && (w.x0 + w.x1) / 2 <= right_of(c)) in_column.push_back(w);
      if (in_column.empty()) continue;
      std::sort(in_column.begin(), in_column.end(),
                [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
      const double left = in_column.front().x0;
      BOOST_TEST((std::abs(left - col.x) <= 0.5 || std::abs(left - col.x - 9.5) <= 0.5),
                 in_column.front().text << " at " << left);
      BOOST_TEST(in_column.back().x1 <= right_of(c) + 0.5, in_column.back().text);
      ++checked;
    }
  BOOST_TEST(checked > 60);
}

BOOST_AUTO_TEST_CASE(check3_every_body_baseline_of_every_story_is_on_the_11pt_grid) {
  const double origin = num(page().layout["grid"], "origin");
  BOOST_TEST(num(page().layout["grid"], "pitch") == 11.0);
  int checked = 0;
  for (const json& l : page().layout["lines"]) {
    if (l["role"] != "body" && l["role"] != "contact") continue;
    const double steps = (num(l, "baseline") - origin) / 11.0;
    BOOST_TEST(std::abs(steps - std::round(steps)) < 1e-3, l["text"].get<std::string>());
    ++checked;
  }
  BOOST_TEST(checked > 140);
  // On the PDF: the bottoms of the body-size word boxes (a fixed offset under their baselines)
  // of every story, lead and rail and second, are whole grid steps apart.
  const std::vector<PdfWord> words = pdf_words(page().pdf);
  const std::vector<PdfWord> lead = lead_body_words();
  BOOST_REQUIRE(!lead.empty());
  const double height = lead.front().y1 - lead.front().y0, ref = lead.front().y1;
  int on_pdf = 0, right_stack = 0;
  for (const PdfWord& w : words) {
    if (std::abs((w.y1 - w.y0) - height) > 0.05 || w.y1 < ref - 1) continue;
    const double steps = (w.y1 - ref) / 11.0;
    BOOST_TEST(std::abs(steps - std::round(steps)) < 0.01, w.text << " at " << w.y1);
    ++on_pdf;
    if (w.x0 >= tpl().columns[4].x) ++right_stack;
  }
  BOOST_TEST(on_pdf > 400);
  BOOST_TEST(right_stack > 150);  // the rail's and the second story's words are checked too
}

BOOST_AUTO_TEST_CASE(check4_the_lead_columns_are_balanced) {
  const std::vector<int> counts = slot("lead")["lines_per_column"];
  BOOST_REQUIRE(counts.size() == 4u);
  BOOST_TEST(counts.back() >= counts.front() - 1);
  // The feet: the last column's last baseline (the contact line closes it) at most one line
  // above the first column's.
  std::map<int, double> foot;
  for (const char* role : {"body", "contact"})
    for (const json& l : lines("lead", role))
      foot[l["column"]] = std::max(foot[l["column"]], num(l, "baseline"));
  BOOST_TEST(foot[3] >= foot[0] - 11.0 - 1e-6);
  // On the PDF: the lowest word box of the last lead column at most one line above the first's.
  std::map<std::size_t, double> pdf_foot;
  for (const PdfWord& w : lead_body_words())
    for (std::size_t c = 0; c < 4; ++c)
      if ((w.x0 + w.x1) / 2 >= tpl().columns[c].x && (w.x0 + w.x1) / 2 <= right_of(c))
        pdf_foot[c] = std::max(pdf_foot[c], w.y1);
  BOOST_REQUIRE(pdf_foot.size() == 4u);
  BOOST_TEST(pdf_foot[3] >= pdf_foot[0] - 11.0 - 0.5);
}

BOOST_AUTO_TEST_CASE(check5_the_headline_is_termes_bold_36_to_52pt_in_two_lines_at_most) {
  const auto headline = lines("lead", "headline");
  BOOST_REQUIRE(!headline.empty());
  BOOST_TEST(headline.size() <= 2u);
  for (const json& l : headline) {
    BOOST_TEST(num(l, "size") >= 36.0);
    BOOST_TEST(num(l, "size") <= 52.0);
    BOOST_TEST(num(l, "left") + num(l, "width") <= right_of(3) + 0.5);
  }
  BOOST_TEST(tpl().style("headline").font.family == "TeX Gyre Termes");
  BOOST_TEST(tpl().style("headline").font.style == "Bold");
  const CommandResult fonts = run_command("pdffonts '" + page().pdf + "'");
  BOOST_TEST(fonts.output.find("TeXGyreTermes-Bold") != std::string::npos, fonts.output);
}

BOOST_AUTO_TEST_CASE(check6_the_folio) {
  const std::string text = flat_text();
  for (const char* s : {"BUSINESS", "CHINA DAILY", "THURSDAY, DECEMBER 17, 2015", "21"})
    BOOST_TEST(text.find(s) != std::string::npos, s);
}

BOOST_AUTO_TEST_CASE(check7_every_font_is_embedded) {
  const CommandResult fonts = run_command("pdffonts '" + page().pdf + "'");
  std::istringstream in(fonts.output);
  std::string row;
  int rows = 0;
  while (std::getline(in, row)) {
    if (row.rfind("name", 0) == 0 || row.rfind("----", 0) == 0 || row.empty()) continue;
    const auto cols = words_of(row);
    BOOST_REQUIRE(cols.size() >= 7u);
    BOOST_TEST(cols[cols.size() - 5] == "yes", row);  // emb
    ++rows;
  }
  BOOST_TEST(rows >= 5);  // Termes Bold, Regular, Italic, Bold Italic; Heros; the ad's own
}

BOOST_AUTO_TEST_CASE(check7_the_text_layer_gives_back_every_word_of_the_lead_in_order) {
  story::Story story = story::read_story(kLead);
  if (tpl().smart_quotes) story::curl_quotes(story);
  const auto column_of = [](const PdfWord& w) {
    for (std::size_t c = 0; c < 4; ++c)
      if (w.x0 < right_of(c)) return c;
    return std::size_t{4};
  };
  std::vector<std::string> source;
  for (const auto& p : story.body)
    for (auto& w : words_of(p.text)) source.push_back(w);
  BOOST_REQUIRE(story.contact);
  for (auto& w : words_of(story.contact->text)) source.push_back(w);
  const std::vector<std::string> pdf = reading_order(lead_body_words(), column_of, source);
  BOOST_REQUIRE(pdf.size() == source.size());
  for (std::size_t i = 0; i < source.size(); ++i) BOOST_TEST(pdf[i] == source[i]);
}

// The rest of issue 11's page.

BOOST_AUTO_TEST_CASE(the_photo_is_the_original_jpeg_across_the_four_lead_columns) {
  const CommandResult list = run_command("pdfimages -list '" + page().pdf + "'");
  BOOST_REQUIRE_EQUAL(list.status, 0);
  static const std::regex row(R"(\n\s*1\s+\d+\s+image\s+2000\s+1250\s+rgb\s+3\s+8\s+jpeg\s)");
  BOOST_TEST(std::regex_search(list.output, row), list.output);
  BOOST_TEST(count_of(list.output, " image ") == 1u);  // the ad stays vectors
  const std::string prefix = test_out("whole_page_image");
  BOOST_REQUIRE_EQUAL(run_command("pdfimages -j '" + page().pdf + "' '" + prefix + "'").status, 0);
  BOOST_TEST((slurp(prefix + "-000.jpg") == slurp(kPhoto)));
  // Across the four lead columns, under the deck, above the lead's body.
  const auto caption = lines("lead", "caption");
  BOOST_REQUIRE(!caption.empty());
  BOOST_TEST(num(caption.front(), "left") == tpl().columns[0].x,
             boost::test_tools::tolerance(0.01));
  BOOST_TEST(num(caption.front(), "baseline") > num(lines("lead", "deck").back(), "baseline"));
  BOOST_TEST(num(caption.back(), "baseline") < num(lines("lead", "body").front(), "baseline"));
  const auto credit = lines("lead", "credit");
  BOOST_REQUIRE(credit.size() == 1u);
  BOOST_TEST(num(credit[0], "left") + num(credit[0], "width") == right_of(3),
             boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(the_text_layer_gives_back_byline_caption_credit_pull_quote_and_the_ad) {
  const std::string text = flat_text();
  for (const char* s :
       {"BY BRYAN LYNN", "Evening over a lake outside Moscow", "WU ZHIYI / CHINA DAILY",
        "generous pledges so far", "Jan Egeland, UN emergency relief chief", "HARBOUR LINE FERRIES",
        "Cross the bay in twelve minutes"})
    BOOST_TEST(text.find(s) != std::string::npos, s);
  // The byline stands between the rail's headline and its body, in Heros Bold capitals.
  const auto byline = lines("rail", "byline");
  BOOST_REQUIRE(byline.size() == 1u);
  BOOST_TEST(byline[0]["text"] == "BY BRYAN LYNN");
  BOOST_TEST(num(byline[0], "baseline") > num(lines("rail", "headline").back(), "baseline"));
  BOOST_TEST(num(byline[0], "baseline") < num(lines("rail", "body").front(), "baseline"));
  BOOST_TEST(tpl().style("byline").font.family == "TeX Gyre Heros");
}

BOOST_AUTO_TEST_CASE(story_rules_run_only_along_the_edges_two_stories_share) {
  OpenPdf file(page().pdf);
  auto pages = file.pages();
  BOOST_REQUIRE(pages.size() == 1u);
  std::vector<Stroke> rules;
  for (const Stroke& s : page_rules(pages[0]))
    if (std::abs(s.width - tpl().story_rule_weight) < 1e-3) rules.push_back(s);
  const auto foot = [](const char* name) {
    return num(slot(name), "top") + num(slot(name), "depth");
  };
  const double gutter_4_5 = (right_of(3) + tpl().columns[4].x) / 2;
  int lead_rail = 0, lead_second = 0, rail_second = 0;
  for (const Stroke& r : rules) {
    const double top = std::min(r.y0, r.y1), bottom = std::max(r.y0, r.y1);
    if (std::abs(r.x0 - r.x1) < 1e-3) {
      // Vertical: in the gutter between the lead and the right-hand stack, beside one story
      // of it, from where both run to where either ends.
      BOOST_TEST(r.x0 == gutter_4_5, boost::test_tools::tolerance(0.01));
      if (top < num(slot("second"), "top") - 1) {
        ++lead_rail;
        BOOST_TEST(top == num(slot("rail"), "top"), boost::test_tools::tolerance(0.01));
        BOOST_TEST(bottom == std::min(foot("lead"), foot("rail")),
                   boost::test_tools::tolerance(0.01));
      } else {
        ++lead_second;
        BOOST_TEST(top == num(slot("second"), "top"), boost::test_tools::tolerance(0.01));
        BOOST_TEST(bottom == std::min(foot("lead"), foot("second")),
                   boost::test_tools::tolerance(0.01));
      }
    } else if (std::abs(r.y0 - r.y1) < 1e-3) {
      // Horizontal: between the rail and the second story under it, across their columns only,
      // never across the lead (nor above the ad, which is no story).
      ++rail_second;
      BOOST_TEST(r.y0 > foot("rail"));
      BOOST_TEST(r.y0 < num(slot("second"), "top"));
      BOOST_TEST(std::min(r.x0, r.x1) == tpl().columns[4].x, boost::test_tools::tolerance(0.01));
      BOOST_TEST(std::max(r.x0, r.x1) == right_of(5), boost::test_tools::tolerance(0.01));
    } else {
      BOOST_ERROR("a slanted story rule");
    }
  }
  BOOST_TEST(lead_rail == 1);
  BOOST_TEST(lead_second == 1);
  BOOST_TEST(rail_second == 1);
}

// Copyfit on a column of stacked stories: the lower story is fitted to the foot; the one above
// it keeps its natural depth (fitting it to the page's foot would leave the lower one no room).
BOOST_AUTO_TEST_CASE(copyfit_fits_the_lowest_story_of_a_stack_and_keeps_the_one_above_as_set) {
  const std::string report = test_out("whole_page_fit.report.json");
  const CommandResult r =
      render_page(test_out("whole_page_fit.pdf"), "--fit --report '" + report + "'");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.output);
  BOOST_TEST(r.output.find("no exact fit") == std::string::npos, r.output);
  const json fit = json::parse(slurp(report));
  std::map<std::string, json> slots;
  for (const json& s : fit["slots"]) slots[s["slot"]] = s;
  BOOST_TEST(slots["rail"]["fit"].get<std::string>().find("kept as set") == 0u);
  BOOST_TEST(slots["rail"]["depth"] == slot("rail")["depth"]);  // as set without --fit
  BOOST_TEST(slots["second"]["fit"].get<std::string>().find("fill 2 columns") != std::string::npos);
  BOOST_TEST(fit["unfilled"].empty());
}
