#pragma once
// HarfBuzz shaping into runs of positioned glyphs that keep their cluster map, so that the PDF's
// text layer can give back the real characters ("fi" ligature -> "f" + "i").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "font/font_registry.h"

namespace broadsheet::shape {

/// One glyph as HarfBuzz placed it; lengths in points.
struct ShapedGlyph {
  std::uint32_t id = 0;
  std::uint32_t cluster = 0;  ///< byte offset of its cluster in the shaped text
  double advance = 0;
  double x_offset = 0;
  double y_offset = 0;           ///< up is positive, as in HarfBuzz
  bool unsafe_to_break = false;  ///< cutting the text before this glyph's cluster changes shaping
  font::FontId font = 0;         ///< the face that draws it (a run may hold several: fallback)
  std::uint8_t level = 0;        ///< bidi embedding level of its text (odd: right to left)
};

/// A shaped piece of text at one size, in one font or (itemised, shape/itemizer.h) in several:
/// each glyph names its face. Right-to-left pieces hold their glyphs in visual order.
struct ShapedRun {
  font::FontId font = 0;  ///< the face of the first glyph (the style's face for plain text)
  double size = 0;
  std::string text;  ///< the UTF-8 text that was shaped (clusters index into it)
  std::vector<ShapedGlyph> glyphs;

  double width() const;
  /// Width of the glyphs whose clusters lie in [begin, end) (byte offsets into text).
  double width_of(std::size_t begin, std::size_t end) const;
  /// True when the text may be cut at byte offset `at` without reshaping either side.
  bool safe_to_cut(std::size_t at) const;
};

/// Shaping options: OpenType features are on the HarfBuzz defaults (kerning and standard
/// ligatures on) unless switched off here.
struct ShapeOptions {
  bool kerning = true;
  bool ligatures = true;
  double tracking = 0;          ///< em added to every glyph's advance
  std::string features{};       ///< more OpenType features, HarfBuzz syntax, comma-separated
  std::string language{};       ///< BCP 47; empty: HarfBuzz's guess from the process
  std::uint32_t script = 0;     ///< an hb_script_t; 0: guessed from the text
  bool right_to_left = false;   ///< shaped right to left (glyphs come out in visual order)
  std::uint8_t bidi_level = 0;  ///< stored in each glyph (not a shaping input)
};

/// Shapes `text` (valid UTF-8, one line, one script and direction) with `font` at `size` points.
ShapedRun shape_text(const font::FontRegistry& fonts, font::FontId font, double size,
                     std::string_view text, const ShapeOptions& options = {});

}  // namespace broadsheet::shape
