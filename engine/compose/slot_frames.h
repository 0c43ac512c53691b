#pragma once
// Composition stage 1: a template page's slots resolved to rectangles on the page. Bottom slots
// (advertisements) have fixed rectangles and set the floor the others stop above; a top slot
// starts at the story area's head; a slot placed below others starts a grid line under the
// lowest of them, once they are composed.

#include <map>
#include <string>
#include <vector>

#include "compose/page_layout.h"
#include "core/geometry.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// Where a story module may go.
struct ModuleRegion {
  int page = 0;
  double top = 0;     ///< the module's top edge
  double bottom = 0;  ///< nothing may sit below this (slot depth, page, slots further down)
  std::vector<layout_template::ColumnRegion> columns;  ///< the slot's columns, left to right
  bool fills_from_right = false;  ///< the story's first column is the rightmost (RTL stories)

  /// The width across every column.
  double measure() const;
  /// The story's column `index` in reading order: columns[index], or counted from the right.
  const layout_template::ColumnRegion& column(std::size_t index) const {
    return columns[fills_from_right ? columns.size() - 1 - index : index];
  }
};

/// One slot of a page, resolved against the template's columns.
struct SlotFrame {
  const layout_template::Slot* slot = nullptr;
  std::vector<layout_template::ColumnRegion> columns;

  /// The slot's rectangle between `top` and `bottom`.
  Rect rect(double top, double bottom) const;
};

/// The slots of one page, in the order they are composed.
struct PageFrames {
  int page_index = 0;                        ///< 0-based page of the layout
  int template_page = 1;                     ///< 1-based page of the template
  double gap = 0;                            ///< space between stacked slots: one grid line
  double floor = 0;                          ///< the lowest y a flowing slot may reach
  std::vector<SlotFrame> flow;               ///< top and below slots, in template order
  std::vector<SlotFrame> bottom;             ///< bottom slots, in template order
  std::map<std::string, Rect> bottom_rects;  ///< their fixed rectangles
};

/// Rectangles already placed on a page, by slot name.
using PlacedRects = std::map<std::string, Rect>;

/// Resolves page `page_index` of `tpl`; `gap` is the space kept between stacked slots.
PageFrames resolve_page_frames(const layout_template::PageTemplate& tpl, int page_index,
                               double gap);

/// The region a flowing slot may fill, given what is placed above it: its top is under the
/// slots it sits below, its bottom the floor or its own maximum (or fixed) depth.
ModuleRegion region_for(const PageFrames& frames, const SlotFrame& frame,
                        const layout_template::PageTemplate& tpl, const PlacedRects& placed);

/// A slot's report as it starts: its name, columns, page and top; what fills it adds the rest.
SlotReport slot_report(const layout_template::Slot& slot, int page, double top);

}  // namespace broadsheet::compose
