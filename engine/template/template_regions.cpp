// The folio band and the slots: reading, and validation against the styles and the grid.

#include "template/template_regions.h"

#include <algorithm>
#include <iterator>

#include "core/limits.h"
#include "template/template_pictures.h"

namespace broadsheet::layout_template {
namespace {

using namespace detail;  // the checked readers: Field, TableView, read_*, fail

// --- folio text fields ------------------------------------------------------------------------

constexpr std::string_view kTextFields[] = {"publication", "PUBLICATION", "weekday", "month",
                                            "day",         "year",        "page"};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view name) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

/// The names between braces in a folio text; nullopt when a brace is not closed (or a '}' is
/// not opened).
std::optional<std::vector<std::string>> text_fields(const std::string& text) {
  std::vector<std::string> names;
  std::size_t at = 0;
  while ((at = text.find_first_of("{}", at)) != std::string::npos) {
    if (text[at] == '}') return std::nullopt;
    const std::size_t close = text.find_first_of("{}", at + 1);
    if (close == std::string::npos || text[close] != '}') return std::nullopt;
    names.push_back(text.substr(at + 1, close - at - 1));
    at = close + 1;
  }
  return names;
}

// --- folio ------------------------------------------------------------------------------------

FolioItem read_folio_item(const Field& field, const std::map<std::string, TextStyle>& styles) {
  const TableView table =
      open_table(field, {"text", "style", "anchor", "offset", "background", "padding"});
  FolioItem item;
  item.source_line = field.where.line;

  const Field text = table.require("text", "a string");
  item.text = read_name(text);
  const auto fields = text_fields(item.text);
  if (!fields) fail(text, "unbalanced braces in " + show_value(*text.node));
  for (const std::string& name : *fields) {
    if (!contains(kTextFields, name)) {
      fail(text, "unknown field '{" + name +
                     "}' (known: {publication} {PUBLICATION} {weekday} {month} {day} "
                     "{year} {page})");
    }
  }

  const Field style = table.require("style", "a style name");
  item.style = read_name(style);
  require_style(style, item.style, styles);

  if (auto anchor = table.find("anchor")) {
    item.anchor = read_enum<FolioAnchor>(*anchor, {{"inside", FolioAnchor::Inside},
                                                   {"center", FolioAnchor::Center},
                                                   {"outside", FolioAnchor::Outside}});
  }
  if (auto offset = table.find("offset")) {
    item.offset = read_length(*offset);
    if (item.offset < 0 && item.anchor != FolioAnchor::Center) {
      fail(*offset,
           "must not be negative for an inside or outside anchor (it would leave "
           "the type area), got " +
               show_value(*offset->node));
    }
  }
  if (auto background = table.find("background")) item.background = read_color(*background);
  if (auto padding = table.find("padding")) item.padding = read_non_negative_length(*padding);
  return item;
}

// --- slots ------------------------------------------------------------------------------------

// Keys that only story slots take, and only advertisements and pictures.
constexpr std::string_view kStoryKeys[] = {
    "headline_style", "deck_style",         "body_style",     "contact_style",
    "headline_size",  "headline_max_lines", "deck_max_lines", "continued_in",
    "subhead_style",  "jump_style",         "kicker_style",   "byline_style",
    "dateline_style", "drop_cap_style",     "drop_cap_lines", "column_order"};

std::string kind_name(SlotKind kind) {
  switch (kind) {
    case SlotKind::Story:
      return "story";
    case SlotKind::Advertisement:
      return "advertisement";
    case SlotKind::Picture:
      return "picture";
  }
  return "?";
}

/// columns = [first, last] or a single column number.

std::string column_range(const Slot& slot) {
  return slot.first_column == slot.last_column ? "column " + std::to_string(slot.first_column)
                                               : "columns " + std::to_string(slot.first_column) +
                                                     "-" + std::to_string(slot.last_column);
}

/// Two slots at the top (or two at the bottom) of the story area cannot share a column.
void check_no_overlap(const Field& columns, const Slot& slot, const std::vector<Slot>& earlier) {
  if (slot.place == SlotPlace::Below) return;
  for (const Slot& other : earlier) {
    if (other.place != slot.place || other.page != slot.page) continue;
    if (slot.first_column <= other.last_column && other.first_column <= slot.last_column) {
      fail(columns, column_range(slot) + " overlap slot '" + other.name + "' (" +
                        column_range(other) + "), also at the " +
                        (slot.place == SlotPlace::Top ? "top" : "bottom") + " of the story area");
    }
  }
}

/// below = ["lead", "rail"]: slots that come earlier in fill order.
void read_below(const Field& field, const std::vector<Slot>& earlier, Slot& slot) {
  const std::vector<Field> names = array_elements(field);
  if (names.empty()) fail(field, "name at least one slot to sit below");
  for (const Field& name_field : names) {
    const std::string name = read_name(name_field);
    const bool known = std::any_of(earlier.begin(), earlier.end(),
                                   [&](const Slot& other) { return other.name == name; });
    if (name == slot.name) fail(name_field, "a slot cannot sit below itself");
    if (!known) {
      fail(name_field,
           "unknown slot '" + name + "' (a slot can only sit below slots listed before it)");
    }
    slot.below.push_back(name);
  }
}

/// depth, or min_depth / max_depth; each must fit the story area.
void read_slot_depths(const TableView& table, double story_depth, Slot& slot) {
  const auto depth = table.find("depth");
  const auto min_depth = table.find("min_depth");
  const auto max_depth = table.find("max_depth");
  auto fit = [&](const Field& field, double value) {
    if (value > story_depth) {
      fail(field, format_points(value) + " is deeper than the story area (" +
                      format_points(story_depth) + ")");
    }
    return value;
  };
  if (depth) {
    if (min_depth || max_depth) {
      fail(*depth, "give either depth or min_depth/max_depth, not both");
    }
    slot.depth = fit(*depth, read_positive_length(*depth));
  } else if (slot.kind != SlotKind::Story) {
    table.require("depth", "a length: advertisements and pictures have a fixed depth");
  }
  if (min_depth) slot.min_depth = fit(*min_depth, read_non_negative_length(*min_depth));
  if (max_depth) slot.max_depth = read_positive_length(*max_depth);
  if (max_depth && slot.max_depth < slot.min_depth) {
    fail(*max_depth, "max_depth " + format_points(slot.max_depth) + " is less than min_depth " +
                         format_points(slot.min_depth));
  }
}

/// The story keys: styles (which must exist, defaults included), headline fitting, line limits.
void read_story_keys(const TableView& table, const std::map<std::string, TextStyle>& styles,
                     Slot& slot) {
  const std::pair<std::string_view, std::string*> style_keys[] = {
      {"headline_style", &slot.headline_style},
      {"deck_style", &slot.deck_style},
      {"body_style", &slot.body_style},
      {"contact_style", &slot.contact_style}};
  for (const auto& [key, style_name] : style_keys) {
    if (auto field = table.find(key)) {
      *style_name = read_name(*field);
      require_style(*field, *style_name, styles);
    } else if (!styles.count(*style_name)) {
      // The default name is used: say so, at the slot's line.
      throw InputError(table.where(),
                       table.path() + "." + std::string(key) + ": the default style '" +
                           *style_name +
                           "' is not defined in [styles] (define it, or name another with " +
                           std::string(key) + " = \"...\")");
    }
  }
  if (auto size = table.find("headline_size")) {
    if (size->node->is_array()) {
      const std::vector<Field> ends = array_elements(*size);
      if (ends.size() != 2) {
        fail(*size, "expected [min, max] sizes, got an array of " + std::to_string(ends.size()));
      }
      slot.headline_min_size = read_positive_length(ends[0]);
      slot.headline_max_size = read_positive_length(ends[1]);
    } else {
      slot.headline_min_size = slot.headline_max_size = read_positive_length(*size);
    }
    if (slot.headline_min_size > slot.headline_max_size) {
      fail(*size, "minimum " + format_points(slot.headline_min_size) + " is larger than maximum " +
                      format_points(slot.headline_max_size));
    }
  }
  if (auto lines = table.find("headline_max_lines")) {
    slot.headline_max_lines = read_integer(*lines);
    if (slot.headline_max_lines < 1) {
      fail(*lines, "must be at least 1, got " + show_value(*lines->node));
    }
  }
  if (auto lines = table.find("deck_max_lines")) {
    slot.deck_max_lines = read_integer(*lines);
    if (slot.deck_max_lines < 0) {
      fail(*lines, "must not be negative, got " + show_value(*lines->node));
    }
  }
}

// The slot's name, which no slot before it has.
std::string read_unique_slot_name(const TableView& table, const std::vector<Slot>& earlier) {
  const Field name = table.require("name", "a string");
  std::string slot_name = read_name(name);
  for (const Slot& other : earlier) {
    if (other.name == slot_name) {
      fail(name, "duplicate slot name '" + slot_name + "' (first defined on line " +
                     std::to_string(other.source_line) + ")");
    }
  }
  return slot_name;
}

void read_slot_kind_and_page(const TableView& table, Slot& slot) {
  if (auto kind = table.find("kind")) {
    slot.kind = read_enum<SlotKind>(*kind, {{"story", SlotKind::Story},
                                            {"advertisement", SlotKind::Advertisement},
                                            {"picture", SlotKind::Picture}});
  }
  if (auto page = table.find("page")) {
    slot.page = read_integer(*page);
    if (slot.page < 1) fail(*page, "must be at least 1, got " + show_value(*page->node));
    if (slot.page > limits::kPages)
      fail(*page, "beyond the limit of " + std::to_string(limits::kPages) + " pages, got " +
                      show_value(*page->node));
  }
}

// Where the slot sits: its columns (no overlap with earlier slots), top, below or bottom.
void read_slot_place(const TableView& table, const std::vector<Slot>& earlier,
                     const PageTemplate& page_template, Slot& slot) {
  const Field columns = table.require("columns", "[first, last] column numbers");
  read_slot_columns(columns, page_template.grid.columns, slot);
  if (auto place = table.find("place")) {
    slot.place = read_enum<SlotPlace>(
        *place,
        {{"top", SlotPlace::Top}, {"below", SlotPlace::Below}, {"bottom", SlotPlace::Bottom}});
  }
  if (slot.kind == SlotKind::Story && slot.place == SlotPlace::Bottom && !table.find("depth")) {
    fail(*table.find("place"),
         "a story slot at the bottom needs a fixed depth (depth = \"80mm\"): its top is that far "
         "above the foot of the story area");
  }
  check_no_overlap(columns, slot, earlier);
  if (slot.place == SlotPlace::Below) {
    read_below(table.require("below", "the names of the slots it sits under"), earlier, slot);
  } else if (auto below = table.find("below")) {
    fail(*below, "only a slot with place = \"below\" sits below other slots");
  }
}

// A story slot's styles, limits and continuation.
void read_story_slot_keys(const TableView& table, const PageTemplate& page_template, Slot& slot) {
  if (auto label = table.find("label")) {
    fail(*label, "only advertisement and picture slots take a label");
  }
  read_story_keys(table, page_template.styles, slot);
  // Optional styles: without them subheads are set as body text, jump lines in the contact
  // style, kickers in the deck style, bylines in the contact style, datelines in the body style
  // and drop caps in the headline's face.
  const std::pair<std::string_view, std::string*> optional_styles[] = {
      {"subhead_style", &slot.subhead_style},   {"jump_style", &slot.jump_style},
      {"kicker_style", &slot.kicker_style},     {"byline_style", &slot.byline_style},
      {"dateline_style", &slot.dateline_style}, {"drop_cap_style", &slot.drop_cap_style}};
  for (const auto& [key, style_name] : optional_styles) {
    if (auto field = table.find(key)) {
      *style_name = read_name(*field);
      require_style(*field, *style_name, page_template.styles);
    }
  }
  if (auto lines = table.find("drop_cap_lines")) {
    slot.drop_cap_lines = read_integer(*lines);
    if (slot.drop_cap_lines < 0 || slot.drop_cap_lines > 10)
      fail(*lines, "must be 0 (no drop cap) to 10 lines, got " + show_value(*lines->node));
  }
  if (auto next = table.find("continued_in")) {
    slot.continued_in = read_name(*next);
    slot.continued_in_line = next->where.line;
  }
  if (auto order = table.find("column_order"))
    slot.column_order = read_enum<ColumnOrder>(*order, {{"auto", ColumnOrder::Auto},
                                                        {"ltr", ColumnOrder::LeftToRight},
                                                        {"rtl", ColumnOrder::RightToLeft}});
}

// An advertisement or picture slot: no story keys, an optional label.
void read_other_slot_keys(const TableView& table, Slot& slot) {
  for (std::string_view key : kStoryKeys) {
    if (auto story_key = table.find(key)) {
      fail(*story_key,
           "only story slots take this key (this slot is a " + kind_name(slot.kind) + ")");
    }
  }
  if (auto label = table.find("label")) slot.label = read_string(*label);
}

Slot read_slot(const Field& field, const std::vector<Slot>& earlier,
               const PageTemplate& page_template) {
  const TableView table = open_table(field, {"name",           "kind",
                                             "columns",        "place",
                                             "below",          "min_depth",
                                             "max_depth",      "depth",
                                             "headline_style", "deck_style",
                                             "body_style",     "contact_style",
                                             "headline_size",  "headline_max_lines",
                                             "deck_max_lines", "label",
                                             "page",           "continued_in",
                                             "subhead_style",  "jump_style",
                                             "kicker_style",   "byline_style",
                                             "dateline_style", "drop_cap_style",
                                             "drop_cap_lines", "column_order",
                                             kPictureKeys[0],  kPictureKeys[1],
                                             kPictureKeys[2],  kPictureKeys[3],
                                             kPictureKeys[4],  kPictureKeys[5],
                                             kPictureKeys[6],  kPictureKeys[7],
                                             kPictureKeys[8],  kPictureKeys[9],
                                             kPictureKeys[10]});
  Slot slot;
  slot.source_line = field.where.line;
  slot.name = read_unique_slot_name(table, earlier);
  read_slot_kind_and_page(table, slot);
  read_slot_place(table, earlier, page_template, slot);
  read_slot_depths(table, page_template.story_area.height, slot);
  if (slot.kind == SlotKind::Story) {
    read_story_slot_keys(table, page_template, slot);
  } else {
    read_other_slot_keys(table, slot);
  }
  read_picture_keys(table, page_template, slot);
  return slot;
}

}  // namespace

namespace detail {

void read_slot_columns(const Field& field, int grid_columns, Slot& slot) {
  if (field.node->is_integer()) {
    slot.first_column = slot.last_column = read_integer(field);
  } else {
    const std::vector<Field> ends = array_elements(field);
    if (ends.size() != 2) {
      fail(field,
           "expected [first, last] column numbers, got an array of " + std::to_string(ends.size()));
    }
    slot.first_column = read_integer(ends[0]);
    slot.last_column = read_integer(ends[1]);
  }
  for (int column : {slot.first_column, slot.last_column}) {
    if (column < 1 || column > grid_columns) {
      fail(field, "column " + std::to_string(column) + " is outside the grid (columns 1 to " +
                      std::to_string(grid_columns) + ")");
    }
  }
  if (slot.first_column > slot.last_column) {
    fail(field, "first column " + std::to_string(slot.first_column) + " is after last column " +
                    std::to_string(slot.last_column));
  }
}

void require_style(const Field& field, const std::string& name,
                   const std::map<std::string, TextStyle>& styles) {
  if (styles.count(name)) return;
  std::string known;
  for (const auto& [style_name, style] : styles) known += (known.empty() ? "" : ", ") + style_name;
  fail(field, "unknown style '" + name + "' (the template's styles: " + known + ")");
}

Folio read_folio(const Field& field, const std::map<std::string, TextStyle>& styles,
                 double type_area_height) {
  const TableView table =
      open_table(field, {"depth", "rule_weight", "rule_color", "gap_below", "item"});
  Folio folio;
  const Field depth = table.require("depth", kLengthExpected);
  folio.depth = read_positive_length(depth);
  if (auto weight = table.find("rule_weight"))
    folio.rule_weight = read_non_negative_length(*weight);
  if (auto color = table.find("rule_color")) folio.rule_color = read_color(*color);
  if (auto gap = table.find("gap_below")) folio.gap_below = read_non_negative_length(*gap);
  if (folio.depth + folio.gap_below >= type_area_height) {
    fail(depth, "the folio and its gap below (" + format_points(folio.depth + folio.gap_below) +
                    ") leave no story area in a type area " + format_points(type_area_height) +
                    " deep");
  }
  if (auto items = table.find("item")) {
    for (const Field& item : array_elements(*items)) {
      folio.items.push_back(read_folio_item(item, styles));
    }
  }
  return folio;
}

std::vector<Slot> read_slots(const Field& field, const PageTemplate& page_template) {
  if (!field.node->is_array()) {
    fail(field, "expected [[slot]] tables, got " + describe_type(*field.node));
  }
  std::vector<Slot> slots;
  const std::vector<Field> elements = array_elements(field);
  for (const Field& element : elements) {
    slots.push_back(read_slot(element, slots, page_template));
  }
  // Continuations name a story slot on a later page, used by no other slot.
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const Slot& slot = slots[i];
    if (slot.continued_in.empty()) continue;
    auto fail_here = [&](const std::string& message) {
      throw InputError({elements[i].where.file, slot.continued_in_line, 0},
                       "slot[" + std::to_string(i) + "].continued_in: " + message);
    };
    const auto target = std::find_if(slots.begin(), slots.end(),
                                     [&](const Slot& s) { return s.name == slot.continued_in; });
    if (target == slots.end()) fail_here("unknown slot '" + slot.continued_in + "'");
    if (target->kind != SlotKind::Story)
      fail_here("slot '" + target->name + "' is not a story slot");
    if (target->page <= slot.page)
      fail_here("slot '" + target->name + "' must be on a later page than this slot (page " +
                std::to_string(slot.page) + ")");
    for (std::size_t j = 0; j < i; ++j)
      if (slots[j].continued_in == slot.continued_in)
        fail_here("slot '" + slot.continued_in + "' already continues slot '" + slots[j].name +
                  "'");
  }
  return slots;
}

}  // namespace detail
}  // namespace broadsheet::layout_template
