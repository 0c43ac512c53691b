#include "picture/pdf_trim_box.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <vector>

namespace broadsheet::picture {

std::optional<PdfBox> pdf_trim_box(std::string_view bytes, const std::string& name) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  if (pages.empty()) return std::nullopt;
  QPDFObjectHandle trim = pages.front().getTrimBox();  // the MediaBox when there is none
  const QPDFObjectHandle::Rectangle box = trim.getArrayAsRectangle();
  return PdfBox{box.llx, box.lly, box.urx - box.llx, box.ury - box.lly};
}

}  // namespace broadsheet::picture
