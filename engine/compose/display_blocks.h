#pragma once
// Composition stage 2: the display blocks above a story's body (headline, then deck), each set
// in balanced ragged lines at the largest size that fits, and stacked so that every block's last
// baseline sits on the grid.

#include <optional>
#include <string>
#include <vector>

#include "compose/composer.h"
#include "compose/placement.h"
#include "compose/slot_frames.h"
#include "compose/story_work.h"

namespace broadsheet::compose {

/// One display block, set and stacked.
struct DisplayBlock {
  const layout_template::TextStyle* style = nullptr;
  LineRole role = LineRole::Headline;
  std::vector<paragraph::SetLine> lines;
  std::vector<double> baselines;  ///< one per line, once stacked
  double size = 0;                ///< pt
  double leading = 0;             ///< pt
  bool fits = true;               ///< took no more lines than the slot allows
};

/// The display blocks of one module, and where the body may start.
struct DisplayBlocks {
  DisplayBlock headline;
  std::optional<DisplayBlock> deck;
  bool deck_dropped = false;  ///< the story has a deck and the slot takes none
  double bottom = 0;          ///< y under the last block: descender and space after included
};

/// Sets `text` in `style` at `size` in at most `max_lines` (at least `min_lines`) balanced
/// lines of `measure`; a block that needs more lines is set greedily and marked as not fitting.
DisplayBlock set_display_block(const ComposeContext& context,
                               const layout_template::TextStyle& style, LineRole role,
                               const std::string& text, double size, double measure, int max_lines,
                               int min_lines = 1);

/// The headline and (unless `with_deck` is false) the deck of `story` for `slot`, fitted to the
/// region's width and stacked from its top on `grid`. `options` may fix sizes and line counts.
DisplayBlocks fit_display_blocks(const ComposeContext& context,
                                 const layout_template::PageTemplate& tpl,
                                 const layout_template::Slot& slot, const story::Story& story,
                                 bool with_deck, const ModuleRegion& region,
                                 const BaselineGrid& grid, const StoryOptions& options = {});

}  // namespace broadsheet::compose
