// Story furniture on real pages, read back from the layout dump: the kicker above the headline,
// the byline under the deck, the dateline run in on the first body line, a drop cap beside the
// first lines, a continuation without the kicker; the readers' warnings on the page.
#define BOOST_TEST_MODULE story_furniture
#include <broadsheet/engine.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using broadsheet::testing::slurp;
using nlohmann::json;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kNitf = kSource + "/tests/articles/09_virtual_fences_voa.nitf";
constexpr double kLeadLeft = 56.69;  // page21's column 1
constexpr double kColumnWidth = 154.72;

const broadsheet::Engine& engine() {
  static const broadsheet::Engine e({.fonts_dir = kSource + "/fonts"});
  return e;
}

broadsheet::Template page21(const std::string& lead_keys = "") {
  broadsheet::Template t = broadsheet::template_from_file(kSource + "/templates/page21.toml");
  if (!lead_keys.empty()) {
    const std::string lead = "name = \"lead\"\n";
    t.text.insert(t.text.find(lead) + lead.size(), lead_keys + "\n");
  }
  return t;
}

broadsheet::Layout compose(const broadsheet::Template& page_template,
                           const broadsheet::Article& article) {
  broadsheet::PageRequest request{.page_template = page_template};
  request.articles.push_back(article);
  request.date = broadsheet::Date{2024, 3, 22};
  request.page_number = 1;
  return engine().compose(request);
}

/// The dump's lines of `role`, in order.
std::vector<json> lines_of(const json& dump, const std::string& role, int page = 1) {
  std::vector<json> out;
  for (const json& line : dump["lines"])
    if (line["role"] == role && line["page"] == page) out.push_back(line);
  return out;
}

json dump_of(const broadsheet::Layout& layout) {
  return json::parse(layout.layout_json());
}

double num(const json& line, const char* key) {
  return line[key].get<double>();
}

}  // namespace

BOOST_AUTO_TEST_CASE(kicker_headline_deck_byline_dateline_stack_in_order) {
  const json dump = dump_of(compose(page21(), broadsheet::article_from_file(kNitf)));
  const auto kicker = lines_of(dump, "kicker");
  const auto headline = lines_of(dump, "headline");
  const auto deck = lines_of(dump, "deck");
  const auto byline = lines_of(dump, "byline");
  const auto dateline = lines_of(dump, "dateline");
  const auto body = lines_of(dump, "body");
  BOOST_TEST_REQUIRE(kicker.size() == 1u);
  BOOST_TEST_REQUIRE(!headline.empty());
  BOOST_TEST_REQUIRE(!deck.empty());
  BOOST_TEST_REQUIRE(byline.size() == 1u);
  BOOST_TEST_REQUIRE(dateline.size() == 1u);
  BOOST_TEST_REQUIRE(!body.empty());
  BOOST_TEST(kicker[0]["text"] == "AGRICULTURE");  // uppercase = true in the kicker style
  BOOST_TEST(kicker[0]["style"] == "kicker");
  BOOST_TEST(byline[0]["text"] == "BY ANDREW SMITH");
  BOOST_TEST(byline[0]["style"] == "byline");
  BOOST_TEST(dateline[0]["text"] == "WASHINGTON —");
  // Top to bottom: kicker, headline, deck, byline, body; all from the lead's left edge.
  BOOST_TEST(num(kicker[0], "baseline") < num(headline.front(), "baseline") - 20);
  BOOST_TEST(num(headline.back(), "baseline") < num(deck.front(), "baseline"));
  BOOST_TEST(num(deck.back(), "baseline") < num(byline[0], "baseline"));
  BOOST_TEST(num(byline[0], "baseline") < num(body.front(), "baseline"));
  for (const auto* line : {&kicker[0], &headline[0], &byline[0], &dateline[0], &body[0]})
    BOOST_TEST(std::abs(num(*line, "left") - kLeadLeft) < 0.01, (*line)["text"]);
  // The dateline runs in: on the first body line's baseline, the line's words after it.
  BOOST_TEST(body[0]["paragraph"] == 0);
  BOOST_TEST(body[0]["line"] == 0);
  BOOST_TEST(num(dateline[0], "baseline") == num(body[0], "baseline"));
  BOOST_TEST(num(dateline[0], "width") < 0.6 * kColumnWidth);
  BOOST_TEST(body[0]["text"].get<std::string>().rfind("In the American", 0) == 0u);
  // Every baseline of the body on the 11 pt grid, the byline's too.
  const double origin = dump["grid"]["origin"].get<double>();
  for (const auto* line : {&byline[0], &body[0]}) {
    const double rows = (num(*line, "baseline") - origin) / 11;
    BOOST_TEST(std::abs(rows - std::round(rows)) < 0.01);
  }
}

BOOST_AUTO_TEST_CASE(a_drop_cap_three_lines_deep) {
  // The sample article without its dateline (a dateline opens the paragraph instead).
  std::string nitf = slurp(kNitf);
  nitf.erase(nitf.find("<dateline>"), nitf.find("</dateline>") + 11 - nitf.find("<dateline>"));
  const broadsheet::Layout layout =
      compose(page21("drop_cap_lines = 3"), {.text = nitf, .name = "d.nitf"});
  const json dump = dump_of(layout);
  const auto drop = lines_of(dump, "drop_cap");
  const auto body = lines_of(dump, "body");
  const auto dateline = lines_of(dump, "dateline");
  BOOST_TEST_REQUIRE(drop.size() == 1u);
  BOOST_TEST_REQUIRE(body.size() > 4u);
  BOOST_TEST(drop[0]["text"] == "I");
  BOOST_TEST(std::abs(num(drop[0], "left") - kLeadLeft) < 0.01);
  // Its baseline is the third body line's; its capitals reach the first line's cap height.
  BOOST_TEST(num(drop[0], "baseline") == num(body[2], "baseline"));
  BOOST_TEST(num(drop[0], "size") > 30);
  const double beside = num(drop[0], "left") + num(drop[0], "width");
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(num(body[std::size_t(i)], "left") > beside);
    BOOST_TEST(num(body[std::size_t(i)], "measure") < kColumnWidth - num(drop[0], "width"));
  }
  BOOST_TEST(std::abs(num(body[3], "left") - kLeadLeft) < 0.01);
  BOOST_TEST(num(body[3], "measure") == kColumnWidth);
  // The first line starts after the letter: "n the American ...".
  BOOST_TEST(body[0]["text"].get<std::string>().rfind("n the American", 0) == 0u);
  BOOST_TEST(dateline.empty());
  // The text layer reads the cap with its word: "In the American", not "I n the American".
  const std::string pdf = broadsheet::testing::test_out("furniture_drop_cap.pdf");
  std::ofstream(pdf, std::ios::binary) << layout.pdf();
  const std::string text = broadsheet::testing::run_command("pdftotext " + pdf + " -").output;
  BOOST_TEST(text.find("In the American") != std::string::npos, text.substr(0, 400));
  BOOST_TEST(text.find("I n the") == std::string::npos);
  // With the dateline, no drop cap: the dateline opens the paragraph.
  const json with_dateline =
      dump_of(compose(page21("drop_cap_lines = 3"), broadsheet::article_from_file(kNitf)));
  BOOST_TEST(lines_of(with_dateline, "drop_cap").empty());
  BOOST_TEST(lines_of(with_dateline, "dateline").size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_jump_page_repeats_the_headline_not_the_kicker) {
  // A long NITF story with a kicker, in jump.toml's lead (100 mm deep) that jumps to page 2.
  std::istringstream lines(slurp(kSource + "/tests/articles/08_virtual_fences_voa.txt"));
  std::string line, body;
  std::getline(lines, line);
  const std::string headline = line;
  while (std::getline(lines, line)) body += "<p>" + line + "</p>\n";
  body += body;  // twice the article: more than one page holds
  const std::string nitf = "<nitf><body><body.head><hedline><hl2>Farming</hl2><hl1>" + headline +
                           "</hl1></hedline></body.head><body.content>" + body +
                           "</body.content></body></nitf>";
  broadsheet::PageRequest request{
      .page_template = broadsheet::template_from_file(kSource + "/tests/templates/jump.toml")};
  request.articles.push_back({.text = nitf, .name = "long.xml"});
  request.date = broadsheet::Date{2024, 3, 22};
  request.page_number = 1;
  const json dump = dump_of(engine().compose(request));
  BOOST_TEST_REQUIRE(lines_of(dump, "kicker", 1).size() == 1u);
  BOOST_TEST(lines_of(dump, "kicker", 1)[0]["text"] == "Farming");
  BOOST_TEST_REQUIRE(!lines_of(dump, "body", 2).empty());  // it did jump
  BOOST_TEST(lines_of(dump, "kicker", 2).empty());
  const auto jump_head = lines_of(dump, "headline", 2);
  BOOST_TEST_REQUIRE(!jump_head.empty());
  std::string text;
  for (const json& l : jump_head) {
    if (!text.empty()) text += ' ';
    text += l["text"].get<std::string>();
  }
  BOOST_TEST(text == headline);
}

BOOST_AUTO_TEST_CASE(reader_warnings_reach_the_page) {
  const broadsheet::Layout single = compose(
      page21(), {.text = "A headline\nThe one paragraph of this story.", .name = "one.txt"});
  bool warned = false;
  for (const auto& w : single.warnings())
    warned = warned || (w.code == "single-paragraph" && w.message.find("one.txt:2:") == 0);
  BOOST_TEST(warned);
  const json dump = dump_of(single);
  BOOST_TEST_REQUIRE(lines_of(dump, "body").size() == 1u);
  BOOST_TEST(lines_of(dump, "body")[0]["text"] == "The one paragraph of this story.");
  BOOST_TEST(lines_of(dump, "deck").empty());

  const broadsheet::Layout unknown =
      compose(page21(),
              {.text = "<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head>"
                       "<body.content><p>One <blink>two</blink>.</p></body.content></body></nitf>",
               .name = "w.xml"});
  BOOST_TEST_REQUIRE(!unknown.warnings().empty());
  BOOST_TEST(unknown.warnings()[0].code == "unknown-element");
  BOOST_TEST(unknown.warnings()[0].message ==
             "w.xml:1: unknown element <blink>: its text is "
             "read, its meaning not");
}

BOOST_AUTO_TEST_CASE(page21_sets_typographers_quotes) {
  const json dump =
      dump_of(compose(page21(), broadsheet::article_from_file(
                                    kSource + "/tests/articles/00_page21_china_daily.txt")));
  std::string all;
  for (const json& l : lines_of(dump, "body")) all += l["text"].get<std::string>() + "\n";
  BOOST_TEST(all.find("China’s") != std::string::npos);
  BOOST_TEST(all.find("Medvedev’s") != std::string::npos);
  BOOST_TEST(all.find("“We are hopeful") != std::string::npos);
  BOOST_TEST(all.find('\'') == std::string::npos);
  BOOST_TEST(all.find('"') == std::string::npos);
}
