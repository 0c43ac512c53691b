#pragma once
// Composition stage 3: the body of a story set against the lines available to it. The body
// stage asks for each line's width as it goes (line n of the module's flow is set at
// `widths(n)`), so that a picture or a pull quote can shorten lines in a column without the
// breaker knowing why.

#include <cstddef>
#include <functional>
#include <map>
#include <tuple>
#include <vector>

#include "compose/column_flow.h"
#include "compose/composer.h"
#include "compose/story_work.h"

namespace broadsheet::compose {

/// The width of line `n` of a module's body flow (0: its first body line).
using LineWidthFn = std::function<double(int n)>;

/// Every line of the flow at one width.
LineWidthFn constant_width(double width);

/// The body lines of a module, the overfull ones also reported as warnings.
struct BodySetting {
  std::vector<BodyLine> lines;
  Warnings warnings;
};

/// How a story's first body paragraph opens (not on a continuation): room at the start of its
/// first line for a run-in dateline, and a drop cap's letter taken out of the text with the
/// lines beside it moved right.
struct BodyOpening {
  double first_line_indent = 0;  ///< pt kept free at the start of the first line
  std::size_t skip_bytes = 0;    ///< the first paragraph's text starts here (after a drop cap)
  int drop_lines = 0;            ///< flow lines beside the drop cap
  double drop_indent = 0;        ///< pt from the column's left for those lines
  /// The drop cap's letters: the text layer reads them with the first line ("In the", not
  /// "I n the"), so that line's first cluster carries them and the cap's glyphs carry none.
  std::string drop_cap_text;
  int inset_lines = 0;         ///< flow lines beside an inset picture atop the first column ...
  double inset_narrowing = 0;  ///< ... set this much shorter ...
  double inset_indent = 0;     ///< ... and moved this far right (a picture on the left)
};

/// Sets what `work` holds of its story (the whole body and the contact line, or the rest a jump
/// left) in `slot`'s styles. Subheads are set as subheads when the template has their style.
/// Lines a jump left are re-used when their measure is what `widths` asks for, re-broken from
/// their first line's text otherwise.
BodySetting set_body(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                     const layout_template::Slot& slot, const StoryWork& work,
                     const LineWidthFn& widths, const StoryOptions& options = {},
                     const BodyOpening& opening = {});

/// Keeps the first `lines` of `flow` together (lines set beside an inset picture at the head of
/// the first column): a column break among them is a broken keep.
void keep_beside_inset(std::vector<FlowLine>& flow, int lines);

/// Line counts of paragraphs already broken in a copyfit's trials, by paragraph, byte offset,
/// looseness, letter spacing (em), measure, and the flow line it starts on when that is beside
/// an opening's shortened lines (-1 otherwise): a trial that changes only the headline re-breaks
/// nothing.
struct TrialBreaks {
  using Key = std::tuple<int, std::size_t, int, double, double, int>;
  std::map<Key, int> lines;
};

/// What `set_body` sets of a whole story at one `measure`, as flow lines only (a copyfit trial
/// needs only the line counts): every paragraph is broken, never set, and its count kept in
/// `memo`.
std::vector<FlowLine> count_body(const ComposeContext& context,
                                 const layout_template::PageTemplate& tpl,
                                 const layout_template::Slot& slot, const story::Story& story,
                                 double measure, const BodyOpening& opening,
                                 const StoryOptions& options, TrialBreaks& memo);

}  // namespace broadsheet::compose
