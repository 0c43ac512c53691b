// The entry point of the broadsheet_pdfparts module (pdf_parts.h): never part of the engine.
// Every call catches what it throws and hands it back as a PartsFailure (see there why).

#include <cstring>
#include <exception>
#include <new>
#include <type_traits>

#include "print/cmyk_converter.h"
#include "print/pdf_ad_check.h"
#include "print/pdf_parts.h"
#include "print/preflight.h"
#include "render/pdf_ads.h"

namespace broadsheet::print {

namespace {

using Kind = PartsFailure::Kind;

/// Records a failure; should copying its message fail too, an out-of-memory failure without one
/// (nothing may escape: the handlers below run inside the module's calls).
void record(PartsFailure& failure, Kind kind, const char* message) noexcept {
  try {
    failure.message = message;
    failure.kind = kind;
  } catch (...) {
    failure.kind = Kind::kOutOfMemory;
  }
}

/// `call()`, with what it throws written to `failure` (and an empty result returned).
template <class Call>
auto guarded(PartsFailure& failure, Call&& call) noexcept -> decltype(call()) {
  using Result = decltype(call());
  failure.kind = Kind::kNone;
  failure.message.clear();
  try {
    return call();
  } catch (const UnreadablePdf& e) {
    record(failure, Kind::kUnreadablePdf, e.what());
  } catch (const std::bad_alloc&) {
    failure.kind = Kind::kOutOfMemory;
  } catch (const std::exception& e) {
    record(failure, Kind::kOther, e.what());
  } catch (...) {
    record(failure, Kind::kOther, "the print module failed (an unknown exception)");
  }
  if constexpr (!std::is_void_v<Result>) return Result{};
}

class ModuleParts final : public PdfPartsModule {
 public:
  std::string make_print_pdf(std::string_view cairo_pdf, const PrintPdfSettings& settings,
                             PartsFailure& failure) const noexcept override {
    return guarded(failure, [&] { return print::make_print_pdf(cairo_pdf, settings); });
  }
  Findings preflight(const std::string& path, const PreflightOptions& options,
                     PartsFailure& failure) const noexcept override {
    return guarded(failure, [&] { return print::preflight(path, options); });
  }
  std::string place_pdf_ads(std::string_view cairo_pdf, const DisplayList& display,
                            PartsFailure& failure) const noexcept override {
    return guarded(failure, [&] { return render::place_pdf_ads(cairo_pdf, display); });
  }
  void draw_pdf_ad_page(cairo_t* cr, const PlacedImage& image,
                        PartsFailure& failure) const noexcept override {
    guarded(failure, [&] { render::draw_pdf_ad_page(cr, image); });
  }
  ColorTable assign_print_colors(DisplayList& display, const std::string& icc_profile,
                                 double ink_limit, std::string& profile_name,
                                 PartsFailure& failure) const noexcept override {
    return guarded(failure, [&] {
      const CmykConverter converter(icc_profile, ink_limit);
      profile_name = converter.description();
      return print::assign_print_colors(display, converter);
    });
  }
  std::vector<std::string> pdf_ad_problems(std::string_view bytes, const std::string& name,
                                           PartsFailure& failure) const noexcept override {
    return guarded(failure, [&] { return print::pdf_ad_problems(bytes, name); });
  }
  std::optional<picture::PdfBox> pdf_trim_box(std::string_view bytes, const std::string& name,
                                              PartsFailure& failure) const noexcept override {
    return guarded(failure, [&] { return picture::pdf_trim_box(bytes, name); });
  }
};

}  // namespace

}  // namespace broadsheet::print

extern "C" __attribute__((visibility("default"))) const broadsheet::print::PdfPartsModule*
broadsheet_pdf_parts(int interface_version, const char* version) {
  if (interface_version != broadsheet::print::kPdfPartsInterface || version == nullptr ||
      std::strcmp(version, BROADSHEET_VERSION) != 0)
    return nullptr;
  static const broadsheet::print::ModuleParts parts;
  return &parts;
}
