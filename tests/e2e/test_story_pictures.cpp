// A story's picture across N of its columns (the body flowing below it there, from under the
// deck in the others), composed on page21-pictures: the picture's frame, each column's first
// baseline, level feet, right-to-left column order, overset counted, no word lost.
#define BOOST_TEST_MODULE story_pictures
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cmath>
#include <map>
#include <string>

#include "compose/composer.h"
#include "linebreak/knuth_plass.h"
#include "story/story.h"
#include "template/page_template.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kTemplate = kSource + "/templates/page21-pictures.toml";
const std::string kLead = kSource + "/tests/articles/pictures/page21_lead_photo.txt";
constexpr double kPitch = 11;  // page21's baseline grid

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("not found: " + from);
  return text.replace(at, from.size(), to);
}

/// page21-pictures with the lead slot's picture keys replaced by `lead_keys`.
layout_template::PageTemplate pictures_template(const std::string& lead_keys) {
  return layout_template::parse_template(
      replaced(slurp(kTemplate), "picture_depth = \"286pt\"", lead_keys), kTemplate);
}

/// The lead article with `options` after its picture line's credit.
story::Story lead_story(const std::string& options) {
  std::string text = slurp(kLead);
  if (!options.empty())
    text = replaced(text, "| WU ZHIYI / CHINA DAILY", "| WU ZHIYI / CHINA DAILY | " + options);
  return story::parse_story(text, kLead);
}

compose::PageLayout compose_lead(const layout_template::PageTemplate& tpl,
                                 const story::Story& story) {
  const linebreak::KnuthPlassBreaker breaker;
  const compose::ComposeContext context{test_fonts(), &test_hyphenator(), breaker, nullptr};
  return compose::compose_page(context, tpl, {{"lead", &story}});
}

ImageItem the_picture(const compose::PageLayout& layout) {
  for (const DisplayItem& item : layout.display.pages.at(0).items)
    if (const auto* image = std::get_if<ImageItem>(&item.shape)) return *image;
  throw std::runtime_error("no picture on the page");
}

const compose::SlotReport& lead_report(const compose::PageLayout& layout) {
  for (const auto& slot : layout.slots)
    if (slot.name == "lead") return slot;
  throw std::runtime_error("no lead slot");
}

/// The lead's body lines (body, subheads, contact), by story column in reading order.
std::map<int, std::vector<compose::PlacedLine>> body_columns(const compose::PageLayout& layout) {
  std::map<int, std::vector<compose::PlacedLine>> columns;
  for (const auto& line : layout.lines)
    if (line.slot == "lead" &&
        (line.role == compose::LineRole::Body || line.role == compose::LineRole::Subhead ||
         line.role == compose::LineRole::Contact))
      columns[line.column].push_back(line);
  return columns;
}

double baseline_of(const compose::PageLayout& layout, compose::LineRole role, bool last) {
  double found = last ? -1 : 1e9;
  for (const auto& line : layout.lines)
    if (line.slot == "lead" && line.role == role)
      found = last ? std::max(found, line.baseline) : std::min(found, line.baseline);
  return found;
}

/// Letters and digits only: hyphens, quotes and spaces left out, so that a text broken into
/// lines reads the same as the paragraph it came from.
std::string letters(const std::string& text) {
  std::string out;
  for (unsigned char c : text)
    if (std::isalnum(c)) out.push_back(static_cast<char>(c));
  return out;
}

/// Every body paragraph and the contact line, as letters, in order.
std::string story_letters(const story::Story& story) {
  std::string out;
  for (const auto& p : story.body) out += letters(p.text);
  if (story.contact) out += letters(story.contact->text);
  return out;
}

/// The placed body lines as letters, in flow order (paragraph, then line).
std::string placed_letters(const compose::PageLayout& layout) {
  std::vector<compose::PlacedLine> lines;
  for (const auto& [column, in_column] : body_columns(layout))
    lines.insert(lines.end(), in_column.begin(), in_column.end());
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
    return std::pair(a.paragraph, a.line_in_paragraph) <
           std::pair(b.paragraph, b.line_in_paragraph);
  });
  std::string out;
  for (const auto& line : lines) out += letters(line.text);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(
    a_two_column_picture_heads_columns_one_and_two_the_others_start_under_the_deck) {
  const auto tpl = pictures_template("picture_depth = \"60mm\"");
  const story::Story story = lead_story("columns=2");
  const compose::PageLayout layout = compose_lead(tpl, story);
  const auto& cols = tpl.columns;  // page21: 154.72 pt columns, 12.76 pt gutters
  const ImageItem picture = the_picture(layout);
  BOOST_TEST(picture.frame.x == cols[0].x, boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.right() == cols[1].x + cols[1].width,
             boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.width == 2 * cols[0].width + (cols[1].x - cols[0].x - cols[0].width),
             boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.height == 60 * 72 / 25.4, boost::test_tools::tolerance(0.01));
  const double deck_foot = baseline_of(layout, compose::LineRole::Deck, true);
  BOOST_TEST(picture.frame.y > deck_foot);
  BOOST_TEST(picture.frame.y < deck_foot + 2 * kPitch);

  const auto columns = body_columns(layout);
  BOOST_REQUIRE_EQUAL(columns.size(), 4u);
  const double caption_foot = baseline_of(layout, compose::LineRole::Caption, true);
  BOOST_TEST(caption_foot > picture.frame.bottom());
  // Columns 1 and 2 start under the caption, on one grid line; 3 and 4 under the deck, higher.
  const double under_picture = columns.at(0).front().baseline;
  const double under_deck = columns.at(2).front().baseline;
  BOOST_TEST(under_picture > caption_foot);
  BOOST_TEST(under_picture < caption_foot + 3 * kPitch);
  BOOST_TEST(columns.at(1).front().baseline == under_picture, boost::test_tools::tolerance(0.01));
  BOOST_TEST(columns.at(3).front().baseline == under_deck, boost::test_tools::tolerance(0.01));
  BOOST_TEST(under_deck > deck_foot);
  BOOST_TEST(under_deck < picture.frame.y + 2 * kPitch);
  // ... where the story's first line would be without a picture.
  story::Story without = story;
  without.pictures.clear();
  BOOST_TEST(under_deck == body_columns(compose_lead(tpl, without)).at(0).front().baseline,
             boost::test_tools::tolerance(0.01));
  for (int c : {0, 1})
    BOOST_TEST(columns.at(c).front().left == cols[std::size_t(c)].x,
               boost::test_tools::tolerance(0.01));
  // Balanced on the feet: the columns end within a line of each other (the fact box may take
  // one more), and the first is the longest.
  double low = 1e9, high = 0;
  for (const auto& [c, lines] : columns) {
    low = std::min(low, lines.back().baseline);
    high = std::max(high, lines.back().baseline);
  }
  BOOST_TEST(high - low <= 2 * kPitch + 0.01);
  const auto& report = lead_report(layout);
  BOOST_TEST(report.overset_lines == 0);
  BOOST_TEST(report.column_rows.size() == 4u);
  BOOST_TEST(report.column_rows[0] < report.column_rows[2]);
  BOOST_TEST(report.column_rows[0] == report.column_rows[1]);
  BOOST_TEST(placed_letters(layout) == story_letters(story));
}

BOOST_AUTO_TEST_CASE(the_slots_picture_columns_is_the_default_and_the_picture_line_wins) {
  const auto tpl = pictures_template("picture_depth = \"60mm\"\npicture_columns = 2");
  const ImageItem by_slot = the_picture(compose_lead(tpl, lead_story("")));
  BOOST_TEST(by_slot.frame.x == tpl.columns[0].x, boost::test_tools::tolerance(0.01));
  BOOST_TEST(by_slot.frame.right() == tpl.columns[1].x + tpl.columns[1].width,
             boost::test_tools::tolerance(0.01));
  const ImageItem by_line = the_picture(compose_lead(tpl, lead_story("columns=3")));
  BOOST_TEST(by_line.frame.right() == tpl.columns[2].x + tpl.columns[2].width,
             boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(without_a_depth_the_picture_keeps_its_proportions_cut_to_grid_lines) {
  const auto tpl = pictures_template("");
  const ImageItem picture = the_picture(compose_lead(tpl, lead_story("columns=2")));
  // tests/media/lake.jpg is 2000 x 1250: its depth at the width, less what passes the last
  // whole grid line (11 pt).
  const double proportional = picture.frame.width * 1250 / 2000;
  BOOST_TEST(picture.frame.height == std::floor(proportional / 11) * 11,
             boost::test_tools::tolerance(1e-9));
  BOOST_TEST(proportional - picture.frame.height < 11);
  // Scaled to the width, cropped in depth: not distorted.
  BOOST_TEST(picture.scale == picture.frame.width / 2000, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_right_to_left_story_puts_the_picture_over_its_first_columns_on_the_right) {
  const auto tpl =
      pictures_template("picture_depth = \"60mm\"\ncolumn_order = \"rtl\"\npicture_columns = 2");
  const story::Story story = lead_story("");
  const compose::PageLayout layout = compose_lead(tpl, story);
  const ImageItem picture = the_picture(layout);
  BOOST_TEST(picture.frame.x == tpl.columns[2].x, boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.right() == tpl.columns[3].x + tpl.columns[3].width,
             boost::test_tools::tolerance(0.01));
  const auto columns = body_columns(layout);
  // Reading column 0 is the rightmost: under the picture; reading column 2 under the deck.
  BOOST_TEST(columns.at(0).front().left == tpl.columns[3].x, boost::test_tools::tolerance(0.01));
  BOOST_TEST(columns.at(0).front().baseline > picture.frame.bottom());
  BOOST_TEST(columns.at(2).front().baseline < picture.frame.y + 2 * kPitch);
  BOOST_TEST(placed_letters(layout) == story_letters(story));
}

BOOST_AUTO_TEST_CASE(what_does_not_fit_under_a_picture_is_overset_and_counted_never_lost) {
  const story::Story story = lead_story("columns=2");
  const auto whole = compose_lead(pictures_template("picture_depth = \"60mm\""), story);
  int total = 0;
  for (int n : lead_report(whole).lines_per_column) total += n;
  const auto tpl = pictures_template("picture_depth = \"60mm\"\nmax_depth = \"150mm\"");
  const auto layout = compose_lead(tpl, story);
  const auto& report = lead_report(layout);
  BOOST_TEST(report.overset_lines > 0);
  int placed = 0;
  for (std::size_t c = 0; c < report.lines_per_column.size(); ++c) {
    placed += report.lines_per_column[c];
    BOOST_TEST(report.lines_per_column[c] <= report.column_rows.at(c));
  }
  BOOST_TEST(placed + report.overset_lines == total);
  BOOST_TEST(report.lines_per_column[0] < report.lines_per_column[2]);
}

BOOST_AUTO_TEST_CASE(copyfit_fills_the_ragged_columns) {
  const auto tpl = pictures_template("picture_depth = \"60mm\"");
  const story::Story story = lead_story("columns=2");
  const linebreak::KnuthPlassBreaker breaker;
  const compose::ComposeContext context{test_fonts(), &test_hyphenator(), breaker, nullptr};
  compose::ComposeOptions options;
  options.copyfit = true;
  const auto layout = compose::compose_page(context, tpl, {{"lead", &story}}, {}, options);
  const auto& report = lead_report(layout);
  BOOST_TEST(report.overset_lines == 0);
  BOOST_TEST(placed_letters(layout) == story_letters(story));
}

namespace {

/// The lead's body lines in its first column, top down.
std::vector<compose::PlacedLine> first_column(const compose::PageLayout& layout) {
  return body_columns(layout).at(0);
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_inset_on_the_right_shortens_the_lines_beside_it_and_no_word_is_lost) {
  const auto tpl = pictures_template("");
  const story::Story story = lead_story("inset=right width=50%");
  const compose::PageLayout layout = compose_lead(tpl, story);
  const auto& column = tpl.columns[0];
  const ImageItem picture = the_picture(layout);
  // Half the column wide, flush with its right edge, its proportions kept (2000 x 1250).
  BOOST_TEST(picture.frame.width == column.width / 2, boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.right() == column.x + column.width, boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.height == picture.frame.width * 1250 / 2000,
             boost::test_tools::tolerance(0.01));
  const auto lines = first_column(layout);
  // Its top on the first body line's ascenders: under the deck, as without a picture.
  BOOST_TEST(picture.frame.y < lines.front().baseline);
  BOOST_TEST(picture.frame.y > lines.front().baseline - kPitch);
  story::Story without = story;
  without.pictures.clear();
  BOOST_TEST(lines.front().baseline == first_column(compose_lead(tpl, without)).front().baseline,
             boost::test_tools::tolerance(0.01));
  // Lines beside the picture and its caption: the column less the picture and the 4 pt gap,
  // from the column's left; lines well below it: the full column.
  const double caption_foot = baseline_of(layout, compose::LineRole::Caption, true);
  const double beside = column.width - column.width / 2 - 4;
  int shortened = 0, full = 0;
  for (const auto& line : lines) {
    BOOST_TEST(line.left >= column.x - 0.01);
    if (line.baseline <= caption_foot) {
      BOOST_TEST(line.measure == beside, boost::test_tools::tolerance(0.01));
      BOOST_TEST(line.left + line.width <= picture.frame.x - 4 + 0.01);
      ++shortened;
    } else if (line.baseline > caption_foot + 2 * kPitch) {
      BOOST_TEST(line.measure == column.width, boost::test_tools::tolerance(0.01));
      ++full;
    }
  }
  BOOST_TEST(shortened >= 8);
  BOOST_TEST(full > 0);
  BOOST_TEST(lead_report(layout).overset_lines == 0);
  BOOST_TEST(placed_letters(layout) == story_letters(story));
}

BOOST_AUTO_TEST_CASE(an_inset_on_the_left_moves_the_lines_beside_it_right) {
  const auto tpl = pictures_template("picture_gap = \"6pt\"");
  const story::Story story = lead_story("inset=left width=40%");
  const compose::PageLayout layout = compose_lead(tpl, story);
  const auto& column = tpl.columns[0];
  const ImageItem picture = the_picture(layout);
  BOOST_TEST(picture.frame.x == column.x, boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.width == column.width * 0.4, boost::test_tools::tolerance(0.01));
  const auto lines = first_column(layout);
  const double indent = column.width * 0.4 + 6;
  BOOST_TEST(lines.front().left == column.x + indent, boost::test_tools::tolerance(0.01));
  BOOST_TEST(lines.front().measure == column.width - indent, boost::test_tools::tolerance(0.01));
  // Below the caption the lines return to the column's left and its full measure.
  const double caption_foot = baseline_of(layout, compose::LineRole::Caption, true);
  for (const auto& line : lines)
    if (line.baseline > caption_foot + 2 * kPitch) {
      BOOST_TEST(line.left == column.x, boost::test_tools::tolerance(0.01));
      BOOST_TEST(line.measure == column.width, boost::test_tools::tolerance(0.01));
    }
  BOOST_TEST(placed_letters(layout) == story_letters(story));
}

BOOST_AUTO_TEST_CASE(copyfit_counts_the_lines_beside_an_inset_as_they_are_set) {
  const auto tpl = pictures_template("");
  const story::Story story = lead_story("inset=right");
  const linebreak::KnuthPlassBreaker breaker;
  const compose::ComposeContext context{test_fonts(), &test_hyphenator(), breaker, nullptr};
  compose::ComposeOptions options;
  options.copyfit = true;
  const auto layout = compose::compose_page(context, tpl, {{"lead", &story}}, {}, options);
  BOOST_TEST(lead_report(layout).overset_lines == 0);
  BOOST_TEST(placed_letters(layout) == story_letters(story));
  BOOST_TEST(first_column(layout).front().measure < tpl.columns[0].width - 10);
}

namespace {

/// The lead article with its fact box's title line given `options` (and the picture line's).
story::Story lead_with_box(const std::string& box_options, const std::string& picture_options) {
  std::string text = slurp(kLead);
  text = replaced(text, "Fact box: China and Russia online",
                  "Fact box: China and Russia online | " + box_options);
  if (!picture_options.empty())
    text =
        replaced(text, "| WU ZHIYI / CHINA DAILY", "| WU ZHIYI / CHINA DAILY | " + picture_options);
  return story::parse_story(text, kLead);
}

/// The fact box's frame (its rule) on the page.
Rect box_frame(const compose::PageLayout& layout) {
  for (const DisplayItem& item : layout.display.pages.at(0).items)
    if (const auto* box = std::get_if<StrokeRectItem>(&item.shape)) return box->rect;
  throw std::runtime_error("no fact box frame on the page");
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_fact_box_across_two_columns_heads_them_under_the_picture) {
  const auto tpl = pictures_template("picture_depth = \"60mm\"");
  const story::Story story = lead_with_box("columns=2", "");
  BOOST_REQUIRE_EQUAL(story.fact_boxes.size(), 1u);
  BOOST_TEST(story.fact_boxes.front().columns == 2);
  const compose::PageLayout layout = compose_lead(tpl, story);
  const auto& cols = tpl.columns;
  const Rect frame = box_frame(layout);
  const double weight = 0.75;  // page21-pictures' [fact_box] rule, drawn inside the columns
  BOOST_TEST(frame.x == cols[0].x + weight / 2, boost::test_tools::tolerance(0.01));
  BOOST_TEST(frame.right() == cols[1].x + cols[1].width - weight / 2,
             boost::test_tools::tolerance(0.01));
  const ImageItem picture = the_picture(layout);  // across all four columns
  const double caption_foot = baseline_of(layout, compose::LineRole::Caption, true);
  BOOST_TEST(frame.y > caption_foot);
  BOOST_TEST(frame.y < caption_foot + 1.5 * kPitch);  // no empty grid line above the box
  BOOST_TEST(picture.frame.width > 3 * cols[0].width);
  // The box's items are set across its two columns.
  double widest = 0;
  for (const auto& line : layout.lines)
    if (line.slot == "lead" && line.role == compose::LineRole::FactBox)
      widest = std::max(widest, line.left + line.width - cols[0].x);
  BOOST_TEST(widest > cols[0].width + 12.76);
  // Columns 1 and 2 start under the box, 3 and 4 under the picture's caption, higher.
  const auto columns = body_columns(layout);
  BOOST_TEST(columns.at(0).front().baseline > frame.bottom());
  BOOST_TEST(columns.at(1).front().baseline == columns.at(0).front().baseline,
             boost::test_tools::tolerance(0.01));
  BOOST_TEST(columns.at(2).front().baseline < frame.y + 2 * kPitch);
  BOOST_TEST(lead_report(layout).overset_lines == 0);
  BOOST_TEST(placed_letters(layout) == story_letters(story));
}

BOOST_AUTO_TEST_CASE(a_fact_box_across_columns_goes_under_a_picture_across_fewer) {
  const auto tpl = pictures_template("picture_depth = \"40mm\"");
  const story::Story story = lead_with_box("columns=3", "columns=2");
  const compose::PageLayout layout = compose_lead(tpl, story);
  const Rect frame = box_frame(layout);
  BOOST_TEST(frame.y > the_picture(layout).frame.bottom());
  BOOST_TEST(frame.right() == tpl.columns[2].x + tpl.columns[2].width - 0.75 / 2,
             boost::test_tools::tolerance(0.01));
  const auto columns = body_columns(layout);
  for (int c : {0, 1, 2}) BOOST_TEST(columns.at(c).front().baseline > frame.bottom());
  BOOST_TEST(columns.at(3).front().baseline < the_picture(layout).frame.y + 2 * kPitch);
  BOOST_TEST(placed_letters(layout) == story_letters(story));
}

BOOST_AUTO_TEST_CASE(
    a_picture_asking_for_more_columns_than_the_slot_has_spans_them_all_with_a_warning) {
  const auto tpl = pictures_template("picture_depth = \"60mm\"");
  const compose::PageLayout layout = compose_lead(tpl, lead_story("columns=6"));
  const ImageItem picture = the_picture(layout);
  BOOST_TEST(picture.frame.x == tpl.columns[0].x, boost::test_tools::tolerance(0.01));
  BOOST_TEST(picture.frame.right() == tpl.columns[3].x + tpl.columns[3].width,
             boost::test_tools::tolerance(0.01));
  const auto warned = std::find_if(layout.warnings.begin(), layout.warnings.end(),
                                   [](const auto& w) { return w.code == "picture-columns"; });
  BOOST_REQUIRE(warned != layout.warnings.end());
  BOOST_TEST(warned->message.find("6 columns") != std::string::npos, warned->message);
  BOOST_TEST(lead_report(layout).column_rows.empty());  // every column starts under it
}

// A slot too shallow for a picture at its proportions: the picture is cut so that it and its
// caption end inside the slot, and the columns beside it still take the body.
BOOST_AUTO_TEST_CASE(in_a_shallow_slot_the_picture_is_cut_to_fit_and_the_columns_beside_it_set) {
  const auto tpl = pictures_template("max_depth = \"100mm\"");
  const auto layout = compose_lead(tpl, lead_story("columns=2"));
  const compose::SlotReport* lead = nullptr;
  for (const auto& s : layout.slots)
    if (s.name == "lead") lead = &s;
  BOOST_REQUIRE(lead);
  BOOST_TEST(lead->head_fits);
  const double foot = lead->top + 100 / 25.4 * 72;
  const ImageItem picture = the_picture(layout);
  BOOST_TEST(picture.frame.bottom() < foot);
  BOOST_TEST(picture.frame.height < picture.frame.width * 1250 / 2000);  // cut in depth
  for (const auto& line : layout.lines) {
    if (line.slot != "lead") continue;
    BOOST_TEST(line.baseline <= foot, line.text);  // caption and credit included
  }
  // Columns 3 and 4, beside the picture, are set; what does not fit is overset, not lost.
  BOOST_TEST(lead->lines_per_column.at(2) > 0);
  BOOST_TEST(lead->lines_per_column.at(3) > 0);
  BOOST_TEST(lead->overset_lines > 0);
}
