// Finds and loads the broadsheet_pdfparts module (pdf_parts.h).

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <new>
#include <stdexcept>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/c_handle.h"
#include "print/pdf_parts.h"

namespace broadsheet::print {

namespace {

namespace fs = std::filesystem;

using ModuleHandle = CHandle<void, dlclose>;
using ModuleEntry = const PdfPartsModule* (*)(int, const char*);

/// Throws, on the engine's side, what the module caught (pdf_parts.h: PartsFailure).
void rethrow(const PartsFailure& failure) {
  using Kind = PartsFailure::Kind;
  switch (failure.kind) {
    case Kind::kNone:
      return;
    case Kind::kUnreadablePdf:
      throw UnreadablePdf(failure.message);
    case Kind::kOutOfMemory:
      throw std::bad_alloc();
    case Kind::kOther:
      break;
  }
  throw std::runtime_error(failure.message);
}

/// `method` of the module called with `args`, and what it caught thrown here.
template <class Method, class... Args>
auto checked_call(const PdfPartsModule* module, Method method, Args&&... args) {
  PartsFailure failure;
  if constexpr (std::is_void_v<decltype((module->*method)(args..., failure))>) {
    (module->*method)(std::forward<Args>(args)..., failure);
    rethrow(failure);
  } else {
    auto result = (module->*method)(std::forward<Args>(args)..., failure);
    rethrow(failure);
    return result;
  }
}

/// The engine's PdfParts: each call goes to the module, and what it caught is thrown here.
class CheckedParts final : public PdfParts {
 public:
  explicit CheckedParts(const PdfPartsModule* module) : module_(module) {}

  std::string make_print_pdf(std::string_view cairo_pdf,
                             const PrintPdfSettings& settings) const override {
    return checked_call(module_, &PdfPartsModule::make_print_pdf, cairo_pdf, settings);
  }
  Findings preflight(const std::string& path, const PreflightOptions& options) const override {
    return checked_call(module_, &PdfPartsModule::preflight, path, options);
  }
  std::string place_pdf_ads(std::string_view cairo_pdf, const DisplayList& display) const override {
    return checked_call(module_, &PdfPartsModule::place_pdf_ads, cairo_pdf, display);
  }
  void draw_pdf_ad_page(cairo_t* cr, const PlacedImage& image) const override {
    checked_call(module_, &PdfPartsModule::draw_pdf_ad_page, cr, image);
  }
  ColorTable assign_print_colors(DisplayList& display, const std::string& icc_profile,
                                 double ink_limit, std::string& profile_name) const override {
    return checked_call(module_, &PdfPartsModule::assign_print_colors, display, icc_profile,
                        ink_limit, profile_name);
  }
  std::vector<std::string> pdf_ad_problems(std::string_view bytes,
                                           const std::string& name) const override {
    return checked_call(module_, &PdfPartsModule::pdf_ad_problems, bytes, name);
  }
  std::optional<picture::PdfBox> pdf_trim_box(std::string_view bytes,
                                              const std::string& name) const override {
    return checked_call(module_, &PdfPartsModule::pdf_trim_box, bytes, name);
  }

 private:
  const PdfPartsModule* module_;
};

/// Where the module may be, in order: $BROADSHEET_MODULE_DIR alone when set (an explicit choice
/// is taken as given); else the running program's folder (the build tree), the library folder
/// relative to it (an installed bin/), and the library folder the build was configured for.
std::vector<fs::path> module_folders() {
  if (const char* dir = std::getenv("BROADSHEET_MODULE_DIR"); dir != nullptr && *dir != '\0')
    return {fs::path(dir)};
  std::vector<fs::path> folders;
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    folders.push_back(program.parent_path());
    folders.push_back((program.parent_path() / BROADSHEET_BIN_TO_LIB_DIR).lexically_normal());
  }
  folders.push_back(BROADSHEET_INSTALL_LIB_DIR);
  return folders;
}

/// The loaded module: its handle is released at exit, but RTLD_NODELETE keeps the code mapped
/// (qpdf's own exit-time destructors, and LeakSanitizer's report, run after ours).
struct LoadedModule {
  ModuleHandle handle;
  CheckedParts parts;
};

LoadedModule open_module(const fs::path& file) {
  ModuleHandle handle(dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE));
  if (!handle)
    throw std::runtime_error(file.string() + ": cannot load the print module: " + dlerror());
  void* symbol = dlsym(handle.get(), "broadsheet_pdf_parts");
  if (symbol == nullptr)
    throw std::runtime_error(file.string() + ": not a Broadsheet print module");
  const auto entry = reinterpret_cast<ModuleEntry>(symbol);
  const PdfPartsModule* parts = entry(kPdfPartsInterface, BROADSHEET_VERSION);
  if (parts == nullptr)
    throw std::runtime_error(file.string() +
                             ": the print module is not from this build of broadsheet " +
                             BROADSHEET_VERSION);
  return {std::move(handle), CheckedParts(parts)};
}

LoadedModule load_module() {
  std::string tried;
  for (const fs::path& folder : module_folders()) {
    const fs::path file = folder / BROADSHEET_PDF_PARTS_FILE;
    tried += (tried.empty() ? "" : ", ") + file.string();
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) return open_module(file);
  }
  throw std::runtime_error(std::string("the print module ") + BROADSHEET_PDF_PARTS_FILE +
                           " (needed for print PDFs and preflight) is missing: tried " + tried +
                           "; set $BROADSHEET_MODULE_DIR to the folder that holds it");
}

}  // namespace

const PdfParts& pdf_parts() {
  static const LoadedModule module = load_module();
  return module.parts;
}

}  // namespace broadsheet::print
