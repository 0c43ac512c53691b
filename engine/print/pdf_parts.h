#pragma once
// Every part of the engine that reads or writes PDFs with qpdf or poppler (the print PDF rewrite,
// preflight, PDF ads and PDF pictures) lives in a module, broadsheet_pdfparts, that the engine
// loads on first use: a render without PDF ads never loads qpdf, poppler and the libraries they
// pull in (GnuTLS, Nettle, GMP, ...). The CMYK conversion of --print (Little CMS) lives there too.
// The module's sources are a CMake list (engine/cmake/pdf_parts.cmake).

#include <cairo.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/display_list.h"
#include "core/placed_image.h"
#include "picture/pdf_trim_box.h"
#include "print/color_table.h"
#include "print/preflight.h"
#include "print/print_pdf.h"

namespace broadsheet::print {

/// Changed whenever PdfParts or a type it passes changes: a module built for another interface
/// (or another Broadsheet version) is refused.
inline constexpr int kPdfPartsInterface = 4;

/// What the module offers. The engine and the module are built together by one compiler, so
/// C++ types cross; std::runtime_error (and UnreadablePdf) propagate as from a direct call.
class PdfParts {
 public:
  virtual ~PdfParts() = default;
  /// make_print_pdf() of print_pdf.h.
  virtual std::string make_print_pdf(std::string_view cairo_pdf,
                                     const PrintPdfSettings& settings) const = 0;
  /// preflight() of preflight.h.
  virtual Findings preflight(const std::string& path, const PreflightOptions& options) const = 0;
  /// place_pdf_ads() of render/pdf_ads.h (qpdf).
  virtual std::string place_pdf_ads(std::string_view cairo_pdf,
                                    const DisplayList& display) const = 0;
  /// draw_pdf_ad_page() of render/pdf_ads.h (poppler, the PNG preview).
  virtual void draw_pdf_ad_page(cairo_t* cr, const PlacedImage& image) const = 0;
  /// The inks of every colour of `display` through the CMYK output profile `icc_profile`
  /// (assign_print_colors() of color_table.h with a CmykConverter, Little CMS); `profile_name`
  /// receives the profile's description. Throws std::runtime_error when the profile is unusable.
  virtual ColorTable assign_print_colors(DisplayList& display, const std::string& icc_profile,
                                         double ink_limit, std::string& profile_name) const = 0;
  /// pdf_ad_problems() of print/pdf_ad_check.h (qpdf).
  virtual std::vector<std::string> pdf_ad_problems(std::string_view bytes,
                                                   const std::string& name) const = 0;
  /// pdf_trim_box() of picture/pdf_trim_box.h (qpdf).
  virtual std::optional<picture::PdfBox> pdf_trim_box(std::string_view bytes,
                                                      const std::string& name) const = 0;
};

/// The module's parts, loaded on the first call (thread-safe) and kept until exit. The module
/// is looked for in $BROADSHEET_MODULE_DIR when set, else beside the running program, in the
/// library folder relative to it (an installed bin/broadsheet) and in the configured install
/// library folder. Throws std::runtime_error naming the files tried when it is missing or cannot
/// be loaded.
const PdfParts& pdf_parts();

}  // namespace broadsheet::print

/// The module's one export: its parts, or nullptr when the caller was built for another
/// interface or Broadsheet version.
extern "C" const broadsheet::print::PdfParts* broadsheet_pdf_parts(int interface_version,
                                                                   const char* version);
