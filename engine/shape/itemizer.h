#pragma once
// Itemisation: a paragraph cut into runs that one HarfBuzz call can shape. A run has one face
// (the style's face, its italic or bold for an inline span, or the first fallback face that has
// the characters), one script and one bidi level. Characters no face has are marked missing:
// they are drawn as a box (U+25A1) and keep their own text in the PDF's text layer.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "font/font_registry.h"
#include "shape/shaper.h"
#include "text/bidi.h"

namespace broadsheet::shape {

/// A stretch of a paragraph in another face of the style's family ("Italic", "Bold").
struct StyledRange {
  std::size_t begin = 0, end = 0;  ///< bytes
  std::string face_style;
};

/// One run of a paragraph.
struct TextItem {
  std::size_t begin = 0, end = 0;  ///< bytes of the paragraph
  font::FontId font = 0;
  std::uint32_t script = 0;  ///< an hb_script_t
  std::uint8_t level = 0;    ///< bidi embedding level (odd: right to left)
  bool missing = false;      ///< no face has these characters
};

/// A character no face could draw, with its byte offset in the paragraph.
struct MissingCharacter {
  char32_t value = 0;
  std::size_t offset = 0;
};

/// The runs of a paragraph, and what was needed to make them.
struct Itemization {
  std::vector<TextItem> items;  ///< in logical order, covering the text
  text::BidiLevels bidi;
  std::vector<MissingCharacter> missing;
  std::vector<font::FontId> fallbacks;  ///< fallback faces used, in order of first use
};

/// Cuts `text` into runs for `base_font` (the style's face), its family's faces for `styled`
/// ranges, and the manifest's fallback chain for `language`.
Itemization itemize(const font::FontRegistry& fonts, font::FontId base_font, std::string_view text,
                    const std::vector<StyledRange>& styled, std::string_view language,
                    text::BaseDirection direction);

/// Shapes bytes [begin, end) of `text` run by run at `size` (clusters relative to `begin`,
/// glyphs in logical run order, each run's glyphs in its own direction's order). The characters
/// starting at the byte offsets `half_width` (of `text`, increasing) are shaped with OpenType
/// `halt` (CJK punctuation compression, text/cjk_punctuation.h).
ShapedRun shape_items(const font::FontRegistry& fonts, const std::vector<TextItem>& items,
                      std::string_view text, std::size_t begin, std::size_t end, double size,
                      const ShapeOptions& options, const std::vector<std::size_t>& half_width = {});

}  // namespace broadsheet::shape
