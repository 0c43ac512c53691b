#include "api/engine_setup.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "core/diagnostics.h"
#include "linebreak/greedy_breaker.h"
#include "linebreak/knuth_plass.h"

namespace broadsheet::api {

namespace {

namespace fs = std::filesystem;

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::string fonts_of(const std::string& data_dir) {
  return (fs::path(data_dir) / "fonts").string();
}

bool has_manifest(const std::string& fonts_dir) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(fonts_dir) / "fonts.toml", ec);
}

}  // namespace

std::string resolve_fonts_dir(const EngineSettings& settings) {
  // Explicit choices are taken as given: a wrong one is reported by the font registry.
  if (!settings.fonts_dir.empty()) return settings.fonts_dir;
  if (!settings.data_dir.empty()) return fonts_of(settings.data_dir);
  if (std::string fonts = environment("BROADSHEET_FONTS"); !fonts.empty()) return fonts;
  if (std::string data = environment("BROADSHEET_DATA_DIR"); !data.empty()) return fonts_of(data);
  std::vector<std::string> tried;
  for (const std::string& data_dir : settings.fallback_data_dirs) {
    tried.push_back(fonts_of(data_dir));
    if (has_manifest(tried.back())) return tried.back();
  }
  // Fixed when the library was configured: the install prefix, never the source tree.
  tried.push_back(fonts_of(BROADSHEET_INSTALL_DATA_DIR));
  if (has_manifest(tried.back())) return tried.back();
  std::string elsewhere;
  for (std::size_t i = 0; i + 1 < tried.size(); ++i) elsewhere += ", nor in " + tried[i];
  throw InputError(
      {(fs::path(tried.back()) / "fonts.toml").string()},
      "font manifest not found" + elsewhere + "; give a data folder or set $BROADSHEET_DATA_DIR",
      "no-fonts");
}

std::string resolve_hyphenation_dictionary(const EngineSettings& settings) {
  if (!settings.hyphenation_dictionary.empty()) return settings.hyphenation_dictionary;
  return text::Hyphenator::default_dictionary_path();
}

EngineSetup::EngineSetup(const EngineSettings& settings)
    : fonts_dir_(resolve_fonts_dir(settings)),
      dictionary_path_(resolve_hyphenation_dictionary(settings)),
      fonts_(font::FontRegistry::load(fonts_dir_)),
      hyphenator_(dictionary_path_) {
  if (settings.breaker == LineBreaker::Greedy)
    breaker_ = std::make_unique<linebreak::GreedyBreaker>();
  else
    breaker_ = std::make_unique<linebreak::KnuthPlassBreaker>();
}

std::string format_pdf_date(const story::Date& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", date.year, date.month, date.day);
  return buffer;
}

}  // namespace broadsheet::api
