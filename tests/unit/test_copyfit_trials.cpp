// Copyfit trials count lines instead of setting them (compose/story_module.h measure_module):
// a trial must report exactly what composing the module reports, whatever it re-uses.
#define BOOST_TEST_MODULE copyfit_trials
#include <boost/test/unit_test.hpp>
#include <limits>

#include "compose/display_blocks.h"
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

/// Three 100 pt columns on a 12 pt grid; one story slot across them.
lt::PageTemplate three_columns() {
  lt::PageTemplate t;
  t.name = "trials";
  t.page = {400, 700, 0, {}, true};
  t.grid = {3, 10, 12, 10};
  t.type_area = {20, 40, 320, 610};
  t.story_area = {20, 50, 320, 600};
  t.columns = {{20, 100}, {130, 100}, {240, 100}};
  t.styles["headline"] = style("headline", "Bold", 30, 32, lt::Align::Left);
  t.styles["deck"] = style("deck", "Italic", 14, 16, lt::Align::Left);
  t.styles["body"] = style("body", "Regular", 10, 12, lt::Align::Justify);
  t.styles["body"].first_line_indent = 1;
  t.styles["body"].justification.letter_space_min = -0.02;
  t.styles["body"].justification.letter_space_max = 0.02;
  t.styles["contact"] = style("contact", "Italic", 10, 12, lt::Align::Left);
  t.styles["subhead"] = style("subhead", "Bold", 10, 12, lt::Align::Left);
  lt::Slot lead;
  lead.name = "lead";
  lead.first_column = 1;
  lead.last_column = 3;
  lead.headline_min_size = 18;
  lead.headline_max_size = 30;
  lead.headline_max_lines = 3;
  lead.max_depth = std::numeric_limits<double>::infinity();
  t.slots = {lead};
  return t;
}

const lt::PageTemplate& tpl() {
  static const lt::PageTemplate t = three_columns();
  return t;
}

const BaselineGrid kGrid{60, 12};

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

/// Paragraphs of different lengths, a subhead between them, a deck and a contact line.
story::Story make_story() {
  const std::string sentence =
      "The committee met on Tuesday to discuss the proposal, which would change how the city "
      "collects and spends its water revenue over the coming decade. ";
  story::Story s;
  s.file = "trials.txt";
  s.headline = para("Water rates rise as the council weighs a decade of spending");
  s.deck = para("A decade of spending is at stake for the city and its suburbs");
  for (int i = 0; i < 9; ++i) {
    std::string text;
    for (int k = 0; k <= i % 4; ++k) text += sentence;
    s.body.push_back(para(text));
    if (i == 4) s.body.push_back(para("Rates and revenue", story::ParagraphKind::Subhead));
  }
  s.contact = para("Contact the writer at desk@example.com");
  return s;
}

void check_same_report(const SlotReport& trial, const SlotReport& composed) {
  BOOST_TEST(trial.headline_size == composed.headline_size);
  BOOST_TEST(trial.headline_lines == composed.headline_lines);
  BOOST_TEST(trial.headline_fits == composed.headline_fits);
  BOOST_TEST(trial.deck_lines == composed.deck_lines);
  BOOST_TEST(trial.deck_fits == composed.deck_fits);
  BOOST_TEST(trial.rows == composed.rows);
  BOOST_TEST(trial.lines_per_column == composed.lines_per_column, boost::test_tools::per_element());
  BOOST_TEST(trial.overset_lines == composed.overset_lines);
}

std::vector<StoryOptions> choices(std::size_t paragraphs) {
  std::vector<StoryOptions> out(1);
  out.push_back({22.5, 2, std::nullopt, {}, 0});
  out.push_back({22.5, 3, 2, {}, 0});
  StoryOptions looser;
  looser.looseness.assign(paragraphs, 0);
  looser.looseness[1] = looser.looseness[6] = 1;
  looser.looseness[3] = -1;
  out.push_back(looser);
  looser.headline_size = 20;
  looser.tracking = 0.01;
  out.push_back(looser);
  StoryOptions tighter{22.5, 2, std::nullopt, {}, -0.01};
  out.push_back(tighter);
  out.push_back({});  // the first again: everything from the trials' memo
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_trial_reports_what_composing_the_module_reports) {
  const story::Story s = make_story();
  for (const double bottom : {650.0, 260.0}) {  // all fits, then overset
    const ModuleRegion region{0, 50, bottom, tpl().columns};
    ModuleTrials memo;
    for (const StoryOptions& o : choices(s.body.size())) {
      const ModuleResult composed = compose_module(
          context(), tpl(), tpl().slots[0], StoryWork::start_of(s), region, kGrid, std::nullopt, o);
      const SlotReport trial =
          measure_module(context(), tpl(), tpl().slots[0], s, region, kGrid, o, memo);
      check_same_report(trial, composed.report);
    }
    // Four headline and deck choices among the seven trials: each set once.
    BOOST_TEST(memo.heads.size() == 4u);
  }
}

BOOST_AUTO_TEST_CASE(a_trial_that_changes_only_the_headline_breaks_no_paragraph_again) {
  const story::Story s = make_story();
  const ModuleRegion region{0, 50, 650, tpl().columns};
  ModuleTrials memo;
  measure_module(context(), tpl(), tpl().slots[0], s, region, kGrid, {}, memo);
  const std::size_t broken = memo.breaks.lines.size();
  BOOST_TEST(broken == s.body.size() + 1);  // every paragraph and the contact line, once
  const SlotReport smaller = measure_module(context(), tpl(), tpl().slots[0], s, region, kGrid,
                                            {20, 3, std::nullopt, {}, 0}, memo);
  BOOST_TEST(smaller.headline_size == 20);
  BOOST_TEST(memo.breaks.lines.size() == broken);
  BOOST_TEST(memo.heads.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_measuring_trial_stacks_the_blocks_it_does_not_set) {
  // find_copyfit runs its trials with measure_only: the headline, deck, kicker and byline are
  // counted, not set, and must stack exactly as set blocks do.
  story::Story s = make_story();
  s.kicker = para("City hall");
  s.byline = para("By a staff writer");
  ComposeContext measuring = context();
  measuring.measure_only = true;
  for (double size = 18; size <= 30; size += 0.5) {
    for (const int lines : {1, 2, 3}) {
      const ModuleRegion region{0, 50, 650, tpl().columns};
      const StoryOptions o{size, lines, std::nullopt, {}, 0};
      const DisplayBlocks set =
          fit_display_blocks(context(), tpl(), tpl().slots[0], s, true, region, kGrid, o);
      const DisplayBlocks counted =
          fit_display_blocks(measuring, tpl(), tpl().slots[0], s, true, region, kGrid, o);
      BOOST_TEST_INFO(size << " pt in " << lines << " lines");
      BOOST_TEST(counted.headline.lines.size() == set.headline.lines.size());
      BOOST_TEST(counted.headline.fits == set.headline.fits);
      BOOST_TEST(counted.deck->lines.size() == set.deck->lines.size());
      BOOST_TEST(counted.headline.baselines == set.headline.baselines,
                 boost::test_tools::per_element());
      BOOST_TEST(counted.bottom == set.bottom);
      BOOST_TEST(counted.foot == set.foot);
      BOOST_TEST(!set.headline.lines.front().runs.empty());
      for (const auto* block :
           {&counted.headline, &*counted.deck, &*counted.kicker, &*counted.byline})
        for (const auto& line : block->lines) BOOST_TEST(line.runs.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_measuring_trial_sets_the_drop_cap_and_dateline_it_measures_by) {
  // The body's opening is set in a trial too: its width indents the first lines.
  ComposeContext measuring = context();
  measuring.measure_only = true;
  for (const bool drop_cap : {false, true}) {
    for (const std::string dateline : {"", "ROME —", "WASHINGTON —"}) {
      lt::PageTemplate t = three_columns();
      if (drop_cap) t.slots[0].drop_cap_lines = 3;
      story::Story s = make_story();
      if (!dateline.empty()) s.dateline = para(dateline);
      for (const double bottom : {650.0, 260.0}) {
        const ModuleRegion region{0, 50, bottom, t.columns};
        ModuleTrials memo;
        for (const StoryOptions& o : choices(s.body.size())) {
          BOOST_TEST_INFO("drop cap " << drop_cap << ", dateline '" << dateline << "', bottom "
                                      << bottom);
          const ModuleResult composed = compose_module(
              context(), t, t.slots[0], StoryWork::start_of(s), region, kGrid, std::nullopt, o);
          check_same_report(measure_module(measuring, t, t.slots[0], s, region, kGrid, o, memo),
                            composed.report);
        }
      }
    }
  }
}
