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
  std::optional<DisplayBlock> kicker;  ///< above the headline
  DisplayBlock headline;
  std::optional<DisplayBlock> deck;
  std::optional<DisplayBlock> byline;  ///< under the deck
  bool deck_dropped = false;           ///< the story has a deck and the slot takes none
  double bottom = 0;  ///< y under the last block: descender and space after included
  double foot = 0;    ///< y of the last block's descenders (what the blocks print reaches)
};

/// Sets `text` in `style` at `size` in at most `max_lines` (at least `min_lines`) balanced
/// lines of `measure`; a block that needs more lines is set greedily and marked as not fitting.
/// A style with `uppercase` sets the text in capitals by the case rules of `language`.
DisplayBlock set_display_block(const ComposeContext& context,
                               const layout_template::TextStyle& style, LineRole role,
                               const std::string& text, double size, double measure, int max_lines,
                               int min_lines = 1, const std::string& language = {});

/// The text as `style` sets it: in capitals (ICU's full case mapping for `language`) when the
/// style says `uppercase`.
std::string styled_text(const layout_template::TextStyle& style, const std::string& text,
                        const std::string& language);

/// The kicker, headline, deck and byline of `story` for `slot` (a continuation, `with_deck`
/// false, repeats the headline only), fitted to the region's width and stacked from its top on
/// `grid`. `options` may fix sizes and line counts. Kicker and byline are set in the slot's
/// kicker and byline styles (the deck and contact styles when the template has none). With
/// `context.measure_only` (a copyfit trial) the blocks' lines are counted, not set: empty.
DisplayBlocks fit_display_blocks(const ComposeContext& context,
                                 const layout_template::PageTemplate& tpl,
                                 const layout_template::Slot& slot, const story::Story& story,
                                 bool with_deck, const ModuleRegion& region,
                                 const BaselineGrid& grid, const StoryOptions& options = {});

}  // namespace broadsheet::compose
