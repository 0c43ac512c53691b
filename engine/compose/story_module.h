#pragma once
// One story set as a module in its slot, in stages: fit the display blocks (headline, deck),
// set the body against the lines available, distribute it into balanced columns, place it,
// report. A story that does not fit its region either hands the rest on to its continuation
// (a jump) or is reported as overset: text never disappears silently.

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "compose/body_setting.h"
#include "compose/composer.h"
#include "compose/module_placement.h"
#include "compose/slot_frames.h"
#include "compose/story_work.h"

namespace broadsheet::compose {

/// What composing one module gives: values only; the caller puts them on the page.
struct ModuleResult {
  SlotReport report;
  ModulePlacement placement;
  Warnings warnings;
  /// Set when the region was full and the slot jumps: the rest of the story, for the
  /// continuation (its from_page is left for the caller, who knows the folio).
  std::optional<StoryWork> rest;
};

/// Sets `work` in `slot` within `region`. `continued_on` ("Continued on page 22") is given when
/// the slot jumps: the lines that do not fit go to `rest` and that line closes the last column.
ModuleResult compose_module(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                            const layout_template::Slot& slot, const StoryWork& work,
                            const ModuleRegion& region, const BaselineGrid& grid,
                            const std::optional<std::string>& continued_on,
                            const StoryOptions& options = {});

/// What the copyfit trials of one story in one slot and region share: the display blocks for
/// each headline and deck choice, the body breaks, and the column split for each set of
/// paragraph line counts and rows. Valid for that story, slot and region only.
struct ModuleTrials {
  using HeadKey = std::tuple<std::optional<double>, std::optional<int>, std::optional<int>>;
  /// Paragraph line counts, rows, and the rows each column holds under a picture (SlotReport).
  using ColumnsKey = std::tuple<std::vector<int>, int, std::vector<int>>;
  std::map<HeadKey, SlotReport> heads;  ///< the report as far as the display blocks and rows
  TrialBreaks breaks;
  std::map<ColumnsKey, std::vector<int>> columns;
  std::optional<BodyOpening> opening;  ///< the body's opening, the same in every trial
};

/// What a copyfit trial needs of `story` set whole in `slot` (no jump): the report's display
/// sizes and lines, rows, lines per column and overset count, as compose_module gives them,
/// without setting or placing a line. `memo` keeps what later trials may re-use.
SlotReport measure_module(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                          const layout_template::Slot& slot, const story::Story& story,
                          const ModuleRegion& region, const BaselineGrid& grid,
                          const StoryOptions& options, ModuleTrials& memo);

}  // namespace broadsheet::compose
