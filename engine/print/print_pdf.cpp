#include "print/print_pdf.h"

#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>

#include "print/content_colors.h"
#include "print/pdf_ad_check.h"
#include "print/print_images.h"

namespace broadsheet::print {

namespace {

using Object = QPDFObjectHandle;

/// [x0 y0 x1 y1] in PDF space (y up) of a rectangle given from the trim's top left, y down.
Object box(const Rect& r, double trim_height, double margin) {
  return Object::newArray(Object::Rectangle(margin + r.x, margin + trim_height - r.bottom(),
                                            margin + r.right(), margin + trim_height - r.y));
}

/// The four ExtGStates that switch overprint for strokes and fills (content_colors.h).
Object overprint_states(QPDF& pdf) {
  Object states = Object::newDictionary();
  for (int i = 0; i < 4; ++i) {
    const bool stroke = i / 2 == 1, fill = i % 2 == 1;
    Object state = Object::newDictionary();
    state.replaceKey("/Type", Object::newName("/ExtGState"));
    state.replaceKey("/OP", Object::newBool(stroke));
    state.replaceKey("/op", Object::newBool(fill));
    state.replaceKey("/OPM", Object::newInteger(1));
    states.replaceKey(kOverprintStates[i], pdf.makeIndirectObject(state));
  }
  return states;
}

void prepare_page(QPDFPageObjectHelper& page, int number, const PrintPdfSettings& settings,
                  Object overprint) {
  Object dict = page.getObjectHandle();
  dict.removeKey("/Group");  // Cairo's RGB transparency group: PDF/X-1a has no transparency
  const auto media = page.getMediaBox().getArrayAsRectangle();
  const double margin = settings.page.margin();
  const double width = media.urx - media.llx - 2 * margin;
  const double height = media.ury - media.lly - 2 * margin;
  if (width <= 0 || height <= 0)
    throw std::runtime_error("page " + std::to_string(number) + " is smaller than its margins");
  const double bleed = settings.page.bleed;
  dict.replaceKey("/TrimBox", box({0, 0, width, height}, height, margin));
  dict.replaceKey("/BleedBox",
                  box({-bleed, -bleed, width + 2 * bleed, height + 2 * bleed}, height, margin));
  dict.replaceKey("/ArtBox", box(settings.page.art, height, margin));
  dict.removeKey("/CropBox");
  if (settings.overprint_black) {
    Object resources = dict.getKey("/Resources");
    if (!resources.isDictionary()) throw std::runtime_error("a page has no resources");
    Object states = resources.getKey("/ExtGState");
    if (!states.isDictionary()) {
      states = Object::newDictionary();
      resources.replaceKey("/ExtGState", states);
    }
    for (const char* name : kOverprintStates) states.replaceKey(name, overprint.getKey(name));
  }
  page.addContentTokenFilter(std::make_shared<CmykColorFilter>(
      settings.colors, settings.overprint_black, "page " + std::to_string(number)));
}

/// A PDF ad's form keeps the page group of the ad's page (qpdf copies it): without
/// transparency inside the ad it does nothing but break PDF/X-1a, so it goes. An ad with
/// transparency keeps it (render --print warns, preflight reports it).
void drop_needless_ad_groups(QPDFPageObjectHelper& page) {
  Object xobjects = page.getAttribute("/Resources", false).getKey("/XObject");
  if (!xobjects.isDictionary()) return;
  for (const std::string& name : xobjects.getKeys()) {
    if (!std::string_view(name).starts_with(kAdFormPrefix)) continue;
    Object form = xobjects.getKey(name);
    if (form.isStream() && !inspect_form(form).transparency) form.getDict().removeKey("/Group");
  }
}

void add_output_intent(QPDF& pdf, const PrintPdfSettings& settings) {
  Object profile = pdf.newStream(settings.icc_profile);
  profile.getDict().replaceKey("/N", Object::newInteger(4));
  Object intent = Object::newDictionary();
  intent.replaceKey("/Type", Object::newName("/OutputIntent"));
  intent.replaceKey("/S", Object::newName("/GTS_PDFX"));
  const std::string condition =
      settings.output_condition.empty() ? settings.profile_name : settings.output_condition;
  intent.replaceKey("/OutputConditionIdentifier", Object::newUnicodeString(condition));
  intent.replaceKey("/OutputCondition", Object::newUnicodeString(settings.profile_name));
  intent.replaceKey("/Info", Object::newUnicodeString(settings.profile_name));
  intent.replaceKey("/RegistryName", Object::newString("http://www.color.org"));
  intent.replaceKey("/DestOutputProfile", profile);
  pdf.getRoot().replaceKey("/OutputIntents", Object::newArray({pdf.makeIndirectObject(intent)}));
}

void set_info(QPDF& pdf, const PdfInfo& info) {
  Object dict = Object::newDictionary();
  dict.replaceKey("/Title", Object::newUnicodeString(info.title));
  if (!info.author.empty()) dict.replaceKey("/Author", Object::newUnicodeString(info.author));
  if (!info.subject.empty()) dict.replaceKey("/Subject", Object::newUnicodeString(info.subject));
  dict.replaceKey("/Creator", Object::newUnicodeString(info.creator));
  dict.replaceKey("/Producer",
                  Object::newUnicodeString(info.creator + " print pass (Cairo, qpdf, Little CMS)"));
  dict.replaceKey("/CreationDate", Object::newString(pdf_date(info.date)));
  dict.replaceKey("/ModDate", Object::newString(pdf_date(info.date)));
  dict.replaceKey("/Trapped", Object::newName("/False"));
  dict.replaceKey("/GTS_PDFXVersion", Object::newString("PDF/X-1a:2003"));
  pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(dict));
}

}  // namespace

std::string pdf_date(const std::string& iso_date) {
  // "2015-12-17T00:00:00Z" -> "D:20151217000000+00'00'"
  std::string digits;
  for (char c : iso_date)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() != 14) throw std::runtime_error("not an ISO date and time: '" + iso_date + "'");
  return "D:" + digits + "+00'00'";
}

std::string make_print_pdf(std::string_view cairo_pdf, const PrintPdfSettings& settings) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("Cairo's PDF", cairo_pdf.data(), cairo_pdf.size());
  Object overprint = overprint_states(pdf);
  PrintImageConverter images(settings.icc_profile, settings.ink_limit, settings.jpeg_quality);
  int number = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    prepare_page(page, ++number, settings, overprint);
    images.convert_page(page);
    drop_needless_ad_groups(page);
  }
  add_output_intent(pdf, settings);
  set_info(pdf, settings.info);

  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.forcePDFVersion("1.4");  // PDF/X-1a:2003
  writer.setObjectStreamMode(qpdf_o_disable);
  writer.setStreamDataMode(qpdf_s_compress);
  writer.setDeterministicID(true);
  writer.write();
  const std::shared_ptr<Buffer> bytes = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
}

}  // namespace broadsheet::print
