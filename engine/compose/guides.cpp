#include "compose/guides.h"

#include <cmath>

#include "compose/placement.h"
#include "paragraph/line_setter.h"
#include "shape/shaper.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

const Color kMarginColor{0.85, 0.2, 0.75};  // magenta, as in layout programs
const Color kColumnColor{0.3, 0.7, 0.95};   // cyan
const Color kGridColor{0.55, 0.8, 0.95};    // light cyan
const Color kSlotColor{0.95, 0.55, 0.1};    // orange
/// A finer grid than this many lines a page is not drawn: it would be a grey wash, not a guide.
constexpr int kMaxGridLines = 2000;

}  // namespace

void add_guides(const ComposeContext& context, const lt::PageTemplate& tpl, PageLayout& layout) {
  for (std::size_t p = 0; p < layout.display.pages.size(); ++p) {
    DisplayPage& page = layout.display.pages[p];
    page.add(StrokeRectItem{tpl.type_area, 0.5, kMarginColor, false}, Layer::Preview);
    for (const auto& col : tpl.columns)
      page.add(
          StrokeRectItem{
              {col.x, tpl.type_area.y, col.width, tpl.type_area.height}, 0.3, kColumnColor, false},
          Layer::Preview);
    // Counted, not stepped: a step too small to move y would never end.
    const int grid_lines =
        BaselineGrid::clamped_row(
            std::floor((tpl.story_area.bottom() + 1e-6 - layout.grid_origin) / layout.grid_pitch)) +
        1;
    if (grid_lines <= kMaxGridLines)
      for (int row = 0; row < grid_lines; ++row) {
        const double y = layout.grid_origin + row * layout.grid_pitch;
        page.add(LineItem{tpl.type_area.x, y, tpl.type_area.right(), y, 0.2, kGridColor},
                 Layer::Preview);
      }
    for (const SlotReport& slot : layout.slots) {
      if (slot.page != static_cast<int>(p) || slot.first_column < 1) continue;
      const auto& first = tpl.columns[static_cast<std::size_t>(slot.first_column - 1)];
      const auto& last = tpl.columns[static_cast<std::size_t>(slot.last_column - 1)];
      const Rect r{first.x, slot.top, last.x + last.width - first.x, slot.depth};
      page.add(StrokeRectItem{r, 1.0, kSlotColor, false}, Layer::Preview);
      add_preview_label(context, tpl, slot.name, 8, r.x + 2, r.y + 9, false, kSlotColor, page);
    }
  }
}

}  // namespace broadsheet::compose
