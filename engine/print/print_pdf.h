#pragma once
// The print pass: Cairo's PDF in, a print-ready PDF out (aimed at PDF/X-1a:2003). A pure
// function over bytes, so the command line and library callers share it.

#include <string>
#include <string_view>

#include "print/color_table.h"
#include "print/print_page.h"

namespace broadsheet::print {

/// The document information dictionary.
struct PdfInfo {
  std::string title;    ///< the page's slug: publication, section, page, date
  std::string author;   ///< the stories' writers (contact lines)
  std::string subject;  ///< the section
  std::string creator;  ///< "broadsheet 0.1.0"
  std::string date;     ///< the edition's date, ISO "2015-12-17T00:00:00Z": never the clock
};

struct PrintPdfSettings {
  PrintPageSpec page;  ///< bleed, type area and the media's margin around the trim
  ColorTable colors;   ///< the inks of every RGB colour Cairo wrote
  bool overprint_black = false;
  std::string icc_profile;       ///< bytes of the CMYK output profile, embedded in the intent
  std::string profile_name;      ///< its description
  std::string output_condition;  ///< OutputConditionIdentifier; empty: the profile's name
  PdfInfo info;
  double ink_limit = 2.4;  ///< total ink of converted pictures, as of the colours (0..4)
  int jpeg_quality = 92;   ///< of pictures re-encoded as CMYK JPEGs (1..100)
};

/// Rewrites `cairo_pdf` (as Cairo wrote it from a print_display() list) into the print PDF:
/// DeviceCMYK colour operators from the colour table, RGB pictures in DeviceCMYK through the
/// profile and ink limit (print_images.h), no page transparency groups (nor the one a placed
/// PDF ad's form carries when nothing in the ad is transparent), MediaBox,
/// BleedBox, TrimBox and ArtBox on every page, an OutputIntent with the profile embedded,
/// GTS_PDFXVersion "PDF/X-1a:2003", Trapped False, the info dictionary, PDF 1.4, a document ID
/// computed from the content (same input, same bytes). Throws std::runtime_error.
std::string make_print_pdf(std::string_view cairo_pdf, const PrintPdfSettings& settings);

/// "D:20151217000000+00'00'" from "2015-12-17T00:00:00Z".
std::string pdf_date(const std::string& iso_date);

}  // namespace broadsheet::print
