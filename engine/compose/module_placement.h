#pragma once
// Composition stage 5: a story module's blocks and lines put in place. Everything a module draws
// is collected here, with a record of every line, before it joins the page.

#include <span>
#include <vector>

#include "compose/display_blocks.h"
#include "compose/slot_frames.h"
#include "compose/story_work.h"

namespace broadsheet::compose {

/// What a module puts on its page.
struct ModulePlacement {
  DisplayPage drawing;  ///< the items only: they join the page as they are
  std::vector<PlacedLine> lines;
};

/// Tagged PDF: marks the glyph runs from item `first` of `drawing` on as text of `role` (the
/// structure element of a headline, a paragraph, a caption, a pull quote, ...; page furniture
/// stays untagged). `paragraph`: the body paragraph, or the inset's rows in the flow.
void tag_runs(DisplayPage& drawing, std::size_t first, LineRole role, int paragraph = 0);

/// The record of `line` set in `style` at (x, baseline) in slot `slot` of the region's page.
PlacedLine placed_line(const ModuleRegion& region, const std::string& slot, LineRole role,
                       const layout_template::TextStyle& style, const paragraph::SetLine& line,
                       double x, double baseline, double size);

/// Draws a stacked display block across the region, `indent` pt from its left.
void place_display_block(const DisplayBlock& block, const ModuleRegion& region,
                         const std::string& slot, ModulePlacement& out, double indent = 0);

/// Draws single lines (jump lines) in column `column` of the region, one per grid row from
/// `first_row` on.
void place_lines_in_column(const std::vector<paragraph::SetLine>& lines,
                           const layout_template::TextStyle& style, LineRole role,
                           const ModuleRegion& region, int column, int first_row,
                           const BaselineGrid& grid, const std::string& slot, ModulePlacement& out);

/// Draws the body lines into the region's columns, `per_column[c]` lines in column c, the first
/// on grid row `first_row` (`skip[c]` rows lower in column c when given: ragged starts under a
/// picture). Returns how many lines were placed.
std::size_t place_body(const std::vector<BodyLine>& body, const std::vector<int>& per_column,
                       const ModuleRegion& region, int first_row, const BaselineGrid& grid,
                       const std::string& slot, ModulePlacement& out,
                       std::span<const int> skip = {});

/// The preview's overset sign: a red rule across the region at y with a red square and a plus.
void place_overset_mark(const ModuleRegion& region, double y, ModulePlacement& out);

}  // namespace broadsheet::compose
