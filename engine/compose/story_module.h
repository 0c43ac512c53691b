#pragma once
// One story set as a module in its slot: headline and deck across the slot's columns, the body
// flowing through them in balanced columns, every body baseline on the page's grid.

#include "compose/composer.h"
#include "compose/placement.h"

namespace broadsheet::compose {

/// Where a story module may go.
struct ModuleRegion {
  int page = 0;
  double top = 0;     ///< the module's top edge
  double bottom = 0;  ///< nothing may sit below this (slot depth, page, slots further down)
  std::vector<layout_template::ColumnRegion> columns;  ///< the slot's columns
};

/// Sets `story` in `slot`; returns the slot's report (its depth is what the module used).
SlotReport compose_story(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                         const layout_template::Slot& slot, const story::Story& story,
                         const ModuleRegion& region, const BaselineGrid& grid, PageLayout& layout,
                         DisplayPage& page);

}  // namespace broadsheet::compose
