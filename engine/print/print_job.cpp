#include "print/print_job.h"

#include <set>
#include <sstream>
#include <stdexcept>

#include "print/icc_profile.h"
#include "print/pdf_parts.h"
#include "render/pdf_ads.h"

namespace broadsheet::print {

PrintJob prepare_print(const DisplayList& preview,
                       const layout_template::PageTemplate& page_template, PdfInfo info) {
  const layout_template::PrintOptions& options = page_template.print;
  PrintJob job;
  PrintPdfSettings& settings = job.settings;
  settings.page = print_page_spec(page_template);
  job.display = print_display(preview, settings.page);
  const std::string profile_path =
      options.icc_profile.empty() ? default_cmyk_profile_path() : options.icc_profile;
  settings.icc_profile = read_icc_profile(profile_path);
  try {  // the module: Little CMS
    settings.colors = pdf_parts().assign_print_colors(job.display, settings.icc_profile,
                                                      options.ink_limit, settings.profile_name);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(profile_path + ": " + e.what());
  }
  settings.ink_limit = options.ink_limit;
  settings.jpeg_quality = options.jpeg_quality;
  settings.overprint_black = options.overprint_black;
  settings.output_condition = options.output_condition;
  settings.info = std::move(info);
  return job;
}

Warnings print_warnings(const DisplayList& display) {
  Warnings warnings;
  std::set<std::string> checked;
  for (const DisplayPage& page : display.pages)
    for (const DisplayItem& item : page.items) {
      const ImageItem* ad = render::pdf_ad(item);
      if (ad == nullptr || !checked.insert(ad->image->path).second) continue;
      const std::vector<std::string> problems =
          pdf_parts().pdf_ad_problems(ad->image->bytes, ad->image->path);  // the module: qpdf
      if (problems.empty()) continue;
      const bool rgb = problems.front() == "RGB colours";
      std::string text = problems.front();
      for (std::size_t i = 1; i < problems.size(); ++i) text += " and " + problems[i];
      const bool transparency = problems.back() == "transparency";
      warnings.push_back({"print-ad", ad->image->path + ": " + text + "; PDF/X-1a wants " +
                                          (rgb ? "CMYK ads" : "ads") +
                                          (transparency ? " without transparency" : "")});
    }
  return warnings;
}

std::string render_print_pdf(const PrintJob& job, const font::FontRegistry& fonts,
                             const render::PdfOptions& options) {
  render::PdfOptions cairo_options = options;
  cairo_options.include_preview_layer = false;
  std::ostringstream cairo_pdf;
  render::write_pdf(job.display, fonts, cairo_pdf, cairo_options);
  PrintPdfSettings settings = job.settings;
  if (settings.info.creator.empty()) settings.info.creator = options.creator;
  if (settings.info.date.empty()) settings.info.date = options.create_date;
  return pdf_parts().make_print_pdf(cairo_pdf.view(), settings);  // the module: qpdf
}

}  // namespace broadsheet::print
