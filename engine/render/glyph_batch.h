#pragma once
// Consecutive glyph runs in the same font, size, glyph scale and colour (the words of a line,
// the lines of a column) drawn with one cairo_show_text_glyphs call instead of one per word.
// Cairo's PDF surface records, analyses and replays every call, so the number of calls is
// most of its cost; its PDF operators join glyphs across calls anyway, so the PDF is the same.

#include <cairo.h>

#include <string>
#include <vector>

#include "core/display_list.h"

namespace broadsheet::render {

class GlyphBatch {
 public:
  bool empty() const { return glyphs_.empty(); }
  int font() const { return font_; }
  /// True when `run` may join the runs gathered so far (always, when there are none).
  bool accepts(const GlyphRunItem& run) const;
  void add(const GlyphRunItem& run);
  /// Draws the gathered runs with `face` (the batch's font) and starts a new batch.
  void draw(cairo_t* cr, cairo_font_face_t* face);

 private:
  int font_ = 0;
  double size_ = 0, x_scale_ = 1;
  bool backward_ = false;
  Color color_;
  std::vector<cairo_glyph_t> glyphs_;
  std::string text_;
  std::vector<cairo_text_cluster_t> clusters_;
};

}  // namespace broadsheet::render
