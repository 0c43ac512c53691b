// Makes the CMYK test advertisement of tests/media (tests/media/README.md): the Cairo-drawn ad
// (make_test_media) with its three colours given as an advertiser's inks, as a PDF/X-1a ad
// would arrive: every fill DeviceCMYK, no transparency group. The print pass's own colour
// filter (print/content_colors.h) rewrites the operators; the fonts stay embedded as they are.
// Usage: make_cmyk_ad RGB_AD.pdf OUT.pdf (scripts/make-test-media.sh runs it).

#include <iostream>
#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "print/content_colors.h"

using broadsheet::Cmyk;
using broadsheet::print::ColorTable;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_cmyk_ad RGB_AD.pdf OUT.pdf\n";
    return 2;
  }
  try {
    ColorTable inks;  // the colours make_test_media draws the ad in, and their inks
    inks.add({0.05, 0.32, 0.55}, Cmyk{1, 0.45, 0, 0.3});  // harbour blue: 175 % ink
    inks.add({0.98, 0.78, 0.10}, Cmyk{0, 0.2, 1, 0});     // sun yellow
    inks.add({1, 1, 1}, Cmyk{0, 0, 0, 0});                // white type: no ink
    QPDF pdf;
    pdf.processFile(argv[1]);
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      page.getObjectHandle().removeKey("/Group");  // Cairo's RGB page group
      page.addContentTokenFilter(
          std::make_shared<broadsheet::print::CmykColorFilter>(inks, false, argv[1]));
    }
    QPDFWriter writer(pdf, argv[2]);
    writer.setStreamDataMode(qpdf_s_compress);
    writer.setDeterministicID(true);
    writer.write();
  } catch (const std::exception& e) {
    std::cerr << "make_cmyk_ad: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
