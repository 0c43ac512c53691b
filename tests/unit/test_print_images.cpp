// The print pass's picture parts: pixels to inks through the output profile within the ink
// limit, CMYK JPEGs in Adobe's convention (stored inverted) that decode back to the inks, and
// what a plant would object to in a PDF ad (RGB colours, transparency).
#define BOOST_TEST_MODULE print_images
#include <cairo-pdf.h>
#include <cairo.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <sstream>
#include <vector>

#include "core/c_handle.h"
#include "picture/jpeg_library.h"
#include "print/cmyk_converter.h"
#include "print/icc_profile.h"
#include "print/image_codec.h"
#include "print/pdf_ad_check.h"
#include "print/print_pdf.h"

using namespace broadsheet;
using namespace broadsheet::print;

namespace {

const std::string& profile() {
  static const std::string bytes = read_icc_profile(default_cmyk_profile_path());
  return bytes;
}

/// Every 17th level of r, g and b: 16^3 colours.
std::vector<unsigned char> rgb_cube() {
  std::vector<unsigned char> rgb;
  for (int r = 0; r < 256; r += 17)
    for (int g = 0; g < 256; g += 17)
      for (int b = 0; b < 256; b += 17)
        rgb.insert(rgb.end(), {static_cast<unsigned char>(r), static_cast<unsigned char>(g),
                               static_cast<unsigned char>(b)});
  return rgb;
}

/// The samples libjpeg reads back from a JPEG, and its Adobe marker.
std::vector<unsigned char> jpeg_samples(const std::string& jpeg, bool& adobe, int& components) {
  jpeg_decompress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(jpeg.data()),
               static_cast<unsigned long>(jpeg.size()));
  jpeg_read_header(&info, TRUE);
  adobe = info.saw_Adobe_marker != 0;
  jpeg_start_decompress(&info);
  components = info.output_components;
  std::vector<unsigned char> samples(info.output_width * info.output_height *
                                     static_cast<unsigned>(info.output_components));
  while (info.output_scanline < info.output_height) {
    JSAMPROW row =
        samples.data() + info.output_scanline * info.output_width * info.output_components;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return samples;
}

std::string file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string kPhoto = file("tests/media/lake-small.jpg");

/// Inks that do not depend on the picture: cyan rising to the right, black in the lower half.
class PatternInks final : public RowInks {
 public:
  void convert(int y, unsigned char*, unsigned char* inks) const override {
    for (int x = 0; x < 480; ++x, inks += 4) {
      inks[0] = static_cast<unsigned char>(x / 2);
      inks[1] = 40;
      inks[2] = 0;
      inks[3] = static_cast<unsigned char>(y < 150 ? 0 : 200);
    }
  }
};

/// The picture's own colours through the profile.
class ProfileInks final : public RowInks {
 public:
  explicit ProfileInks(int width) : width_(width) {}
  void convert(int, unsigned char* rgb, unsigned char* inks) const override {
    pixels_.convert(rgb, inks, static_cast<std::size_t>(width_));
  }

 private:
  CmykPixelConverter pixels_{profile(), 2.4};
  int width_;
};

cairo_status_t append(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

/// A one-page PDF drawn by Cairo: a grey field, then a red one at `opacity`.
std::string cairo_pdf(double opacity) {
  std::string pdf;
  {
    CHandle<cairo_surface_t, cairo_surface_destroy> surface(
        cairo_pdf_surface_create_for_stream(append, &pdf, 200, 100));
    CHandle<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 0.5, 0.5, 0.5);
    cairo_paint(cr.get());
    cairo_set_source_rgba(cr.get(), 1, 0, 0, opacity);
    cairo_rectangle(cr.get(), 20, 20, 50, 50);
    cairo_fill(cr.get());
  }
  return pdf;
}

/// A Cairo PDF that draws a CMYK JPEG (as Cairo embeds one given as MIME data) and a
/// half-transparent RGB picture: the two kinds of image the print pass sees.
std::string cairo_pdf_with_images(const std::string& cmyk_jpeg, int width, int height) {
  std::string pdf;
  {
    CHandle<cairo_surface_t, cairo_surface_destroy> surface(
        cairo_pdf_surface_create_for_stream(append, &pdf, 300, 200));
    CHandle<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
    CHandle<cairo_surface_t, cairo_surface_destroy> jpeg(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    cairo_surface_set_mime_data(jpeg.get(), CAIRO_MIME_TYPE_JPEG,
                                reinterpret_cast<const unsigned char*>(cmyk_jpeg.data()),
                                cmyk_jpeg.size(), nullptr, nullptr);
    cairo_set_source_surface(cr.get(), jpeg.get(), 10, 10);
    cairo_paint(cr.get());
    CHandle<cairo_surface_t, cairo_surface_destroy> rgba(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 20));
    {
      CHandle<cairo_t, cairo_destroy> paint(cairo_create(rgba.get()));
      cairo_set_source_rgba(paint.get(), 0.2, 0.4, 0.8, 0.5);
      cairo_paint(paint.get());
    }
    cairo_set_source_surface(cr.get(), rgba.get(), 150, 10);
    cairo_paint(cr.get());
  }
  return pdf;
}

/// The image XObjects of the PDF's first page, by width.
std::map<int, QPDFObjectHandle> images_by_width(QPDF& pdf) {
  std::map<int, QPDFObjectHandle> images;
  QPDFPageObjectHelper page = QPDFPageDocumentHelper(pdf).getAllPages().front();
  for (auto& [name, image] : page.getImages())
    images[image.getDict().getKey("/Width").getIntValueAsInt()] = image;
  return images;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_print_pass_keeps_cmyk_jpegs_and_converts_rgb_pictures) {
  const std::string cmyk_jpeg = recode_as_cmyk_jpeg(kPhoto, ProfileInks(480), 90, "test");
  PrintPdfSettings settings;
  settings.icc_profile = profile();
  settings.profile_name = "test profile";
  settings.info = {
      .title = "t", .author = "", .subject = "", .creator = "test", .date = "2015-12-17T00:00:00Z"};
  const std::string print = make_print_pdf(cairo_pdf_with_images(cmyk_jpeg, 480, 300), settings);
  QPDF pdf;
  pdf.processMemoryFile("print", print.data(), print.size());
  std::map<int, QPDFObjectHandle> images = images_by_width(pdf);
  BOOST_REQUIRE_EQUAL(images.size(), 2u);
  QPDFObjectHandle kept = images[480].getDict();
  BOOST_TEST(kept.getKey("/ColorSpace").getName() == "/DeviceCMYK");
  const std::shared_ptr<Buffer> raw = images[480].getRawStreamData();
  BOOST_TEST((std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()) ==
              cmyk_jpeg));  // untouched
  QPDFObjectHandle converted = images[40].getDict();
  BOOST_TEST(converted.getKey("/ColorSpace").getName() == "/DeviceCMYK");
  BOOST_TEST(converted.getKey("/SMask").isNull());
  const std::shared_ptr<Buffer> pixels = images[40].getStreamData(qpdf_dl_generalized);
  BOOST_REQUIRE_EQUAL(pixels->getSize(), 40u * 20u * 4u);
  const unsigned char* first = pixels->getBuffer();  // half blue on white: a light blue
  BOOST_TEST(first[0] > 40);
  BOOST_TEST(first[0] < 160);
  BOOST_TEST(first[0] > first[2]);
  BOOST_TEST(first[3] < 20);
}

BOOST_AUTO_TEST_CASE(pdf_ads_are_told_by_their_colours_and_transparency) {
  using Problems = std::vector<std::string>;
  BOOST_TEST((pdf_ad_problems(file("tests/media/ad-350x240-cmyk.pdf"), "cmyk.pdf") == Problems{}));
  BOOST_TEST(
      (pdf_ad_problems(file("tests/media/ad-350x240.pdf"), "rgb.pdf") == Problems{"RGB colours"}));
  BOOST_TEST((pdf_ad_problems(cairo_pdf(1), "opaque.pdf") == Problems{"RGB colours"}));
  BOOST_TEST((pdf_ad_problems(cairo_pdf(0.5), "see-through.pdf") ==
              Problems{"RGB colours", "transparency"}));
  BOOST_CHECK_EXCEPTION(pdf_ad_problems("%PDF-1.4 nothing", "broken.pdf"), std::exception,
                        [](const std::exception&) { return true; });
}

BOOST_AUTO_TEST_CASE(no_pixel_needs_more_ink_than_the_limit) {
  for (double limit : {2.4, 3.0}) {
    const CmykPixelConverter converter(profile(), limit);
    const std::vector<unsigned char> rgb = rgb_cube();
    std::vector<unsigned char> inks(rgb.size() / 3 * 4);
    converter.convert(rgb.data(), inks.data(), rgb.size() / 3);
    int most = 0;
    for (std::size_t i = 0; i < inks.size(); i += 4)
      most = std::max(most, inks[i] + inks[i + 1] + inks[i + 2] + inks[i + 3]);
    // 8-bit rounding of four inks: at most 2/255 over
    BOOST_TEST(most <= std::lround(limit * 255) + 2, "limit " << limit << ": " << most);
    if (limit < 2.5)  // the profile's own darkest black needs less than 300 %
      BOOST_TEST(most >= std::lround(limit * 255) - 8, "the limit is reached: " << most);
  }
}

BOOST_AUTO_TEST_CASE(pixels_take_the_inks_of_the_colour_converter) {
  const CmykPixelConverter pixels(profile(), 2.4);
  const CmykConverter colours(profile(), 2.4);
  const unsigned char white[3] = {255, 255, 255}, red[3] = {200, 30, 40};
  unsigned char inks[4];
  pixels.convert(white, inks, 1);
  BOOST_TEST((inks[0] + inks[1] + inks[2] + inks[3]) == 0);
  pixels.convert(red, inks, 1);
  const Cmyk expected = colours.convert({200 / 255.0, 30 / 255.0, 40 / 255.0});
  BOOST_TEST(std::abs(inks[0] / 255.0 - expected.c) < 0.02);
  BOOST_TEST(std::abs(inks[1] / 255.0 - expected.m) < 0.02);
  BOOST_TEST(std::abs(inks[2] / 255.0 - expected.y) < 0.02);
  BOOST_TEST(std::abs(inks[3] / 255.0 - expected.k) < 0.02);
}

BOOST_AUTO_TEST_CASE(a_cmyk_jpeg_stores_inverted_inks_with_an_adobe_marker) {
  const JpegSize size = read_jpeg_size(kPhoto, "lake-small.jpg");
  BOOST_REQUIRE(size.width == 480 && size.height == 300 && size.components == 3);
  const PatternInks pattern;
  const std::string jpeg = recode_as_cmyk_jpeg(kPhoto, pattern, 92, "lake-small.jpg");
  bool adobe = false;
  int components = 0;
  const std::vector<unsigned char> samples = jpeg_samples(jpeg, adobe, components);
  BOOST_TEST(adobe);
  BOOST_TEST(components == 4);
  BOOST_REQUIRE_EQUAL(samples.size(), 480u * 300u * 4u);
  int worst = 0;
  std::vector<unsigned char> rgb(480 * 3), inks(480 * 4);
  for (int y = 0; y < 300; ++y) {
    pattern.convert(y, rgb.data(), inks.data());
    for (std::size_t i = 0; i < inks.size(); ++i)
      worst = std::max(worst, std::abs((255 - samples[y * inks.size() + i]) - inks[i]));
  }
  BOOST_TEST(worst <= 12, "largest difference " << worst);
}

BOOST_AUTO_TEST_CASE(a_broken_jpeg_is_an_error_naming_it) {
  const PatternInks pattern;
  BOOST_CHECK_EXCEPTION(recode_as_cmyk_jpeg("\xFF\xD8 not a jpeg", pattern, 92, "image 12 0"),
                        std::runtime_error, [](const std::runtime_error& e) {
                          return std::string(e.what()).find("image 12 0: cannot read") == 0;
                        });
}
