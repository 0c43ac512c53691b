#pragma once
// A composed page to its print-ready PDF: the print display list, Cairo, then the print pass.

#include <string>

#include "core/diagnostics.h"
#include "core/display_list.h"
#include "font/font_registry.h"
#include "print/print_pdf.h"
#include "render/cairo_renderer.h"
#include "template/page_template.h"

namespace broadsheet::print {

/// The print display list and the print pass's settings for a page of `page_template`.
struct PrintJob {
  DisplayList display;  ///< on the print media, colours replaced by their table keys
  PrintPdfSettings settings;
};

/// Prepares the print version of `preview` (the composed display list): media, bleed, marks,
/// colours through the template's profile (ghostscript's default CMYK profile when it names
/// none) and ink limit. Throws std::runtime_error (unreadable profile, a colour over the limit).
PrintJob prepare_print(const DisplayList& preview,
                       const layout_template::PageTemplate& page_template, PdfInfo info);

/// What a plant would object to in the print PDF that the print pass leaves as it is: each PDF
/// ad with RGB colours or transparency ("ad.pdf: RGB colours; PDF/X-1a wants CMYK ads"), once
/// per file. Throws std::runtime_error when an ad cannot be read.
Warnings print_warnings(const DisplayList& display);

/// Draws `job` with Cairo and runs the print pass: the print PDF's bytes.
std::string render_print_pdf(const PrintJob& job, const font::FontRegistry& fonts,
                             const render::PdfOptions& options);

}  // namespace broadsheet::print
