// Print mode on the real page21 PDF, read back with libqpdf and ghostscript's separations: page
// boxes, DeviceCMYK colour with black text in K only, no transparency group, the PDF/X output
// intent and keys, printer's marks outside the bleed, and byte-identical renders.
#define BOOST_TEST_MODULE print
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "core/geometry.h"
#include "pdf_ops.h"
#include "print/ink_coverage.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;
using Object = QPDFObjectHandle;

namespace {

const std::string kArticle = "tests/articles/00_page21_china_daily.txt";

/// Renders page21 (print mode unless `mode` says otherwise) once per name.
std::string render(const std::string& name, const std::string& options = "--print") {
  const std::string pdf = test_out(name);
  const auto r =
      run_command(broadsheet_binary() + " render " + kArticle + " -o " + pdf + " " + options);
  if (r.status != 0) throw std::runtime_error("render failed: " + r.output);
  return pdf;
}

const std::string& print_pdf() {
  static const std::string pdf = render("print_page21.pdf");
  return pdf;
}

Object::Rectangle box(QPDFPageObjectHelper& page, const char* key) {
  Object value = page.getObjectHandle().getKey(key);
  BOOST_REQUIRE_MESSAGE(value.isRectangle(), std::string("no ") + key);
  return value.getArrayAsRectangle();
}

bool is_text_show(const std::string& op) {
  return op == "Tj" || op == "TJ" || op == "'" || op == "\"";
}

constexpr double kTrimWidth = mm_to_pt(390), kTrimHeight = mm_to_pt(545), kBleed = mm_to_pt(3);

}  // namespace

BOOST_AUTO_TEST_CASE(every_page_has_trim_bleed_art_and_media_boxes) {
  OpenPdf file(print_pdf());
  auto pages = file.pages();
  BOOST_REQUIRE(!pages.empty());
  for (QPDFPageObjectHelper& page : pages) {
    const auto trim = box(page, "/TrimBox"), bleed = box(page, "/BleedBox");
    const auto media = box(page, "/MediaBox"), art = box(page, "/ArtBox");
    BOOST_TEST(trim.urx - trim.llx == kTrimWidth, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(trim.ury - trim.lly == kTrimHeight, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(trim.llx - bleed.llx == kBleed, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(trim.lly - bleed.lly == kBleed, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(bleed.urx - trim.urx == kBleed, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(bleed.ury - trim.ury == kBleed, boost::test_tools::tolerance(1e-3));
    // Room for the marks beyond the bleed; the ArtBox is the type area (350 x 509 mm, 20 mm in
    // from the left and bottom of the trim).
    BOOST_TEST(bleed.llx - media.llx > kBleed);
    BOOST_TEST(media.urx - bleed.urx > kBleed);
    BOOST_TEST(art.llx - trim.llx == mm_to_pt(20), boost::test_tools::tolerance(1e-3));
    BOOST_TEST(art.lly - trim.lly == mm_to_pt(20), boost::test_tools::tolerance(1e-3));
    BOOST_TEST(art.urx - art.llx == mm_to_pt(350), boost::test_tools::tolerance(1e-3));
    BOOST_TEST(art.ury - art.lly == mm_to_pt(509), boost::test_tools::tolerance(1e-3));
    BOOST_TEST(!page.getObjectHandle().hasKey("/Group"));
  }
}

BOOST_AUTO_TEST_CASE(output_intent_embeds_a_cmyk_profile_and_pdfx_keys_are_set) {
  OpenPdf file(print_pdf());
  BOOST_TEST(file.pdf.getPDFVersion() == "1.4");
  Object intents = file.pdf.getRoot().getKey("/OutputIntents");
  BOOST_REQUIRE(intents.isArray());
  BOOST_REQUIRE(intents.getArrayNItems() == 1);
  Object intent = intents.getArrayItem(0);
  BOOST_TEST(intent.getKey("/S").getName() == "/GTS_PDFX");
  BOOST_TEST(!intent.getKey("/OutputConditionIdentifier").getUTF8Value().empty());
  Object profile = intent.getKey("/DestOutputProfile");
  BOOST_REQUIRE(profile.isStream());
  BOOST_TEST(profile.getDict().getKey("/N").getIntValue() == 4);
  const auto data = profile.getStreamData();
  const std::string bytes(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  BOOST_REQUIRE(bytes.size() > 128u);
  BOOST_TEST(bytes.substr(16, 4) == "CMYK");  // the ICC header's colour space
  BOOST_TEST(bytes.substr(36, 4) == "acsp");  // the ICC signature

  Object info = file.pdf.getTrailer().getKey("/Info");
  BOOST_TEST(info.getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-1a:2003");
  BOOST_TEST(info.getKey("/Trapped").getName() == "/False");
  BOOST_TEST(info.getKey("/Title").getUTF8Value() == "China Daily, BUSINESS, page 21, 2015-12-17");
  BOOST_TEST(info.getKey("/Subject").getUTF8Value() == "BUSINESS");
  BOOST_TEST(info.getKey("/Author").getUTF8Value() ==
             "mengjing@chinadaily.com.cn, masi@chinadaily.com.cn");
  BOOST_TEST(info.getKey("/CreationDate").getUTF8Value() == "D:20151217000000+00'00'");
  BOOST_TEST(info.getKey("/ModDate").getUTF8Value() == "D:20151217000000+00'00'");
  BOOST_TEST(info.getKey("/Creator").getUTF8Value().find("broadsheet") == 0u);
  BOOST_TEST(file.pdf.getTrailer().getKey("/ID").isArray());
}

BOOST_AUTO_TEST_CASE(no_rgb_colour_operator_and_text_is_black_ink_only_and_overprints) {
  OpenPdf file(print_pdf());
  int black_text = 0, white_text = 0, other_text = 0;
  for (QPDFPageObjectHelper& page : file.pages()) {
    for (const Op& op : page_ops(page)) {
      BOOST_TEST(op.name != "rg");
      BOOST_TEST(op.name != "RG");
      BOOST_TEST(op.name != "cs");
      BOOST_TEST(op.name != "CS");
      if (!is_text_show(op.name)) continue;
      BOOST_TEST(op.fill_op == "k");
      if (op.fill == std::vector<double>{0, 0, 0, 1}) {
        ++black_text;
        BOOST_TEST(op.fill_overprint);  // page21: overprint = true
      } else if (op.fill == std::vector<double>{0, 0, 0, 0}) {
        ++white_text;  // the section flag knocks out of the blue
        BOOST_TEST(!op.fill_overprint);
      } else {
        ++other_text;
      }
    }
  }
  BOOST_TEST(black_text > 60);  // every body, headline, deck and folio line
  BOOST_TEST(white_text == 1);
  BOOST_TEST(other_text == 0);
}

BOOST_AUTO_TEST_CASE(marks_are_in_every_ink_and_outside_the_bleed) {
  OpenPdf file(print_pdf());
  for (QPDFPageObjectHelper& page : file.pages()) {
    const auto bleed = box(page, "/BleedBox"), media = box(page, "/MediaBox");
    const double height = media.ury - media.lly;
    int points = 0;
    for (const Op& op : page_ops(page)) {
      if ((op.name != "m" && op.name != "l") || op.stroke != std::vector<double>{1, 1, 1, 1} ||
          op.stroke_op != "K")
        continue;
      // Cairo draws y down under "1 0 0 -1 0 H cm".
      const double x = op.operands[0], y = height - op.operands[1];
      ++points;
      const bool outside_bleed =
          x <= bleed.llx || x >= bleed.urx || y <= bleed.lly || y >= bleed.ury;
      BOOST_TEST(outside_bleed, "mark point " << x << ", " << y << " is inside the bleed");
      BOOST_TEST((x >= media.llx && x <= media.urx && y >= media.lly && y <= media.ury));
    }
    BOOST_TEST(points >= 16);  // 8 crop marks of 2 points, plus registration targets
  }
}

BOOST_AUTO_TEST_CASE(separations_show_body_in_black_only_and_the_flag_under_the_ink_limit) {
  // ghostscript renders the trim in CMYK: origin at the trim's top left, 100 dpi.
  const std::vector<print::InkRaster> pages = print::rasterise_cmyk(print_pdf(), 100);
  BOOST_REQUIRE(pages.size() == 1u);
  const print::InkRaster& page = pages.front();
  BOOST_TEST(page.width == static_cast<int>(std::lround(kTrimWidth / 72 * 100)));
  const Rect body{mm_to_pt(20), mm_to_pt(100), mm_to_pt(232), mm_to_pt(55)};
  const Cmyk body_inks = page.max_inks(body);
  BOOST_TEST(body_inks.c == 0);
  BOOST_TEST(body_inks.m == 0);
  BOOST_TEST(body_inks.y == 0);
  BOOST_TEST(body_inks.k == 1);
  const Rect flag{mm_to_pt(20), mm_to_pt(16), mm_to_pt(33), mm_to_pt(9.5)};
  const double flag_ink = page.max_total_ink(flag);
  BOOST_TEST(page.max_inks(flag).c > 0.9);  // the house blue, through the profile
  BOOST_TEST(flag_ink > 1.5);
  BOOST_TEST(flag_ink <= 2.4 + 4 / 255.0);
}

BOOST_AUTO_TEST_CASE(two_print_renders_are_byte_identical) {
  const std::string a = render("print_det_a.pdf"), b = render("print_det_b.pdf");
  BOOST_TEST(slurp(a).size() > 10000u);
  BOOST_TEST((slurp(a) == slurp(b)));
}

BOOST_AUTO_TEST_CASE(the_preview_pdf_stays_rgb_on_the_trim) {
  OpenPdf file(render("print_preview.pdf", ""));
  for (QPDFPageObjectHelper& page : file.pages()) {
    const auto media = box(page, "/MediaBox");
    BOOST_TEST(media.urx - media.llx == kTrimWidth, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(!page.getObjectHandle().hasKey("/TrimBox"));
    int rgb = 0;
    for (const Op& op : page_ops(page)) rgb += op.name == "rg" ? 1 : 0;
    BOOST_TEST(rgb > 0);
  }
  BOOST_TEST(!file.pdf.getRoot().hasKey("/OutputIntents"));
}

namespace {

/// page21 with its [print] output set to "print" and two colour blocks given in CMYK, one of
/// which previews as the same RGB black as the text.
std::string cmyk_template() {
  std::string text = slurp("templates/page21.toml");
  const std::string preview = "output = \"preview\"";
  const auto at = text.find(preview);
  if (at == std::string::npos) throw std::runtime_error("page21.toml has no output key");
  text.replace(at, preview.size(), "output = \"print\"");
  text += R"toml(
[[decoration]]
kind = "block"
columns = [5, 6]
top = "0mm"
height = "20mm"
color = "cmyk(0, 60, 100, 0)"

[[decoration]]
kind = "block"
columns = [5, 6]
top = "30mm"
height = "20mm"
color = "cmyk(50, 0, 0, 100)"
)toml";
  const std::string path = test_out("print_cmyk.toml");
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_template_asks_for_print_and_its_cmyk_colours_come_through_unchanged) {
  const std::string pdf = test_out("print_cmyk.pdf");
  const auto r = run_command(broadsheet_binary() + " render " + kArticle + " -t " +
                             cmyk_template() + " --allow-overset -o " + pdf);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.output);
  OpenPdf file(pdf);
  BOOST_TEST(file.pdf.getRoot().hasKey("/OutputIntents"));
  std::map<std::vector<double>, int> fills;
  for (QPDFPageObjectHelper& page : file.pages())
    for (const Op& op : page_ops(page))
      if (op.name == "k") ++fills[op.operands];
  BOOST_TEST(fills.count({0, 0.6, 1, 0}) == 1u);
  // Previewed as RGB black like the text, yet drawn with its own inks, and the text stays K.
  BOOST_TEST(fills.count({0.5, 0, 0, 1}) == 1u);
  BOOST_TEST(fills.count({0, 0, 0, 1}) == 1u);

  const std::string preview = test_out("print_cmyk_preview.pdf");
  const auto p = run_command(broadsheet_binary() + " render " + kArticle + " -t " +
                             cmyk_template() + " --allow-overset --preview -o " + preview);
  BOOST_REQUIRE_MESSAGE(p.status == 0, p.output);
  BOOST_TEST(!OpenPdf(preview).pdf.getRoot().hasKey("/OutputIntents"));
}

BOOST_AUTO_TEST_CASE(a_cmyk_colour_over_the_ink_limit_is_refused) {
  std::string text = slurp("templates/page21.toml");
  text +=
      "\n[[decoration]]\nkind = \"block\"\ncolumns = [5, 6]\ntop = 0\nheight = \"9mm\"\n"
      "color = \"cmyk(100, 100, 100, 0)\"\n";
  const std::string tpl = test_out("print_over_limit.toml");
  std::ofstream(tpl, std::ios::binary) << text;
  const auto r = run_command(broadsheet_binary() + " render " + kArticle + " -t " + tpl +
                             " --print -o " + test_out("print_over_limit.pdf"));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output.find("cmyk(100, 100, 100, 0) needs 300 % ink") != std::string::npos,
             r.output);
  BOOST_TEST(r.output.find("240 %") != std::string::npos, r.output);
}

// The print pass lives in the broadsheet_pdfparts module (print/pdf_parts.h): a plain render
// never loads it nor qpdf, and without it only print and preflight fail, naming where they looked.
BOOST_AUTO_TEST_CASE(a_plain_render_loads_neither_the_print_module_nor_qpdf) {
  const auto r = run_command("LD_DEBUG=files " + broadsheet_binary() + " render " + kArticle +
                             " -o " + test_out("print_plain_loads.pdf"));
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  BOOST_TEST(r.output.find("libharfbuzz") != std::string::npos);  // LD_DEBUG did report
  BOOST_TEST(r.output.find("libqpdf") == std::string::npos);
  BOOST_TEST(r.output.find("libpoppler") == std::string::npos);
  BOOST_TEST(r.output.find("broadsheet_pdfparts") == std::string::npos);

  const auto p = run_command("LD_DEBUG=files " + broadsheet_binary() + " render " + kArticle +
                             " --print -o " + test_out("print_loads.pdf"));
  BOOST_TEST_REQUIRE(p.status == 0, p.output);
  BOOST_TEST(p.output.find("libqpdf") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(without_the_print_module_only_print_and_preflight_fail) {
  const std::string nowhere = "BROADSHEET_MODULE_DIR=" + test_out("no_module_here") + " ";
  auto r = run_command(nowhere + broadsheet_binary() + " render " + kArticle + " -o " +
                       test_out("print_no_module_plain.pdf"));
  BOOST_TEST(r.status == 0, r.output);
  r = run_command(nowhere + broadsheet_binary() + " render " + kArticle + " --print -o " +
                  test_out("print_no_module.pdf"));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(
      r.output.find(test_out("no_module_here") + "/broadsheet_pdfparts.so") != std::string::npos,
      r.output);
  r = run_command(nowhere + broadsheet_binary() + " preflight " + print_pdf());
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output.find("print module") != std::string::npos, r.output);
}
