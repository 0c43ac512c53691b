#pragma once
// Comparing two layout dumps ("broadsheet-layout/1", see render/layout_dump.h): which lines
// re-broke, moved, were spaced differently, appeared or disappeared, and which slots changed
// depth, column fill, headline size or overset. Lines are matched by (page, slot, role,
// paragraph, line).

#include <optional>
#include <string>
#include <vector>

namespace broadsheet::diff {

/// One text line of a dump (the fields the diff looks at).
struct DumpLine {
  int page = 1;  ///< 1-based
  std::string slot;
  std::string role;  ///< "headline", "deck", "body", "subhead", "contact", "jump", "folio"
  std::string style;
  int paragraph = -1;  ///< 0-based body paragraph; -1 for headline, deck and folio lines
  int line = 0;        ///< 0-based line within its paragraph (or headline, deck)
  int column = -1;
  std::string text;
  double left = 0;
  double baseline = 0;
  double width = 0;         ///< pt, as set
  double ratio = 0;         ///< word-space adjustment ratio
  bool hyphenated = false;  ///< ends at a hyphen
  double glyph_scale = 1;   ///< written only where it is not 1
};

/// One slot of a dump.
struct DumpSlot {
  int page = 1;
  std::string name;
  double depth = 0;
  double headline_size = 0;
  std::vector<int> lines_per_column;
  int overset_lines = 0;
};

struct DumpPage {
  int page = 1;
  double width = 0;
  double height = 0;
};

/// A parsed layout dump.
struct LayoutDump {
  std::string file;  ///< for messages
  std::vector<DumpPage> pages;
  std::vector<DumpSlot> slots;
  std::vector<DumpLine> lines;  ///< in reading order
};

/// Parses a dump; malformed JSON or a file that is not a dump throws InputError naming `file`
/// (and the line, for JSON syntax errors).
LayoutDump parse_layout_dump(const std::string& json_text, const std::string& file);

/// Reads and parses a dump file (InputError when it cannot be read).
LayoutDump read_layout_dump(const std::string& path);

/// Rebroken: other text. Moved: same text, other place (and maybe other spacing). Respaced:
/// same text and place, other width, ratio, hyphen flag or glyph scale.
enum class LineChangeKind { Rebroken, Moved, Respaced, Appeared, Disappeared };

/// A line whose text, position or spacing differs. `before` is empty for Appeared, `after` for
/// Disappeared.
struct LineChange {
  LineChangeKind kind = LineChangeKind::Rebroken;
  std::optional<DumpLine> before;
  std::optional<DumpLine> after;
};

/// A slot (or page) property that differs: `field` is "depth", "lines_per_column",
/// "headline_size", "overset_lines", "slot" (the slot is in only one dump) or "page size" /
/// "pages" (for the whole page, `slot` empty).
struct SlotChange {
  int page = 1;
  std::string slot;
  std::string field;
  std::string before;  ///< the value, as printed; empty when absent
  std::string after;
};

struct LayoutDiff {
  std::vector<SlotChange> slots;
  std::vector<LineChange> lines;  ///< in reading order
  bool empty() const { return slots.empty() && lines.empty(); }
};

/// Positions and widths closer than this (in points) count as unchanged: dumps round them to
/// 0.01 pt, so a value on a rounding edge may flip by one step; 0.01 pt (3.5 um) is far below
/// anything visible, while any real movement is larger.
inline constexpr double kMoveTolerance = 0.01;
/// Adjustment ratios closer than this count as unchanged. Dumps write the ratio to 0.01, so this
/// only absorbs the noise of reading the numbers back: every change of the written ratio is
/// reported. A ratio step of 0.01 is already a real re-spacing (about 0.008 pt per word space
/// at page21's body), and re-spacing is what the check is for.
inline constexpr double kRatioTolerance = 0.001;
/// Glyph scales are written to 0.0001; as for ratios, every change of the written value counts.
inline constexpr double kGlyphScaleTolerance = 0.00001;

LayoutDiff diff_layouts(const LayoutDump& before, const LayoutDump& after);

/// One line for people, e.g. `lead ¶3 line 2: "...with Ma and" → "...with Ma, and"` or
/// `lead ¶3 line 1: ratio 0.41 → 0.55`.
std::string describe(const LineChange& change);
/// E.g. `lead: depth 365.67 → 376.67`.
std::string describe(const SlotChange& change);

}  // namespace broadsheet::diff
