#include "diff/pixel_diff.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "core/atomic_file.h"
#include "core/diagnostics.h"
#include "core/limits.h"

extern char** environ;

namespace broadsheet::diff {

namespace fs = std::filesystem;

namespace {

constexpr double kDiffPagePixels = 32e6;  // a page: two of them, a mask and a diff image in RAM
constexpr double kDiffFilePixels = 64e6;  // all pages of one file (they are all held at once)

using Surface = CHandle<cairo_surface_t, cairo_surface_destroy>;
using Context = CHandle<cairo_t, cairo_destroy>;

/// A temporary directory, removed with everything in it when this goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "broadsheet-diff-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("cannot create a temporary folder: " +
                               std::string(std::strerror(errno)));
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// posix_spawn file actions, destroyed on scope exit.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

std::string first_line_of(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

/// Runs a program (looked up in PATH) with its stdout going to `stdout_file` (empty: nowhere)
/// and its stderr to `stderr_file`; its exit status.
int run_program(const std::vector<std::string>& args, const fs::path& stderr_file,
                const fs::path& stdout_file = {}) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  FileActions actions;
  if (stdout_file.empty())
    posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  else
    posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, stdout_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, stderr_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], actions.get(), nullptr, argv.data(), environ);
  if (spawned != 0)
    throw std::runtime_error("cannot run " + args[0] + ": " + std::strerror(spawned) +
                             (args[0] == "pdftoppm" ? " (install poppler-utils)" : ""));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waiting for " + args[0] + " failed");
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Draws `source` over white into a new RGB24 surface (so that transparency and the PNG's own
/// pixel format do not matter).
Surface flatten_on_white(cairo_surface_t* source, int width, int height) {
  Surface flat(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  Context cr(cairo_create(flat.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_set_source_surface(cr.get(), source, 0, 0);
  cairo_paint(cr.get());
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo: ") +
                             cairo_status_to_string(cairo_status(cr.get())));
  return flat;
}

bool channels_differ(std::uint32_t a, std::uint32_t b, int tolerance) {
  for (int shift = 0; shift <= 16; shift += 8) {
    const int ca = static_cast<int>((a >> shift) & 0xFF);
    const int cb = static_cast<int>((b >> shift) & 0xFF);
    if (std::abs(ca - cb) > tolerance) return true;
  }
  return false;
}

bool boxes_overlap(const PixelRegion& a, const PixelRegion& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

void merge_into(PixelRegion& into, const PixelRegion& other) {
  const int x1 = std::max(into.x + into.width, other.x + other.width);
  const int y1 = std::max(into.y + into.height, other.y + other.height);
  into.x = std::min(into.x, other.x);
  into.y = std::min(into.y, other.y);
  into.width = x1 - into.x;
  into.height = y1 - into.y;
  into.changed_pixels += other.changed_pixels;
}

/// Groups the changed pixels of `mask` into regions: connected cells, then overlapping boxes.
std::vector<PixelRegion> find_regions(const std::vector<bool>& mask, int width, int height,
                                      int cell) {
  const int columns = (width + cell - 1) / cell;
  const int rows = (height + cell - 1) / cell;
  // Each cell's own box of changed pixels (width 0 = none).
  std::vector<PixelRegion> cells(static_cast<std::size_t>(columns) * rows);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      if (!mask[static_cast<std::size_t>(y) * width + x]) continue;
      PixelRegion& c = cells[static_cast<std::size_t>(y / cell) * columns + x / cell];
      if (c.changed_pixels == 0) c = {x, y, 1, 1};
      merge_into(c, {x, y, 1, 1, 0, 0, 0, 0, 1});
    }
  }
  std::vector<PixelRegion> regions;
  std::vector<bool> visited(cells.size(), false);
  std::vector<int> stack;
  for (std::size_t start = 0; start < cells.size(); ++start) {
    if (visited[start] || cells[start].changed_pixels == 0) continue;
    PixelRegion region = cells[start];
    region.changed_pixels = 0;
    visited[start] = true;
    stack.assign(1, static_cast<int>(start));
    while (!stack.empty()) {
      const int at = stack.back();
      stack.pop_back();
      merge_into(region, cells[static_cast<std::size_t>(at)]);
      const int cx = at % columns, cy = at / columns;
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int nx = cx + dx, ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
          const auto next = static_cast<std::size_t>(ny) * columns + nx;
          if (visited[next] || cells[next].changed_pixels == 0) continue;
          visited[next] = true;
          stack.push_back(static_cast<int>(next));
        }
      }
    }
    regions.push_back(region);
  }
  // Two components can still have overlapping boxes (an L around a dot): one region then.
  for (bool merged = true; merged;) {
    merged = false;
    for (std::size_t i = 0; i < regions.size() && !merged; ++i) {
      for (std::size_t j = i + 1; j < regions.size(); ++j) {
        if (!boxes_overlap(regions[i], regions[j])) continue;
        merge_into(regions[i], regions[j]);
        regions.erase(regions.begin() + static_cast<std::ptrdiff_t>(j));
        merged = true;
        break;
      }
    }
  }
  std::sort(regions.begin(), regions.end(), [](const PixelRegion& a, const PixelRegion& b) {
    return std::pair(a.y, a.x) < std::pair(b.y, b.x);
  });
  return regions;
}

[[noreturn]] void too_large(const std::string& path, double pixels, const char* limit) {
  char text[160];
  std::snprintf(text, sizeof text, "%.1f megapixels, beyond the limit of %s (lower --dpi)",
                pixels / 1e6, limit);
  throw InputError({path, 0, 0}, std::string("image too large to compare: ") + text);
}

/// Checks a page's pixel count, and the running total of its file, against the diff limits.
void check_diff_pixels(const std::string& path, double width, double height, double& total) {
  const double pixels = width * height;
  if (!(pixels <= kDiffPagePixels)) too_large(path, pixels, "32 megapixels a page");
  total += pixels;
  if (!(total <= kDiffFilePixels)) too_large(path, total, "64 megapixels a file");
}

/// A PNG's size from its IHDR header, read before the image is (so no huge allocation).
std::pair<double, double> png_header_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char header[24] = {};
  in.read(reinterpret_cast<char*>(header), sizeof header);
  static constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (in.gcount() != sizeof header || std::memcmp(header, kSignature, 8) != 0)
    throw InputError({path, 0, 0}, "cannot read the PNG: not a PNG file");
  const auto be32 = [&](int at) {
    return static_cast<double>((std::uint32_t{header[at]} << 24) | (header[at + 1] << 16) |
                               (header[at + 2] << 8) | header[at + 3]);
  };
  return {be32(16), be32(20)};
}

/// Every page's size in pixels at `dpi`, from pdfinfo, checked against the limits before the
/// PDF is rasterised.
void check_pdf_pixels(const std::string& path, const std::string& input, double dpi,
                      const fs::path& folder) {
  const fs::path info = folder / "info.txt";
  if (run_program({"pdfinfo", "-f", "1", "-l", "100000", input}, folder / "info-err.txt", info) !=
      0)
    return;  // pdftoppm reports the fault itself
  std::ifstream in(info);
  std::string line;
  double total = 0;
  while (std::getline(in, line)) {
    double width = 0, height = 0;
    int page = 0;
    if (std::sscanf(line.c_str(), "Page %d size: %lf x %lf", &page, &width, &height) != 3) continue;
    check_diff_pixels(path, std::ceil(width * dpi / 72), std::ceil(height * dpi / 72), total);
  }
}

}  // namespace

RasterImage::RasterImage(cairo_surface_t* surface) : surface_(surface) {
  if (cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24)
    throw std::logic_error("RasterImage needs an RGB24 image surface");
  cairo_surface_flush(surface);
}

int RasterImage::width() const {
  return surface_ ? cairo_image_surface_get_width(surface_.get()) : 0;
}

int RasterImage::height() const {
  return surface_ ? cairo_image_surface_get_height(surface_.get()) : 0;
}

std::uint32_t RasterImage::pixel(int x, int y) const {
  const unsigned char* data = cairo_image_surface_get_data(surface_.get());
  const int stride = cairo_image_surface_get_stride(surface_.get());
  std::uint32_t value = 0;
  std::memcpy(&value, data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, sizeof value);
  return value & 0xFFFFFF;
}

RasterImage load_png(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError({path, 0, 0}, "no such file");
  if (fs::file_size(path, ec) > limits::kDiffImageBytes)
    throw InputError({path, 0, 0}, "cannot read the PNG: larger than the limit of 256 MB");
  const auto [header_width, header_height] = png_header_size(path);
  double total = 0;
  check_diff_pixels(path, header_width, header_height, total);
  Surface loaded(cairo_image_surface_create_from_png(path.c_str()));
  const cairo_status_t status = cairo_surface_status(loaded.get());
  if (status != CAIRO_STATUS_SUCCESS)
    throw InputError({path, 0, 0},
                     std::string("cannot read the PNG: ") + cairo_status_to_string(status));
  const int width = cairo_image_surface_get_width(loaded.get());
  const int height = cairo_image_surface_get_height(loaded.get());
  return RasterImage(flatten_on_white(loaded.get(), width, height).release());
}

std::vector<RasterImage> rasterize_pdf(const std::string& path, double dpi) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError({path, 0, 0}, "no such file");
  const TempDir dir;
  char resolution[32];
  std::snprintf(resolution, sizeof resolution, "%g", dpi);
  // "./" keeps a file name starting with '-' from being read as an option.
  const std::string input = fs::path(path).is_absolute() ? path : "./" + path;
  const fs::path errors = dir.path() / "stderr.txt";
  check_pdf_pixels(path, input, dpi, dir.path());
  const int status = run_program(
      {"pdftoppm", "-r", resolution, "-png", input, (dir.path() / "page").string()}, errors);
  if (status != 0) {
    const std::string why = first_line_of(errors);
    throw InputError({path, 0, 0},
                     "cannot rasterise the PDF (pdftoppm: " + (why.empty() ? "failed" : why) + ")");
  }
  // pdftoppm names pages page-1.png or page-01.png ... (zero-padded to the page count's width).
  std::vector<std::pair<int, fs::path>> pages;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("page-", 0) != 0 || entry.path().extension() != ".png") continue;
    pages.emplace_back(std::atoi(name.c_str() + 5), entry.path());
  }
  std::sort(pages.begin(), pages.end());
  if (pages.empty()) throw InputError({path, 0, 0}, "the PDF has no pages");
  std::vector<RasterImage> images;
  double total = 0;
  for (const auto& [number, file] : pages) {
    const auto [width, height] = png_header_size(file.string());
    check_diff_pixels(path, width, height, total);
    images.push_back(load_png(file.string()));
  }
  return images;
}

std::vector<RasterImage> load_pages(const std::string& path, double dpi) {
  const std::string extension = fs::path(path).extension().string();
  if (extension == ".pdf") return rasterize_pdf(path, dpi);
  if (extension == ".png") {
    std::vector<RasterImage> pages;
    pages.push_back(load_png(path));
    return pages;
  }
  throw InputError({path, 0, 0}, "not a .png or .pdf file");
}

PageDiff compare_images(const RasterImage& before, const RasterImage& after,
                        const PixelDiffOptions& options) {
  PageDiff diff;
  diff.width_before = before.width();
  diff.height_before = before.height();
  diff.width_after = after.width();
  diff.height_after = after.height();
  const int width = diff.width(), height = diff.height();
  std::vector<bool> mask(static_cast<std::size_t>(width) * height, false);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const bool in_before = x < diff.width_before && y < diff.height_before;
      const bool in_after = x < diff.width_after && y < diff.height_after;
      // A pixel only one image has is a change.
      const bool changed =
          !in_before || !in_after ||
          channels_differ(before.pixel(x, y), after.pixel(x, y), options.tolerance);
      if (!changed) continue;
      mask[static_cast<std::size_t>(y) * width + x] = true;
      ++diff.changed_pixels;
    }
  }
  if (diff.changed_pixels == 0) return diff;
  diff.regions = find_regions(mask, width, height, std::max(1, options.cell));
  const double to_pt = 72.0 / options.dpi;
  for (PixelRegion& r : diff.regions) {
    r.x_pt = r.x * to_pt;
    r.y_pt = r.y * to_pt;
    r.width_pt = r.width * to_pt;
    r.height_pt = r.height * to_pt;
  }
  diff.mask = std::move(mask);
  return diff;
}

void write_diff_image(const RasterImage& after, const PageDiff& diff, const std::string& path) {
  const int width = diff.width(), height = diff.height();
  Surface image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  {
    Context cr(cairo_create(image.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    if (after.surface()) {
      cairo_set_source_surface(cr.get(), after.surface(), 0, 0);
      cairo_paint_with_alpha(cr.get(), 0.25);
    }
  }
  cairo_surface_flush(image.get());
  if (!diff.mask.empty()) {
    unsigned char* data = cairo_image_surface_get_data(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    const std::uint32_t red = 0xFF0000;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x)
        if (diff.mask[static_cast<std::size_t>(y) * width + x])
          std::memcpy(data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, &red, sizeof red);
    cairo_surface_mark_dirty(image.get());
  }
  {
    Context cr(cairo_create(image.get()));
    cairo_set_source_rgb(cr.get(), 1, 0, 0);
    cairo_set_line_width(cr.get(), 1);
    for (const PixelRegion& r : diff.regions)  // 2 px outside the box, on pixel centres
      cairo_rectangle(cr.get(), r.x - 2.5, r.y - 2.5, r.width + 5, r.height + 5);
    cairo_stroke(cr.get());
  }
  std::string png;
  const cairo_status_t status = cairo_surface_write_to_png_stream(
      image.get(),
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(path +
                             ": cannot write the diff image: " + cairo_status_to_string(status));
  write_file_atomically(path, png, "diff image");
}

}  // namespace broadsheet::diff
