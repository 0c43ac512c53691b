#pragma once
// The values that travel between the composition stages of a story module: the work a module
// takes (where the story stands), the body lines it sets, and the choices a copyfit imposes.

#include <cstddef>
#include <optional>
#include <vector>

#include "compose/page_layout.h"
#include "paragraph/line_setter.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// The frame around an inset's rows (a fact box), carried by its first row: a box rule from
/// `top` above that row's baseline to `bottom` below the baseline of the row `rows - 1` later,
/// across the column's width, its rule centred on those edges.
struct InsetFrame {
  double top = 0;     ///< pt above the first row's baseline
  double bottom = 0;  ///< pt below the last row's baseline
  int rows = 1;
  double weight = 0.75;
  Color color;
  std::optional<Color> tint;  ///< fills the frame under the text
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
  double indent = 0;  ///< pt from the column's left (lines beside a drop cap)
  bool rule = false;  ///< a pull quote's rule row: a rule across the column, no text
  std::optional<paragraph::SetLine> bullet{};  ///< a fact box item's bullet, hanging ...
  double bullet_indent = 0;                    ///< ... this far from the column's left
  std::optional<InsetFrame> frame{};           ///< on a fact box's first row: its box
};

/// Numbers an inset's rows (a pull quote's, a fact box's) as paragraph `paragraph` of the flow,
/// each kept with the next: the inset stays together in one column.
inline void keep_rows_together(std::vector<BodyLine>& rows, int paragraph) {
  const int count = static_cast<int>(rows.size());
  for (int i = 0; i < count; ++i) {
    BodyLine& row = rows[static_cast<std::size_t>(i)];
    row.paragraph = paragraph;
    row.line_in_paragraph = i;
    row.paragraph_lines = count;
    row.keep_with_next = i + 1 < count;
  }
}

/// Where a story stands: what a module takes and, when its region is full, hands on to the
/// story's continuation (the cursor of work that Typst's flow keeps between regions).
struct StoryWork {
  const story::Story* story = nullptr;
  /// Lines already set for the rest of the story (a jump's overflow), re-used when the
  /// continuation's measure is the same, re-broken from their first line's text otherwise.
  std::vector<BodyLine> lines;
  int from_page = 0;  ///< the folio page the story comes from; 0: the story starts here

  bool is_continuation() const { return from_page > 0; }

  /// The whole of `story`, from its headline on.
  static StoryWork start_of(const story::Story& story) {
    StoryWork work;
    work.story = &story;
    return work;
  }
};

/// Choices a copyfit may impose on a story module (all off by default).
struct StoryOptions {
  std::optional<double> headline_size;  ///< pt, instead of the largest that fits
  std::optional<int> headline_lines;    ///< exactly this many headline lines
  std::optional<int> deck_lines;        ///< exactly this many deck lines
  std::vector<int> looseness;           ///< per body paragraph: TeX's \looseness (-1, 0, +1)
  double tracking = 0;                  ///< em added to the body's letter spacing
};

}  // namespace broadsheet::compose
