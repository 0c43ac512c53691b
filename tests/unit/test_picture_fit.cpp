// Fitting pictures to frames: filled without distortion, cropped around a focal point or within
// an explicit crop; ads fitted inside; and the picture file reader's sizes and errors.
#define BOOST_TEST_MODULE picture_fit
#include <boost/test/unit_test.hpp>

#include "core/diagnostics.h"
#include "picture/image_file.h"
#include "picture/picture_fit.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::picture;

namespace {

PlacedImagePtr image_of(double width, double height) {
  auto image = std::make_shared<PlacedImage>();
  image->width = width;
  image->height = height;
  return image;
}

const std::string kMedia = std::string(BROADSHEET_SOURCE_DIR) + "/tests/media/";

}  // namespace

BOOST_AUTO_TEST_CASE(fills_the_frame_without_distortion_centred_by_default) {
  // 2000 x 1000 px into 100 x 100 pt: the height decides, 0.1 pt per px; 1000 px of width show.
  const FittedPicture fit = fill_frame(image_of(2000, 1000), {10, 20, 100, 100});
  BOOST_TEST(fit.item.scale == 0.1, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(fit.item.x == 10 - 500 * 0.1, boost::test_tools::tolerance(1e-9));  // centred
  BOOST_TEST(fit.item.y == 20.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fit.dpi == 720.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fit.item.frame.width == 100.0);
}

BOOST_AUTO_TEST_CASE(focus_moves_the_window_but_never_past_the_edges) {
  const auto image = image_of(2000, 1000);
  // Focus at 90 % across: the window (1000 px) would centre on 1800 px; it stops at the right
  // edge, showing px 1000..2000.
  const FittedPicture right = fill_frame(image, {0, 0, 100, 100}, {.focus = {0.9, 0.5}});
  BOOST_TEST(right.item.x == -1000 * 0.1, boost::test_tools::tolerance(1e-9));
  // Focus at 30 %: centred on 600 px, showing 100..1100.
  const FittedPicture left = fill_frame(image, {0, 0, 100, 100}, {.focus = {0.3, 0.5}});
  BOOST_TEST(left.item.x == -100 * 0.1, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(an_explicit_crop_is_scaled_to_the_frame) {
  // Keep the right half's top half (px 1000..2000 x 0..500) in a 200 x 100 pt frame: 0.2 pt/px.
  const FittedPicture fit =
      fill_frame(image_of(2000, 1000), {0, 0, 200, 100}, {.crop = {{0.5, 0, 1, 0.5}}});
  BOOST_TEST(fit.item.scale == 0.2, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(fit.item.x == -1000 * 0.2, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fit.item.y == 0.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fit.dpi == 360.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(an_ad_fits_inside_centred) {
  const FittedPicture fit = fit_inside(image_of(400, 100), {0, 0, 200, 200});
  BOOST_TEST(fit.item.scale == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(fit.item.y == 75.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(reads_sizes_from_headers) {
  const PlacedImagePtr jpeg = load_image_file(kMedia + "lake.jpg");
  BOOST_TEST((jpeg->format == ImageFormat::Jpeg));
  BOOST_TEST(jpeg->width == 2000.0);
  BOOST_TEST(jpeg->height == 1250.0);
  const PlacedImagePtr png = load_image_file(kMedia + "lake.png");
  BOOST_TEST((png->format == ImageFormat::Png));
  BOOST_TEST(png->width == 400.0);
  const PlacedImagePtr pdf = load_image_file(kMedia + "ad-350x240.pdf");
  BOOST_TEST((pdf->format == ImageFormat::Pdf));
  BOOST_TEST(pdf->width == 350 / 25.4 * 72, boost::test_tools::tolerance(0.01));
  BOOST_TEST(pdf->height == 240 / 25.4 * 72, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(bad_files_are_errors_naming_them) {
  BOOST_CHECK_EXCEPTION(
      load_image_file("/nonexistent/photo.jpg"), InputError, [](const InputError& e) {
        return std::string(e.what()).find("/nonexistent/photo.jpg") != std::string::npos;
      });
  BOOST_CHECK_EXCEPTION(image_from_bytes("hello", "note.jpg"), InputError, [](const InputError& e) {
    return std::string(e.what()).find("note.jpg") != std::string::npos &&
           std::string(e.what()).find("not a JPEG, PNG or PDF") != std::string::npos;
  });
  // A JPEG cut short after its first bytes: libjpeg's complaint, naming the file.
  BOOST_CHECK_EXCEPTION(image_from_bytes(std::string("\xFF\xD8\xFF\xE0", 4), "cut.jpg"), InputError,
                        [](const InputError& e) {
                          return std::string(e.what()).find("cut.jpg") != std::string::npos;
                        });
}
