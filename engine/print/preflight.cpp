#include "print/preflight.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>

#include "core/limits.h"
#include "print/ink_coverage.h"
#include "print/preflight_content.h"

namespace broadsheet::print {

namespace {

using Object = QPDFObjectHandle;

std::string mm(double pt) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", pt_to_mm(pt));
  return text;
}

std::string size_mm(Object::Rectangle& r) {
  return mm(r.urx - r.llx) + " × " + mm(r.ury - r.lly) + " mm";
}

bool inside(Object::Rectangle& inner, Object::Rectangle& outer) {
  constexpr double slack = 0.01;
  return inner.llx >= outer.llx - slack && inner.lly >= outer.lly - slack &&
         inner.urx <= outer.urx + slack && inner.ury <= outer.ury + slack;
}

/// Page boxes: TrimBox and BleedBox present and nested in the MediaBox; trim size and bleed
/// as the template says.
void check_boxes(QPDFPageObjectHelper& page, const std::string& where,
                 const PreflightOptions& options, Findings& findings) {
  Object::Rectangle media = page.getMediaBox().getArrayAsRectangle();
  Object trim_box = page.getAttribute("/TrimBox", false);
  Object bleed_box = page.getAttribute("/BleedBox", false);
  if (!trim_box.isRectangle()) findings.add(where + ": no TrimBox (the trim is unknown)");
  if (!bleed_box.isRectangle()) findings.add(where + ": no BleedBox");
  Object::Rectangle trim = trim_box.isRectangle() ? trim_box.getArrayAsRectangle() : media;
  Object::Rectangle bleed = bleed_box.isRectangle() ? bleed_box.getArrayAsRectangle() : trim;
  if (!inside(trim, bleed)) findings.add(where + ": the TrimBox is not inside the BleedBox");
  if (!inside(bleed, media)) findings.add(where + ": the BleedBox is not inside the MediaBox");
  const double width = trim.urx - trim.llx, height = trim.ury - trim.lly;
  if ((options.trim_width && std::abs(width - *options.trim_width) > 0.5) ||
      (options.trim_height && std::abs(height - *options.trim_height) > 0.5))
    findings.add(where + ": trim size " + size_mm(trim) + ", the template's is " +
                 mm(options.trim_width.value_or(width)) + " × " +
                 mm(options.trim_height.value_or(height)) + " mm");
  if (options.bleed && bleed_box.isRectangle()) {
    const double least = std::min(
        {trim.llx - bleed.llx, trim.lly - bleed.lly, bleed.urx - trim.urx, bleed.ury - trim.ury});
    if (least < *options.bleed - 0.1)
      findings.add(where + ": bleed " + mm(least) + " mm, the template wants " +
                   mm(*options.bleed) + " mm");
  }
}

/// A font file in the descriptor of `font` (or of its descendant, for a Type0 font).
bool embedded(Object font) {
  Object subtype = font.getKey("/Subtype");
  if (subtype.isName() && subtype.getName() == "/Type3") return true;
  if (subtype.isName() && subtype.getName() == "/Type0") {
    Object descendants = font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() < 1) return false;
    font = descendants.getArrayItem(0);
  }
  Object descriptor = font.getKey("/FontDescriptor");
  if (!descriptor.isDictionary()) return false;
  return descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") ||
         descriptor.hasKey("/FontFile3");
}

/// The fonts of `resources` and of the forms it draws (placed PDFs), to a few levels deep.
void check_fonts(Object resources, const std::string& where, Findings& findings, int depth = 0) {
  if (!resources.isDictionary() || depth > 8) return;
  Object fonts = resources.getKey("/Font");
  if (fonts.isDictionary())
    for (auto [name, font] : fonts.ditems()) {
      if (!font.isDictionary() || embedded(font)) continue;
      Object base = font.getKey("/BaseFont");
      findings.add(where + ": font " + (base.isName() ? base.getName().substr(1) : name) +
                   " is not embedded");
    }
  Object xobjects = resources.getKey("/XObject");
  if (xobjects.isDictionary())
    for (auto [name, xobject] : xobjects.ditems())
      if (xobject.isStream() && xobject.getDict().getKey("/Subtype").isName() &&
          xobject.getDict().getKey("/Subtype").getName() == "/Form")
        check_fonts(xobject.getDict().getKey("/Resources"), where, findings, depth + 1);
}

void check_page_group(QPDFPageObjectHelper& page, const std::string& where, Findings& findings) {
  Object group = page.getObjectHandle().getKey("/Group");
  if (group.isDictionary() && group.getKey("/S").isName() &&
      group.getKey("/S").getName() == "/Transparency") {
    const std::string kind = detail::rgb_space_kind(group.getKey("/CS"));
    findings.add(where + ": transparency group on the page" +
                 (kind.empty() ? std::string() : " (blending space " + kind + ")"));
  }
}

/// The PDF/X identification: version key, output intent with a profile, Trapped, title, dates.
void check_pdfx(QPDF& pdf, Findings& findings) {
  Object info = pdf.getTrailer().getKey("/Info");
  auto info_key = [&](const char* key) {
    return info.isDictionary() ? info.getKey(key) : Object::newNull();
  };
  Object version = info_key("/GTS_PDFXVersion");
  if (!version.isString()) findings.add("document: no GTS_PDFXVersion (not identified as PDF/X)");
  Object trapped = info_key("/Trapped");
  if (!trapped.isName() || (trapped.getName() != "/True" && trapped.getName() != "/False"))
    findings.add("document: Trapped is not True or False");
  for (const char* key : {"/Title", "/CreationDate", "/ModDate"})
    if (!info_key(key).isString())
      findings.add(std::string("document: no ") + (key + 1) + " in the document information");
  if (!pdf.getTrailer().getKey("/ID").isArray()) findings.add("document: no file ID");
  bool intent_found = false;
  Object intents = pdf.getRoot().getKey("/OutputIntents");
  if (intents.isArray())
    for (Object intent : intents.getArrayAsVector())
      if (intent.isDictionary() && intent.getKey("/S").isName() &&
          intent.getKey("/S").getName() == "/GTS_PDFX")
        intent_found = intent.getKey("/DestOutputProfile").isStream();
  if (!intent_found) findings.add("document: no PDF/X output intent with an embedded ICC profile");
  if (version.isString() && version.getStringValue().starts_with("PDF/X-1") &&
      pdf.getPDFVersion() > "1.4")
    findings.add("document: PDF " + pdf.getPDFVersion() + ", PDF/X-1a:2003 wants 1.4 at most");
}

/// Total ink measured on the separations, inside each page's trim.
void check_ink(const std::string& path, const PreflightOptions& options, Findings& findings) {
  std::vector<InkRaster> pages;
  try {
    pages = rasterise_cmyk(path, options.ink_dpi);
  } catch (const std::runtime_error& e) {
    findings.add(std::string("document: total ink not measured: ") + e.what());
    return;
  }
  // 8-bit separations are exact to 1/255 per ink: allow that rounding on four inks.
  constexpr double kRounding = 4.0 / 255;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const InkRaster& page = pages[p];
    double x = 0, y = 0;
    const Rect all{0, 0, page.width * 72 / page.dpi, page.height * 72 / page.dpi};
    const double most = page.max_total_ink(all, &x, &y);
    if (most > options.ink_limit + kRounding)
      findings.add("page " + std::to_string(p + 1) + ": total ink " +
                   std::to_string(static_cast<int>(std::lround(most * 100))) + " % (limit " +
                   std::to_string(static_cast<int>(std::lround(options.ink_limit * 100))) +
                   " %), first at " + mm(x) + ", " + mm(y) + " mm from the trim's top left");
  }
}

}  // namespace

Findings preflight(const std::string& path, const PreflightOptions& options) {
  // A device such as /dev/zero would be read for ever: regular files within the limit only.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw UnreadablePdf(path + ": not a readable PDF: not a regular file");
  if (std::filesystem::file_size(path, ec) > limits::kPreflightPdfBytes)
    throw UnreadablePdf(path + ": not a readable PDF: larger than the limit of 512 MB");
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  try {
    pdf.processFile(path.c_str());
    pdf.getAllPages();
  } catch (const std::exception& e) {
    throw UnreadablePdf(path + ": not a readable PDF: " + e.what());
  }
  Findings findings;
  int number = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    const std::string where = "page " + std::to_string(++number);
    check_boxes(page, where, options, findings);
    check_fonts(page.getAttribute("/Resources", false), where, findings);
    check_page_group(page, where, findings);
    detail::scan_page_content(page, number, options, findings);
  }
  check_pdfx(pdf, findings);
  check_ink(path, options, findings);
  return findings;
}

}  // namespace broadsheet::print
