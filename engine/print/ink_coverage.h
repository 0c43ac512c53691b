#pragma once
// Separations of a PDF as pixels: ghostscript renders each page in CMYK (its pamcmyk32 device),
// so ink can be measured as a press would lay it down. (poppler's pdftoppm writes CMYK only as
// JPEG on Debian 12, whose compression would blur the measure.)

#include <string>
#include <vector>

#include "core/geometry.h"

namespace broadsheet::print {

/// One page in CMYK, 8 bits per ink.
struct InkRaster {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<unsigned char> pixels;  ///< c, m, y, k per pixel, rows from the top

  Cmyk at(int x, int y) const;
  /// The highest total ink in the rectangle (pt from the raster's top left), and where (pt).
  double max_total_ink(const Rect& area, double* at_x = nullptr, double* at_y = nullptr) const;
  /// The most of each ink anywhere in the rectangle.
  Cmyk max_inks(const Rect& area) const;
};

/// Renders every page of the PDF at `path` at `dpi`, cropped to each page's TrimBox when it has
/// one. Throws std::runtime_error when ghostscript is missing or fails.
std::vector<InkRaster> rasterise_cmyk(const std::string& path, double dpi);

}  // namespace broadsheet::print
