#include "print/print_page.h"

#include <algorithm>
#include <variant>

#include "print/color_table.h"

namespace broadsheet::print {

namespace {

constexpr double kDefaultMarksLength = mm_to_pt(5);
/// A fill within this of a trim edge counts as touching it (the composer's rounding).
constexpr double kTouching = 0.5;

/// Extends `rect` by `bleed` across every trim edge it touches.
Rect into_bleed(Rect rect, double width, double height, double bleed) {
  const double right = rect.right(), bottom = rect.bottom();
  if (rect.x <= kTouching) rect.x = -bleed;
  if (rect.y <= kTouching) rect.y = -bleed;
  rect.width = (right >= width - kTouching ? width + bleed : right) - rect.x;
  rect.height = (bottom >= height - kTouching ? height + bleed : bottom) - rect.y;
  return rect;
}

void shift(DisplayItem& item, double dx, double dy) {
  if (auto* run = std::get_if<GlyphRunItem>(&item.shape)) {
    for (PositionedGlyph& glyph : run->glyphs) glyph.x += dx, glyph.y += dy;
  } else if (auto* fill = std::get_if<FillRectItem>(&item.shape)) {
    fill->rect.x += dx, fill->rect.y += dy;
  } else if (auto* box = std::get_if<StrokeRectItem>(&item.shape)) {
    box->rect.x += dx, box->rect.y += dy;
  } else if (auto* line = std::get_if<LineItem>(&item.shape)) {
    line->x0 += dx, line->x1 += dx, line->y0 += dy, line->y1 += dy;
  } else if (auto* image = std::get_if<ImageItem>(&item.shape)) {
    image->frame.x += dx, image->frame.y += dy;
    image->x += dx, image->y += dy;
  }
}

DisplayPage print_page(const DisplayPage& preview, const PrintPageSpec& spec) {
  const double margin = spec.margin();
  DisplayPage page;
  page.width = preview.width + 2 * margin;
  page.height = preview.height + 2 * margin;
  for (const DisplayItem& item : preview.items) {
    if (item.layer == Layer::Preview) continue;
    DisplayItem& copy = page.items.emplace_back(item);
    if (auto* fill = std::get_if<FillRectItem>(&copy.shape))
      fill->rect = into_bleed(fill->rect, preview.width, preview.height, spec.bleed);
    shift(copy, margin, margin);
  }
  add_printer_marks(page, preview.width, preview.height, margin, spec.marks);
  return page;
}

}  // namespace

PrintPageSpec print_page_spec(const layout_template::PageTemplate& page_template) {
  const layout_template::PrintOptions& options = page_template.print;
  PrintPageSpec spec;
  spec.bleed = page_template.page.bleed;
  spec.art = page_template.type_area;
  spec.marks.crop = options.crop_marks;
  spec.marks.registration = options.registration_marks;
  spec.marks.length = options.marks_length > 0 ? options.marks_length : kDefaultMarksLength;
  spec.marks.offset =
      options.marks_offset > 0 ? options.marks_offset : spec.bleed + kMarksGapBeyondBleed;
  return spec;
}

DisplayList print_display(const DisplayList& preview, const PrintPageSpec& spec) {
  DisplayList print;
  print.title = preview.title;
  for (const DisplayPage& page : preview.pages) print.pages.push_back(print_page(page, spec));
  return print;
}

}  // namespace broadsheet::print
