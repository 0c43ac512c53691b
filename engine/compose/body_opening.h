#pragma once
// How a story's body opens: a dateline run in at the start of the first line ("BEIJING —" in
// the dateline style, the first line indented by its width), or a drop cap (the first letter
// of the body N lines deep, those lines set shorter and moved right beside it; not with a
// dateline). Neither is set on a continuation.

#include <optional>
#include <string>

#include "compose/body_setting.h"
#include "compose/module_placement.h"
#include "compose/story_picture.h"

namespace broadsheet::compose {

/// The opening furniture of one module, set.
struct BodyOpeningSet {
  BodyOpening opening;  ///< what the body setting leaves room for
  std::optional<DisplayBlock> dateline;
  std::optional<DisplayBlock> drop_cap;
  bool right_to_left = false;  ///< a right-to-left story: the dateline opens the line's right end
  std::optional<InsetPicture> inset;  ///< a picture inset atop the first column, lines beside it
};

/// Sets `work`'s dateline and (when the slot asks for one) drop cap for a body column of
/// `measure`. A dateline too wide to run in is left out with a warning.
BodyOpeningSet set_body_opening(const ComposeContext& context,
                                const layout_template::PageTemplate& tpl,
                                const layout_template::Slot& slot, const StoryWork& work,
                                double measure, double grid_pitch, Warnings& warnings);

/// Line widths for the body: shorter beside the drop cap, `measure` elsewhere.
LineWidthFn opening_widths(const BodyOpening& opening, double measure);

/// Draws the dateline on the first body line, the drop cap and an inset picture beside the
/// first lines, the first body baseline on grid row `first_row` of the region's first column.
/// Returns the foot of the inset's caption (0 without an inset).
double place_body_opening(const BodyOpeningSet& set, const ModuleRegion& region, int first_row,
                          const BaselineGrid& grid, const layout_template::Slot& slot,
                          ModulePlacement& out, Warnings& warnings);

}  // namespace broadsheet::compose
