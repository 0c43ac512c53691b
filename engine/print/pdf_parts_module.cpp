// The entry point of the broadsheet_pdfparts module (pdf_parts.h): never part of the engine.

#include <cstring>

#include "print/cmyk_converter.h"
#include "print/pdf_ad_check.h"
#include "print/pdf_parts.h"
#include "render/pdf_ads.h"

namespace broadsheet::print {

namespace {

class ModuleParts final : public PdfParts {
 public:
  std::string make_print_pdf(std::string_view cairo_pdf,
                             const PrintPdfSettings& settings) const override {
    return print::make_print_pdf(cairo_pdf, settings);
  }
  Findings preflight(const std::string& path, const PreflightOptions& options) const override {
    return print::preflight(path, options);
  }
  std::string place_pdf_ads(std::string_view cairo_pdf, const DisplayList& display) const override {
    return render::place_pdf_ads(cairo_pdf, display);
  }
  void draw_pdf_ad_page(cairo_t* cr, const PlacedImage& image) const override {
    render::draw_pdf_ad_page(cr, image);
  }
  ColorTable assign_print_colors(DisplayList& display, const std::string& icc_profile,
                                 double ink_limit, std::string& profile_name) const override {
    const CmykConverter converter(icc_profile, ink_limit);
    profile_name = converter.description();
    return print::assign_print_colors(display, converter);
  }
  std::vector<std::string> pdf_ad_problems(std::string_view bytes,
                                           const std::string& name) const override {
    return print::pdf_ad_problems(bytes, name);
  }
  std::optional<picture::PdfBox> pdf_trim_box(std::string_view bytes,
                                              const std::string& name) const override {
    return picture::pdf_trim_box(bytes, name);
  }
};

}  // namespace

}  // namespace broadsheet::print

extern "C" __attribute__((visibility("default"))) const broadsheet::print::PdfParts*
broadsheet_pdf_parts(int interface_version, const char* version) {
  if (interface_version != broadsheet::print::kPdfPartsInterface || version == nullptr ||
      std::strcmp(version, BROADSHEET_VERSION) != 0)
    return nullptr;
  static const broadsheet::print::ModuleParts parts;
  return &parts;
}
