// The template loader: TOML -> PageTemplate, validated key by key and resolved once into fixed
// geometry. The format is documented in templates/README.md; keep the two in step.
//
// Reading order follows what each part needs, not the file's order: page (-> type area), styles,
// folio (-> story area), grid (-> columns), story rule, slots (which check against all of them).

#include <algorithm>

#include "core/bounded_read.h"
#include "core/limits.h"
#include "template/page_template.h"
#include "template/template_print.h"
#include "template/template_regions.h"
#include "template/template_values.h"
#include "text/language.h"

namespace broadsheet::layout_template {
namespace {

using namespace detail;  // the checked readers: Field, TableView, read_*, fail

// --- page and grid ----------------------------------------------------------------------------

PageGeometry read_page(const TableView& root) {
  const TableView page = open_table(root.require("page", "a table [page]"),
                                    {"width", "height", "bleed", "right_hand", "margins"});
  PageGeometry geometry;
  geometry.width = read_positive_length(page.require("width", kLengthExpected));
  geometry.height = read_positive_length(page.require("height", kLengthExpected));
  if (auto bleed = page.find("bleed")) geometry.bleed = read_non_negative_length(*bleed);
  if (auto right_hand = page.find("right_hand")) geometry.right_hand = read_bool(*right_hand);

  const TableView margins = open_table(page.require("margins", "a table [page.margins]"),
                                       {"top", "bottom", "inside", "outside"});
  const Field top = margins.require("top", kLengthExpected);
  const Field bottom = margins.require("bottom", kLengthExpected);
  const Field inside = margins.require("inside", kLengthExpected);
  const Field outside = margins.require("outside", kLengthExpected);
  Margins& m = geometry.margins;
  m.top = read_non_negative_length(top);
  m.bottom = read_non_negative_length(bottom);
  m.inside = read_non_negative_length(inside);
  m.outside = read_non_negative_length(outside);
  if (m.inside + m.outside >= geometry.width) {
    fail(outside, "inside + outside margins (" + format_points(m.inside + m.outside) +
                      ") leave no type area on a page " + format_points(geometry.width) + " wide");
  }
  if (m.top + m.bottom >= geometry.height) {
    fail(bottom, "top + bottom margins (" + format_points(m.top + m.bottom) +
                     ") leave no type area on a page " + format_points(geometry.height) + " high");
  }
  return geometry;
}

/// The trim minus the margins; the inside margin is on the left of a right-hand page.
Rect type_area_of(const PageGeometry& page) {
  const Margins& m = page.margins;
  return Rect{page.right_hand ? m.inside : m.outside, m.top, page.width - m.inside - m.outside,
              page.height - m.top - m.bottom};
}

/// The type area below the folio band and its gap.
Rect story_area_of(const Rect& type_area, const std::optional<Folio>& folio) {
  Rect area = type_area;
  if (folio) {
    const double furniture = folio->depth + folio->gap_below;
    area.y += furniture;
    area.height -= furniture;
  }
  return area;
}

// Columns narrower than this are a mistake in the template, not a design.
constexpr double kMinColumnWidth = 1.0;  // pt

Grid read_grid(const TableView& root, const Rect& type_area, const Rect& story_area) {
  const TableView table = open_table(root.require("grid", "a table [grid]"),
                                     {"columns", "gutter", "baseline", "first_baseline"});
  Grid grid;
  const Field columns = table.require("columns", "an integer");
  grid.columns = read_integer(columns);
  if (grid.columns < 1) {
    fail(columns, "must be at least 1, got " + show_value(*columns.node));
  }
  if (grid.columns > limits::kColumns) {
    fail(columns, "more than the limit of " + std::to_string(limits::kColumns) + " columns, got " +
                      show_value(*columns.node));
  }
  const Field gutter = table.require("gutter", kLengthExpected);
  grid.gutter = read_non_negative_length(gutter);
  grid.baseline = read_positive_length(table.require("baseline", kLengthExpected));
  grid.first_baseline = grid.baseline;  // default: one grid line below the story area's top
  if (auto first = table.find("first_baseline")) {
    grid.first_baseline = read_positive_length(*first);
    if (grid.first_baseline >= story_area.height) {
      fail(*first, format_points(grid.first_baseline) + " is below the story area, which is " +
                       format_points(story_area.height) + " deep");
    }
  }
  const double gutters = (grid.columns - 1) * grid.gutter;
  const double column_width = (type_area.width - gutters) / grid.columns;
  if (column_width < kMinColumnWidth) {
    fail(grid.gutter > 0 ? gutter : columns,
         std::to_string(grid.columns) + " columns and " + std::to_string(grid.columns - 1) +
             " gutters of " + format_points(grid.gutter) + " leave columns " +
             format_points(column_width) + " wide in a type area " +
             format_points(type_area.width) + " wide");
  }
  return grid;
}

/// Equal columns across the type area, left to right.
std::vector<ColumnRegion> column_regions(const Rect& type_area, const Grid& grid) {
  const double width = (type_area.width - (grid.columns - 1) * grid.gutter) / grid.columns;
  std::vector<ColumnRegion> columns;
  for (int i = 0; i < grid.columns; ++i) {
    columns.push_back(ColumnRegion{type_area.x + i * (width + grid.gutter), width});
  }
  return columns;
}

// --- styles -----------------------------------------------------------------------------------

FontRef read_font(const Field& field) {
  if (!field.node->is_table()) {
    fail(field, "expected a table { family = \"...\", style = \"...\" }, got " +
                    describe_type(*field.node));
  }
  const TableView table = open_table(field, {"family", "style"});
  return FontRef{read_name(table.require("family", "a string, e.g. \"TeX Gyre Termes\"")),
                 read_name(table.require("style", "a string, e.g. \"Regular\""))};
}

/// "[a, b, c]" for error messages.
std::string format_range(const std::vector<double>& range) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
  std::string out = "[";
  for (std::size_t i = 0; i < range.size(); ++i) {
    if (i > 0) out += ", ";
    out += format_number(range[i]);
  }
  out += "]";
  return out;
}

/// [min, desired, max], ordered.
std::vector<double> read_space_range(const Field& field) {
  const std::vector<double> range = read_numbers(field, 3);
  if (!(range[0] <= range[1] && range[1] <= range[2]))
    fail(field,
         "expected [min, desired, max] with min <= desired <= max, got " + format_range(range));
  return range;
}

Justification read_justification(const Field& field) {
  const TableView table = open_table(field, {"word_space", "letter_space", "glyph_scaling"});
  Justification justification;
  if (auto word_space = table.find("word_space")) {
    const std::vector<double> range = read_space_range(*word_space);
    if (range[0] < 0) {
      fail(*word_space,
           "the minimum word space must not be negative, got " + format_number(range[0]));
    }
    justification.word_space_min = range[0];
    justification.word_space_desired = range[1];
    justification.word_space_max = range[2];
  }
  if (auto letter_space = table.find("letter_space")) {
    const std::vector<double> range = read_space_range(*letter_space);
    justification.letter_space_min = range[0];
    justification.letter_space_desired = range[1];
    justification.letter_space_max = range[2];
  }
  if (auto glyph_scaling = table.find("glyph_scaling")) {
    const std::vector<double> range = read_space_range(*glyph_scaling);
    // InDesign's own limits; beyond a few per cent letters visibly distort.
    if (range[0] < 0.5 || range[2] > 2.0) {
      fail(*glyph_scaling,
           "glyph scaling must stay within [0.5, 2.0] (50 % to 200 %), got " + format_range(range));
    }
    justification.glyph_scale_min = range[0];
    justification.glyph_scale_desired = range[1];
    justification.glyph_scale_max = range[2];
  }
  return justification;
}

/// OpenType feature settings: a tag of four letters or digits, "+" or "-" before it or "=N"
/// after it ("onum", "-liga", "salt=2").
std::vector<std::string> read_features(const Field& field) {
  std::vector<std::string> features;
  for (const Field& element : array_elements(field)) {
    const std::string feature = read_string(element);
    const std::size_t start = !feature.empty() && (feature[0] == '+' || feature[0] == '-') ? 1 : 0;
    const std::size_t equals = feature.find('=');
    const std::string tag =
        feature.substr(start, equals == std::string::npos ? equals : equals - start);
    const std::string value = equals == std::string::npos ? "0" : feature.substr(equals + 1);
    const auto alnum = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    const bool ok = tag.size() == 4 && std::all_of(tag.begin(), tag.end(), alnum) &&
                    !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
    if (!ok)
      fail(element, "expected an OpenType feature such as \"onum\", \"-liga\" or \"salt=2\"");
    features.push_back(feature);
  }
  return features;
}

/// A style's `language`: a BCP 47 tag ICU knows.
std::string read_language(const Field& field) {
  std::string tag = read_string(field);
  if (!text::is_valid_language_tag(tag))
    fail(field, "expected a BCP 47 language tag such as \"en\" or \"zh-Hant\", got " +
                    show_value(*field.node));
  return tag;
}

TextStyle read_style(const Field& field) {
  const TableView table = open_table(
      field, {"font", "size", "leading", "align", "first_line_indent", "hyphenate",
              "hyphenate_capitalized", "optical_margins", "uppercase", "tracking", "space_before",
              "space_after", "color", "justification", "features", "direction", "language"});
  TextStyle style;
  style.name = field.key;
  style.source_line = field.where.line;
  style.font = read_font(table.require("font", "a table { family = \"...\", style = \"...\" }"));
  style.size = read_positive_length(table.require("size", kLengthExpected));
  style.leading = read_positive_length(table.require("leading", kLengthExpected));
  if (auto align = table.find("align")) {
    style.align = read_enum<Align>(*align, {{"justify", Align::Justify},
                                            {"left", Align::Left},
                                            {"center", Align::Center},
                                            {"right", Align::Right}});
  }
  if (auto indent = table.find("first_line_indent")) {
    style.first_line_indent = read_em(*indent);
    if (style.first_line_indent < 0) {
      fail(*indent, "must not be negative, got " + show_value(*indent->node));
    }
  }
  if (auto f = table.find("hyphenate")) style.hyphenate = read_bool(*f);
  if (auto f = table.find("hyphenate_capitalized")) style.hyphenate_capitalized = read_bool(*f);
  if (auto f = table.find("optical_margins")) style.optical_margins = read_bool(*f);
  if (auto f = table.find("uppercase")) style.uppercase = read_bool(*f);
  if (auto f = table.find("tracking")) style.tracking = read_em(*f);
  if (auto f = table.find("space_before")) style.space_before = read_non_negative_length(*f);
  if (auto f = table.find("space_after")) style.space_after = read_non_negative_length(*f);
  if (auto f = table.find("color")) style.color = read_color(*f);
  if (auto f = table.find("justification")) style.justification = read_justification(*f);
  if (auto f = table.find("features")) style.features = read_features(*f);
  if (auto f = table.find("direction"))
    style.direction = read_enum<TextDirection>(*f, {{"auto", TextDirection::Auto},
                                                    {"ltr", TextDirection::LeftToRight},
                                                    {"rtl", TextDirection::RightToLeft}});
  if (auto f = table.find("language")) style.language = read_language(*f);
  return style;
}

std::map<std::string, TextStyle> read_styles(const TableView& root) {
  const Field field = root.require("styles", "a table of styles such as [styles.body]");
  const std::vector<Field> entries = table_entries(field);
  if (entries.empty()) fail(field, "define at least one style, e.g. [styles.body]");
  std::map<std::string, TextStyle> styles;
  for (const Field& entry : entries) styles.emplace(entry.key, read_style(entry));
  return styles;
}

/// [story_rule]: the rule between stories.
struct StoryRule {
  double weight = 0;
  Color color;
};

toml::table parse_document(const std::string& text, const std::string& file) {
  try {
    return toml::parse(std::string_view(text), std::string_view(file));
  } catch (const toml::parse_error& error) {
    const toml::source_position begin = error.source().begin;
    throw InputError(
        SourceLocation{file, static_cast<int>(begin.line), static_cast<int>(begin.column)},
        "TOML syntax error: " + std::string(error.description()));
  }
}

StoryRule read_story_rule(const Field& field) {
  const TableView table = open_table(field, {"weight", "color"});
  StoryRule rule;
  rule.weight = read_non_negative_length(table.require("weight", kLengthExpected));
  if (auto color = table.find("color")) rule.color = read_color(*color);
  return rule;
}

FactBoxFrame read_fact_box_frame(const Field& field) {
  const TableView table = open_table(field, {"weight", "color", "padding", "tint"});
  FactBoxFrame frame;
  if (auto f = table.find("weight")) frame.weight = read_non_negative_length(*f);
  if (auto f = table.find("color")) frame.color = read_color(*f);
  if (auto f = table.find("padding")) frame.padding = read_non_negative_length(*f);
  if (auto f = table.find("tint")) frame.tint = read_color(*f);
  return frame;
}

}  // namespace

PageTemplate parse_template(const std::string& toml_text, const std::string& file_name) {
  if (toml_text.size() > limits::kTemplateBytes)  // text from the library's callers, too
    throw InputError(SourceLocation{file_name}, "template larger than the limit of 1 MB");
  const toml::table document = parse_document(toml_text, file_name);
  const TableView root = root_view(document, file_name,
                                   {"template", "page", "grid", "story_rule", "styles", "folio",
                                    "slot", "decoration", "print", "fact_box"});

  PageTemplate result;
  result.file = file_name;
  const TableView about = open_table(root.require("template", "a table [template] with a name"),
                                     {"name", "smart_quotes"});
  result.name = read_name(about.require("name", "a string"));
  if (auto f = about.find("smart_quotes")) result.smart_quotes = read_bool(*f);

  result.page = read_page(root);
  result.type_area = type_area_of(result.page);
  result.styles = read_styles(root);
  if (auto folio = root.find("folio")) {
    result.folio = read_folio(*folio, result.styles, result.type_area.height);
  }
  result.story_area = story_area_of(result.type_area, result.folio);
  result.grid = read_grid(root, result.type_area, result.story_area);
  result.columns = column_regions(result.type_area, result.grid);
  if (auto rule = root.find("story_rule")) {
    const StoryRule story_rule = read_story_rule(*rule);
    result.story_rule_weight = story_rule.weight;
    result.story_rule_color = story_rule.color;
  }
  if (auto slots = root.find("slot")) result.slots = read_slots(*slots, result);
  if (auto decorations = root.find("decoration"))
    result.decorations = read_decorations(*decorations, result);
  if (auto print = root.find("print")) result.print = read_print(*print, file_name);
  if (auto box = root.find("fact_box")) result.fact_box = read_fact_box_frame(*box);
  return result;
}

PageTemplate load_template(const std::string& path) {
  return parse_template(read_bounded_file(path, limits::kTemplateBytes, "template"), path);
}

const TextStyle& PageTemplate::style(const std::string& style_name) const {
  const auto it = styles.find(style_name);
  if (it == styles.end()) {
    throw InputError(SourceLocation{file},
                     "template '" + name + "' has no style '" + style_name + "'");
  }
  return it->second;
}

const Slot* PageTemplate::find_slot(const std::string& slot_name) const {
  const auto it = std::find_if(slots.begin(), slots.end(),
                               [&](const Slot& slot) { return slot.name == slot_name; });
  return it == slots.end() ? nullptr : &*it;
}

int PageTemplate::page_count() const {
  int pages = 1;
  for (const Slot& slot : slots) pages = std::max(pages, slot.page);
  return pages;
}

bool PageTemplate::is_continuation(const std::string& slot_name) const {
  return std::any_of(slots.begin(), slots.end(),
                     [&](const Slot& slot) { return slot.continued_in == slot_name; });
}

}  // namespace broadsheet::layout_template
