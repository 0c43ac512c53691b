#pragma once
// Copyfitting: make a story fill its slot exactly, by changing, in this order of preference,
// the headline's size and lines, the deck's lines, the body paragraphs' looseness, and the body's
// letter spacing, each within the template's typographic limits.

#include <string>

#include "compose/story_module.h"
#include "compose/story_work.h"

namespace broadsheet::compose {

struct CopyfitResult {
  StoryOptions options;  ///< what to compose the story with
  bool exact = false;    ///< every column reaches the slot's foot (the last may be one short)
  std::string summary;   ///< what was chosen and by how much, for the report
};

/// Searches the choices for a fill of `region`; the story is composed on scratch surfaces only.
/// Paragraphs are shaped into `context.cache` when it has one (the caller then sets the story
/// from it), else into a cache of the search's own.
CopyfitResult find_copyfit(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                           const layout_template::Slot& slot, const story::Story& story,
                           const ModuleRegion& region, const BaselineGrid& grid);

}  // namespace broadsheet::compose
