// Pixel diffs on images drawn here with Cairo: identical, one changed rectangle, two far-apart
// changes, noise under the tolerance, different sizes, PNG files and the diff image; and the
// renderer's glyph scaling, measured on the rasterised PDF.
#define BOOST_TEST_MODULE pixel_diff
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

#include "core/diagnostics.h"
#include "diff/pixel_diff.h"
#include "paragraph/line_setter.h"
#include "render/cairo_renderer.h"
#include "shape/shaper.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::diff;
namespace fs = std::filesystem;

namespace {

struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

/// A white RGB24 image with `draw` applied (in pixels).
RasterImage drawn(int width, int height, const std::function<void(cairo_t*)>& draw = {}) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  RasterImage image(surface);  // owns it from here
  {
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    if (draw) draw(cr.get());
  }
  cairo_surface_flush(surface);
  return image;
}

std::function<void(cairo_t*)> box(double x, double y, double w, double h, double grey = 0) {
  return [=](cairo_t* cr) {
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
  };
}

}  // namespace

BOOST_AUTO_TEST_CASE(identical_images_have_no_regions) {
  const auto page = box(10, 10, 30, 5);
  const PageDiff d = compare_images(drawn(200, 100, page), drawn(200, 100, page));
  BOOST_TEST(!d.differs());
  BOOST_TEST(d.changed_pixels == 0);
  BOOST_TEST(d.regions.empty());
}

BOOST_AUTO_TEST_CASE(a_changed_rectangle_is_one_region_with_its_box) {
  const PageDiff d =
      compare_images(drawn(200, 100), drawn(200, 100, box(30, 20, 25, 10)), {.dpi = 36});
  BOOST_TEST(d.differs());
  BOOST_TEST(d.changed_pixels == 250);
  BOOST_TEST_REQUIRE(d.regions.size() == 1u);
  const PixelRegion& r = d.regions[0];
  BOOST_TEST(r.x == 30);
  BOOST_TEST(r.y == 20);
  BOOST_TEST(r.width == 25);
  BOOST_TEST(r.height == 10);
  BOOST_TEST(r.changed_pixels == 250);
  // At 36 dpi a pixel is 2 pt.
  BOOST_TEST(r.x_pt == 60.0);
  BOOST_TEST(r.y_pt == 40.0);
  BOOST_TEST(r.width_pt == 50.0);
  BOOST_TEST(r.height_pt == 20.0);
}

BOOST_AUTO_TEST_CASE(two_far_apart_changes_are_two_regions) {
  const auto both = [](cairo_t* cr) {
    box(150, 70, 10, 10)(cr);
    box(5, 5, 4, 4)(cr);
  };
  const PageDiff d = compare_images(drawn(200, 100), drawn(200, 100, both));
  BOOST_TEST_REQUIRE(d.regions.size() == 2u);
  // Top to bottom.
  BOOST_TEST(d.regions[0].x == 5);
  BOOST_TEST(d.regions[0].width == 4);
  BOOST_TEST(d.regions[1].x == 150);
  BOOST_TEST(d.regions[1].y == 70);
  BOOST_TEST(d.changed_pixels == 116);
}

BOOST_AUTO_TEST_CASE(changes_in_neighbouring_cells_are_one_region) {
  // Two marks 3 px apart, in touching 8 px cells: one region around both.
  const auto close = [](cairo_t* cr) {
    box(10, 10, 4, 4)(cr);
    box(17, 10, 4, 4)(cr);
  };
  const PageDiff d = compare_images(drawn(64, 64), drawn(64, 64, close));
  BOOST_TEST_REQUIRE(d.regions.size() == 1u);
  BOOST_TEST(d.regions[0].x == 10);
  BOOST_TEST(d.regions[0].width == 11);
}

BOOST_AUTO_TEST_CASE(differences_within_the_tolerance_are_ignored) {
  // 10% grey is 25 levels off white: under the default tolerance of 32, over a tolerance of 8.
  const auto faint = box(10, 10, 20, 20, 0.9);
  BOOST_TEST(!compare_images(drawn(64, 64), drawn(64, 64, faint)).differs());
  BOOST_TEST(compare_images(drawn(64, 64), drawn(64, 64, faint), {.tolerance = 8}).differs());
}

BOOST_AUTO_TEST_CASE(different_sizes_are_a_difference) {
  const PageDiff d = compare_images(drawn(100, 50), drawn(120, 50));
  BOOST_TEST(d.size_differs());
  BOOST_TEST(d.differs());
  BOOST_TEST(d.width() == 120);
  BOOST_TEST(d.changed_pixels == 20 * 50);
  BOOST_TEST_REQUIRE(d.regions.size() == 1u);
  BOOST_TEST(d.regions[0].x == 100);
  BOOST_TEST(d.regions[0].width == 20);
}

BOOST_AUTO_TEST_CASE(pngs_load_and_the_diff_image_is_written) {
  const std::string a = testing::test_out("pixel_a.png"), b = testing::test_out("pixel_b.png");
  const std::string out = testing::test_out("pixel_diff/diff.png");
  fs::remove_all(testing::test_out("pixel_diff"));
  BOOST_TEST(cairo_surface_write_to_png(drawn(80, 40).surface(), a.c_str()) ==
             CAIRO_STATUS_SUCCESS);
  BOOST_TEST(cairo_surface_write_to_png(drawn(80, 40, box(20, 10, 8, 8)).surface(), b.c_str()) ==
             CAIRO_STATUS_SUCCESS);
  const RasterImage before = load_png(a), after = load_png(b);
  BOOST_TEST(after.width() == 80);
  BOOST_TEST(after.pixel(24, 14) == 0x000000u);
  BOOST_TEST(after.pixel(0, 0) == 0xFFFFFFu);
  const PageDiff d = compare_images(before, after);
  BOOST_TEST_REQUIRE(d.regions.size() == 1u);
  write_diff_image(after, d, out);
  const RasterImage diff_image = load_png(out);
  BOOST_TEST(diff_image.width() == 80);
  BOOST_TEST(diff_image.pixel(24, 14) == 0xFF0000u);  // a changed pixel: red
  BOOST_TEST(diff_image.pixel(60, 30) == 0xFFFFFFu);  // untouched white
  BOOST_TEST(diff_image.pixel(17, 14) == 0xFF0000u);  // the region's outline, 3 px left of it
}

BOOST_AUTO_TEST_CASE(files_that_are_not_images) {
  const std::string text = testing::test_out("not_a.png");
  std::ofstream(text) << "hello";
  BOOST_CHECK_THROW(load_png(text), InputError);
  BOOST_CHECK_THROW(load_png(testing::test_out("missing.png")), InputError);
  BOOST_CHECK_THROW(rasterize_pdf(text, 40), InputError);
  BOOST_CHECK_THROW(load_pages(testing::test_out("a.gif"), 40), InputError);
}

namespace {

/// Ink columns (leftmost, rightmost) of a dark pixel in `image`.
std::pair<int, int> ink_extent(const RasterImage& image) {
  int left = image.width(), right = -1;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if ((image.pixel(x, y) & 0xFF) < 128) {
        left = std::min(left, x);
        right = std::max(right, x);
      }
  return {left, right};
}

/// "HH" at 60 pt drawn through the PDF renderer with horizontal scale `x_scale`, rasterised.
RasterImage scaled_glyphs(double x_scale, const std::string& name) {
  const auto& fonts = broadsheet::testing::test_fonts();
  const auto font = fonts.find("TeX Gyre Termes", "Regular");
  const shape::ShapedRun run = shape::shape_text(fonts, font, 60, "HH");
  double advance = 0;
  GlyphRunItem item = paragraph::make_glyph_run(run, 20, 0, advance, x_scale);
  for (auto& g : item.glyphs) g.y += 70;
  DisplayList list;
  list.pages.push_back({300, 100, {}});
  list.pages.back().add(std::move(item));
  const std::string pdf = broadsheet::testing::test_out(name);
  render::write_pdf(list, fonts, pdf, {});
  std::vector<RasterImage> pages = rasterize_pdf(pdf, 144);
  return std::move(pages.front());
}

}  // namespace

BOOST_AUTO_TEST_CASE(glyph_scaling_widens_the_outlines_in_the_pdf) {
  const auto [left1, right1] = ink_extent(scaled_glyphs(1.0, "glyph_scale_100.pdf"));
  const auto [left2, right2] = ink_extent(scaled_glyphs(1.5, "glyph_scale_150.pdf"));
  BOOST_TEST_REQUIRE(right1 > left1);
  // Both the positions and the outlines scale: the ink of "HH" is 1.5 times as wide.
  const double ratio = double(right2 - left2) / double(right1 - left1);
  BOOST_TEST(ratio == 1.5, boost::test_tools::tolerance(0.03));
}
