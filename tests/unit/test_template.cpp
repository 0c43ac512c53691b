// The template loader: page21 as designed (templates/page21.toml, read from the repository root)
// and the errors a page designer gets, each with its line and the key's dotted name.

#define BOOST_TEST_MODULE template
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/geometry.h"
#include "template/page_template.h"
#include "template/template_values.h"

using namespace broadsheet;
using namespace broadsheet::layout_template;

namespace {

constexpr double kTolerance = 0.01;  // pt

#define CHECK_PT(actual, expected)                                   \
  BOOST_CHECK_MESSAGE(std::abs((actual) - (expected)) <= kTolerance, \
                      #actual " is " << (actual) << ", expected " << (expected))

const PageTemplate& page21() {
  static const PageTemplate loaded = load_template("templates/page21.toml");
  return loaded;
}

// A small valid template, one statement a line, so that tests can name lines by number.
const std::vector<std::string> kBase = {
    /* 1 */ "[template]",
    /* 2 */ "name = \"test\"",
    /* 3 */ "[page]",
    /* 4 */ "width = \"100mm\"",
    /* 5 */ "height = \"200mm\"",
    /* 6 */ "right_hand = true",
    /* 7 */ "[page.margins]",
    /* 8 */ "top = \"10mm\"",
    /* 9 */ "bottom = \"10mm\"",
    /* 10 */ "inside = \"15mm\"",
    /* 11 */ "outside = \"5mm\"",
    /* 12 */ "[grid]",
    /* 13 */ "columns = 2",
    /* 14 */ "gutter = \"4mm\"",
    /* 15 */ "baseline = 12",
    /* 16 */ "[styles]",
    /* 17 */ "body = { font = { family = \"F\", style = \"Regular\" }, size = 10, leading = 12 }",
    /* 18 */ "headline = { font = { family = \"F\", style = \"Bold\" }, size = 30, leading = 32 }",
    /* 19 */ "deck = { font = { family = \"F\", style = \"Italic\" }, size = 14, leading = 16 }",
    /* 20 */ "contact = { font = { family = \"F\", style = \"Italic\" }, size = 10, leading = 12 }",
};

std::string join(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

/// kBase with line `line` (1-based) replaced.
std::string with_line(int line, const std::string& replacement) {
  std::vector<std::string> lines = kBase;
  lines.at(static_cast<std::size_t>(line - 1)) = replacement;
  return join(lines);
}

/// kBase followed by `extra`; the first extra line is line 21.
std::string with_extra(const std::vector<std::string>& extra) {
  std::vector<std::string> lines = kBase;
  lines.insert(lines.end(), extra.begin(), extra.end());
  return join(lines);
}

/// Parsing must fail at `line` of "test.toml" with a message containing every one of `parts`.
void check_error(const std::string& toml, int line, const std::vector<std::string>& parts) {
  try {
    parse_template(toml, "test.toml");
    BOOST_ERROR("no error; expected one at line " << line);
  } catch (const InputError& error) {
    BOOST_TEST_INFO("message: " << error.what());
    BOOST_TEST(error.where().file == "test.toml");
    BOOST_TEST(error.where().line == line);
    for (const std::string& part : parts) {
      BOOST_CHECK_MESSAGE(error.message().find(part) != std::string::npos,
                          "'" << part << "' missing from: " << error.what());
    }
  }
}

}  // namespace

// --- page21 -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(page21_template)

BOOST_AUTO_TEST_CASE(page_size_bleed_and_margins) {
  const PageTemplate& t = page21();
  BOOST_TEST(t.name == "page21");
  BOOST_TEST(t.file == "templates/page21.toml");
  CHECK_PT(t.page.width, 1105.51);
  CHECK_PT(t.page.height, 1544.88);
  CHECK_PT(t.page.bleed, mm_to_pt(3));
  CHECK_PT(t.page.margins.top, mm_to_pt(16));
  CHECK_PT(t.page.margins.bottom, mm_to_pt(20));
  CHECK_PT(t.page.margins.inside, 56.69);
  CHECK_PT(t.page.margins.outside, 56.69);
  BOOST_TEST(t.page.right_hand);
}

BOOST_AUTO_TEST_CASE(type_and_story_areas) {
  const PageTemplate& t = page21();
  CHECK_PT(t.type_area.x, 56.69);
  CHECK_PT(t.type_area.y, mm_to_pt(16));
  CHECK_PT(t.type_area.width, mm_to_pt(350));
  CHECK_PT(t.type_area.height, mm_to_pt(509));
  // Below the 10 mm folio band and its 4 mm gap.
  CHECK_PT(t.story_area.x, t.type_area.x);
  CHECK_PT(t.story_area.width, t.type_area.width);
  CHECK_PT(t.story_area.y, mm_to_pt(30));
  CHECK_PT(t.story_area.height, mm_to_pt(495));
  CHECK_PT(t.story_area.bottom(), t.type_area.bottom());
}

BOOST_AUTO_TEST_CASE(six_equal_columns) {
  const PageTemplate& t = page21();
  BOOST_TEST(t.grid.columns == 6);
  CHECK_PT(t.grid.gutter, mm_to_pt(4.5));
  CHECK_PT(t.grid.baseline, 11.0);
  CHECK_PT(t.grid.first_baseline, 11.0);
  BOOST_TEST_REQUIRE(t.columns.size() == 6u);
  for (const ColumnRegion& column : t.columns) CHECK_PT(column.width, 154.72);
  CHECK_PT(t.columns[0].x, 56.69);  // the inside margin, on the left of a right-hand page
  for (std::size_t i = 1; i < t.columns.size(); ++i) {
    CHECK_PT(t.columns[i].x - (t.columns[i - 1].x + t.columns[i - 1].width), t.grid.gutter);
  }
  CHECK_PT(t.columns[3].x + t.columns[3].width, 713.86);  // right edge of the lead's measure
  CHECK_PT(t.columns[5].x + t.columns[5].width, t.type_area.right());
  CHECK_PT(t.type_area.right(), t.page.width - 56.69);
}

BOOST_AUTO_TEST_CASE(body_style) {
  const TextStyle& body = page21().style("body");
  BOOST_TEST(body.name == "body");
  BOOST_TEST(body.font.family == "TeX Gyre Termes");
  BOOST_TEST(body.font.style == "Regular");
  CHECK_PT(body.size, 9.5);
  CHECK_PT(body.leading, 11.0);
  BOOST_TEST((body.align == Align::Justify));
  CHECK_PT(body.first_line_indent, 1.0);
  BOOST_TEST(body.hyphenate);
  // optical_margins is a design choice left to the template (hanging punctuation moves line
  // ends off the column edges that page21's checks measure), so it is not pinned here.
  BOOST_TEST(!body.uppercase);
  BOOST_TEST((body.color == Color{0, 0, 0}));
  BOOST_TEST(body.source_line > 0);
  const Justification& j = body.justification;
  CHECK_PT(j.word_space_min, 0.80);
  CHECK_PT(j.word_space_desired, 1.00);
  CHECK_PT(j.word_space_max, 1.33);
  CHECK_PT(j.letter_space_min, -0.02);
  CHECK_PT(j.letter_space_desired, 0.0);
  CHECK_PT(j.letter_space_max, 0.02);
}

BOOST_AUTO_TEST_CASE(display_and_folio_styles) {
  const PageTemplate& t = page21();
  const TextStyle& headline = t.style("headline");
  BOOST_TEST(headline.font.style == "Bold");
  CHECK_PT(headline.size, 52.0);
  CHECK_PT(headline.leading, 54.0);
  BOOST_TEST((headline.align == Align::Left));
  const TextStyle& deck = t.style("deck");
  BOOST_TEST(deck.font.style == "Italic");
  CHECK_PT(deck.size, 16.0);
  CHECK_PT(deck.leading, 19.0);
  const TextStyle& contact = t.style("contact");
  BOOST_TEST(contact.font.style == "Italic");
  CHECK_PT(contact.size, 9.5);
  CHECK_PT(contact.leading, 11.0);
  // The byline as China Daily sets it: small bold sans capitals (design/page21.md).
  const TextStyle& byline = t.style("byline");
  BOOST_TEST(byline.font.family == "TeX Gyre Heros");
  BOOST_TEST(byline.font.style == "Bold");
  CHECK_PT(byline.size, 8.0);
  BOOST_TEST(byline.uppercase);
  BOOST_TEST(t.style("kicker").uppercase);
  BOOST_TEST(t.style("dateline").font.style == "Bold");
  BOOST_TEST(t.smart_quotes);
  const TextStyle& flag = t.style("flag");
  BOOST_TEST(flag.font.family == "TeX Gyre Heros");
  BOOST_TEST(flag.font.style == "Bold");
  BOOST_TEST(flag.uppercase);
  BOOST_TEST((flag.color == Color{1, 1, 1}));
  BOOST_TEST(t.style("folio").uppercase);
  BOOST_TEST(!t.style("folio_small").uppercase);
  BOOST_TEST(t.style("folio_page").font.style == "Bold");
  // With subhead, jump, kicker, dateline, drop_cap, caption, credit, pull_quote and the fact
  // box's three.
  BOOST_TEST(t.styles.size() == 20u);
}

BOOST_AUTO_TEST_CASE(folio_band_and_items) {
  const PageTemplate& t = page21();
  BOOST_TEST_REQUIRE(t.folio.has_value());
  const Folio& folio = *t.folio;
  CHECK_PT(folio.depth, mm_to_pt(10));
  CHECK_PT(folio.rule_weight, 0.75);
  BOOST_TEST((folio.rule_color == Color{0, 0, 0}));
  CHECK_PT(folio.gap_below, mm_to_pt(4));
  BOOST_TEST_REQUIRE(folio.items.size() == 4u);

  const FolioItem& flag = folio.items[0];
  BOOST_TEST(flag.text == "BUSINESS");
  BOOST_TEST(flag.style == "flag");
  BOOST_TEST((flag.anchor == FolioAnchor::Inside));
  BOOST_TEST_REQUIRE(flag.background.has_value());
  BOOST_TEST((*flag.background == Color{0x1F / 255.0, 0x4E / 255.0, 0x9C / 255.0}));
  BOOST_TEST(flag.padding > 0);

  BOOST_TEST(folio.items[1].text == "{PUBLICATION}   {weekday}, {month} {day}, {year}");
  BOOST_TEST((folio.items[1].anchor == FolioAnchor::Center));
  BOOST_TEST(folio.items[2].text == "chinadaily.com.cn");
  BOOST_TEST(folio.items[2].offset > 0);
  BOOST_TEST(!folio.items[2].background.has_value());
  BOOST_TEST(folio.items[3].text == "{page}");
  BOOST_TEST(folio.items[3].style == "folio_page");
  BOOST_TEST((folio.items[3].anchor == FolioAnchor::Outside));
  for (const FolioItem& item : folio.items) BOOST_TEST(t.styles.count(item.style) == 1u);
}

BOOST_AUTO_TEST_CASE(slots_in_fill_order) {
  const PageTemplate& t = page21();
  BOOST_TEST_REQUIRE(t.slots.size() == 4u);
  BOOST_TEST(t.slots[0].name == "lead");
  BOOST_TEST(t.slots[1].name == "rail");
  BOOST_TEST(t.slots[2].name == "second");
  BOOST_TEST(t.slots[3].name == "ad");

  const Slot& lead = *t.find_slot("lead");
  BOOST_TEST((lead.kind == SlotKind::Story));
  BOOST_TEST((lead.place == SlotPlace::Top));
  BOOST_TEST(lead.first_column == 1);
  BOOST_TEST(lead.last_column == 4);
  CHECK_PT(lead.headline_min_size, 36.0);
  CHECK_PT(lead.headline_max_size, 52.0);
  BOOST_TEST(lead.headline_max_lines == 2);
  BOOST_TEST(lead.deck_max_lines == 3);
  BOOST_TEST(lead.headline_style == "headline");
  BOOST_TEST(lead.body_style == "body");
  BOOST_TEST(std::isinf(lead.max_depth));

  const Slot& rail = *t.find_slot("rail");
  BOOST_TEST(rail.first_column == 5);
  BOOST_TEST(rail.last_column == 6);
  CHECK_PT(rail.headline_min_size, 24.0);
  CHECK_PT(rail.headline_max_size, 30.0);
  BOOST_TEST(rail.headline_max_lines == 3);

  const Slot& second = *t.find_slot("second");
  BOOST_TEST((second.place == SlotPlace::Below));
  BOOST_TEST((second.below == std::vector<std::string>{"lead", "rail"}));
  BOOST_TEST(second.first_column == 1);
  BOOST_TEST(second.last_column == 6);

  const Slot& ad = *t.find_slot("ad");
  BOOST_TEST((ad.kind == SlotKind::Advertisement));
  BOOST_TEST((ad.place == SlotPlace::Bottom));
  CHECK_PT(ad.depth, mm_to_pt(240));
  BOOST_TEST(ad.label == "Advertisement 350 × 240 mm");
  BOOST_TEST(ad.source_line > lead.source_line);

  BOOST_TEST(t.find_slot("sports") == nullptr);
}

BOOST_AUTO_TEST_CASE(story_rule) {
  CHECK_PT(page21().story_rule_weight, 0.5);
  BOOST_TEST((page21().story_rule_color == Color{128 / 255.0, 128 / 255.0, 128 / 255.0}));
}

BOOST_AUTO_TEST_CASE(missing_style_names_the_template_file) {
  try {
    page21().style("sidebar");
    BOOST_ERROR("no error for a missing style");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().file == "templates/page21.toml");
    BOOST_TEST(error.message().find("sidebar") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

// --- resolution rules on small templates ------------------------------------------------------

BOOST_AUTO_TEST_SUITE(resolution)

BOOST_AUTO_TEST_CASE(base_template_defaults) {
  const PageTemplate t = parse_template(join(kBase), "test.toml");
  CHECK_PT(t.type_area.x, mm_to_pt(15));  // inside margin, left on a right-hand page
  CHECK_PT(t.type_area.width, mm_to_pt(80));
  CHECK_PT(t.grid.first_baseline, 12.0);  // defaults to one baseline
  BOOST_TEST(!t.folio.has_value());
  CHECK_PT(t.story_area.y, t.type_area.y);  // no folio: the story area is the type area
  CHECK_PT(t.story_area.height, t.type_area.height);
  BOOST_TEST_REQUIRE(t.columns.size() == 2u);
  CHECK_PT(t.columns[0].width, mm_to_pt(38));
  CHECK_PT(t.columns[1].x, mm_to_pt(15 + 38 + 4));
  CHECK_PT(t.page.bleed, 0.0);
  BOOST_TEST(t.slots.empty());
  BOOST_TEST(t.story_rule_weight == 0.0);
}

BOOST_AUTO_TEST_CASE(left_hand_page_puts_the_inside_margin_on_the_right) {
  const PageTemplate t = parse_template(with_line(6, "right_hand = false"), "test.toml");
  CHECK_PT(t.type_area.x, mm_to_pt(5));
  CHECK_PT(t.type_area.right(), mm_to_pt(100 - 15));
}

BOOST_AUTO_TEST_CASE(length_units) {
  using detail::parse_length_text;
  CHECK_PT(*parse_length_text("1in", nullptr), 72.0);
  CHECK_PT(*parse_length_text("2cm", nullptr), 56.69);
  CHECK_PT(*parse_length_text("3pc", nullptr), 36.0);
  CHECK_PT(*parse_length_text("0.75pt", nullptr), 0.75);
  CHECK_PT(*parse_length_text("16 mm", nullptr), 45.35);
  CHECK_PT(*parse_length_text("-4.5mm", nullptr), -12.76);
  std::string why;
  BOOST_TEST(!parse_length_text("16", &why));
  BOOST_TEST(why.find("unit") != std::string::npos);
  BOOST_TEST(!parse_length_text("mm", &why));
  // Numbers are points.
  const PageTemplate t = parse_template(with_line(14, "gutter = 11.5"), "test.toml");
  CHECK_PT(t.grid.gutter, 11.5);
}

BOOST_AUTO_TEST_CASE(em_values_as_numbers_or_strings) {
  const PageTemplate t = parse_template(
      with_extra({"[styles.flag]", "font = { family = \"F\", style = \"Bold\" }", "size = 16",
                  "leading = 16", "tracking = \"0.05em\"", "first_line_indent = 2"}),
      "test.toml");
  CHECK_PT(t.style("flag").tracking, 0.05);
  CHECK_PT(t.style("flag").first_line_indent, 2.0);
  check_error(with_extra({"[styles.flag]", "font = { family = \"F\", style = \"Bold\" }",
                          "size = 16", "leading = 16", "tracking = \"1mm\""}),
              25, {"styles.flag.tracking", "em"});
}

BOOST_AUTO_TEST_CASE(folio_depth_moves_the_story_area) {
  const PageTemplate t =
      parse_template(with_extra({"[folio]", "depth = \"8mm\"", "[[folio.item]]",
                                 "text = \"{PUBLICATION}\"", "style = \"body\""}),
                     "test.toml");
  BOOST_TEST_REQUIRE(t.folio.has_value());
  CHECK_PT(t.story_area.y, mm_to_pt(18));
}

BOOST_AUTO_TEST_CASE(slot_with_single_column_and_depth_limits) {
  const PageTemplate t =
      parse_template(with_extra({"[[slot]]", "name = \"brief\"", "columns = 2",
                                 "min_depth = \"20mm\"", "max_depth = \"90mm\""}),
                     "test.toml");
  const Slot& brief = t.slots.at(0);
  BOOST_TEST(brief.first_column == 2);
  BOOST_TEST(brief.last_column == 2);
  CHECK_PT(brief.min_depth, mm_to_pt(20));
  CHECK_PT(brief.max_depth, mm_to_pt(90));
  BOOST_TEST(brief.headline_min_size == 0.0);  // not fitted: the style's size
}

BOOST_AUTO_TEST_CASE(furniture_styles_drop_cap_and_smart_quotes) {
  const PageTemplate t = parse_template(
      with_extra({"[[slot]]", "name = \"lead\"", "columns = [1, 2]", "kicker_style = \"deck\"",
                  "byline_style = \"contact\"", "dateline_style = \"headline\"",
                  "drop_cap_style = \"headline\"", "drop_cap_lines = 3"}),
      "test.toml");
  const Slot& lead = t.slots.at(0);
  BOOST_TEST(lead.kicker_style == "deck");
  BOOST_TEST(lead.byline_style == "contact");
  BOOST_TEST(lead.dateline_style == "headline");
  BOOST_TEST(lead.drop_cap_style == "headline");
  BOOST_TEST(lead.drop_cap_lines == 3);
  BOOST_TEST(!t.smart_quotes);
  const PageTemplate defaults =
      parse_template(with_extra({"[[slot]]", "name = \"lead\"", "columns = 1"}), "test.toml");
  BOOST_TEST(defaults.slots.at(0).kicker_style == "kicker");  // optional: not defined here
  BOOST_TEST(defaults.slots.at(0).drop_cap_lines == 0);
  BOOST_TEST(
      parse_template(with_line(2, "name = \"t\"\nsmart_quotes = true"), "t.toml").smart_quotes);
}

BOOST_AUTO_TEST_SUITE_END()

// --- errors: each names the file, the key's line and the dotted key ------------------------------

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(unknown_key) {
  check_error(with_line(13, "colums = 2"), 13, {"unknown key 'colums' in [grid]", "'columns'"});
  check_error(with_extra({"[colour]"}), 21, {"unknown key 'colour' at the top level"});
}

BOOST_AUTO_TEST_CASE(wrong_type) {
  check_error(with_line(8, "top = true"), 8,
              {"page.margins.top: expected a length, got a boolean"});
  check_error(with_line(13, "columns = \"six\""), 13, {"grid.columns: expected an integer"});
  check_error(with_line(17, "body = { font = \"Termes\", size = 10, leading = 12 }"), 17,
              {"styles.body.font: expected a table"});
}

BOOST_AUTO_TEST_CASE(furniture_keys) {
  check_error(with_extra({"[[slot]]", "name = \"lead\"", "columns = 1", "byline_style = \"by\""}),
              24, {"slot[0].byline_style", "'by'"});
  check_error(with_extra({"[[slot]]", "name = \"lead\"", "columns = 1", "drop_cap_lines = 11"}), 24,
              {"slot[0].drop_cap_lines", "0 (no drop cap) to 10"});
  check_error(with_extra({"[[slot]]", "name = \"ad\"", "kind = \"advertisement\"", "columns = 1",
                          "depth = 100", "kicker_style = \"deck\""}),
              26, {"only story slots"});
  check_error(with_line(2, "name = \"t\"\nsmart_quotes = 1"), 3, {"template.smart_quotes"});
}

BOOST_AUTO_TEST_CASE(zero_columns) {
  check_error(with_line(13, "columns = 0"), 13, {"grid.columns: must be at least 1, got 0"});
}

BOOST_AUTO_TEST_CASE(columns_with_no_width) {
  check_error(with_line(14, "gutter = \"90mm\""), 14, {"grid.gutter", "columns"});
}

BOOST_AUTO_TEST_CASE(margins_wider_than_the_page) {
  check_error(with_line(11, "outside = \"90mm\""), 11, {"page.margins.outside", "no type area"});
  check_error(with_line(9, "bottom = \"195mm\""), 9, {"page.margins.bottom", "no type area"});
}

BOOST_AUTO_TEST_CASE(missing_required_key) {
  check_error(with_line(14, "# no gutter"), 12, {"grid.gutter: required key missing"});
  std::vector<std::string> no_page = kBase;
  no_page.erase(no_page.begin() + 2, no_page.begin() + 11);  // [page] and [page.margins]
  check_error(join(no_page), 0, {"page: required key missing"});
}

BOOST_AUTO_TEST_CASE(bad_colour) {
  check_error(with_extra({"[story_rule]", "weight = \"0.5pt\"", "color = \"grey\""}), 23,
              {"story_rule.color", "#RRGGBB", "\"grey\""});
}

BOOST_AUTO_TEST_CASE(bad_unit) {
  check_error(with_line(10, "inside = \"16 furlongs\""), 10,
              {"page.margins.inside: unknown unit 'furlongs' in \"16 furlongs\""});
  check_error(with_line(10, "inside = \"16\""), 10, {"page.margins.inside", "no unit"});
}

BOOST_AUTO_TEST_CASE(toml_syntax_error) {
  check_error(with_line(15, "baseline = = 12"), 15, {"TOML syntax error"});
}

BOOST_AUTO_TEST_CASE(style_values) {
  check_error(with_extra({"[styles.x]", "font = { family = \"F\", style = \"R\" }", "size = 0",
                          "leading = 12"}),
              23, {"styles.x.size: must be more than 0"});
  check_error(with_extra({"[styles.x]", "font = { family = \"F\", style = \"R\" }", "size = 9",
                          "leading = 11", "align = \"centre\""}),
              25, {"styles.x.align", "justify, left, center or right"});
  check_error(
      with_extra({"[styles.x]", "font = { family = \"F\", style = \"R\" }", "size = 9",
                  "leading = 11", "[styles.x.justification]", "word_space = [1.2, 1.0, 1.33]"}),
      26, {"styles.x.justification.word_space", "min <= desired <= max"});
  check_error(
      with_extra({"[styles.x]", "font = { family = \"F\", style = \"R\" }", "size = 9",
                  "leading = 11", "[styles.x.justification]", "glyph_scaling = [0.4, 1.0, 1.02]"}),
      26, {"styles.x.justification.glyph_scaling", "[0.5, 2.0]", "0.4"});
}

BOOST_AUTO_TEST_CASE(glyph_scaling_is_off_unless_a_style_asks) {
  const auto& off = page21().style("body").justification;
  BOOST_TEST(!off.scales_glyphs());
  const auto tpl = parse_template(
      with_extra({"[styles.x]", "font = { family = \"F\", style = \"R\" }", "size = 9",
                  "leading = 11", "[styles.x.justification]", "glyph_scaling = [0.98, 1.0, 1.02]"}),
      "test.toml");
  const auto& on = tpl.style("x").justification;
  BOOST_TEST(on.scales_glyphs());
  CHECK_PT(on.glyph_scale_min, 0.98);
  CHECK_PT(on.glyph_scale_desired, 1.0);
  CHECK_PT(on.glyph_scale_max, 1.02);
}

BOOST_AUTO_TEST_CASE(slot_errors) {
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = [1, 3]"}), 23,
              {"slot[0].columns", "column 3 is outside the grid"});
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = [2, 1]"}), 23,
              {"slot[0].columns", "first column 2 is after last column 1"});
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = [1, 2]", "[[slot]]",
                          "name = \"a\"", "columns = 1"}),
              25, {"slot[1].name", "duplicate slot name 'a'"});
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = 1", "headline_size = [52, 36]"}),
              24, {"slot[0].headline_size", "minimum 52 pt is larger than maximum 36 pt"});
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = 1", "body_style = \"text\""}), 24,
              {"slot[0].body_style", "unknown style 'text'"});
  check_error(with_extra({"[[slot]]", "name = \"ad\"", "kind = \"advertisement\"", "columns = 1"}),
              21, {"slot[0].depth: required key missing"});
  check_error(with_extra({"[[slot]]", "name = \"ad\"", "kind = \"advertisement\"", "columns = 1",
                          "depth = \"30mm\"", "deck_max_lines = 2"}),
              26, {"slot[0].deck_max_lines", "only story slots"});
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = [1, 2]", "[[slot]]",
                          "name = \"b\"", "columns = 2"}),
              26, {"slot[1].columns", "overlap slot 'a'"});
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = 1", "depth = \"900mm\""}), 24,
              {"slot[0].depth", "deeper than the story area"});
}

BOOST_AUTO_TEST_CASE(unknown_slot_in_below) {
  check_error(with_extra({"[[slot]]", "name = \"lead\"", "columns = [1, 2]", "[[slot]]",
                          "name = \"second\"", "columns = [1, 2]", "place = \"below\"",
                          "below = [\"lead\", \"rail\"]"}),
              28, {"slot[1].below[1]", "unknown slot 'rail'"});
  check_error(with_extra({"[[slot]]", "name = \"a\"", "columns = 1", "place = \"below\""}), 21,
              {"slot[0].below: required key missing"});
}

BOOST_AUTO_TEST_CASE(folio_errors) {
  check_error(with_extra({"[folio]", "depth = \"8mm\"", "[[folio.item]]", "text = \"{page}\"",
                          "style = \"flag\""}),
              25, {"folio.item[0].style", "unknown style 'flag'"});
  check_error(with_extra({"[folio]", "depth = \"8mm\"", "[[folio.item]]", "text = \"{wekday}\"",
                          "style = \"body\""}),
              24, {"folio.item[0].text", "unknown field '{wekday}'"});
  check_error(with_extra({"[folio]", "depth = \"8mm\"", "[[folio.item]]", "text = \"x\"",
                          "style = \"body\"", "anchor = \"left\""}),
              26, {"folio.item[0].anchor", "inside, center or outside"});
  check_error(with_extra({"[folio]", "depth = \"190mm\""}), 22, {"folio.depth", "no story area"});
}

BOOST_AUTO_TEST_CASE(unreadable_file) {
  try {
    load_template("templates/no_such_template.toml");
    BOOST_ERROR("no error for a missing file");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().file == "templates/no_such_template.toml");
  }
}

BOOST_AUTO_TEST_SUITE_END()
