#pragma once
// Print mode on the display list: the media grows by the bleed and room for printer's marks,
// colour blocks that touch the trim run into the bleed, preview furniture goes, marks come.

#include <algorithm>

#include "core/display_list.h"
#include "template/page_template.h"

namespace broadsheet::print {

/// The gap between the bleed's edge and the default start of a crop mark.
inline constexpr double kMarksGapBeyondBleed = mm_to_pt(2);

/// Crop and registration marks, outside the bleed.
struct Marks {
  bool crop = true;
  bool registration = false;
  double offset = 0;     ///< pt from the trim to where a crop mark starts (beyond the bleed)
  double length = 0;     ///< pt
  double weight = 0.25;  ///< pt: the thinnest rule a plant accepts
};

/// Where a trim page sits on the print media.
struct PrintPageSpec {
  double bleed = 0;  ///< pt
  Rect art;          ///< the type area, relative to the trim's top left (the ArtBox)
  Marks marks;
  /// From the media's edge to the trim's: the bleed, or the marks' room when there are marks.
  /// (Inline: the print module, print_pdf.h's pass, uses it without the rest of this file.)
  double margin() const {
    if (!marks.crop && !marks.registration) return bleed;
    return std::max(bleed, marks.offset + marks.length + kMarksGapBeyondBleed);
  }
};

/// The print page of a template: its bleed, type area and [print] marks settings.
PrintPageSpec print_page_spec(const layout_template::PageTemplate& page_template);

/// The print version of `preview`: every page on media `spec.margin()` larger on each side,
/// drawn in the same place relative to the trim, fills touching the trim extended into the
/// bleed, no preview-layer items, and printer's marks in the registration colour.
DisplayList print_display(const DisplayList& preview, const PrintPageSpec& spec);

/// Adds crop marks at the four corners and registration marks at the middle of each side of a
/// trim `trim_width` × `trim_height` set `margin` in from the media's edges.
void add_printer_marks(DisplayPage& page, double trim_width, double trim_height, double margin,
                       const Marks& marks);

}  // namespace broadsheet::print
