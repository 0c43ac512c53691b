// Page composition: several stories, headline fitting, one baseline grid, balanced columns,
// keeps, overset, jumps, copyfit, and the report; checked on layouts and through the PDF.
#define BOOST_TEST_MODULE composition
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "compose/column_flow.h"
#include "compose/composer.h"
#include "linebreak/knuth_plass.h"
#include "story/story.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;
using compose::LineRole;

namespace {

const std::string kLead = "tests/articles/00_page21_china_daily.txt";
const std::string kRail = "tests/articles/01_kmart_sears_wikinews.txt";
const std::string kSecond = "tests/articles/03_nobel_peace_maathai_wikinews.txt";

struct ThreeStories {
  story::Story lead = story::read_story(kLead);
  story::Story rail = story::read_story(kRail, {.has_deck = false});
  story::Story second = story::read_story(kSecond, {.has_deck = false});
  linebreak::KnuthPlassBreaker breaker;
  compose::PageLayout layout =
      compose::compose_page({test_fonts(), &test_hyphenator(), breaker}, page21(),
                            compose::assign_in_order(page21(), {&lead, &rail, &second}));

  const compose::SlotReport& slot(const std::string& name) const {
    for (const auto& s : layout.slots)
      if (s.name == name) return s;
    throw std::runtime_error("no slot " + name);
  }
};

/// templates/page21.toml with `line` inserted after `anchor`, written to test_out(`name`).
std::string page21_with(const std::string& anchor, const std::string& line,
                        const std::string& name) {
  std::string text = slurp("templates/page21.toml");
  const auto at = text.find(anchor);
  if (at == std::string::npos) throw std::runtime_error("page21.toml has no " + anchor);
  text.insert(at + anchor.size(), "\n" + line);
  const std::string path = test_out(name);
  std::ofstream(path) << text;
  return path;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(three_stories, ThreeStories)

BOOST_AUTO_TEST_CASE(every_story_gets_its_slot_in_order) {
  BOOST_TEST(slot("lead").story == kLead);
  BOOST_TEST(slot("rail").story == kRail);
  BOOST_TEST(slot("second").story == kSecond);
  for (const auto& w : layout.warnings) BOOST_TEST(w.code != "empty-slot", w.message);
}

BOOST_AUTO_TEST_CASE(body_lines_sit_in_their_slot_columns_on_one_grid) {
  int checked = 0;
  for (const auto& l : layout.lines) {
    if (l.role != LineRole::Body && l.role != LineRole::Contact) continue;
    const auto& s = slot(l.slot);
    const auto& col = page21().columns[static_cast<std::size_t>(s.first_column - 1 + l.column)];
    BOOST_TEST(std::abs(l.left - col.x) <= 0.5, l.text);
    if (l.justified) BOOST_TEST(std::abs(l.left + l.width - col.x - col.width) <= 0.5, l.text);
    const double steps = (l.baseline - layout.grid_origin) / layout.grid_pitch;
    BOOST_TEST(std::abs(steps - std::round(steps)) < 1e-6, l.slot << ": " << l.text);
    ++checked;
  }
  BOOST_TEST(checked > 150);
}

BOOST_AUTO_TEST_CASE(columns_are_balanced_in_every_slot) {
  for (const char* name : {"lead", "rail", "second"}) {
    const auto& counts = slot(name).lines_per_column;
    BOOST_TEST_REQUIRE(!counts.empty());
    BOOST_TEST(counts.back() >= counts.front() - 1, name);
    BOOST_TEST(*std::max_element(counts.begin(), counts.end()) -
                       *std::min_element(counts.begin(), counts.end()) <=
                   2,
               name);
    BOOST_TEST(slot(name).overset_lines == 0);
  }
}

BOOST_AUTO_TEST_CASE(no_widows_or_orphans_at_column_breaks) {
  // Walk each slot's body lines column by column.
  std::map<std::string, std::vector<const compose::PlacedLine*>> by_slot;
  for (const auto& l : layout.lines)
    if (l.role == LineRole::Body || l.role == LineRole::Contact) by_slot[l.slot].push_back(&l);
  for (const auto& [name, lines] : by_slot) {
    std::map<int, int> paragraph_lines;
    for (const auto* l : lines) ++paragraph_lines[l->paragraph];
    for (std::size_t i = 1; i < lines.size(); ++i) {
      if (lines[i]->column == lines[i - 1]->column) continue;
      const auto* a = lines[i - 1];
      const auto* b = lines[i];
      if (a->paragraph != b->paragraph) continue;
      BOOST_TEST(b->line_in_paragraph != paragraph_lines[b->paragraph] - 1,
                 name << ": widow \"" << b->text << "\"");
      BOOST_TEST(a->line_in_paragraph != 0, name << ": orphan \"" << a->text << "\"");
    }
  }
}

BOOST_AUTO_TEST_CASE(headlines_are_fitted_to_their_slots) {
  BOOST_TEST(slot("lead").headline_size >= 36);
  BOOST_TEST(slot("lead").headline_size <= 52);
  BOOST_TEST(slot("rail").headline_size >= 24);
  BOOST_TEST(slot("rail").headline_size <= 30);
  BOOST_TEST(slot("rail").headline_lines <= 3);
  // Balanced: no single word alone on a headline's last line.
  std::map<std::string, std::vector<std::string>> heads;
  for (const auto& l : layout.lines)
    if (l.role == LineRole::Headline) heads[l.slot].push_back(l.text);
  for (const auto& [name, lines] : heads)
    if (lines.size() > 1) BOOST_TEST(lines.back().find(' ') != std::string::npos, name);
}

BOOST_AUTO_TEST_CASE(modules_below_move_down_to_fit) {
  const auto& lead = slot("lead");
  const auto& rail = slot("rail");
  const auto& second = slot("second");
  BOOST_TEST(second.top >= std::max(lead.top + lead.depth, rail.top + rail.depth));
  BOOST_TEST(second.top + second.depth <= slot("ad").top);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(three_story_page_through_the_pdf) {
  const std::string pdf = test_out("three.pdf"), report = test_out("three.json");
  const auto r = run_command(broadsheet_binary() + " render " + kLead + " " + kRail + " " +
                             kSecond + " --no-deck-for " + kRail + " --no-deck-for " + kSecond +
                             " -o " + pdf + " --report " + report);
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  const std::string text = run_command("pdftotext " + pdf + " -").output;
  for (const char* s : {"Internet firms eye tech", "Kmart to buy Sears", "Nobel Peace Prize",
                        "THURSDAY, DECEMBER 17, 2015", "BUSINESS"})
    BOOST_TEST(text.find(s) != std::string::npos, s);
  const auto doc = nlohmann::json::parse(slurp(report));
  BOOST_TEST(doc["overset"].get<bool>() == false);
  BOOST_TEST(doc["slots"][1]["slot"] == "rail");
  BOOST_TEST(doc["slots"][1]["story"] == kRail);
  BOOST_TEST(r.output.find("page 1 rail:") != std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(explicit_slots_and_too_many_stories) {
  auto r = run_command(broadsheet_binary() + " render --slot second=" + kLead + " -o " +
                       test_out("slot.pdf") + " --report " + test_out("slot.json"));
  BOOST_TEST(r.status == 0, r.output);
  const auto doc = nlohmann::json::parse(slurp(test_out("slot.json")));
  BOOST_TEST(doc["slots"][2]["story"] == kLead);
  BOOST_TEST(doc["slots"][0]["story"] == "");
  r = run_command(broadsheet_binary() + " render " + kLead + " " + kLead + " " + kLead + " " +
                  kLead + " -o " + test_out("four.pdf"));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output.find("no story slot left") != std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(overset_is_marked_reported_and_exits_2) {
  const std::string report = test_out("small.json");
  auto r = run_command(broadsheet_binary() + " render " + kLead +
                       " -t tests/templates/small_lead.toml -o " + test_out("small.pdf") +
                       " --report " + report);
  BOOST_TEST(r.status == 2, r.output);
  BOOST_TEST(r.output.find("OVERSET") != std::string::npos, r.output);
  const auto doc = nlohmann::json::parse(slurp(report));
  BOOST_TEST(doc["overset"].get<bool>());
  const int overset = doc["slots"][0]["overset_lines"];
  BOOST_TEST(overset > 0);
  BOOST_TEST(doc["slots"][0]["overset_text"].size() == static_cast<std::size_t>(overset));
  r = run_command(broadsheet_binary() + " render " + kLead + " -t tests/templates/small_lead.toml" +
                  " --allow-overset -o " + test_out("small.pdf"));
  BOOST_TEST(r.status == 0, r.output);

  // The red mark is on the preview layer, at the slot's foot.
  const auto tpl = layout_template::load_template("tests/templates/small_lead.toml");
  const story::Story story = story::read_story(kLead);
  linebreak::KnuthPlassBreaker breaker;
  const auto layout = compose::compose_page({test_fonts(), &test_hyphenator(), breaker}, tpl,
                                            compose::assign_in_order(tpl, {&story}));
  int red = 0;
  for (const auto& item : layout.display.pages[0].items)
    if (const auto* f = std::get_if<FillRectItem>(&item.shape))
      if (f->color.r > 0.8 && f->color.g < 0.2 && item.layer == Layer::Preview) ++red;
  BOOST_TEST(red == 1);
  BOOST_TEST(layout.overset());
}

BOOST_AUTO_TEST_CASE(a_story_jumps_to_its_continuation_on_page_two) {
  const std::string pdf = test_out("jump.pdf");
  const auto r = run_command(broadsheet_binary() + " render " + kLead +
                             " -t tests/templates/jump.toml -o " + pdf);
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  BOOST_TEST(run_command("pdfinfo " + pdf).output.find("Pages:           2") != std::string::npos);
  const std::string page1 = run_command("pdftotext -f 1 -l 1 " + pdf + " -").output;
  const std::string page2 = run_command("pdftotext -f 2 -l 2 " + pdf + " -").output;
  BOOST_TEST(page1.find("Continued on page 22") != std::string::npos, page1);
  BOOST_TEST(page2.find("From page 21") != std::string::npos, page2);
  BOOST_TEST(page2.find("22") != std::string::npos);  // the folio's page number
  // Nothing lost: the article's last body words are on page 2, its first on page 1.
  BOOST_TEST(page1.find("Jack Ma, executive chairman") != std::string::npos);
  BOOST_TEST(page2.find("Russian-speaking") != std::string::npos);
  BOOST_TEST(page2.find("masi@chinadaily.com.cn") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(copyfit_fills_the_slot_exactly_and_says_how) {
  // page21 with the lead limited to 136 mm: the reference article is a few lines short of it.
  const std::string tpl_path =
      page21_with("name = \"lead\"\nkind = \"story\"\ncolumns = [1, 4]\nplace = \"top\"",
                  "max_depth = \"136mm\"", "fit.toml");
  const auto tpl = layout_template::load_template(tpl_path);
  const story::Story story = story::read_story(kLead);
  linebreak::KnuthPlassBreaker breaker;
  const compose::ComposeContext context{test_fonts(), &test_hyphenator(), breaker};
  const auto plain = compose::compose_page(context, tpl, compose::assign_in_order(tpl, {&story}));
  const auto fitted = compose::compose_page(context, tpl, compose::assign_in_order(tpl, {&story}),
                                            {}, {.copyfit = true});
  const auto& before = plain.slots.front();
  const auto& after = fitted.slots.front();
  BOOST_TEST(before.lines_per_column.front() < before.rows);  // not filled as set
  for (std::size_t c = 0; c + 1 < after.lines_per_column.size(); ++c)
    BOOST_TEST(after.lines_per_column[c] == after.rows);
  BOOST_TEST(after.lines_per_column.back() >= after.rows - 1);
  BOOST_TEST(after.overset_lines == 0);
  BOOST_TEST(after.fit.find("lines fill") != std::string::npos, after.fit);
  BOOST_TEST_MESSAGE("copyfit: " << after.fit);
}

BOOST_AUTO_TEST_CASE(glyph_scaled_lines_end_on_the_column_right_in_the_pdf) {
  // page21 with glyph scaling asked for (98-102 %): lines use it within its limits, and in the
  // PDF the scaled lines still start and end on their column's edges. (That the outlines
  // themselves are scaled is measured in pixels in test_pixel_diff.)
  const std::string tpl_path = page21_with(
      "[styles.body.justification]", "glyph_scaling = [0.98, 1.0, 1.02]", "glyph_scaling.toml");
  const std::string pdf = test_out("glyph_scaling.pdf");
  const std::string dump = test_out("glyph_scaling.layout.json");
  const auto r = run_command(broadsheet_binary() + " render " + kLead + " -t " + tpl_path + " -o " +
                             pdf + " --layout " + dump);
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  std::ifstream in(dump);
  const auto layout = nlohmann::json::parse(in);
  const auto words = pdf_words(pdf);
  int scaled = 0;
  for (const auto& l : layout["lines"]) {
    if (l["role"] != "body" || !l["justified"].get<bool>() || !l.contains("glyph_scale")) continue;
    const double scale = l["glyph_scale"];
    BOOST_TEST(scale >= 0.98 - 1e-9);
    BOOST_TEST(scale <= 1.02 + 1e-9);
    const double left = l["left"], right = left + l["measure"].get<double>();
    const double baseline = l["baseline"];
    double x0 = 1e9, x1 = -1e9;
    for (const auto& w : words) {
      const double mid = (w.x0 + w.x1) / 2;
      if (w.y1 < baseline || w.y1 > baseline + 4 || mid < left || mid > right) continue;
      x0 = std::min(x0, w.x0);
      x1 = std::max(x1, w.x1);
    }
    BOOST_TEST(std::abs(x0 - left) <= 0.5 + 9.5, l["text"]);  // a first line may be indented
    BOOST_TEST(std::abs(x1 - right) <= 0.5,
               l["text"] << ": ends at " << x1 << ", column " << right);
    ++scaled;
  }
  BOOST_TEST(scaled >= 3, scaled << " scaled lines");
}

BOOST_AUTO_TEST_CASE(keylines_and_colour_blocks_come_from_the_template) {
  const auto tpl = layout_template::load_template("tests/golden/templates/tabloid.toml");
  BOOST_REQUIRE(tpl.decorations.size() == 3u);
  const story::Story story = story::read_story(kRail, {.has_deck = false});
  linebreak::KnuthPlassBreaker breaker;
  compose::FolioOverrides folio;
  folio.page = 1;  // the sample's credit line has no page number
  const auto layout = compose::compose_page({test_fonts(), &test_hyphenator(), breaker}, tpl,
                                            compose::assign_in_order(tpl, {&story}), folio);
  const auto& items = layout.display.pages[0].items;
  const auto& lead = layout.slots.front();
  const double offset = 2 * 72 / 25.4;
  // The tint is drawn first, under everything, around the module as composed.
  const auto* block = std::get_if<FillRectItem>(&items.front().shape);
  BOOST_REQUIRE(block);
  BOOST_TEST(block->rect.y == lead.top - offset, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(block->rect.height == lead.depth + 2 * offset, boost::test_tools::tolerance(1e-9));
  int boxes = 0, rules = 0;
  for (const auto& item : items) {
    if (const auto* box = std::get_if<StrokeRectItem>(&item.shape))
      boxes += item.layer == Layer::Print && std::abs(box->rect.y - (lead.top - offset)) < 1e-9;
    if (const auto* rule = std::get_if<LineItem>(&item.shape))
      rules +=
          std::abs(rule->y0 - (tpl.story_area.y + 340 * 72 / 25.4)) < 1e-9 && rule->weight == 2.0;
  }
  BOOST_TEST(boxes == 1);
  BOOST_TEST(rules == 1);
}

BOOST_AUTO_TEST_CASE(decorations_are_checked_when_the_template_loads) {
  std::string text = slurp("tests/golden/templates/tabloid.toml");
  text += "\n[[decoration]]\nkind = \"rule\"\nslot = \"sports\"\n";
  try {
    layout_template::parse_template(text, "bad.toml");
    BOOST_ERROR("no error for an unknown slot");
  } catch (const InputError& e) {
    BOOST_TEST(e.message().find("unknown slot 'sports'") != std::string::npos, e.what());
    BOOST_TEST(e.where().line > 90);
  }
}

BOOST_AUTO_TEST_CASE(story_slots_at_the_bottom_need_a_depth_and_fixed_depths_hold) {
  std::string text = slurp("templates/page21.toml");
  const std::string second = "name = \"second\"\nkind = \"story\"\ncolumns = [1, 6]";
  auto at = text.find(second);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  std::string bottom = text;
  const std::string below = "place = \"below\"\nbelow = [\"lead\", \"rail\"]";
  const auto below_at = bottom.find(below, at);
  BOOST_TEST_REQUIRE(below_at != std::string::npos);
  bottom.replace(below_at, below.size(), "place = \"bottom\"");
  try {
    layout_template::parse_template(bottom, "bottom.toml");
    BOOST_ERROR("a story slot at the bottom without a depth was accepted");
  } catch (const InputError& e) {
    BOOST_TEST(e.message().find("at the bottom needs a fixed depth") != std::string::npos,
               e.what());
  }

  // A story slot with a fixed depth: what does not fit is overset, not spilled past it.
  std::string fixed = text;
  const std::string lead = "name = \"lead\"\nkind = \"story\"\ncolumns = [1, 4]\nplace = \"top\"";
  at = fixed.find(lead);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  fixed.insert(at + lead.size(), "\ndepth = \"90mm\"");
  const auto tpl = layout_template::parse_template(fixed, "fixed.toml");
  const story::Story story = story::read_story(kLead);
  linebreak::KnuthPlassBreaker breaker;
  const auto layout = compose::compose_page({test_fonts(), &test_hyphenator(), breaker}, tpl,
                                            compose::assign_in_order(tpl, {&story}));
  const auto& slot = layout.slots.front();
  BOOST_TEST(slot.depth <= 90 * 72 / 25.4 + 1e-6);
  BOOST_TEST(slot.overset_lines > 0);
}
