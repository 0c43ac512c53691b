// broadsheet diff: two layout dumps line by line, or two renders (PDF or PNG) pixel by pixel.
// Exit status: 0 equal (within the tolerance), 1 different, 2 the files cannot be compared.

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/diagnostics.h"
#include "diff/layout_diff.h"
#include "diff/pixel_diff.h"
#include "text/unicode.h"

namespace broadsheet::cli {

namespace {

namespace fs = std::filesystem;

struct DiffArgs {
  std::string before;
  std::string after;
  double dpi = 40;
  int tolerance = diff::PixelDiffOptions{}.tolerance;
  std::string image = "out/diff.png";
};

/// A file's kind, by extension: "json", "png" or "pdf" (empty when unknown).
std::string kind_of(const std::string& path) {
  const std::string extension = text::to_lower(fs::path(path).extension().string());
  if (extension == ".json" || extension == ".png" || extension == ".pdf")
    return extension.substr(1);
  return "";
}

std::string format(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

/// Page `page` of `page_count`'s diff image: the --image path itself for one page, else
/// "<stem>-<page><ext>" beside it (out/diff-2.png).
std::string image_path(const std::string& image, int page, std::size_t page_count) {
  if (page_count <= 1) return image;
  const fs::path path(image);
  std::string name = path.stem().string();
  name += '-';
  name += std::to_string(page);
  name += path.extension().string();
  return (path.parent_path() / name).string();
}

int diff_dumps(const DiffArgs& args) {
  const diff::LayoutDump before = diff::read_layout_dump(args.before);
  const diff::LayoutDump after = diff::read_layout_dump(args.after);
  const diff::LayoutDiff changes = diff::diff_layouts(before, after);
  for (const diff::SlotChange& c : changes.slots) std::cout << diff::describe(c) << "\n";
  for (const diff::LineChange& c : changes.lines) std::cout << diff::describe(c) << "\n";
  std::cout << changes.lines.size() << (changes.lines.size() == 1 ? " line" : " lines")
            << " changed";
  if (!changes.slots.empty())
    std::cout << ", " << changes.slots.size()
              << (changes.slots.size() == 1 ? " slot change" : " slot changes");
  std::cout << "\n";
  return changes.empty() ? 0 : 1;
}

int diff_pixels(const DiffArgs& args) {
  const std::vector<diff::RasterImage> before = diff::load_pages(args.before, args.dpi);
  const std::vector<diff::RasterImage> after = diff::load_pages(args.after, args.dpi);
  const diff::PixelDiffOptions options{.tolerance = args.tolerance, .dpi = args.dpi};
  const std::size_t page_count = std::max(before.size(), after.size());
  bool differs = before.size() != after.size();
  if (differs) std::cout << "pages: " << before.size() << " \u2192 " << after.size() << "\n";
  std::size_t total_regions = 0;
  const diff::RasterImage missing;  // a page only one file has compares with nothing
  for (std::size_t i = 0; i < page_count; ++i) {
    const int page = static_cast<int>(i) + 1;
    const diff::RasterImage& a = i < before.size() ? before[i] : missing;
    const diff::RasterImage& b = i < after.size() ? after[i] : missing;
    const diff::PageDiff result = diff::compare_images(a, b, options);
    if (!result.differs()) continue;
    differs = true;
    total_regions += result.regions.size();
    if (i >= before.size() || i >= after.size())
      std::cout << "page " << page << ": only in " << (i < after.size() ? args.after : args.before)
                << "\n";
    else if (result.size_differs())
      std::cout << "page " << page << ": size " << result.width_before << "\u00d7"
                << result.height_before << " px \u2192 " << result.width_after << "\u00d7"
                << result.height_after << " px\n";
    std::cout << "page " << page << ": " << result.regions.size()
              << (result.regions.size() == 1 ? " changed region" : " changed regions") << " ("
              << result.changed_pixels << " px)\n";
    for (const diff::PixelRegion& r : result.regions)
      std::cout << "  x " << format(r.x_pt) << " y " << format(r.y_pt) << " w "
                << format(r.width_pt) << " h " << format(r.height_pt) << " pt  (x " << r.x << " y "
                << r.y << " w " << r.width << " h " << r.height << " px)\n";
    const std::string path = image_path(args.image, page, page_count);
    diff::write_diff_image(b, result, path);
    std::cout << "page " << page << ": diff image " << path << "\n";
  }
  if (!differs) {
    std::cout << "no differences (tolerance " << args.tolerance << ")\n";
    return 0;
  }
  std::cout << total_regions << (total_regions == 1 ? " changed region" : " changed regions")
            << "\n";
  return 1;
}

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "broadsheet: error: " << message << "\n";
  throw ExitStatus{2};
}

void run_diff(const DiffArgs& args) {
  const std::string kind_before = kind_of(args.before);
  const std::string kind_after = kind_of(args.after);
  for (const std::string* path : {&args.before, &args.after}) {
    if (kind_of(*path).empty())
      fail(*path + ": cannot compare this kind of file (use .json layout dumps, .png or .pdf)");
    std::error_code ec;
    if (!fs::is_regular_file(*path, ec)) fail(*path + ": no such file");
  }
  if (same_file(args.image, args.before) || same_file(args.image, args.after))
    fail(args.image + ": the diff image may not replace a compared file");
  if (kind_before != kind_after)
    fail(args.after + ": a ." + kind_after + " cannot be compared with a ." + kind_before + " (" +
         args.before + ")");
  int status = 0;
  try {
    status = kind_before == "json" ? diff_dumps(args) : diff_pixels(args);
  } catch (const InputError& e) {
    fail(e.what());
  } catch (const std::exception& e) {
    fail(e.what());
  }
  std::cout.flush();
  if (status != 0) throw ExitStatus{status};
}

}  // namespace

void add_diff_command(CLI::App& app) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "diff",
      "Compare two layout dumps (.json) line by line, or two renders (.pdf, .png) pixel by "
      "pixel. Exit status: 0 equal, 1 different, 2 error");
  cmd->add_option("before", args->before, "The reference file")->required();
  cmd->add_option("after", args->after, "The file to compare with it (same kind)")->required();
  cmd->add_option("--dpi", args->dpi,
                  "Resolution PDFs are rasterised at (and that PNGs were rendered at)")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1200.0));
  cmd->add_option("--tolerance", args->tolerance,
                  "A pixel differs when a channel differs by more than this (0-255)")
      ->capture_default_str()
      ->check(CLI::Range(0, 255));
  cmd->add_option("--image", args->image,
                  "Diff image to write when pixels differ (multi-page: NAME-<page>.png)")
      ->capture_default_str();
  cmd->callback([args] { run_diff(*args); });
}

}  // namespace broadsheet::cli
