#pragma once
// Helpers shared by the composer's parts: putting set lines on the page, and the baseline grid.

#include <cmath>
#include <string>

#include "compose/composer.h"
#include "compose/page_layout.h"
#include "paragraph/line_setter.h"

namespace broadsheet::compose {

/// The page's baseline grid: lines at origin + n * pitch.
struct BaselineGrid {
  double origin = 0;
  double pitch = 11;
  /// The first grid line at or below y.
  int row_at_or_below(double y) const {
    return clamped_row(std::ceil((y - origin) / pitch - 1e-9));
  }
  double y(int row) const { return origin + row * pitch; }

  /// A row number from a computed one; rows far off the page (or not numbers) are clamped so
  /// that converting them is never undefined behaviour. Templates are checked long before this.
  static int clamped_row(double row) {
    constexpr double kLimit = 1e8;
    if (!(row > -kLimit)) return -static_cast<int>(kLimit);
    if (row > kLimit) return static_cast<int>(kLimit);
    return static_cast<int>(row);
  }
};

/// Adds a preview label (placeholder names, guide captions) in the template's body face, or its
/// first style's: `x` is its left end, or its centre when `centred`; `y` its baseline.
void add_preview_label(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                       const std::string& text, double size, double x, double y, bool centred,
                       const Color& color, DisplayPage& page);

/// Adds the glyph runs of `line` to `page` with its left end at x and its baseline at y.
void place_line(const paragraph::SetLine& line, double x, double y, const Color& color,
                DisplayPage& page);

}  // namespace broadsheet::compose
