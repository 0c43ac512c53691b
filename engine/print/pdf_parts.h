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

/// Changed whenever PdfParts, PdfPartsModule or a type they pass changes: a module built for
/// another interface (or another Broadsheet version) is refused.
inline constexpr int kPdfPartsInterface = 5;

/// What the engine calls. pdf_parts() gives it; each call goes to the module and throws, on the
/// engine's side, what the module threw: UnreadablePdf, std::bad_alloc, and std::runtime_error
/// for every other exception (the module's code throws no broadsheet::Error).
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

/// An exception the module caught, carried back as data. No exception may unwind out of the
/// module: the CLI links its C++ runtime statically (engine/cmake/static_cli.cmake) and the
/// module uses the shared one, so the two sides have their own unwinders and type identities,
/// and an exception thrown on one side is not caught on the other. The engine and the module are
/// built together by one compiler, so other C++ types (strings, vectors, the display list) cross.
struct PartsFailure {
  enum class Kind { kNone, kUnreadablePdf, kOutOfMemory, kOther };
  Kind kind = Kind::kNone;
  std::string message;  ///< what()
};

/// The module's side of PdfParts: the same calls, each reporting what it threw in `failure`
/// (its result is then empty).
class PdfPartsModule {
 public:
  virtual ~PdfPartsModule() = default;
  virtual std::string make_print_pdf(std::string_view cairo_pdf, const PrintPdfSettings& settings,
                                     PartsFailure& failure) const = 0;
  virtual Findings preflight(const std::string& path, const PreflightOptions& options,
                             PartsFailure& failure) const = 0;
  virtual std::string place_pdf_ads(std::string_view cairo_pdf, const DisplayList& display,
                                    PartsFailure& failure) const = 0;
  virtual void draw_pdf_ad_page(cairo_t* cr, const PlacedImage& image,
                                PartsFailure& failure) const = 0;
  virtual ColorTable assign_print_colors(DisplayList& display, const std::string& icc_profile,
                                         double ink_limit, std::string& profile_name,
                                         PartsFailure& failure) const = 0;
  virtual std::vector<std::string> pdf_ad_problems(std::string_view bytes, const std::string& name,
                                                   PartsFailure& failure) const = 0;
  virtual std::optional<picture::PdfBox> pdf_trim_box(std::string_view bytes,
                                                      const std::string& name,
                                                      PartsFailure& failure) const = 0;
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
extern "C" const broadsheet::print::PdfPartsModule* broadsheet_pdf_parts(int interface_version,
                                                                         const char* version);
