#include "render/pdf_ads.h"

#include <cstdio>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>
#include <vector>

namespace broadsheet::render {

namespace {

using Object = QPDFObjectHandle;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  return text;
}

/// The content that draws form `name` for `ad` on a page `page_height` tall: clipped to the
/// frame, the ad's trim box on the item's placement (PDF space is y up). Marked as an artifact:
/// the ad is no part of the page's stories.
std::string placement(const ImageItem& ad, const std::string& name, double page_height) {
  const PlacedImage& image = *ad.image;
  const double s = ad.scale;
  const double e = ad.x - s * image.trim_x;
  const double f = page_height - ad.y - s * (image.trim_y + image.height);
  return "/Artifact BMC q " + number(ad.frame.x) + " " + number(page_height - ad.frame.bottom()) +
         " " + number(ad.frame.width) + " " + number(ad.frame.height) + " re W n " + number(s) +
         " 0 0 " + number(s) + " " + number(e) + " " + number(f) + " cm " + name + " Do Q EMC\n";
}

/// The ad's first page as a form XObject of `pdf`; `sources` keeps the ad's document alive
/// until `pdf` is written.
Object ad_form(QPDF& pdf, const PlacedImage& image, std::vector<std::unique_ptr<QPDF>>& sources) {
  auto& source = sources.emplace_back(std::make_unique<QPDF>());
  source->setSuppressWarnings(true);
  source->processMemoryFile(image.path.c_str(), image.bytes.data(), image.bytes.size());
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(*source).getAllPages();
  if (pages.empty()) throw std::runtime_error(image.path + ": the PDF has no pages");
  return pdf.copyForeignObject(pages.front().getFormXObjectForPage(false));
}

void add_ads_to_page(QPDF& pdf, QPDFPageObjectHelper& page, const DisplayPage& display_page,
                     std::vector<std::unique_ptr<QPDF>>& sources) {
  std::string content;
  Object resources = page.getObjectHandle().getKey("/Resources");
  if (!resources.isDictionary()) throw std::runtime_error("a page has no resources");
  Object xobjects = resources.getKey("/XObject");
  if (!xobjects.isDictionary()) {
    xobjects = Object::newDictionary();
    resources.replaceKey("/XObject", xobjects);
  }
  int count = 0;
  for (const DisplayItem& item : display_page.items) {
    const ImageItem* ad = pdf_ad(item);
    if (ad == nullptr) continue;
    const std::string name = "/BsAd" + std::to_string(count++);
    xobjects.replaceKey(name, ad_form(pdf, *ad->image, sources));
    content += placement(*ad, name, display_page.height);
  }
  if (content.empty()) return;
  // Cairo's content may leave its flipped matrix in place: the ads start from a clean state.
  page.addPageContents(pdf.newStream("q\n"), true);
  page.addPageContents(pdf.newStream("Q\n" + content), false);
}

}  // namespace

std::string place_pdf_ads(std::string_view cairo_pdf, const DisplayList& display) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("Cairo's PDF", cairo_pdf.data(), cairo_pdf.size());
  std::vector<std::unique_ptr<QPDF>> sources;
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  if (pages.size() != display.pages.size())
    throw std::runtime_error("the PDF's pages do not match the display list's");
  for (std::size_t i = 0; i < pages.size(); ++i)
    add_ads_to_page(pdf, pages[i], display.pages[i], sources);
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setStreamDataMode(qpdf_s_compress);
  writer.setDeterministicID(true);
  writer.write();
  const std::shared_ptr<Buffer> bytes = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
}

}  // namespace broadsheet::render
