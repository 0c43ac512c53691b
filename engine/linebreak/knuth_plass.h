#pragma once
// Knuth-Plass total-fit line breaking (D. E. Knuth and M. F. Plass, "Breaking Paragraphs into
// Lines", Software--Practice and Experience 11 (1981) 1119-1184), with TeX's refinements
// (TeX: The Program, part 38-39): three passes, fitness classes, hyphen demerits, looseness and
// emergency stretch; plus two newspaper rules: a hard limit on consecutive hyphenated lines and
// a penalty on runt last lines. See knuth_plass.cpp for the outline of the control flow.

#include <cstddef>
#include <vector>

#include "linebreak/items.h"

namespace broadsheet::linebreak {

/// Every tunable of the breaker. Defaults follow plain TeX where TeX has the parameter, tuned
/// for narrow (about 16 em) justified newspaper columns where it matters.
struct KnuthPlassParams {
  /// Pass 1 (no discretionary hyphens) accepts lines up to this badness. Plain TeX's
  /// \pretolerance=100: with r <= 1 every line stays within the style's word-space range.
  /// Negative skips pass 1 (as in TeX).
  double pretolerance = 100;
  /// Pass 2 (with hyphenation) accepts lines up to this badness. Plain TeX's 200 is for 30 em
  /// book measures; a 16 em column has only 5-6 spaces a line, and TeX users set 1000-2000 for
  /// such columns. Measured on the 143 body paragraphs of tests/articles at 154.72 pt (with TeX's
  /// hyphen penalty): 200 sends 29 of them on to the emergency pass, 500 sends 9, 1000 sends 5,
  /// 2000 sends 3. With the newspaper hyphen penalty (600, see ItemParams) 2000 is better than
  /// 1000 on every article of scripts/quality.py (fewer paragraphs left to the emergency pass,
  /// whose looseness spreads over whole paragraphs): lines up to r = 2.7 are accepted, and total
  /// fit keeps them rare.
  double tolerance = 2000;
  /// Pass 3 adds this stretch (pt) to every line when computing badness (TeX's
  /// \emergencystretch; the reported ratio stays the real one). 10 pt is about the natural
  /// stretch of a whole 154.72 pt body line (6 spaces x 0.78 pt + 30 glyph gaps x 0.19 pt), so
  /// it doubles each line's stretch: it spreads one hopeless line's looseness over its
  /// neighbours yet badness still discriminates. With it, none of the 143 paragraphs above
  /// reaches the final pass. An absolute length, not a fraction of the measure, as in TeX; scale
  /// it with the body size for other templates. Zero or less skips pass 3.
  double emergency_stretch = 10;
  /// When a paragraph needs pass 3, it is also set with this fraction of the emergency stretch,
  /// and the solution whose loosest line is less loose is kept. The additive emergency stretch
  /// favours very loose lines that have few spaces (their own stretch is small); a newspaper
  /// column shows its loosest line. Measured on tests/articles (scripts/quality.py): the widest
  /// gap in 02 goes from 0.875 em to 0.717 em, every other article unchanged. Zero: off.
  double emergency_retry_fraction = 0.5;
  /// Added to each line's badness before squaring (plain TeX's \linepenalty=10): prefers fewer
  /// lines.
  double line_penalty = 10;
  /// For adjacent lines whose fitness classes are not adjacent (plain TeX's \adjdemerits=10000).
  /// Classes follow TeX: tight r < -0.5, decent r <= 0.5, loose r <= 1, very loose above.
  double adj_demerits = 10000;
  /// For two consecutive flagged (hyphen) line ends (plain TeX's \doublehyphendemerits=10000).
  double double_hyphen_demerits = 10000;
  /// For a flagged second-last line, i.e. a hyphen before the last line (plain TeX's
  /// \finalhyphendemerits=5000).
  double final_hyphen_demerits = 5000;
  /// Hard limit on consecutive flagged line ends (newspaper house styles and InDesign's
  /// "hyphen limit" use 2). A candidate that would make one more is infeasible in passes 1-3;
  /// the final rescue pass ignores it. Zero or less: no limit.
  int max_consecutive_hyphens = 2;
  /// TeX's \looseness: prefer a solution with this many more (or fewer) lines than the optimum,
  /// as close as feasible. A pass that cannot reach it gives way to the next, up to pass 3.
  int looseness = 0;
  /// A last line is a runt when it has fewer than `runt_min_words` words (separated by glue of
  /// positive width) AND its natural width is below `runt_min_fraction` of its measure; one-line
  /// paragraphs never are. Newspaper practice: no single short word alone on a last line.
  int runt_min_words = 2;
  double runt_min_fraction = 0.2;
  /// Demerits for a runt last line. Measured over the nine articles of tests/articles as the
  /// page21 lead (scripts/quality.py): 1e5 left 11 runts ("ogy.", "ber."), 1e6 left 6, 1e7
  /// leaves 3, where the paragraph has no other feasible ending (a two-line closing "I'm Anna
  /// Matteo." paragraph); 1e8 changes nothing more. At 1e7 a runt costs as much as a line at
  /// badness ~3000, so a neighbouring line gets looser instead, within every spacing target.
  /// In addition, a pass-1 solution ending in a runt is not accepted: pass 2 may fix it by
  /// hyphenating.
  double runt_demerits = 1e7;
};

/// What \tracingparagraphs shows: every feasible break considered, in every pass.
struct BreakTrace {
  static constexpr std::size_t kParagraphStart = static_cast<std::size_t>(-1);
  struct Candidate {
    std::size_t item = 0;  ///< the break item
    int line = 0;          ///< 1-based number of the line that ends here
    double ratio = 0;      ///< the line's real adjustment ratio
    int fitness = 1;       ///< 0 tight, 1 decent, 2 loose, 3 very loose
    double demerits = 0;   ///< total demerits of the paragraph up to here along this chain
    std::size_t previous = kParagraphStart;  ///< item of the previous break
    int pass = 1;                            ///< 1, 2, 3 (emergency) or 4 (the final rescue pass)
  };
  std::vector<Candidate> feasible;
};

/// Badness of a line with adjustment ratio r: 100 |r|^3, at most 10000 (TeX's inf_bad, also for
/// r = +inf, a short line with no stretch). Overfull lines (r < -1) are not feasible at all.
double badness(double ratio);
/// TeX's fitness class of a line: 0 tight, 1 decent, 2 loose, 3 very loose.
int fitness_class(double ratio);

class KnuthPlassBreaker final : public LineBreaker {
 public:
  explicit KnuthPlassBreaker(KnuthPlassParams params = {}) : params_(params) {}

  /// Total-fit breaks. `items` must end with ItemList::add_paragraph_end() and `widths` must
  /// not be empty (std::invalid_argument otherwise; no items give no lines). Always returns lines
  /// covering every item: when no pass finds feasible lines, a final pass (reported as pass 3,
  /// like TeX's last pass) accepts any underfull line and, where every line would be overfull
  /// (a box wider than the measure), keeps the least overfull one, flagged `overfull`.
  BreakResult break_lines(const ItemList& items, const LineWidths& widths) const override;

  /// The same, recording every feasible candidate into `trace` (may be null).
  BreakResult break_lines_traced(const ItemList& items, const LineWidths& widths,
                                 BreakTrace* trace) const;

  const KnuthPlassParams& params() const { return params_; }

 private:
  KnuthPlassParams params_;
};

}  // namespace broadsheet::linebreak
