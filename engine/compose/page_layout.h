#pragma once
// What composition produces: the display list of every page, and a record of every line and
// slot for reports, layout dumps and tests.

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/display_list.h"

namespace broadsheet::compose {

/// What a line is part of.
enum class LineRole {
  Headline,
  Deck,
  Body,
  Subhead,
  Contact,
  Jump,
  Folio,
  Kicker,     ///< the label above a headline
  Byline,     ///< "By MENG JING and MA SI in Beijing"
  Dateline,   ///< "BEIJING —", run in at the start of the first body line
  DropCap,    ///< the large first letter of the body
  Caption,    ///< under a picture
  Credit,     ///< "WU ZHIYI / CHINA DAILY"
  PullQuote,  ///< a quote set large in the body's columns
  FactBox,    ///< a boxed sidebar in the body's columns (title, items, source)
};

/// One line as placed on a page.
struct PlacedLine {
  int page = 0;      ///< 0-based
  std::string slot;  ///< empty for folio lines
  LineRole role = LineRole::Body;
  std::string style;
  std::string text;
  int paragraph = -1;  ///< 0-based body paragraph (the contact line follows the body)
  int line_in_paragraph = 0;
  int column = -1;      ///< 0-based column within the slot, for body lines
  double left = 0;      ///< x of the line's start, pt
  double baseline = 0;  ///< y of the baseline, pt
  double width = 0;     ///< set width, pt
  double measure = 0;
  double ratio = 0;
  double glyph_scale = 1;  ///< horizontal glyph scaling as set (1: none)
  double size = 0;         ///< type size, pt
  bool hyphenated = false;
  bool justified = false;
  bool last_of_paragraph = false;
};

/// What happened in one slot.
struct SlotReport {
  int page = 0;  ///< 0-based
  std::string name;
  std::string story;                      ///< the article file, empty for an empty slot
  int first_column = 0, last_column = 0;  ///< 1-based
  double top = 0, depth = 0;              ///< pt
  double headline_size = 0;
  int headline_lines = 0;
  int deck_lines = 0;
  bool headline_fits = true;  ///< the headline took no more lines than the slot allows
  bool deck_fits = true;      ///< likewise the deck
  /// The head (kicker to byline, and a lead picture with its caption) ends inside the slot; a
  /// head that does not is overset whole, its story drawn nowhere.
  bool head_fits = true;
  std::vector<int> lines_per_column;
  int rows = 0;  ///< body lines a column of the module can hold
  int overset_lines = 0;
  std::vector<std::string> overset_text;  ///< the lines that did not fit
  std::string continued_in;               ///< the slot the story jumps to, when it overflowed there
  int continued_lines = 0;                ///< lines that went on to the continuation
  std::string fit;  ///< copyfit: what was changed to fill the slot, and by how much
  /// Lines each column (reading order) holds when a picture across some of them starts their
  /// body lower; empty when every column holds `rows`.
  std::vector<int> column_rows{};
};

/// White space no slot covers, across columns [first_column, last_column] (1-based) of one page.
struct UnfilledSpace {
  int page = 0;  ///< 0-based
  int first_column = 0, last_column = 0;
  double top = 0, bottom = 0;  ///< pt
  std::string above;           ///< the slot over the hole, empty at the story area's head
  std::string below;           ///< the slot under it, empty at the story area's foot
};

struct PageLayout {
  DisplayList display;
  std::vector<PlacedLine> lines;
  std::vector<SlotReport> slots;
  std::vector<UnfilledSpace> unfilled;  ///< holes between stacked slots (see unfilled_space.h)
  Warnings warnings;
  double grid_origin = 0;  ///< y of the baseline grid's first line
  double grid_pitch = 0;

  bool overset() const;
};

}  // namespace broadsheet::compose
