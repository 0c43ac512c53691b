#pragma once
// From break positions back to glyphs: each line's words are cut from the paragraph's shaping
// (reshaped only where HarfBuzz says a cut is unsafe), a hyphen is added where the line ends at a
// discretionary break, and the spacing is justified on the real glyph widths: word spaces first
// up to their maximum, then letter spacing within its limits, then glyph scaling (if the style
// allows it), then word spaces again (InDesign's order).

#include <string>
#include <vector>

#include "core/display_list.h"
#include "linebreak/items.h"
#include "paragraph/item_builder.h"

namespace broadsheet::paragraph {

/// A set line, with glyph positions relative to its left end and its baseline (y = 0).
struct SetLine {
  std::vector<GlyphRunItem> runs;  ///< one per word piece, hyphen included
  std::string text;                ///< words joined by single spaces, hyphen included
  std::size_t source_begin = 0;    ///< byte offset in the paragraph where the line starts
  double measure = 0;
  double width = 0;         ///< from the first glyph's origin to the last glyph's advance
  double offset = 0;        ///< where the first glyph starts: right or centred alignment
  double ratio = 0;         ///< word-space adjustment: 0 = desired, 1 = max, -1 = min
  double word_space = 0;    ///< the space between words as set, pt
  double letter_space = 0;  ///< added after each glyph inside words, pt
  double glyph_scale = 1;   ///< horizontal glyph scaling (1 unless the style allows it)
  double right_hang = 0;    ///< how far the line protrudes into the right margin (optical)
  int words = 0;
  bool hyphenated = false;  ///< ends with an added hyphen
  bool justified = false;   ///< spaced to fill the measure
  bool overfull = false;    ///< wider than the measure even at minimum spacing
  bool last_of_paragraph = false;
};

/// The glyphs of `run` as a display-list run whose pen starts at x (y = 0 is the baseline), with
/// `letter_space` after every glyph but the last, glyphs scaled horizontally by `x_scale`, and
/// its cluster map for the PDF text layer. `advance` receives the run's advance.
GlyphRunItem make_glyph_run(const shape::ShapedRun& run, double x, double letter_space,
                            double& advance, double x_scale = 1);

/// Sets the lines a breaker chose. `font_registry` is needed to reshape at unsafe cuts.
std::vector<SetLine> set_lines(const font::FontRegistry& fonts, const ShapedParagraph& paragraph,
                               const ParagraphItems& items,
                               const std::vector<linebreak::BrokenLine>& lines,
                               const ItemParams& params = {});

}  // namespace broadsheet::paragraph
