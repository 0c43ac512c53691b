// The composer's stages, each on synthetic input: a template built in code (three 100 pt
// columns, a 12 pt grid), short stories written here, the project's pinned fonts.
#define BOOST_TEST_MODULE compose_stages
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "compose/body_setting.h"
#include "compose/display_blocks.h"
#include "compose/module_placement.h"
#include "compose/pull_quotes.h"
#include "compose/slot_frames.h"
#include "compose/story_module.h"
#include "linebreak/knuth_plass.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::compose;
namespace lt = broadsheet::layout_template;
using broadsheet::testing::test_fonts;
using broadsheet::testing::test_hyphenator;

namespace {

lt::TextStyle style(const std::string& name, const std::string& face, double size, double leading,
                    lt::Align align) {
  lt::TextStyle s;
  s.name = name;
  s.font = {"TeX Gyre Termes", face};
  s.size = size;
  s.leading = leading;
  s.align = align;
  s.hyphenate = align == lt::Align::Justify;
  return s;
}

/// Three 100 pt columns with 10 pt gutters from x = 20; story area from y = 50 to 650; an
/// advertisement across columns 2-3 at the foot; `lead` on top across all three, `second`
/// below it in column 1.
lt::PageTemplate synthetic_template() {
  lt::PageTemplate t;
  t.name = "synthetic";
  t.page = {400, 700, 0, {}, true};
  t.grid = {3, 10, 12, 10};
  t.type_area = {20, 40, 320, 610};
  t.story_area = {20, 50, 320, 600};
  t.columns = {{20, 100}, {130, 100}, {240, 100}};
  t.styles["headline"] = style("headline", "Bold", 30, 32, lt::Align::Left);
  t.styles["deck"] = style("deck", "Italic", 14, 16, lt::Align::Left);
  t.styles["body"] = style("body", "Regular", 10, 12, lt::Align::Justify);
  t.styles["body"].first_line_indent = 1;
  t.styles["contact"] = style("contact", "Italic", 10, 12, lt::Align::Left);
  t.styles["subhead"] = style("subhead", "Bold", 10, 12, lt::Align::Left);
  lt::Slot lead;
  lead.name = "lead";
  lead.first_column = 1;
  lead.last_column = 3;
  lead.max_depth = 300;
  lead.headline_min_size = 18;
  lead.headline_max_size = 30;
  lt::Slot second = lead;
  second.name = "second";
  second.last_column = 1;
  second.place = lt::SlotPlace::Below;
  second.below = {"lead"};
  second.max_depth = std::numeric_limits<double>::infinity();
  lt::Slot ad;
  ad.name = "ad";
  ad.kind = lt::SlotKind::Advertisement;
  ad.first_column = 2;
  ad.last_column = 3;
  ad.place = lt::SlotPlace::Bottom;
  ad.depth = 120;
  t.slots = {lead, second, ad};
  return t;
}

const lt::PageTemplate& tpl() {
  static const lt::PageTemplate t = synthetic_template();
  return t;
}

const BaselineGrid kGrid{60, 12};  // story area top + first baseline, pitch

ComposeContext context() {
  static const linebreak::KnuthPlassBreaker breaker;
  return {test_fonts(), &test_hyphenator(), breaker};
}

story::Paragraph para(std::string text, story::ParagraphKind kind = story::ParagraphKind::Body) {
  story::Paragraph p;
  p.text = std::move(text);
  p.kind = kind;
  return p;
}

const std::string kSentence =
    "The committee met on Tuesday to discuss the proposal, which would change how the city "
    "collects and spends its water revenue over the coming decade. ";

story::Story make_story(int paragraphs, bool with_deck = true) {
  story::Story s;
  s.file = "synthetic.txt";
  s.headline = para("Water rates rise");
  if (with_deck) s.deck = para("A decade of spending is at stake");
  for (int i = 0; i < paragraphs; ++i) s.body.push_back(para(kSentence + kSentence));
  s.contact = para("Contact the writer at desk@example.com");
  return s;
}

bool on_grid(double y) {
  const double steps = (y - kGrid.origin) / kGrid.pitch;
  return std::abs(steps - std::round(steps)) < 1e-9;
}

ModuleRegion lead_region() {
  return {0, 50, 350, tpl().columns};
}

}  // namespace

// ---- Stage 1: slot frames --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bottom_slots_are_fixed_and_set_the_floor) {
  const PageFrames frames = resolve_page_frames(tpl(), 0, 12);
  BOOST_TEST(frames.flow.size() == 2u);
  BOOST_TEST(frames.flow[0].slot->name == "lead");
  BOOST_TEST(frames.flow[1].slot->name == "second");
  BOOST_REQUIRE(frames.bottom.size() == 1u);
  const Rect& ad = frames.bottom_rects.at("ad");
  BOOST_TEST(ad.x == 130);
  BOOST_TEST(ad.width == 210);
  BOOST_TEST(ad.bottom() == 650);
  BOOST_TEST(ad.height == 120);
  BOOST_TEST(frames.floor == 650 - 120 - 12);
}

BOOST_AUTO_TEST_CASE(a_slot_below_starts_a_grid_line_under_what_is_placed_above_it) {
  const PageFrames frames = resolve_page_frames(tpl(), 0, 12);
  const ModuleRegion lead = region_for(frames, frames.flow[0], tpl(), {});
  BOOST_TEST(lead.top == 50);
  BOOST_TEST(lead.bottom == 350);  // its maximum depth, above the floor
  BOOST_TEST(lead.measure() == 320);
  PlacedRects placed{{"lead", {20, 50, 320, 200}}};
  const ModuleRegion second = region_for(frames, frames.flow[1], tpl(), placed);
  BOOST_TEST(second.top == 250 + 12);
  BOOST_TEST(second.bottom == frames.floor);
  BOOST_TEST(second.columns.size() == 1u);
}

// ---- Stage 2: display blocks -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_short_headline_is_set_at_the_largest_size_with_its_last_baseline_on_grid) {
  const story::Story s = make_story(1);
  const DisplayBlocks b =
      fit_display_blocks(context(), tpl(), tpl().slots[0], s, true, lead_region(), kGrid);
  BOOST_TEST(b.headline.size == 30);
  BOOST_TEST(b.headline.fits);
  BOOST_TEST(b.headline.lines.size() == 1u);
  BOOST_TEST(on_grid(b.headline.baselines.back()));
  BOOST_REQUIRE(b.deck.has_value());
  BOOST_TEST(on_grid(b.deck->baselines.back()));
  BOOST_TEST(b.deck->baselines.front() > b.headline.baselines.back());
  BOOST_TEST(b.bottom > b.deck->baselines.back());
}

BOOST_AUTO_TEST_CASE(a_long_headline_steps_down_and_a_hopeless_one_is_typed_as_not_fitting) {
  story::Story s = make_story(1);
  ModuleRegion narrow{0, 50, 350, {tpl().columns[0], tpl().columns[1]}};
  s.headline = para("Water board weighs new rates for 2030");
  const DisplayBlocks smaller =
      fit_display_blocks(context(), tpl(), tpl().slots[0], s, true, narrow, kGrid);
  BOOST_TEST(smaller.headline.size < 30);
  BOOST_TEST(smaller.headline.size >= 18);
  BOOST_TEST(smaller.headline.fits);
  BOOST_TEST(smaller.headline.lines.size() <= 2u);
  for (const auto& line : smaller.headline.lines) BOOST_TEST(line.width <= 210.0);
  s.headline = para(kSentence + kSentence);
  const DisplayBlocks hopeless =
      fit_display_blocks(context(), tpl(), tpl().slots[0], s, true, narrow, kGrid);
  BOOST_TEST(!hopeless.headline.fits);
  BOOST_TEST(hopeless.headline.size == 18);
}

BOOST_AUTO_TEST_CASE(a_continuation_has_no_deck_and_a_slot_without_decks_drops_it) {
  const story::Story s = make_story(1);
  const DisplayBlocks cont =
      fit_display_blocks(context(), tpl(), tpl().slots[0], s, false, lead_region(), kGrid);
  BOOST_TEST(!cont.deck.has_value());
  BOOST_TEST(!cont.deck_dropped);
  lt::Slot no_decks = tpl().slots[0];
  no_decks.deck_max_lines = 0;
  const DisplayBlocks dropped =
      fit_display_blocks(context(), tpl(), no_decks, s, true, lead_region(), kGrid);
  BOOST_TEST(!dropped.deck.has_value());
  BOOST_TEST(dropped.deck_dropped);
}

// ---- Stage 3: body setting -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_body_asks_for_each_lines_width) {
  const story::Story s = make_story(3);
  std::vector<int> asked;
  // Lines 2 to 5 of the flow are shortened (as beside an inset picture).
  const LineWidthFn widths = [&](int n) {
    asked.push_back(n);
    return n >= 2 && n <= 5 ? 60.0 : 100.0;
  };
  const BodySetting body =
      set_body(context(), tpl(), tpl().slots[0], StoryWork::start_of(s), widths);
  BOOST_REQUIRE(body.lines.size() > 8u);
  for (std::size_t n = 0; n < body.lines.size(); ++n) {
    const double expected = n >= 2 && n <= 5 ? 60.0 : 100.0;
    BOOST_TEST(body.lines[n].line.measure == expected, "line " << n);
    if (body.lines[n].line.justified)
      BOOST_TEST(std::abs(body.lines[n].line.width - expected) < 0.05, "line " << n);
  }
  BOOST_TEST((std::find(asked.begin(), asked.end(), 5) != asked.end()));
  BOOST_TEST((body.lines.back().role == LineRole::Contact));
  // The last body line keeps with the contact line.
  auto last_body = std::find_if(body.lines.rbegin(), body.lines.rend(),
                                [](const BodyLine& l) { return l.role == LineRole::Body; });
  BOOST_TEST(last_body->keep_with_next);
  BOOST_TEST(std::count_if(body.lines.begin(), body.lines.end(),
                           [](const BodyLine& l) { return l.keep_with_next; }) == 1);
}

BOOST_AUTO_TEST_CASE(subheads_are_set_from_the_storys_typed_paragraphs) {
  story::Story s = make_story(2);
  s.body.insert(s.body.begin() + 1, para("Rates", story::ParagraphKind::Subhead));
  const BodySetting body =
      set_body(context(), tpl(), tpl().slots[0], StoryWork::start_of(s), constant_width(100));
  int subheads = 0;
  for (const BodyLine& l : body.lines)
    if (l.role == LineRole::Subhead) {
      ++subheads;
      BOOST_TEST(l.line.text == "Rates");
      BOOST_TEST(l.style->name == "subhead");
      BOOST_TEST(l.keep_with_next);
    }
  BOOST_TEST(subheads == 1);
  // Without a subhead style in the template, the same paragraph is body text.
  lt::PageTemplate plain = tpl();
  plain.styles.erase("subhead");
  const BodySetting as_body =
      set_body(context(), plain, plain.slots[0], StoryWork::start_of(s), constant_width(100));
  for (const BodyLine& l : as_body.lines) BOOST_TEST((l.role != LineRole::Subhead));
}

BOOST_AUTO_TEST_CASE(a_jumps_lines_are_reused_at_their_measure_and_rebroken_at_another) {
  const story::Story s = make_story(3);
  BodySetting whole =
      set_body(context(), tpl(), tpl().slots[0], StoryWork::start_of(s), constant_width(100));
  StoryWork rest = StoryWork::start_of(s);
  rest.from_page = 1;
  rest.lines.assign(whole.lines.begin() + 5, whole.lines.end());
  const BodySetting same = set_body(context(), tpl(), tpl().slots[0], rest, constant_width(100));
  BOOST_TEST(same.lines.size() == rest.lines.size());
  BOOST_TEST(same.lines.front().line.text == rest.lines.front().line.text);
  const BodySetting wider = set_body(context(), tpl(), tpl().slots[0], rest, constant_width(210));
  BOOST_TEST(wider.lines.size() < rest.lines.size());
  BOOST_TEST(wider.lines.front().line.measure == 210);
  // The re-broken text starts where the jump left off.
  BOOST_TEST(wider.lines.front().line.text.substr(0, 10) ==
             rest.lines.front().line.text.substr(0, 10));
}

// ---- Stage 5: placement ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(body_lines_go_down_each_column_on_the_grid) {
  const story::Story s = make_story(2);
  const BodySetting body =
      set_body(context(), tpl(), tpl().slots[0], StoryWork::start_of(s), constant_width(100));
  const int n = static_cast<int>(body.lines.size());
  const std::vector<int> per_column{n - n / 2, n / 2, 0};
  ModulePlacement out;
  const std::size_t placed =
      place_body(body.lines, per_column, lead_region(), 3, kGrid, "lead", out);
  BOOST_TEST(placed == body.lines.size());
  BOOST_REQUIRE(out.lines.size() == body.lines.size());
  BOOST_TEST(out.lines.front().baseline == kGrid.y(3));
  BOOST_TEST(out.lines.front().left == 20);
  const PlacedLine& top_of_second = out.lines[std::size_t(per_column[0])];
  BOOST_TEST(top_of_second.column == 1);
  BOOST_TEST(top_of_second.left == 130);
  BOOST_TEST(top_of_second.baseline == kGrid.y(3));
  for (const DisplayItem& item : out.drawing.items) BOOST_TEST((item.layer == Layer::Print));
  place_overset_mark(lead_region(), 300, out);
  BOOST_TEST((out.drawing.items.back().layer == Layer::Preview));
}

// ---- The stages together: one module --------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_full_region_hands_the_rest_on_or_reports_it_overset) {
  const story::Story s = make_story(12);
  const ModuleRegion shallow{0, 50, 200, tpl().columns};
  const ModuleResult jumped =
      compose_module(context(), tpl(), tpl().slots[0], StoryWork::start_of(s), shallow, kGrid,
                     std::string("Continued on page 2"));
  BOOST_REQUIRE(jumped.rest.has_value());
  BOOST_TEST(jumped.report.overset_lines == 0);
  BOOST_TEST(jumped.report.continued_lines == static_cast<int>(jumped.rest->lines.size()));
  BOOST_TEST((jumped.placement.lines.back().role == LineRole::Jump));
  BOOST_TEST(jumped.placement.lines.back().text == "Continued on page 2");
  for (const PlacedLine& l : jumped.placement.lines) BOOST_TEST(l.baseline <= 200);

  const ModuleResult overset = compose_module(context(), tpl(), tpl().slots[0],
                                              StoryWork::start_of(s), shallow, kGrid, std::nullopt);
  BOOST_TEST(!overset.rest.has_value());
  // Every body line is either placed or reported: none disappears.
  auto placed_body = [](const ModuleResult& m) {
    return std::count_if(m.placement.lines.begin(), m.placement.lines.end(),
                         [](const PlacedLine& l) {
                           return l.role == LineRole::Body || l.role == LineRole::Contact;
                         });
  };
  const auto total = placed_body(jumped) + jumped.report.continued_lines;
  BOOST_TEST(total > 100);
  BOOST_TEST(placed_body(overset) + overset.report.overset_lines == total);
  BOOST_TEST(overset.warnings.back().code == "overset");
  BOOST_TEST((overset.placement.drawing.items.back().layer == Layer::Preview));
}

BOOST_AUTO_TEST_CASE(a_module_reports_its_rows_columns_and_depth) {
  const story::Story s = make_story(2);
  const ModuleResult m = compose_module(context(), tpl(), tpl().slots[0], StoryWork::start_of(s),
                                        lead_region(), kGrid, std::nullopt);
  BOOST_TEST(m.report.name == "lead");
  BOOST_TEST(m.report.headline_fits);
  BOOST_TEST(m.report.deck_fits);
  BOOST_TEST(m.report.lines_per_column.size() == 3u);
  int lines = 0;
  for (int c : m.report.lines_per_column) lines += c;
  int body_lines = 0;
  for (const PlacedLine& l : m.placement.lines)
    if (l.role == LineRole::Body || l.role == LineRole::Contact) ++body_lines;
  BOOST_TEST(lines == body_lines);
  BOOST_TEST(m.report.lines_per_column[0] - m.report.lines_per_column[2] <= 1);
  const double lowest = std::max_element(m.placement.lines.begin(), m.placement.lines.end(),
                                         [](const PlacedLine& a, const PlacedLine& b) {
                                           return a.baseline < b.baseline;
                                         })
                            ->baseline;
  BOOST_TEST(m.report.depth > lowest - 50);
  BOOST_TEST(m.report.depth < lowest - 50 + 12);
}

BOOST_AUTO_TEST_CASE(headline_fitting_bisects_any_range_to_the_largest_half_point_that_fits) {
  story::Story s = make_story(1);
  s.headline = para("Water board weighs new rates for 2030");
  lt::Slot huge_range = tpl().slots[0];
  huge_range.headline_min_size = 1;
  huge_range.headline_max_size = 1e6;
  const DisplayBlocks b =
      fit_display_blocks(context(), tpl(), huge_range, s, false, lead_region(), kGrid);
  BOOST_TEST(b.headline.fits);
  BOOST_TEST(b.headline.size > 18);
  BOOST_TEST(b.headline.size < 80);
  // Half a point larger no longer fits the slot's two lines.
  const DisplayBlock larger =
      set_display_block(context(), tpl().styles.at("headline"), LineRole::Headline, s.headline.text,
                        b.headline.size + 0.5, 320, 2);
  BOOST_TEST(!larger.fits);
  BOOST_TEST(std::fmod(1e6 - b.headline.size, 0.5) == 0);
}

// A pull quote is set between typographer's quotes unless it brings its own marks, in any
// language's style; an apostrophe opening it is no mark.
BOOST_AUTO_TEST_CASE(a_pull_quote_is_quoted_once) {
  using compose::pull_quote_text;
  BOOST_TEST(pull_quote_text("Plain words.") == "\u201CPlain words.\u201D");
  for (const std::string own :
       {"\u201CAlready quoted.\u201D", "\u00ABGuillemets\u00BB", "\u00BBDanish style\u00AB",
        "\u201EGerman style\u201C", "\u300C\u5F15\u7528\u300D", "\"Straight\""})
    BOOST_TEST(pull_quote_text(own) == own);
  BOOST_TEST(pull_quote_text("\u2019Tis the season.") == "\u201C\u2019Tis the season.\u201D");
  BOOST_TEST(pull_quote_text("") == "\u201C\u201D");
  // Unquoted text takes its language's marks, from ICU's locale data.
  BOOST_TEST(pull_quote_text("Mot", "fr") == "\u00ABMot\u00BB");
  BOOST_TEST(pull_quote_text("Wort", "de") == "\u201EWort\u201C");
  BOOST_TEST(pull_quote_text("\u5F15\u7528", "ja") == "\u300C\u5F15\u7528\u300D");
  BOOST_TEST(pull_quote_text("Mot", "fr-FR") == "\u00ABMot\u00BB");  // a BCP 47 region
}
