#pragma once
// Tagged PDF through Cairo's structure tags (cairo_tag_begin / cairo_tag_end, Cairo >= 1.16):
// glyph runs that carry a tag become structure elements (H1, P) inside one "Art" per story, in
// drawing order, which is reading order.

#include <cairo.h>

#include <string>

#include "core/display_list.h"

namespace broadsheet::render {

/// Opens and closes structure elements as a page's glyph runs are drawn. Untagged runs draw
/// outside any element; a page's display list without tags draws exactly as before.
class StructureTagger {
 public:
  /// Call before drawing `run`.
  void enter(cairo_t* cr, const GlyphRunItem& run);
  /// Call at the end of the page: closes what is open.
  void close(cairo_t* cr);

 private:
  void close_element(cairo_t* cr);

  std::string open_tag_;
  int open_element_ = -1;
  int open_story_ = -1;
  bool story_open_ = false;
};

}  // namespace broadsheet::render
