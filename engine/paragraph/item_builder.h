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

/// Penalties of the breaks inside words. TeX's \hyphenpenalty and \exhyphenpenalty (50) are
/// for 30 em book lines; in a 16 em newspaper column they let a third of the lines end in a
/// hyphen. Measured with scripts/quality.py over the nine articles of tests/articles at page21's
/// 154.72 pt: hyphen_penalty 50 -> 26 % hyphenated ends in the reference article, 300 -> 21 %,
/// 600 -> 15 %, 1000 -> 14 % but up to 5 loose lines and a 1.02 em gap elsewhere; 600 keeps every
/// article's loose lines at 3 or fewer. URL breaks cost 1000: taken only when a line would
/// otherwise be hopeless (and never in the breaker's first pass).
struct ItemParams {
  double hyphen_penalty = 600;
  double explicit_hyphen_penalty = 500;
  double url_break_penalty = 1000;
  /// Breaks of last resort inside a word's stretch wider than 10 em (WordBreak::emergency), dearer
  /// than any other break so that they are taken only when nothing else fits: after '_', '-', '=',
  /// '/' at the first, anywhere else at the second (below the breaker's infinity, 10000).
  double emergency_separator_penalty = 5000;
  double emergency_break_penalty = 9000;
  /// Added to a discretionary hyphen inside a word that has a hyphen of its own ("e-com-merce"):
  /// a line ending "e-com-" shows two hyphens in five letters; the compound's own hyphen is the
  /// better break.
  double compound_hyphen_extra = 400;
  /// Optical margin alignment: the fraction of a character's width that may hang into the
  /// right margin at a line end (after pdfTeX's protrusion defaults, in per mille of the glyph).
  double protrude_hyphen = 0.7;
  double protrude_period_comma = 0.7;
  double protrude_quote = 0.5;
  double protrude_colon = 0.5;
  /// Stretch of the invisible glue in ragged settings. Knuth and Plass (1981) use 3 em for book
  /// measures; a 16 em newspaper column with long unbreakable words (e-mail addresses) needs
  /// twice that, or a short last-but-one line becomes infeasible and a costly break wins.
  double ragged_stretch_em = 6.0;
  /// Justified Chinese and Japanese: the glue between two solid-set characters (ideographs,
  /// kana, CJK punctuation) may stretch by this much (em), as JIS X 4051 spreads a line's
  /// shortfall evenly over its characters rather than over (absent) word spaces.
  double cjk_glue_stretch_em = 0.25;
};

/// Gaps between consecutive glyphs of `run` [first, last) whose characters are both set solid
/// (text::is_cjk_solid); `last_gap` counts the gap after the last glyph too (to the next one).
std::size_t cjk_gaps(const shape::ShapedRun& run, std::size_t first, std::size_t last,
                     bool last_gap);

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
