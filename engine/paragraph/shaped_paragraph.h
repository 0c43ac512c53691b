#pragma once
// A paragraph shaped once ("measure once, break many"): its words with their glyphs, the places
// inside words where a line may end (hyphenation points, explicit hyphens, URL breaks), and the
// widths the item builder needs. Re-breaking for another measure never reshapes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "font/font_registry.h"
#include "shape/itemizer.h"
#include "shape/shaper.h"
#include "story/story.h"
#include "template/page_template.h"
#include "text/hyphenator.h"

namespace broadsheet::paragraph {

/// Everything about a paragraph's type that shaping and breaking need.
struct ParagraphStyle {
  font::FontId font = 0;
  std::string face_style{};  ///< the face's style name ("Regular", "Bold")
  double size = 10;
  layout_template::Align align = layout_template::Align::Left;
  double indent = 0;  ///< pt, first line
  bool hyphenate = false;
  text::HyphenationRules hyphenation;
  layout_template::Justification justification;
  bool optical_margins = false;
  double tracking = 0;     ///< em
  std::string language{};  ///< BCP 47 of the text; empty: unknown
  text::BaseDirection direction = text::BaseDirection::Auto;
  std::string features{};  ///< OpenType features of the style, comma-separated ("onum,smcp")
  /// Stretches of this paragraph's text in another face of the family (inline em/strong).
  std::vector<shape::StyledRange> styled{};
};

/// A place inside a word where a line may end.
struct WordBreak {
  std::size_t offset = 0;        ///< byte offset inside the word
  bool adds_hyphen = false;      ///< a discretionary hyphen (dictionary point or soft hyphen)
  bool explicit_hyphen = false;  ///< after a hyphen or dash that is in the text
  bool url = false;              ///< inside a URL or an e-mail address
  /// A break of last resort inside a stretch of a word wider than 10 em: after '_', '-', '=',
  /// '/' (url set too), else between any two characters.
  bool emergency = false;
};

/// A CJK bracket, comma or full stop that is set half width when a line starts (opening) or
/// ends (closing) with it: what `halt` takes off its advance and how it moves its glyph.
struct EdgeTrim {
  std::size_t offset = 0;  ///< byte offset of the character inside the word
  bool opening = false;    ///< an opening bracket (trimmed at a line start), else closing
  double trim = 0;         ///< pt taken off the advance
  double shift = 0;        ///< pt added to the glyph's x offset
};

/// A space-delimited word with its shaping.
struct ShapedWord {
  std::size_t begin = 0, end = 0;  ///< byte range in the paragraph text
  shape::ShapedRun run;            ///< the whole word shaped; clusters relative to `begin`
  std::vector<WordBreak> breaks;   ///< increasing offsets, strictly inside the word
  /// Has an explicit hyphen of its own ("e-commerce"), even where the hyphenation minimums
  /// forbid breaking there: a discretionary hyphen in it is a last resort.
  bool compound = false;
  std::vector<EdgeTrim> edge_trims{};  ///< increasing offsets (solid-set CJK only)
};

struct ShapedParagraph {
  std::string text;
  ParagraphStyle style;
  std::vector<ShapedWord> words;
  double space_width = 0;          ///< the font's space at this size
  shape::ShapedRun hyphen;         ///< the hyphen glyph added at discretionary breaks
  shape::Itemization itemization;  ///< runs by face, script and bidi level; missing characters
  bool cjk_solid = false;          ///< has Chinese or Japanese set solid (CJK glue applies)
  /// Punctuation set half width by its neighbour ("」「"): byte offsets, shaped with `halt`.
  std::vector<std::size_t> half_width{};
};

/// The edge trim of word `word` at byte `offset` inside it that is `opening` or not, or null.
const EdgeTrim* edge_trim_at(const ShapedWord& word, std::size_t offset, bool opening);

/// Sets `style`'s language and its inline faces from a story paragraph's spans (em: Italic,
/// strong: Bold, both: Bold Italic), for the paragraph's text from byte `from` on.
void set_text_attributes(const std::string& language, const std::vector<story::InlineSpan>& spans,
                         std::size_t from, ParagraphStyle& style);

/// The shaping options of a paragraph style (kerning and ligatures on).
shape::ShapeOptions shape_options(const ParagraphStyle& style);

/// Shapes `text` (one paragraph, valid UTF-8) word by word and finds its break points.
/// `hyphenator` may be null when the style does not hyphenate.
ShapedParagraph shape_paragraph(const font::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                                const std::string& text, const ParagraphStyle& style);

/// True when `text` has Chinese or Japanese set solid (ShapedParagraph::cjk_solid).
bool sets_cjk_solid(std::string_view text);

/// `untracked` (shaped with no tracking) with `tracking` em after every glyph: what
/// shape_paragraph() gives at that tracking, bit for bit, without shaping again (a copyfit's
/// letter-spacing trials). Not for solid-set CJK, whose edge trims are measured while shaping.
ShapedParagraph with_tracking(const font::FontRegistry& fonts, const ShapedParagraph& untracked,
                              double tracking);

/// The paragraph style for a template text style.
ParagraphStyle paragraph_style(const font::FontRegistry& fonts,
                               const layout_template::TextStyle& style);

}  // namespace broadsheet::paragraph
