#include "compose/module_placement.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

const Color kOversetRed{0.86, 0.08, 0.08};

/// Tagged PDF: the structure element a line belongs to. Elements number the story's blocks:
/// 0 the headline, 1 the deck, 2 + n body paragraph n (the dateline and the drop cap open
/// paragraph 0; the contact line follows the body); the kicker, the byline and the captions
/// have numbers of their own, and an inset (a pull quote, a fact box) that of its rows in the
/// flow past kInsetElements. Every text of a story is in its article element, so the element
/// is one, not broken where a byline, a bullet or a pull quote was drawn untagged; jump lines
/// and folios stay outside (page furniture).
struct StructureTag {
  const char* tag = "";
  int element = -1;
};

constexpr int kKickerElement = -2;
constexpr int kBylineElement = -3;
constexpr int kCaptionElement = -4;
constexpr int kInsetElements = 1 << 20;

StructureTag tag_of(LineRole role, int paragraph) {
  switch (role) {
    case LineRole::Kicker:
      return {"P", kKickerElement};
    case LineRole::Headline:
      return {"H1", 0};
    case LineRole::Deck:
      return {"P", 1};
    case LineRole::Byline:
      return {"P", kBylineElement};
    case LineRole::Dateline:
    case LineRole::DropCap:
      return {"P", 2};
    case LineRole::Body:
    case LineRole::Contact:
      return {"P", 2 + paragraph};
    case LineRole::Subhead:
      return {"H2", 2 + paragraph};
    case LineRole::Caption:
    case LineRole::Credit:
      return {"Caption", kCaptionElement};
    case LineRole::PullQuote:
      return {"BlockQuote", kInsetElements + paragraph};
    case LineRole::FactBox:
      return {"Div", kInsetElements + paragraph};
    default:
      return {};
  }
}

}  // namespace

void tag_runs(DisplayPage& drawing, std::size_t first, LineRole role, int paragraph) {
  const StructureTag tag = tag_of(role, paragraph);
  if (*tag.tag == '\0') return;
  for (std::size_t i = first; i < drawing.items.size(); ++i)
    if (auto* run = std::get_if<GlyphRunItem>(&drawing.items[i].shape)) {
      run->tag = tag.tag;
      run->element = tag.element;
    }
}

namespace {

/// Appends the glyph runs of `line` at (x, baseline), tagged as a line of `role` (untagged: a
/// jump line).
void draw_line(const paragraph::SetLine& line, double x, double baseline, const Color& color,
               ModulePlacement& out, LineRole role = LineRole::Jump, int paragraph = 0) {
  const std::size_t first = out.drawing.items.size();
  place_line(line, x, baseline, color, out.drawing);
  tag_runs(out.drawing, first, role, paragraph);
}

/// An inset's frame (a fact box) from the baseline of its first row, `column_width` wide: the
/// tint under the text to come, the box rule around it.
void draw_frame(const InsetFrame& frame, double x, double first_baseline, double pitch,
                double column_width, ModulePlacement& out) {
  const double top = first_baseline - frame.top;
  const double bottom = first_baseline + (frame.rows - 1) * pitch + frame.bottom;
  const double half = frame.weight / 2;  // the rule is centred on the path, inside the column
  const Rect box{x + half, top, column_width - frame.weight, bottom - top};
  if (frame.tint) out.drawing.add(FillRectItem{box, *frame.tint});
  if (frame.weight > 0) out.drawing.add(StrokeRectItem{box, frame.weight, frame.color});
}

template <class Shape>
void add_preview(Shape shape, ModulePlacement& out) {
  out.drawing.add(std::move(shape), Layer::Preview);
}

}  // namespace

PlacedLine placed_line(const ModuleRegion& region, const std::string& slot, LineRole role,
                       const lt::TextStyle& style, const paragraph::SetLine& line, double x,
                       double baseline, double size) {
  PlacedLine placed;
  placed.page = region.page;
  placed.slot = slot;
  placed.role = role;
  placed.style = style.name;
  placed.text = line.text;
  placed.left = x + line.offset;
  placed.baseline = baseline;
  placed.width = line.width;
  placed.measure = line.measure;
  placed.ratio = line.ratio;
  placed.glyph_scale = line.glyph_scale;
  placed.size = size;
  placed.hyphenated = line.hyphenated;
  placed.justified = line.justified;
  placed.last_of_paragraph = line.last_of_paragraph;
  return placed;
}

void place_display_block(const DisplayBlock& block, const ModuleRegion& region,
                         const std::string& slot, ModulePlacement& out, double indent) {
  const double x = region.columns.front().x + indent;
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const paragraph::SetLine& line = block.lines[i];
    draw_line(line, x, block.baselines[i], block.style->color, out, block.role);
    PlacedLine placed = placed_line(region, slot, block.role, *block.style, line, x,
                                    block.baselines[i], block.size);
    placed.line_in_paragraph = static_cast<int>(i);
    out.lines.push_back(std::move(placed));
  }
}

void place_lines_in_column(const std::vector<paragraph::SetLine>& lines, const lt::TextStyle& style,
                           LineRole role, const ModuleRegion& region, int column, int first_row,
                           const BaselineGrid& grid, const std::string& slot,
                           ModulePlacement& out) {
  const double x = region.column(static_cast<std::size_t>(column)).x;
  int row = first_row;
  for (const paragraph::SetLine& line : lines) {
    draw_line(line, x, grid.y(row), style.color, out);
    PlacedLine placed = placed_line(region, slot, role, style, line, x, grid.y(row), style.size);
    placed.column = column;
    out.lines.push_back(std::move(placed));
    ++row;
  }
}

std::size_t place_body(const std::vector<BodyLine>& body, const std::vector<int>& per_column,
                       const ModuleRegion& region, int first_row, const BaselineGrid& grid,
                       const std::string& slot, ModulePlacement& out, std::span<const int> skip) {
  std::size_t next = 0;
  for (std::size_t c = 0; c < per_column.size(); ++c) {
    const int column_row = first_row + (c < skip.size() ? skip[c] : 0);
    for (int r = 0; r < per_column[c]; ++r, ++next) {
      const BodyLine& bl = body[next];
      const double baseline = grid.y(column_row + r);
      const double x = region.column(c).x + bl.indent;
      if (bl.rule) {  // a pull quote's rule, halfway up the row
        const double y = baseline - grid.pitch / 2;
        out.drawing.add(LineItem{x, y, x + region.column(c).width, y, 1, bl.style->color});
        continue;
      }
      if (bl.frame)
        draw_frame(*bl.frame, region.column(c).x, baseline, grid.pitch, region.column(c).width,
                   out);
      if (bl.bullet)
        draw_line(*bl.bullet, region.column(c).x + bl.bullet_indent, baseline, bl.style->color, out,
                  bl.role, bl.paragraph);
      if ((bl.role == LineRole::PullQuote || bl.role == LineRole::FactBox) && bl.line.runs.empty())
        continue;
      draw_line(bl.line, x, baseline, bl.style->color, out, bl.role, bl.paragraph);
      PlacedLine placed =
          placed_line(region, slot, bl.role, *bl.style, bl.line, x, baseline, bl.style->size);
      placed.paragraph = bl.paragraph;
      placed.line_in_paragraph = bl.line_in_paragraph;
      placed.column = static_cast<int>(c);
      out.lines.push_back(std::move(placed));
    }
  }
  return next;
}

void place_overset_mark(const ModuleRegion& region, double y, ModulePlacement& out) {
  const double right = region.columns.back().x + region.columns.back().width;
  const double left = region.columns.front().x;
  add_preview(LineItem{left, y, right, y, 1.5, kOversetRed}, out);
  const double size = 12;
  add_preview(FillRectItem{{right - size, y - size / 2, size, size}, kOversetRed}, out);
  // A white plus on the red square: the sign layout programs use for overset text.
  const Color white{1, 1, 1};
  const double cx = right - size / 2, cy = y;
  add_preview(LineItem{cx - 3.5, cy, cx + 3.5, cy, 1.6, white}, out);
  add_preview(LineItem{cx, cy - 3.5, cx, cy + 3.5, 1.6, white}, out);
}

}  // namespace broadsheet::compose
