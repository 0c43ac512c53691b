#pragma once
// One story set as a module in its slot, in stages: fit the display blocks (headline, deck),
// set the body against the lines available, distribute it into balanced columns, place it,
// report. A story that does not fit its region either hands the rest on to its continuation
// (a jump) or is reported as overset: text never disappears silently.

#include <optional>
#include <string>

#include "compose/composer.h"
#include "compose/module_placement.h"
#include "compose/slot_frames.h"
#include "compose/story_work.h"

namespace broadsheet::compose {

/// What composing one module gives: values only; the caller puts them on the page.
struct ModuleResult {
  SlotReport report;
  ModulePlacement placement;
  Warnings warnings;
  /// Set when the region was full and the slot jumps: the rest of the story, for the
  /// continuation (its from_page is left for the caller, who knows the folio).
  std::optional<StoryWork> rest;
};

/// Sets `work` in `slot` within `region`. `continued_on` ("Continued on page 22") is given when
/// the slot jumps: the lines that do not fit go to `rest` and that line closes the last column.
ModuleResult compose_module(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                            const layout_template::Slot& slot, const StoryWork& work,
                            const ModuleRegion& region, const BaselineGrid& grid,
                            const std::optional<std::string>& continued_on,
                            const StoryOptions& options = {});

}  // namespace broadsheet::compose
