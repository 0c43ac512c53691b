#pragma once
// The one drawing routine: a display list to PDF or PNG through Cairo. Outputs are written to a
// temporary file beside the target and renamed into place only when complete, so a failed run
// never leaves a half-written file where a good one was.

#include <iosfwd>
#include <string>

#include "core/display_list.h"
#include "font/font_registry.h"

namespace broadsheet::render {

struct PdfOptions {
  std::string creator;      ///< "broadsheet 0.1.0"
  std::string create_date;  ///< fixed ISO date ("2015-12-17T00:00:00Z"): no wall clock
  bool include_preview_layer = false;
};

struct PngOptions {
  double dpi = 100;
  int page = 0;                       ///< which page of the display list
  bool include_preview_layer = true;  ///< placeholders, guides, overset marks
};

/// Writes every page of `display` to a PDF at `path`. Throws std::runtime_error on failure.
void write_pdf(const DisplayList& display, const font::FontRegistry& fonts, const std::string& path,
               const PdfOptions& options);

/// Writes every page of `display` as a PDF into `out` (the same bytes as the file). Throws
/// std::runtime_error when drawing or the stream fails.
void write_pdf(const DisplayList& display, const font::FontRegistry& fonts, std::ostream& out,
               const PdfOptions& options);

/// Writes one page of `display` to a PNG at `path`. Throws std::runtime_error on failure.
void write_png(const DisplayList& display, const font::FontRegistry& fonts, const std::string& path,
               const PngOptions& options);

/// Writes one page of `display` as a PNG into `out`.
void write_png(const DisplayList& display, const font::FontRegistry& fonts, std::ostream& out,
               const PngOptions& options);

}  // namespace broadsheet::render
