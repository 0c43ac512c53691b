#pragma once
// Comparing two renders pixel by pixel: PNGs as they are, PDFs rasterised page by page with
// poppler's pdftoppm at one resolution. Changed pixels are grouped into regions (bounding boxes
// in pixels and points), and a diff image shows them in red over the faded new page.

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/c_handle.h"

namespace broadsheet::diff {

/// An RGB24 image (as seen on white: any transparency is flattened at load time).
class RasterImage {
 public:
  RasterImage() = default;
  /// Takes ownership of `surface`, which must be a CAIRO_FORMAT_RGB24 image surface.
  explicit RasterImage(cairo_surface_t* surface);

  int width() const;
  int height() const;
  /// The pixel at (x, y) as 0x00RRGGBB.
  std::uint32_t pixel(int x, int y) const;
  cairo_surface_t* surface() const { return surface_.get(); }

 private:
  CHandle<cairo_surface_t, cairo_surface_destroy> surface_;
};

/// Loads a PNG (InputError naming the file when it cannot).
RasterImage load_png(const std::string& path);

/// Rasterises every page of a PDF at `dpi` with `pdftoppm` (InputError when it fails).
std::vector<RasterImage> rasterize_pdf(const std::string& path, double dpi);

/// The pages of a .png (one) or a .pdf (each), by extension.
std::vector<RasterImage> load_pages(const std::string& path, double dpi);

struct PixelDiffOptions {
  /// A pixel differs when one of its channels differs by more than this (0..255). Renders are
  /// deterministic, so this only absorbs anti-aliasing noise from another rasteriser version
  /// (a few levels); a glyph added, removed or moved by a pixel changes edges by far more.
  int tolerance = 32;
  /// Resolution of the images, to give regions in points (px × 72 / dpi).
  double dpi = 40;
  /// Changed pixels are grouped on a grid of cells this many pixels square; touching cells
  /// (diagonals too) form one region.
  int cell = 8;
};

/// A box of changed pixels: [x, x + width) × [y, y + height).
struct PixelRegion {
  int x = 0, y = 0, width = 0, height = 0;  ///< pixels
  double x_pt = 0, y_pt = 0, width_pt = 0, height_pt = 0;
  long changed_pixels = 0;
};

/// One page compared. Images of different sizes are compared over the larger extent: the
/// pixels only one of them has count as changed.
struct PageDiff {
  int page = 1;  ///< 1-based
  int width_before = 0, height_before = 0;
  int width_after = 0, height_after = 0;
  long changed_pixels = 0;
  std::vector<PixelRegion> regions;
  /// Changed pixels, row-major over width() × height() (empty when none changed).
  std::vector<bool> mask;

  bool size_differs() const { return width_before != width_after || height_before != height_after; }
  bool differs() const { return changed_pixels > 0 || size_differs(); }
  int width() const { return std::max(width_before, width_after); }
  int height() const { return std::max(height_before, height_after); }
};

PageDiff compare_images(const RasterImage& before, const RasterImage& after,
                        const PixelDiffOptions& options = {});

/// Writes the diff image: `after` at 25% over white, changed pixels in red, each region
/// outlined in red. Atomic (temporary file, then rename); creates the folder.
void write_diff_image(const RasterImage& after, const PageDiff& diff, const std::string& path);

}  // namespace broadsheet::diff
