// [[decoration]]: keylines, keyline boxes and colour blocks, as template data.

#include <algorithm>

#include "template/template_regions.h"

namespace broadsheet::layout_template::detail {

namespace {

Decoration read_decoration(const Field& field, const PageTemplate& tpl) {
  const TableView table = open_table(field, {"kind", "page", "slot", "edge", "offset", "columns",
                                             "top", "height", "weight", "color"});
  Decoration d;
  d.source_line = field.where.line;
  d.kind = read_enum<DecorationKind>(table.require("kind", "\"rule\", \"box\" or \"block\""),
                                     {{"rule", DecorationKind::Rule},
                                      {"box", DecorationKind::Box},
                                      {"block", DecorationKind::Block}});
  if (auto page = table.find("page")) {
    d.page = read_integer(*page);
    if (d.page < 1 || d.page > tpl.page_count())
      fail(*page, "page " + std::to_string(d.page) + " is not a page of this template (1 to " +
                      std::to_string(tpl.page_count()) + ")");
  }
  if (auto weight = table.find("weight")) d.weight = read_non_negative_length(*weight);
  if (auto color = table.find("color")) d.color = read_color(*color);
  if (auto offset = table.find("offset")) d.offset = read_length(*offset);

  if (auto slot = table.find("slot")) {
    d.slot = read_name(*slot);
    const Slot* target = tpl.find_slot(d.slot);
    if (!target) fail(*slot, "unknown slot '" + d.slot + "'");
    d.page = target->page;
    for (const char* key : {"columns", "top", "height"})
      if (auto fixed = table.find(key))
        fail(*fixed, "a decoration on a slot takes its place from it");
    if (auto edge = table.find("edge")) {
      if (d.kind != DecorationKind::Rule) fail(*edge, "only rules run along an edge");
      d.bottom_edge = read_enum<bool>(*edge, {{"top", false}, {"bottom", true}});
    }
    return d;
  }
  if (auto edge = table.find("edge")) fail(*edge, "an edge belongs to a slot: give slot = \"...\"");
  Slot span;  // reuse the slot column reader for the columns key
  read_slot_columns(table.require("columns", "[first, last] column numbers"), tpl.grid.columns,
                    span);
  d.first_column = span.first_column;
  d.last_column = span.last_column;
  const Field top = table.require("top", "a length below the top of the story area");
  d.top = read_non_negative_length(top);
  if (d.top > tpl.story_area.height) fail(top, "is below the story area");
  if (d.kind != DecorationKind::Rule) {
    const Field height = table.require("height", "a length");
    d.height = read_positive_length(height);
    if (d.top + d.height > tpl.story_area.height + 1e-6)
      fail(height, "the decoration runs past the foot of the story area");
  }
  return d;
}

}  // namespace

std::vector<Decoration> read_decorations(const Field& field, const PageTemplate& tpl) {
  std::vector<Decoration> out;
  for (const Field& element : array_elements(field)) out.push_back(read_decoration(element, tpl));
  return out;
}

}  // namespace broadsheet::layout_template::detail
