#include "cli/engine_setup.h"

#include <cstdio>

#include "linebreak/greedy_breaker.h"
#include "linebreak/knuth_plass.h"

namespace broadsheet::cli {

EngineSetup::EngineSetup(const std::string& fonts_dir, const std::string& breaker)
    : fonts_(font::FontRegistry::load(fonts_dir.empty() ? font::FontRegistry::default_fonts_dir()
                                                        : fonts_dir)),
      hyphenator_(text::Hyphenator::default_dictionary_path()) {
  if (breaker == "greedy")
    breaker_ = std::make_unique<linebreak::GreedyBreaker>();
  else
    breaker_ = std::make_unique<linebreak::KnuthPlassBreaker>();
}

std::string format_pdf_date(const story::Date& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", date.year, date.month, date.day);
  return buffer;
}

}  // namespace broadsheet::cli
