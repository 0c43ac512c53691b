// Print PDFs of a page with pictures and an ad, read back as a printing plant would: the JPEG
// photo is a CMYK JPEG, a PNG with alpha is flattened onto white in CMYK, the CMYK ad passes
// untouched, preflight finds nothing, the photo prints in the preview's colours (poppler with
// the output profile), renders are byte-identical, and an RGB ad is named in a warning.
#define BOOST_TEST_MODULE print_pictures
#include <cairo.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "core/c_handle.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;
using Object = QPDFObjectHandle;

namespace {

const std::string kTemplate = "templates/page21-pictures.toml";
const std::string kLead = "tests/articles/pictures/page21_lead_photo.txt";
const std::string kRail = "tests/articles/pictures/rail_pull_quote.txt";
const std::string kCmykAd = "tests/media/ad-350x240-cmyk.pdf";
const std::string kRgbAd = "tests/media/ad-350x240.pdf";
const std::string kProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
constexpr int kPngWidth = 1000, kPngHeight = 320;

/// A PNG with alpha: an opaque blue-to-orange field, its left quarter fully transparent, a
/// half-transparent white band across the middle.
const std::string& alpha_png() {
  static const std::string path = [] {
    const std::string png = test_out("print_pictures_alpha.png");
    CHandle<cairo_surface_t, cairo_surface_destroy> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kPngWidth, kPngHeight));
    CHandle<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
    CHandle<cairo_pattern_t, cairo_pattern_destroy> field(
        cairo_pattern_create_linear(0, 0, kPngWidth, 0));
    cairo_pattern_add_color_stop_rgb(field.get(), 0, 0.1, 0.3, 0.7);
    cairo_pattern_add_color_stop_rgb(field.get(), 1, 0.9, 0.5, 0.1);
    cairo_set_source(cr.get(), field.get());
    cairo_rectangle(cr.get(), kPngWidth / 4.0, 0, kPngWidth * 0.75, kPngHeight);
    cairo_fill(cr.get());
    cairo_set_source_rgba(cr.get(), 1, 1, 1, 0.5);
    cairo_rectangle(cr.get(), 0, kPngHeight * 0.4, kPngWidth, kPngHeight * 0.2);
    cairo_fill(cr.get());
    cairo_surface_write_to_png(surface.get(), png.c_str());
    return png;
  }();
  return path;
}

/// The rail story with the PNG at its head, less its last paragraph (room for the picture).
const std::string& rail_with_png() {
  static const std::string path = [] {
    std::ifstream in(kRail);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    BOOST_REQUIRE(lines.size() > 4);
    lines.erase(lines.end() - 2);  // the last paragraph before the source line
    lines.insert(lines.begin() + 1,
                 "Picture: " + alpha_png() + " | A test field with alpha | TEST / BROADSHEET");
    const std::string article = test_out("print_pictures_rail.txt");
    std::ofstream out(article);
    for (const std::string& line : lines) out << line << "\n";
    return article;
  }();
  return path;
}

/// Renders the page (lead photo, rail PNG, `ad`) with `options`; returns the PDF and output.
CommandResult render(const std::string& name, const std::string& ad, const std::string& options,
                     std::string& pdf) {
  pdf = test_out(name);
  return run_command(broadsheet_binary() + " render " + kLead + " " + rail_with_png() +
                     " --template " + kTemplate + " --no-deck-for " + rail_with_png() +
                     " --slot ad=" + ad + " -o " + pdf + " " + options);
}

const std::string& rendered(const std::string& name, const std::string& options) {
  static std::map<std::string, std::string> done;
  if (!done.count(name)) {
    std::string pdf;
    const CommandResult r = render(name, kCmykAd, options, pdf);
    if (r.status != 0) throw std::runtime_error("render failed: " + r.output);
    done[name] = pdf;
  }
  return done[name];
}

const std::string& print_pdf() {
  return rendered("print_pictures.pdf", "--print");
}
const std::string& preview_pdf() {
  return rendered("print_pictures_preview.pdf", "");
}

/// The image XObjects a page draws itself (not those inside the ads' /BsAd forms).
void collect_images(Object resources, std::vector<Object>& images, int depth = 0) {
  if (!resources.isDictionary() || depth > 8) return;
  Object xobjects = resources.getKey("/XObject");
  if (!xobjects.isDictionary()) return;
  for (const std::string& name : xobjects.getKeys()) {
    if (name.rfind("/BsAd", 0) == 0) continue;
    Object x = xobjects.getKey(name);
    if (!x.isStream()) continue;
    if (x.getDict().getKey("/Subtype").getName() == "/Image")
      images.push_back(x);
    else
      collect_images(x.getDict().getKey("/Resources"), images, depth + 1);
  }
}

struct OpenPdf {
  QPDF pdf;
  std::vector<Object> images;
  explicit OpenPdf(const std::string& path) {
    pdf.processFile(path.c_str());
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages())
      collect_images(page.getAttribute("/Resources", false), images);
  }
  Object image_of_width(int width) {
    for (Object image : images)
      if (image.getDict().getKey("/Width").getIntValueAsInt() == width) return image;
    BOOST_FAIL("no image " << width << " px wide");
    return Object::newNull();
  }
};

std::string name_of(Object dict, const char* key) {
  Object value = dict.getKey(key);
  if (value.isArray() && value.getArrayNItems() == 1) value = value.getArrayItem(0);
  return value.isName() ? value.getName() : "";
}

// ---- where the photo is drawn, and its pixels ---------------------------------------------------

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< PDF space, y up
};

/// The box a content stream draws one image XObject in: its matrix's unit square, cut to the
/// clip rectangle in force (Cairo clips each picture to its frame with `re W n`).
class ImagePlacement : public Object::ParserCallbacks {
 public:
  ImagePlacement(Object resources, Object image) : resources_(resources), image_(image) {}
  std::optional<Box> found;

  void handleObject(Object object, size_t, size_t) override {
    if (!object.isOperator()) {
      operands_.push_back(object);
      return;
    }
    const std::string op = object.getOperatorValue();
    std::vector<double> v;
    for (Object o : operands_)
      if (o.isNumber()) v.push_back(o.getNumericValue());
    if (op == "q") saved_.push_back(state_);
    if (op == "Q" && !saved_.empty()) state_ = saved_.back(), saved_.pop_back();
    if (op == "cm" && v.size() == 6) state_.ctm = multiply(v, state_.ctm);
    if (op == "re" && v.size() == 4) last_rect_ = bounds(v[0], v[1], v[0] + v[2], v[1] + v[3]);
    if (op == "W") state_.clip = last_rect_;
    if (op == "Do" && !operands_.empty() && operands_[0].isName()) {
      Object x = resources_.getKey("/XObject").getKey(operands_[0].getName());
      if (x.isStream() && x.getObjGen() == image_.getObjGen()) {
        Box b = bounds(0, 0, 1, 1);
        if (state_.clip)
          b = {std::max(b.x0, state_.clip->x0), std::max(b.y0, state_.clip->y0),
               std::min(b.x1, state_.clip->x1), std::min(b.y1, state_.clip->y1)};
        found = b;
      }
    }
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  static std::vector<double> multiply(const std::vector<double>& m, const std::vector<double>& n) {
    return {m[0] * n[0] + m[1] * n[2],        m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2],        m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]};
  }
  Box bounds(double x0, double y0, double x1, double y1) const {
    const auto& m = state_.ctm;
    const double xs[4] = {x0, x1, x0, x1}, ys[4] = {y0, y0, y1, y1};
    Box b{1e9, 1e9, -1e9, -1e9};
    for (int i = 0; i < 4; ++i) {
      const double x = m[0] * xs[i] + m[2] * ys[i] + m[4], y = m[1] * xs[i] + m[3] * ys[i] + m[5];
      b = {std::min(b.x0, x), std::min(b.y0, y), std::max(b.x1, x), std::max(b.y1, y)};
    }
    return b;
  }
  struct State {
    std::vector<double> ctm{1, 0, 0, 1, 0, 0};
    std::optional<Box> clip;
  };
  Object resources_, image_;
  State state_;
  std::vector<State> saved_;
  Box last_rect_;
  std::vector<Object> operands_;
};

/// Where page 1 of `pdf` draws its photo (the 2000 px JPEG), in PDF space; and the page height.
Box photo_box(const std::string& path, double& page_height) {
  OpenPdf open(path);
  QPDFPageObjectHelper page = QPDFPageDocumentHelper(open.pdf).getAllPages().front();
  const auto media = page.getMediaBox().getArrayAsRectangle();
  page_height = media.ury - media.lly;
  ImagePlacement placement(page.getAttribute("/Resources", false), open.image_of_width(2000));
  page.parseContents(&placement);
  BOOST_REQUIRE(placement.found.has_value());
  return *placement.found;
}

struct Rgb {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
};

/// The middle of `box` (a margin of 10 % cut away) rendered by poppler at `dpi` as RGB; CMYK
/// through the output profile, as a proof on screen would show it.
Rgb render_region(const std::string& pdf, const Box& box, double page_height, int dpi) {
  const double s = dpi / 72.0, mx = (box.x1 - box.x0) * 0.1, my = (box.y1 - box.y0) * 0.1;
  const int x = static_cast<int>((box.x0 + mx) * s),
            y = static_cast<int>((page_height - box.y1 + my) * s);
  const int w = static_cast<int>((box.x1 - box.x0 - 2 * mx) * s);
  const int h = static_cast<int>((box.y1 - box.y0 - 2 * my) * s);
  const std::string out = pdf + ".region";
  const CommandResult r = run_command(
      "pdftoppm -r " + std::to_string(dpi) + " -defaultcmykprofile " + kProfile + " -x " +
      std::to_string(x) + " -y " + std::to_string(y) + " -W " + std::to_string(w) + " -H " +
      std::to_string(h) + " -singlefile " + pdf + " " + out);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.output);
  const std::string ppm = slurp(out + ".ppm");
  Rgb rgb;
  int max = 0, used = 0;
  BOOST_REQUIRE(std::sscanf(ppm.c_str(), "P6 %d %d %d%n", &rgb.width, &rgb.height, &max, &used) ==
                3);
  rgb.pixels.assign(ppm.begin() + used + 1, ppm.end());
  BOOST_REQUIRE_EQUAL(rgb.pixels.size(), static_cast<std::size_t>(rgb.width) * rgb.height * 3);
  return rgb;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_page_with_a_jpeg_photo_a_png_and_a_cmyk_ad_passes_preflight) {
  const CommandResult r =
      run_command(broadsheet_binary() + " preflight " + print_pdf() + " --template " + kTemplate);
  BOOST_TEST(r.status == 0, r.output);
  BOOST_TEST(r.output.find("fail") == std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(the_photo_is_a_cmyk_jpeg_in_adobes_convention) {
  OpenPdf pdf(print_pdf());
  Object photo = pdf.image_of_width(2000);
  Object dict = photo.getDict();
  BOOST_TEST(name_of(dict, "/Filter") == "/DCTDecode");
  BOOST_TEST(name_of(dict, "/ColorSpace") == "/DeviceCMYK");
  BOOST_TEST(dict.getKey("/Decode").unparse() == "[ 1 0 1 0 1 0 1 0 ]");
  const std::shared_ptr<Buffer> jpeg = photo.getRawStreamData();
  const std::string bytes(reinterpret_cast<const char*>(jpeg->getBuffer()), jpeg->getSize());
  BOOST_TEST(bytes.rfind("\xFF\xD8", 0) == 0u);
  BOOST_TEST(bytes.find("Adobe") != std::string::npos);  // APP14: how readers know CMYK inverted
  BOOST_TEST(dict.getKey("/SMask").isNull());
}

BOOST_AUTO_TEST_CASE(the_png_is_flate_cmyk_flattened_onto_white_within_the_ink_limit) {
  OpenPdf pdf(print_pdf());
  Object png = pdf.image_of_width(kPngWidth);
  Object dict = png.getDict();
  BOOST_TEST(name_of(dict, "/Filter") == "/FlateDecode");
  BOOST_TEST(name_of(dict, "/ColorSpace") == "/DeviceCMYK");
  BOOST_TEST(dict.getKey("/SMask").isNull());
  const std::shared_ptr<Buffer> data = png.getStreamData(qpdf_dl_generalized);
  BOOST_REQUIRE_EQUAL(data->getSize(), static_cast<std::size_t>(kPngWidth) * kPngHeight * 4);
  const unsigned char* inks = data->getBuffer();
  const auto at = [&](int x, int y) {
    return inks + (static_cast<std::size_t>(y) * kPngWidth + x) * 4;
  };
  const unsigned char* corner = at(10, 10);  // transparent: white paper, no ink
  BOOST_TEST((corner[0] + corner[1] + corner[2] + corner[3]) == 0);
  const unsigned char* band = at(10, kPngHeight / 2);  // half-transparent white on nothing: white
  BOOST_TEST((band[0] + band[1] + band[2] + band[3]) == 0);
  const unsigned char* blue = at(kPngWidth / 4 + 20, 20);  // opaque blue: cyan over yellow
  BOOST_TEST(blue[0] > 128);
  BOOST_TEST(blue[0] > blue[2] + 64);
  int most = 0;
  for (std::size_t i = 0; i < data->getSize(); i += 4)
    most = std::max(most, inks[i] + inks[i + 1] + inks[i + 2] + inks[i + 3]);
  BOOST_TEST(most <= static_cast<int>(2.4 * 255) + 4, "most ink " << most * 100 / 255 << " %");
  for (Object image : pdf.images)
    BOOST_TEST(name_of(image.getDict(), "/ColorSpace") != "/DeviceRGB");
}

BOOST_AUTO_TEST_CASE(the_photo_prints_in_the_colours_of_the_preview) {
  double print_height = 0, preview_height = 0;
  const Box print_box = photo_box(print_pdf(), print_height);
  const Box preview_box = photo_box(preview_pdf(), preview_height);
  BOOST_TEST(print_box.x1 - print_box.x0 == preview_box.x1 - preview_box.x0,
             boost::test_tools::tolerance(0.01));
  const Rgb print = render_region(print_pdf(), print_box, print_height, 40);
  const Rgb preview = render_region(preview_pdf(), preview_box, preview_height, 40);
  BOOST_REQUIRE_EQUAL(print.width, preview.width);
  BOOST_REQUIRE_EQUAL(print.height, preview.height);
  double diff = 0, print_mean[3] = {}, preview_mean[3] = {};
  const std::size_t n = print.pixels.size();
  for (std::size_t i = 0; i < n; ++i) {
    diff += std::abs(print.pixels[i] - preview.pixels[i]);
    print_mean[i % 3] += print.pixels[i];
    preview_mean[i % 3] += preview.pixels[i];
  }
  diff /= static_cast<double>(n);
  for (int c = 0; c < 3; ++c) {
    print_mean[c] /= static_cast<double>(n / 3);
    preview_mean[c] /= static_cast<double>(n / 3);
    BOOST_TEST(std::abs(print_mean[c] - preview_mean[c]) < 10,
               "channel " << c << ": print " << print_mean[c] << ", preview " << preview_mean[c]);
  }
  // Newsprint's smaller gamut moves single pixels a little; an inverted photo moves every one.
  BOOST_TEST(diff < 12, "mean difference per channel " << diff);
}

BOOST_AUTO_TEST_CASE(two_print_renders_are_byte_identical) {
  const std::string again = rendered("print_pictures_again.pdf", "--print");
  const std::string first = slurp(print_pdf());
  BOOST_TEST(!first.empty());
  BOOST_TEST((slurp(again) == first));
}

BOOST_AUTO_TEST_CASE(a_cmyk_ad_gives_no_warning) {
  std::string pdf;
  const CommandResult r = render("print_pictures_cmyk_ad.pdf", kCmykAd, "--print", pdf);
  BOOST_TEST(r.status == 0, r.output);
  BOOST_TEST(r.output.find("PDF/X-1a wants") == std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(an_rgb_ad_is_placed_as_given_with_a_warning_and_no_needless_group) {
  std::string pdf;
  const CommandResult r = render("print_pictures_rgb_ad.pdf", kRgbAd, "--print", pdf);
  BOOST_TEST(r.status == 0, r.output);
  BOOST_TEST(r.output.find("warning: " + kRgbAd + ": RGB colours; PDF/X-1a wants CMYK ads\n") !=
                 std::string::npos,
             r.output);
  OpenPdf open(pdf);
  QPDFPageObjectHelper page = QPDFPageDocumentHelper(open.pdf).getAllPages().front();
  Object ad = page.getAttribute("/Resources", false).getKey("/XObject").getKey("/BsAd0");
  BOOST_REQUIRE(ad.isStream());
  BOOST_TEST(ad.getDict().getKey("/Group").isNull());  // Cairo's page group, with nothing in it
  const CommandResult check =
      run_command(broadsheet_binary() + " preflight " + pdf + " --template " + kTemplate);
  BOOST_TEST(check.status == 1);
  BOOST_TEST(check.output.find("DeviceRGB fill colour 0.05 0.32 0.55 rg") != std::string::npos,
             check.output);
  BOOST_TEST(check.output.find("transparency") == std::string::npos, check.output);
  BOOST_TEST(check.output.find("DeviceRGB image") == std::string::npos, check.output);
}

BOOST_AUTO_TEST_CASE(the_preview_keeps_the_original_jpeg) {
  OpenPdf pdf(preview_pdf());
  Object photo = pdf.image_of_width(2000);
  BOOST_TEST(name_of(photo.getDict(), "/ColorSpace") == "/DeviceRGB");
  const std::shared_ptr<Buffer> jpeg = photo.getRawStreamData();
  const std::string bytes(reinterpret_cast<const char*>(jpeg->getBuffer()), jpeg->getSize());
  BOOST_TEST((bytes == slurp("tests/media/lake.jpg")));
}
