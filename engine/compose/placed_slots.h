#pragma once
// Picture and advertisement slots: the file given for the slot (render --slot NAME=FILE) or
// named by the template, placed in the slot's rectangle. A picture fills it above its credit
// and caption; an ad must have the slot's size (its trim box, for a PDF) unless the slot says
// scale_to_fit.

#include <map>
#include <string>

#include "compose/composer.h"
#include "compose/page_layout.h"
#include "core/placed_image.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// Files for picture and advertisement slots, by slot name.
using SlotFiles = std::map<std::string, PlacedImagePtr>;

/// Checks that every file of `files` names a picture or advertisement slot of `tpl`; throws
/// InputError naming the file otherwise.
void check_slot_files(const layout_template::PageTemplate& tpl, const SlotFiles& files);

/// Places the file for `slot` (from `files`, else the template's) in `rect` on page
/// `page_index`: drawing into `page`, lines and warnings into `layout`. Returns false, drawing
/// nothing, when the slot has no file. Throws InputError naming the file when it cannot be read
/// or an ad's size is not the slot's.
bool compose_placed_slot(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                         const layout_template::Slot& slot, const Rect& rect, int page_index,
                         const SlotFiles& files, PageLayout& layout, DisplayPage& page);

}  // namespace broadsheet::compose
