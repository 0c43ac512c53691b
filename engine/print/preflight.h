#pragma once
// Preflight: checks any PDF (ours or another tool's) for what a printing plant checks before a
// page goes to press: trim size and page boxes, fonts embedded, colour spaces (every DeviceRGB
// and ICC-based RGB use, and where), rich-black text, total ink over the limit, hairlines,
// low-resolution images, transparency and the PDF/X identification.

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace broadsheet::print {

/// The file cannot be read as a PDF (preflight's exit status 2).
class UnreadablePdf : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What the plant expects.
struct PreflightOptions {
  std::optional<double> trim_width, trim_height;  ///< pt, from a template; ±0.5 pt
  std::optional<double> bleed;                    ///< pt, from a template: the least bleed
  double ink_limit = 2.4;                         ///< total ink, 0..4
  double thinnest_rule = 0.25;                    ///< pt
  double lowest_image_ppi = 150;
  double ink_dpi = 50;  ///< resolution at which total ink is measured
};

/// The problems found, one line each, in the order met; a repeated problem is counted.
class Findings {
 public:
  /// (Inline, as lines(): the engine reads what the print module's preflight() found.)
  void add(const std::string& text) {
    for (auto& [line, count] : found_)
      if (line == text) {
        ++count;
        return;
      }
    found_.emplace_back(text, 1);
  }
  /// "page 1: ... (12 times)" for repeated ones.
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const auto& [line, count] : found_)
      out.push_back(count == 1 ? line : line + " (" + std::to_string(count) + " times)");
    return out;
  }
  bool empty() const { return found_.empty(); }

 private:
  std::vector<std::pair<std::string, int>> found_;
};

/// Checks the PDF at `path`. Throws UnreadablePdf when it is not a readable PDF.
Findings preflight(const std::string& path, const PreflightOptions& options);

}  // namespace broadsheet::print
