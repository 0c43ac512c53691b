#pragma once
// One story set as a module in its slot: headline and deck across the slot's columns, the body
// flowing through them in balanced columns, every body baseline on the page's grid. A story that
// does not fit either jumps to its continuation slot or is reported as overset.

#include <optional>
#include <string>
#include <vector>

#include "compose/composer.h"
#include "compose/placement.h"

namespace broadsheet::compose {

/// Where a story module may go.
struct ModuleRegion {
  int page = 0;
  double top = 0;     ///< the module's top edge
  double bottom = 0;  ///< nothing may sit below this (slot depth, page, slots further down)
  std::vector<layout_template::ColumnRegion> columns;  ///< the slot's columns
};

/// A body line waiting for its column.
struct BodyLine {
  paragraph::SetLine line;
  const layout_template::TextStyle* style = nullptr;
  LineRole role = LineRole::Body;
  int paragraph = 0;
  int line_in_paragraph = 0;
  int paragraph_lines = 1;
  bool keep_with_next = false;
};

/// Choices a copyfit may impose on a story module (all off by default).
struct StoryOptions {
  std::optional<double> headline_size;  ///< pt, instead of the largest that fits
  std::optional<int> headline_lines;    ///< exactly this many headline lines
  std::optional<int> deck_lines;        ///< exactly this many deck lines
  std::vector<int> looseness;           ///< per body paragraph: TeX's \looseness (-1, 0, +1)
  double tracking = 0;                  ///< em added to the body's letter spacing
};

/// A jump: where the overflow of a story goes, or where it comes from.
struct JumpLine {
  std::string text;  ///< "Continued on page 22" / "From page 21"
};

/// What a story module leaves for its continuation.
struct StoryOverflow {
  std::vector<BodyLine> lines;
  int from_page = 0;  ///< the folio page number of the module it overflowed from
};

/// Sets `story` in `slot`. With `continued` set, the lines that do not fit are left in
/// `overflow` and a "Continued on page N" line closes the last column; otherwise they are
/// reported as overset. `continuation` sets the rest of a story in a continuation slot instead
/// of the story from its start.
SlotReport compose_story(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                         const layout_template::Slot& slot, const story::Story& story,
                         const ModuleRegion& region, const BaselineGrid& grid, PageLayout& layout,
                         DisplayPage& page, const std::optional<JumpLine>& continued,
                         StoryOverflow* overflow,
                         const std::optional<std::pair<JumpLine, StoryOverflow>>& continuation,
                         const StoryOptions& options = {});

}  // namespace broadsheet::compose
