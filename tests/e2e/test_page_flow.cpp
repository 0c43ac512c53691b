// How stories flow over a page and from page to page: jumps that chain over several pages,
// right-aligned jump lines, rules only between neighbouring stories, fixed slot depths, and
// unfilled space reported.
#define BOOST_TEST_MODULE page_flow
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>

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

/// `text` with `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("no '" + from + "' in the template");
  return text.replace(at, from.size(), to);
}

compose::PageLayout compose_stories(const layout_template::PageTemplate& tpl,
                                    const std::vector<const story::Story*>& stories) {
  static const linebreak::KnuthPlassBreaker breaker;
  return compose::compose_page({test_fonts(), &test_hyphenator(), breaker}, tpl,
                               compose::assign_in_order(tpl, stories));
}

/// The jump template with the page-2 continuation only 40 mm deep, jumping on to page 3.
layout_template::PageTemplate three_page_jump(const std::string& jump_align = "left") {
  std::string text = slurp("tests/templates/jump.toml");
  text = replaced(text, "name = \"jump\"\nkind = \"story\"\npage = 2",
                  "name = \"jump\"\nkind = \"story\"\npage = 2\nmax_depth = \"40mm\"\n"
                  "continued_in = \"jump3\"");
  text = replaced(text,
                  "[styles.jump]  # \"Continued on page N\" / \"From page M\"\n"
                  "font = { family = \"TeX Gyre Termes\", style = \"Italic\" }\n"
                  "size = \"8.5pt\"\nleading = \"11pt\"\nalign = \"left\"",
                  "[styles.jump]\nfont = { family = \"TeX Gyre Termes\", style = \"Italic\" }\n"
                  "size = \"8.5pt\"\nleading = \"11pt\"\nalign = \"" +
                      jump_align + "\"");
  text +=
      "\n[[slot]]\nname = \"jump3\"\nkind = \"story\"\npage = 3\ncolumns = [1, 6]\n"
      "place = \"top\"\nheadline_size = [18, 24]\n";
  return layout_template::parse_template(text, "three_page_jump.toml");
}

/// page21 with its lead slot no deeper than `max_depth`.
layout_template::PageTemplate page21_with_shallow_lead(const std::string& max_depth) {
  const std::string lead = "name = \"lead\"\nkind = \"story\"\ncolumns = [1, 4]";
  return layout_template::parse_template(
      replaced(slurp("templates/page21.toml"), lead, lead + "\nmax_depth = \"" + max_depth + "\""),
      "shallow_lead.toml");
}

std::vector<const compose::PlacedLine*> lines_of(const compose::PageLayout& layout,
                                                 const std::string& slot, LineRole role) {
  std::vector<const compose::PlacedLine*> out;
  for (const auto& l : layout.lines)
    if (l.slot == slot && l.role == role) out.push_back(&l);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_story_jumps_from_page_to_page_to_page) {
  const auto tpl = three_page_jump();
  const story::Story lead = story::read_story(kLead);
  const auto layout = compose_stories(tpl, {&lead});
  BOOST_TEST(layout.display.pages.size() == 3u);
  BOOST_TEST(!layout.overset());
  const auto jumps2 = lines_of(layout, "jump", LineRole::Jump);
  BOOST_REQUIRE(jumps2.size() == 2u);
  BOOST_TEST(jumps2[0]->text == "From page 21");
  BOOST_TEST(jumps2[1]->text == "Continued on page 23");
  const auto jumps3 = lines_of(layout, "jump3", LineRole::Jump);
  BOOST_REQUIRE(jumps3.size() == 1u);
  BOOST_TEST(jumps3[0]->text == "From page 22");
  BOOST_TEST(jumps3[0]->page == 2);
  // Every body line of the story is set once, in order, over the three pages.
  int paragraph = 0, line = -1, count = 0;
  for (const auto& l : layout.lines) {
    if (l.role != LineRole::Body) continue;
    ++count;
    BOOST_TEST(
        (l.paragraph > paragraph || (l.paragraph == paragraph && l.line_in_paragraph > line)),
        l.text);
    paragraph = l.paragraph;
    line = l.line_in_paragraph;
  }
  BOOST_TEST(count > 60);
  BOOST_TEST(lines_of(layout, "jump3", LineRole::Contact).size() >= 1u);
}

BOOST_AUTO_TEST_CASE(a_right_aligned_jump_line_ends_on_the_column_edge) {
  const auto tpl = three_page_jump("right");
  const story::Story lead = story::read_story(kLead);
  const auto layout = compose_stories(tpl, {&lead});
  const auto continued = lines_of(layout, "lead", LineRole::Jump);
  BOOST_REQUIRE(continued.size() == 1u);
  const auto& last_column = tpl.columns[3];  // the lead spans columns 1-4
  BOOST_TEST(continued[0]->left + continued[0]->width == last_column.x + last_column.width,
             boost::test_tools::tolerance(0.5));
  BOOST_TEST(continued[0]->left > last_column.x);
  for (const auto& w : layout.warnings) BOOST_TEST(w.code != "overfull-line", w.message);
}

BOOST_AUTO_TEST_CASE(rules_run_only_between_neighbours_and_only_as_far_as_both) {
  const auto& tpl = page21();
  const story::Story lead = story::read_story(kLead);
  const story::Story rail = story::read_story(kRail, {.has_deck = false});
  const story::Story second = story::read_story(kSecond, {.has_deck = false});
  const auto layout = compose_stories(tpl, {&lead, &rail, &second});
  auto slot = [&](const std::string& name) -> const compose::SlotReport& {
    for (const auto& s : layout.slots)
      if (s.name == name) return s;
    throw std::runtime_error("no slot " + name);
  };
  const auto& l = slot("lead");
  const auto& r = slot("rail");
  const auto& s = slot("second");
  BOOST_REQUIRE(r.top + r.depth < l.top + l.depth - 20);  // the rail is the shorter
  int vertical = 0, horizontal = 0;
  for (const auto& item : layout.display.pages[0].items) {
    const auto* rule = std::get_if<LineItem>(&item.shape);
    if (!rule || item.layer != Layer::Print || rule->weight != tpl.story_rule_weight) continue;
    if (rule->x0 == rule->x1) {
      ++vertical;  // between lead and rail: it stops where the rail ends
      BOOST_TEST(rule->y1 == r.top + r.depth, boost::test_tools::tolerance(0.01));
    } else if (rule->y0 == rule->y1 && rule->y0 > l.top + 20) {
      ++horizontal;  // under the lead only: the rail's foot is no neighbour of the second story
      BOOST_TEST(rule->y0 > l.top + l.depth);
      BOOST_TEST(rule->y0 < s.top);
      BOOST_TEST(rule->x1 <= tpl.columns[3].x + tpl.columns[3].width + 0.01);
    }
  }
  BOOST_TEST(vertical == 1);
  BOOST_TEST(horizontal == 1);
}

BOOST_AUTO_TEST_CASE(unfilled_space_is_reported_with_where_it_is) {
  const auto& tpl = page21();
  const story::Story lead = story::read_story(kLead);
  const story::Story rail = story::read_story(kRail, {.has_deck = false});
  const story::Story second = story::read_story(kSecond, {.has_deck = false});
  const auto layout = compose_stories(tpl, {&lead, &rail, &second});
  BOOST_REQUIRE(layout.unfilled.size() == 2u);
  const auto& under_rail = layout.unfilled[0];
  BOOST_TEST(under_rail.first_column == 5);
  BOOST_TEST(under_rail.last_column == 6);
  BOOST_TEST(under_rail.above == "rail");
  BOOST_TEST(under_rail.below == "second");
  const auto& above_ad = layout.unfilled[1];
  BOOST_TEST(above_ad.first_column == 1);
  BOOST_TEST(above_ad.last_column == 6);
  BOOST_TEST(above_ad.below == "ad");
  int warned = 0;
  for (const auto& w : layout.warnings)
    if (w.code == "unfilled") ++warned;
  BOOST_TEST(warned == 2);
  // One story alone: the empty slots take the room; no hole to report.
  const auto alone = compose_stories(tpl, {&lead});
  BOOST_TEST(alone.unfilled.empty());
}

BOOST_AUTO_TEST_CASE(a_story_slots_fixed_depth_is_its_depth_even_when_the_story_is_short) {
  std::string text = slurp("templates/page21.toml");
  text = replaced(text, "name = \"rail\"\nkind = \"story\"\ncolumns = [5, 6]",
                  "name = \"rail\"\nkind = \"story\"\ncolumns = [5, 6]\ndepth = \"150mm\"");
  const auto tpl = layout_template::parse_template(text, "fixed_rail.toml");
  const story::Story lead = story::read_story(kLead);
  const story::Story rail = story::read_story(kRail, {.has_deck = false});
  const auto layout = compose_stories(tpl, {&lead, &rail});
  for (const auto& s : layout.slots)
    if (s.name == "rail")
      BOOST_TEST(s.depth == 150 * 72 / 25.4, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(every_story_is_tagged_in_reading_order) {
  const auto& tpl = page21();
  const story::Story lead = story::read_story(kLead);
  const story::Story rail = story::read_story(kRail, {.has_deck = false});
  const auto layout = compose_stories(tpl, {&lead, &rail});
  int story = 0, element = -1, headlines = 0, untagged_text = 0;
  for (const auto& item : layout.display.pages[0].items) {
    const auto* run = std::get_if<GlyphRunItem>(&item.shape);
    if (!run || item.layer != Layer::Print) continue;
    if (run->tag.empty()) {
      ++untagged_text;  // folio
      continue;
    }
    // Stories one after the other; within a story, elements never go back.
    BOOST_TEST(run->story >= story);
    if (run->story > story) element = -1;
    story = run->story;
    BOOST_TEST(run->element >= element, run->text);
    element = run->element;
    if (run->tag == "H1") {
      ++headlines;
      BOOST_TEST(run->element == 0);
    } else {
      BOOST_TEST((run->tag == "P" || run->tag == "H2"), run->tag);
    }
  }
  BOOST_TEST(story == 1);
  BOOST_TEST(headlines > 2);  // one run per headline word
  BOOST_TEST(untagged_text > 0);
  const std::string pdf = test_out("tagged.pdf");
  const auto r = run_command(broadsheet_binary() + " render " + kLead + " -o " + pdf);
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  BOOST_TEST(run_command("pdfinfo " + pdf).output.find("Tagged:          yes") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_story_slot_at_the_foot_of_the_page_is_set_in_its_fixed_rectangle) {
  std::string text = slurp("templates/page21.toml");
  text = replaced(text,
                  "name = \"ad\"\nkind = \"advertisement\"\ncolumns = [1, 6]\nplace = "
                  "\"bottom\"\ndepth = \"240mm\"\nlabel = \"Advertisement 350 × 240 mm\"",
                  "name = \"foot\"\nkind = \"story\"\ncolumns = [1, 6]\nplace = \"bottom\"\n"
                  "depth = \"100mm\"\nheadline_size = [24, 30]");
  const auto tpl = layout_template::parse_template(text, "story_at_foot.toml");
  const story::Story lead = story::read_story(kLead);
  const story::Story rail = story::read_story(kRail, {.has_deck = false});
  const story::Story second = story::read_story(kSecond, {.has_deck = false});
  const story::Story foot = story::read_story(kRail, {.has_deck = false});
  const auto layout = compose_stories(tpl, {&lead, &rail, &second, &foot});
  const double foot_top = tpl.story_area.bottom() - 100 * 72 / 25.4;
  int foot_lines = 0;
  for (const auto& l : layout.lines) {
    if (l.slot != "foot") continue;
    ++foot_lines;
    BOOST_TEST(l.baseline > foot_top, l.text);
    BOOST_TEST(l.baseline < tpl.story_area.bottom(), l.text);
  }
  BOOST_TEST(foot_lines > 20);
  for (const auto& s : layout.slots)
    if (s.name == "foot") {
      BOOST_TEST(s.story == kRail);
      BOOST_TEST(s.overset_lines == 0);
    }
}

// A slot too shallow for its story's head (a headline squeezed above an ad): nothing of the
// story is drawn, so nothing reaches into what lies below the slot, and every line of it
// (headline, deck, body) is reported overset.
BOOST_AUTO_TEST_CASE(a_head_deeper_than_its_slot_is_overset_whole_never_drawn_past_it) {
  const auto tpl = page21_with_shallow_lead("30mm");
  const story::Story lead = story::read_story(kLead);
  const story::Story rail = story::read_story(kRail, {.has_deck = false});
  const auto layout = compose_stories(tpl, {&lead, &rail});
  BOOST_TEST(layout.overset());
  const compose::SlotReport* report = nullptr;
  for (const auto& s : layout.slots)
    if (s.name == "lead") report = &s;
  BOOST_REQUIRE(report);
  BOOST_TEST(report->overset_text.front() == "Internet firms eye tech");  // the headline first
  BOOST_TEST(report->overset_lines > 66);  // headline, deck and every body line
  BOOST_TEST(report->overset_lines == static_cast<int>(report->overset_text.size()));
  for (const auto& l : layout.lines) BOOST_TEST(l.slot != "lead", l.text);
  BOOST_TEST(lines_of(layout, "rail", LineRole::Body).size() > 20u);  // the rail is set
  // No text of the lead on the page: the rail's story is the page's only article.
  for (const auto& item : layout.display.pages[0].items)
    if (const auto* run = std::get_if<GlyphRunItem>(&item.shape); run && !run->tag.empty())
      BOOST_TEST(run->story == 0);
  bool warned = false;
  for (const auto& w : layout.warnings)
    warned |=
        w.code == "overset" && w.message.find("does not fit in slot 'lead'") != std::string::npos;
  BOOST_TEST(warned);
}

// A jumping story whose head does not fit: nothing of it is set here, and nothing jumps (a
// continuation "From page 21" of a story page 21 never showed would mislead); the warning says so.
BOOST_AUTO_TEST_CASE(a_story_whose_head_does_not_fit_does_not_jump_either) {
  std::string text = slurp("tests/templates/jump.toml");
  text = replaced(text, "max_depth = \"100mm\"\ncontinued_in = \"jump\"",
                  "max_depth = \"30mm\"\ncontinued_in = \"jump\"");
  const auto tpl = layout_template::parse_template(text, "shallow_jump.toml");
  const story::Story lead = story::read_story(kLead);
  const auto layout = compose_stories(tpl, {&lead});
  BOOST_TEST(layout.overset());
  BOOST_TEST(lines_of(layout, "lead", LineRole::Body).empty());
  BOOST_TEST(lines_of(layout, "jump", LineRole::Body).empty());
  BOOST_TEST(lines_of(layout, "jump", LineRole::Jump).empty());
  bool warned = false;
  for (const auto& w : layout.warnings)
    warned |= w.code == "overset" && w.message.find("none of them jumps") != std::string::npos;
  BOOST_TEST(warned);
}

// Copyfit sees a head that does not fit as a choice to avoid: it takes a smaller headline that
// lets the head into the slot, so the story is on the page (headline and deck; the body, which
// a slot this shallow cannot hold, is overset and reported).
BOOST_AUTO_TEST_CASE(copyfit_shrinks_a_headline_that_would_leave_the_head_outside_the_slot) {
  const auto tpl = page21_with_shallow_lead("54mm");
  const story::Story lead = story::read_story(kLead);
  const auto as_set = compose_stories(tpl, {&lead});
  BOOST_TEST(lines_of(as_set, "lead", LineRole::Headline).empty());  // overset whole
  static const linebreak::KnuthPlassBreaker breaker;
  const auto fitted =
      compose::compose_page({test_fonts(), &test_hyphenator(), breaker}, tpl,
                            compose::assign_in_order(tpl, {&lead}), {}, {.copyfit = true});
  const auto headline = lines_of(fitted, "lead", LineRole::Headline);
  BOOST_REQUIRE(!headline.empty());
  BOOST_TEST(headline.front()->size < 52);
  BOOST_TEST(!lines_of(fitted, "lead", LineRole::Deck).empty());
  BOOST_TEST(fitted.overset());
  for (const auto& s : fitted.slots)
    if (s.name == "lead") {
      BOOST_TEST(s.head_fits);
      BOOST_TEST(s.fit.find("the head fits the slot with the headline at") != std::string::npos,
                 s.fit);
    }
}

// Text never disappears silently: a template with no style for a story's pull quote or fact
// box does not set them, and says so.
BOOST_AUTO_TEST_CASE(pull_quotes_and_fact_boxes_a_template_cannot_set_are_reported) {
  const auto tpl = layout_template::load_template("tests/golden/templates/tabloid.toml");
  BOOST_REQUIRE(tpl.styles.count("pull_quote") == 0u);
  BOOST_REQUIRE(tpl.styles.count("fact_box") == 0u);
  for (const char* file : {"tests/articles/pictures/rail_pull_quote.txt",
                           "tests/articles/pictures/second_fact_box.txt"}) {
    const story::Story story = story::read_story(file, {.has_deck = false});
    static const linebreak::KnuthPlassBreaker breaker;
    const auto layout = compose::compose_page(
        {test_fonts(), &test_hyphenator(), breaker}, tpl, compose::assign_in_order(tpl, {&story}),
        {.date = story::Date{2024, 5, 9}, .page = 1, .publication = {}});
    int warned = 0;
    for (const auto& w : layout.warnings)
      if (w.code == "inset-not-set") {
        ++warned;
        BOOST_TEST(w.message.find("not set: template 'tabloid' has no") != std::string::npos,
                   w.message);
      }
    BOOST_TEST(warned == 1, file);
  }
}
