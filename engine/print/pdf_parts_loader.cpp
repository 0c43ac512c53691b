// Finds and loads the broadsheet_pdfparts module (pdf_parts.h).

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "core/c_handle.h"
#include "print/pdf_parts.h"

namespace broadsheet::print {

namespace {

namespace fs = std::filesystem;

using ModuleHandle = CHandle<void, dlclose>;
using ModuleEntry = const PdfParts* (*)(int, const char*);

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
  const PdfParts* parts = nullptr;
};

LoadedModule open_module(const fs::path& file) {
  ModuleHandle handle(dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE));
  if (!handle)
    throw std::runtime_error(file.string() + ": cannot load the print module: " + dlerror());
  void* symbol = dlsym(handle.get(), "broadsheet_pdf_parts");
  if (symbol == nullptr)
    throw std::runtime_error(file.string() + ": not a Broadsheet print module");
  const auto entry = reinterpret_cast<ModuleEntry>(symbol);
  const PdfParts* parts = entry(kPdfPartsInterface, BROADSHEET_VERSION);
  if (parts == nullptr)
    throw std::runtime_error(file.string() +
                             ": the print module is not from this build of broadsheet " +
                             BROADSHEET_VERSION);
  return {std::move(handle), parts};
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
  return *module.parts;
}

}  // namespace broadsheet::print
