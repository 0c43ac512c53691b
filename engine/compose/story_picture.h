#pragma once
// A story's lead picture (its first, Story::pictures) at the head of its columns: across the
// module's width under the headline and deck, its credit and caption under it, the body
// flowing below.

#include "compose/composer.h"
#include "compose/module_placement.h"
#include "compose/slot_frames.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// Places the story's first picture from `top` across the region (its depth the slot's
/// `picture_depth`, else the picture's own proportions), cropped as the slot says. Returns the
/// y under its caption; `top` when the story has no picture. Throws InputError naming the file
/// when the picture is missing or unreadable.
double place_lead_picture(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                          const layout_template::Slot& slot, const story::Story& story,
                          const ModuleRegion& region, double top, ModulePlacement& out,
                          Warnings& warnings);

}  // namespace broadsheet::compose
