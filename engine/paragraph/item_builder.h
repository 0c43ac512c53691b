#pragma once
// From a shaped paragraph to the breaker's item list (boxes, glue, penalties), remembering
// which word and bytes each item stands for so the line setter can put the glyphs back.

#include <cstddef>
#include <vector>

#include "linebreak/items.h"
#include "paragraph/shaped_paragraph.h"

namespace broadsheet::paragraph {

/// What an item stands for.
struct ItemOrigin {
  enum class Kind : unsigned char {
    Indent,
    Fragment,
    WordSpace,
    Break,
    Filler
  } kind = Kind::Filler;
  int word = -1;                   ///< Fragment, Break: index into ShapedParagraph::words
  std::size_t begin = 0, end = 0;  ///< Fragment: byte range inside the word
};

/// Penalties of the breaks inside words. Defaults after TeX (\hyphenpenalty and
/// \exhyphenpenalty are both 50 in plain TeX); URL breaks cost more, so they are taken only when
/// the line needs them.
struct ItemParams {
  double hyphen_penalty = 50;
  double explicit_hyphen_penalty = 50;
  double url_break_penalty = 100;
  /// Optical margin alignment: the fraction of a character's width that may hang into the
  /// right margin at a line end (after pdfTeX's protrusion defaults, in per mille of the glyph).
  double protrude_hyphen = 0.7;
  double protrude_period_comma = 0.7;
  double protrude_quote = 0.5;
  double protrude_colon = 0.5;
  /// Stretch of the invisible glue in ragged settings (3 em, Knuth and Plass 1981, sec. "ragged").
  double ragged_stretch_em = 3.0;
};

struct ParagraphItems {
  linebreak::ItemList list;
  std::vector<ItemOrigin> origins;  ///< one per item
};

/// Builds the items. With `indent_first_line` the style's indent opens the paragraph.
ParagraphItems build_items(const ShapedParagraph& paragraph, bool indent_first_line,
                           const ItemParams& params = {});

/// How far the glyphs ending a line at byte `end_offset` of word `word` may hang into the right
/// margin (0 when optical margins are off or the character does not protrude). `hyphenated`
/// means a hyphen is added there.
double right_protrusion(const ShapedParagraph& paragraph, int word, std::size_t end_offset,
                        bool hyphenated, const ItemParams& params = {});

}  // namespace broadsheet::paragraph
