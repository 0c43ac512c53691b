#pragma once
// The parts of the print pass that read and write PDFs with qpdf (the print PDF rewrite,
// preflight) live in a module, broadsheet_pdfparts, that the engine loads on first use: a plain
// render never loads qpdf and the libraries it pulls in (GnuTLS, Nettle, GMP, ...).
// The module's sources are a CMake list (engine/cmake/pdf_parts.cmake).

#include <string>
#include <string_view>

#include "print/preflight.h"
#include "print/print_pdf.h"

namespace broadsheet::print {

/// Changed whenever PdfParts or a type it passes changes: a module built for another interface
/// (or another Broadsheet version) is refused.
inline constexpr int kPdfPartsInterface = 1;

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
