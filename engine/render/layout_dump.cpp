#include "render/layout_dump.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "render/json_records.h"

namespace broadsheet::render {

const char* role_name(compose::LineRole role) {
  switch (role) {
    case compose::LineRole::Headline:
      return "headline";
    case compose::LineRole::Deck:
      return "deck";
    case compose::LineRole::Body:
      return "body";
    case compose::LineRole::Contact:
      return "contact";
    case compose::LineRole::Subhead:
      return "subhead";
    case compose::LineRole::Jump:
      return "jump";
    case compose::LineRole::Folio:
      return "folio";
    case compose::LineRole::Kicker:
      return "kicker";
    case compose::LineRole::Byline:
      return "byline";
    case compose::LineRole::Dateline:
      return "dateline";
    case compose::LineRole::DropCap:
      return "drop_cap";
    case compose::LineRole::Caption:
      return "caption";
    case compose::LineRole::Credit:
      return "credit";
    case compose::LineRole::PullQuote:
      return "pull_quote";
    case compose::LineRole::FactBox:
      return "fact_box";
  }
  return "body";
}

std::string layout_dump_json(const compose::PageLayout& layout) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["format"] = "broadsheet-layout/1";
  ordered_json pages = ordered_json::array();
  for (std::size_t i = 0; i < layout.display.pages.size(); ++i) {
    const auto& p = layout.display.pages[i];
    pages.push_back({{"page", i + 1}, {"width", round2(p.width)}, {"height", round2(p.height)}});
  }
  doc["pages"] = pages;
  doc["grid"] = {{"origin", round2(layout.grid_origin)}, {"pitch", round2(layout.grid_pitch)}};
  ordered_json slots = ordered_json::array();
  for (const auto& s : layout.slots) slots.push_back(slot_record(s));
  doc["slots"] = slots;
  ordered_json lines = ordered_json::array();
  for (const auto& l : layout.lines) {
    ordered_json line;
    line["page"] = l.page + 1;
    line["slot"] = l.slot;
    line["role"] = role_name(l.role);
    line["style"] = l.style;
    line["paragraph"] = l.paragraph;
    line["line"] = l.line_in_paragraph;
    line["column"] = l.column;
    line["text"] = l.text;
    line["left"] = round2(l.left);
    line["baseline"] = round2(l.baseline);
    line["width"] = round2(l.width);
    line["measure"] = round2(l.measure);
    line["ratio"] = round2(l.ratio);
    // Only where the style scales glyphs, so that dumps of other templates stay as they were.
    if (l.glyph_scale != 1) line["glyph_scale"] = std::round(l.glyph_scale * 10000) / 10000;
    line["size"] = round2(l.size);
    line["hyphenated"] = l.hyphenated;
    line["justified"] = l.justified;
    lines.push_back(std::move(line));
  }
  doc["lines"] = lines;
  // One record per text line, so that a plain `diff` of two dumps is readable too.
  std::string out = "{\n";
  bool first_key = true;
  for (const auto& [key, value] : doc.items()) {
    out += first_key ? "" : ",\n";
    first_key = false;
    out += "  " + ordered_json(key).dump() + ": ";
    if (!value.is_array()) {
      out += value.dump();
      continue;
    }
    out += "[";
    for (std::size_t i = 0; i < value.size(); ++i)
      out += (i ? ",\n    " : "\n    ") + value[i].dump();
    out += value.empty() ? "]" : "\n  ]";
  }
  return out + "\n}\n";
}

void write_layout_dump(const compose::PageLayout& layout, const std::string& path) {
  write_file_atomically(path, layout_dump_json(layout), "layout dump");
}

}  // namespace broadsheet::render
