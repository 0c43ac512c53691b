// broadsheet preflight on real PDFs: it passes the engine's print PDF and fails the preview PDF
// and a PDF with RGB text drawn by Cairo directly (another tool), naming the reasons.
#define BOOST_TEST_MODULE preflight
#include <cairo-pdf.h>
#include <cairo.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <memory>

#include "core/geometry.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

const std::string kArticle = "tests/articles/00_page21_china_daily.txt";

std::string render(const std::string& name, const std::string& options) {
  const std::string pdf = test_out(name);
  const auto r =
      run_command(broadsheet_binary() + " render " + kArticle + " -o " + pdf + " " + options);
  if (r.status != 0) throw std::runtime_error("render failed: " + r.output);
  return pdf;
}

CommandResult preflight(const std::string& pdf, const std::string& options = "") {
  return run_command(broadsheet_binary() + " preflight " + pdf + " " + options);
}

bool says(const CommandResult& r, const std::string& text) {
  return r.output.find(text) != std::string::npos;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

/// An A4 page as another tool would make it: black RGB text and a 0.1 pt hairline.
std::string other_tool_pdf() {
  const std::string path = test_out("preflight_other_tool.pdf");
  {
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_pdf_surface_create(path.c_str(), 595, 842));
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    cairo_select_font_face(cr.get(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr.get(), 12);
    cairo_move_to(cr.get(), 72, 100);
    cairo_show_text(cr.get(), "Body text set in RGB black by another program.");
    cairo_set_line_width(cr.get(), 0.1);
    cairo_move_to(cr.get(), 72, 120);
    cairo_line_to(cr.get(), 500, 120);
    cairo_stroke(cr.get());
    cairo_show_page(cr.get());
  }
  return path;
}

}  // namespace

BOOST_AUTO_TEST_CASE(our_print_pdf_passes) {
  const auto r =
      preflight(render("preflight_print.pdf", "--print"), "--template templates/page21.toml");
  BOOST_TEST(r.status == 0, r.output);
  BOOST_TEST(says(r, "passes"), r.output);
  BOOST_TEST(!says(r, "fail:"), r.output);
}

BOOST_AUTO_TEST_CASE(our_preview_pdf_fails_naming_the_reasons) {
  const auto r = preflight(render("preflight_preview.pdf", ""), "--template templates/page21.toml");
  BOOST_TEST(r.status == 1, r.output);
  BOOST_TEST(says(r, "page 1: no TrimBox"), r.output);
  BOOST_TEST(says(r, "page 1: no BleedBox"), r.output);
  BOOST_TEST(says(r, "page 1: transparency group on the page (blending space DeviceRGB)"),
             r.output);
  BOOST_TEST(says(r, "page 1: DeviceRGB fill colour 0 0 0 rg"), r.output);
  BOOST_TEST(says(r, "page 1: black text in RGB 0 0 0: it separates into four inks"), r.output);
  BOOST_TEST(says(r, "page 1: total ink"), r.output);
  BOOST_TEST(says(r, "document: no GTS_PDFXVersion"), r.output);
  BOOST_TEST(says(r, "document: no PDF/X output intent"), r.output);
  BOOST_TEST(says(r, "fails"), r.output);
}

BOOST_AUTO_TEST_CASE(a_pdf_with_rgb_text_from_another_tool_fails_naming_the_reasons) {
  const auto r = preflight(other_tool_pdf());
  BOOST_TEST(r.status == 1, r.output);
  BOOST_TEST(says(r, "page 1: DeviceRGB fill colour 0 0 0 rg"), r.output);
  BOOST_TEST(says(r, "page 1: black text in RGB"), r.output);
  BOOST_TEST(says(r, "page 1: rule thinner than 0.25 pt (0.1 pt)"), r.output);
  BOOST_TEST(says(r, "page 1: no TrimBox"), r.output);
  // Against page21's template: the wrong trim size.
  const auto t = preflight(other_tool_pdf(), "--template templates/page21.toml");
  BOOST_TEST(t.status == 1, t.output);
  BOOST_TEST(says(t, "page 1: trim size 209.9 × 297.0 mm, the template's is 390.0 × 545.0 mm"),
             t.output);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_no_pdf_cannot_be_read) {
  const std::string path = test_out("preflight_not_a.pdf");
  std::ofstream(path) << "not a PDF at all\n";
  const auto r = preflight(path);
  BOOST_TEST(r.status == 2, r.output);
  BOOST_TEST(says(r, "not a readable PDF"), r.output);
}

BOOST_AUTO_TEST_CASE(rich_black_text_and_unembedded_fonts_from_ghostscript_fail) {
  // PostScript through ghostscript's pdfwrite: CMYK rich-black text in a base font it does not
  // embed.
  const std::string ps = test_out("preflight_rich_black.ps");
  const std::string pdf = test_out("preflight_rich_black.pdf");
  std::ofstream(ps) << "%!PS\n/Helvetica findfont 12 scalefont setfont\n"
                       "0.7 0.6 0.6 1 setcmykcolor 72 700 moveto (Rich black text) show\n"
                       "showpage\n";
  const auto gs = run_command("gs -q -dSAFER -o " + pdf + " -sDEVICE=pdfwrite " + ps);
  BOOST_REQUIRE_MESSAGE(gs.status == 0, gs.output);
  const auto r = preflight(pdf);
  BOOST_TEST(r.status == 1, r.output);
  BOOST_TEST(says(r, "page 1: rich black text cmyk 0.69"), r.output);
  BOOST_TEST(says(r, "page 1: font Helvetica is not embedded"), r.output);
  BOOST_TEST(says(r, "page 1: total ink 29"), r.output);  // 290 %, within 8-bit rounding
  BOOST_TEST(!says(r, "DeviceRGB"), r.output);
}
