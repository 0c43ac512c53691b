#pragma once
// The breaker's input: Knuth and Plass's boxes, glue and penalties, with widths only (no fonts,
// no text). Prefix sums make the natural width, stretch and shrink of any candidate line O(1).

#include <cstddef>
#include <stdexcept>
#include <vector>

namespace broadsheet::linebreak {

enum class ItemKind : unsigned char { Box, Glue, Penalty };

/// A penalty at least this large forbids a break; at most -this forces one (TeX's 10000).
inline constexpr double kInfinitePenalty = 10000;

struct Item {
  ItemKind kind = ItemKind::Box;
  double width = 0;    ///< for a penalty: the width added when the line breaks there (a hyphen)
  double stretch = 0;  ///< glue stretch; on a box, the letter-spacing it may take
  double shrink = 0;
  double penalty = 0;    ///< penalties only
  bool flagged = false;  ///< a hyphenated break (consecutive ones get extra demerits)
  /// A discretionary break (a hyphenation point, a break inside a URL): like TeX's first pass,
  /// the Knuth-Plass breaker tries a paragraph without these before it tries with them.
  bool discretionary = false;
};

/// An item list with prefix sums; build it with the add_* calls, then read.
class ItemList {
 public:
  void add_box(double width, double stretch = 0, double shrink = 0);
  void add_glue(double width, double stretch, double shrink);
  void add_penalty(double width, double penalty, bool flagged = false, bool discretionary = false);
  /// TeX's \parfillskip and the final forced break.
  void add_paragraph_end();

  const std::vector<Item>& items() const { return items_; }
  std::size_t size() const { return items_.size(); }
  const Item& operator[](std::size_t i) const { return items_[i]; }

  /// Sums over items [from, to) of box and glue widths (penalty widths never count here).
  double width(std::size_t from, std::size_t to) const { return width_[to] - width_[from]; }
  double stretch(std::size_t from, std::size_t to) const { return stretch_[to] - stretch_[from]; }
  double shrink(std::size_t from, std::size_t to) const { return shrink_[to] - shrink_[from]; }

  /// True when a line may end at item i: a penalty below infinity, or glue right after a box.
  bool is_legal_break(std::size_t i) const;
  /// The first item of a line that follows a break at `b`: glue and penalties after a break are
  /// discarded up to the next box (or a forced break).
  std::size_t line_start_after(std::size_t b) const;

 private:
  void push(const Item& item);
  std::vector<Item> items_;
  std::vector<double> width_{0}, stretch_{0}, shrink_{0};
};

/// The measure of each line; the last entry repeats for all later lines (TeX's \parshape).
struct LineWidths {
  std::vector<double> widths;
  /// The measure of line `line` (0-based). Throws std::invalid_argument when `widths` is empty:
  /// no line has a measure then, and a breaker must not guess one.
  double at(std::size_t line) const {
    if (widths.empty()) throw std::invalid_argument("LineWidths::at: no line widths given");
    return line < widths.size() ? widths[line] : widths.back();
  }
};

/// One line as a breaker chose it: the items [start, end) plus the break item itself.
struct BrokenLine {
  std::size_t start = 0;     ///< first item on the line
  std::size_t brk = 0;       ///< the break item (glue or penalty) that ends the line
  double ratio = 0;          ///< adjustment ratio: >0 stretched, <0 shrunk (-1 = all shrink used)
  double natural_width = 0;  ///< boxes and glue at natural width, with the break's width
  double measure = 0;
  bool hyphenated = false;  ///< ends at a flagged penalty
  bool overfull = false;    ///< wider than the measure even at full shrink
  double demerits = 0;      ///< Knuth-Plass only
  int fitness = 1;          ///< 0 tight, 1 decent, 2 loose, 3 very loose
};

/// Natural width, stretch and shrink of the line items [start, brk) ending at break `brk`,
/// and its adjustment ratio against `measure`.
BrokenLine measure_line(const ItemList& items, std::size_t start, std::size_t brk, double measure);

/// What a breaker returns: the lines, and which pass found them.
struct BreakResult {
  std::vector<BrokenLine> lines;
  int pass = 1;  ///< Knuth-Plass: 1 no hyphenation, 2 hyphenation, 3 emergency stretch
};

/// Widths in, break positions out. Implementations are pure: same input, same output.
class LineBreaker {
 public:
  virtual ~LineBreaker() = default;
  virtual BreakResult break_lines(const ItemList& items, const LineWidths& widths) const = 0;
};

}  // namespace broadsheet::linebreak
