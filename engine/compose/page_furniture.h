#pragma once
// What a page carries besides its stories: the rules between stories, the template's keylines,
// boxes and colour blocks, and the preview placeholders of empty slots.

#include <string>

#include "compose/composer.h"
#include "compose/slot_frames.h"

namespace broadsheet::compose {

/// A preview-only outlined box with its centred label.
void add_placeholder(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                     const Rect& rect, const std::string& label, DisplayPage& page);

/// The rules between stories on page `page_index`: a vertical rule in the gutter between filled
/// slots side by side, a horizontal one above a filled slot that sits below others.
void add_story_rules(const layout_template::PageTemplate& tpl, const PageLayout& layout,
                     int page_index, DisplayPage& page);

/// The template's keylines, boxes and colour blocks on this page: blocks under everything else,
/// lines over it. Slot decorations follow the slot's rectangle as composed.
void add_decorations(const layout_template::PageTemplate& tpl, int template_page,
                     const PlacedRects& placed, DisplayPage& page);

}  // namespace broadsheet::compose
