#pragma once
// A story's lead picture (its first, Story::pictures) at the head of its columns: across the
// module's width, or across its first N columns in reading order (`columns=N` on the picture,
// else the slot's `picture_columns`), under the headline and deck, its credit and caption under
// it. The body flows below it in those columns and from under the deck in the others.

#include <cstddef>
#include <optional>

#include "compose/composer.h"
#include "compose/module_placement.h"
#include "compose/picture_block.h"
#include "compose/slot_frames.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// Where a story's lead picture went.
struct LeadPicture {
  std::size_t columns = 0;  ///< story columns it spans, from the first in reading order; 0: none
  double body_top = 0;      ///< where the body may start under it (its caption and a space)
  double foot = 0;          ///< the foot of its caption (of the picture when it has none)
};

/// The story columns (reading order) `picture` spans in `region`: its own `columns`, else the
/// slot's `picture_columns`, else all of them; never more than the region has.
std::size_t picture_columns(const story::StoryPicture& picture, const layout_template::Slot& slot,
                            const ModuleRegion& region);

/// The rectangle across the first `columns` story columns (reading order) of the region, from
/// `top`, `depth` deep.
Rect across_columns(const ModuleRegion& region, std::size_t columns, double top, double depth);

/// Places the story's first picture from `top` across its columns (its depth the slot's
/// `picture_depth`, else the picture's own proportions at that width), cropped as the slot
/// says. A picture inset in a column (`inset=`) is not placed here. Throws InputError naming the
/// file when the picture is missing or unreadable.
LeadPicture place_lead_picture(const ComposeContext& context,
                               const layout_template::PageTemplate& tpl,
                               const layout_template::Slot& slot, const story::Story& story,
                               const ModuleRegion& region, double top, ModulePlacement& out,
                               Warnings& warnings);

/// A picture inset at the top of the story's first column (`inset=left|right`), set for that
/// column: the body lines beside it are set shorter by `narrowing`.
struct InsetPicture {
  PlacedImagePtr image;
  PictureTexts texts;  ///< credit and caption under it, at its width
  double width = 0, depth = 0;
  bool left = false;       ///< on the column's left (the lines beside it move right)
  int lines = 0;           ///< flow lines beside it: from the first body line on
  double narrowing = 0;    ///< its width and the gap: how much shorter those lines are
  double body_ascent = 0;  ///< its top is the first body line's ascender line
};

/// The story's first picture set as an inset for a first column `measure` wide (`width` of it,
/// default half; the slot's `picture_gap` to the text), or nullopt when it is not an inset (or
/// the story is a continuation: `opening` false). A picture wider than the column leaves it.
std::optional<InsetPicture> set_inset_picture(const ComposeContext& context,
                                              const layout_template::PageTemplate& tpl,
                                              const layout_template::Slot& slot,
                                              const story::Story& story, double measure,
                                              double grid_pitch);

/// Draws the inset in the region's first story column, its top on the ascender line of the
/// body line on `first_baseline`. Returns the foot of its caption.
double place_inset_picture(const InsetPicture& inset, const layout_template::Slot& slot,
                           const ModuleRegion& region, double first_baseline, ModulePlacement& out,
                           Warnings& warnings);

/// The story's picture file, loaded; a missing or unreadable one is an InputError naming the
/// article line that asked for it.
PlacedImagePtr load_story_picture(const story::Story& story, const story::StoryPicture& picture);

}  // namespace broadsheet::compose
