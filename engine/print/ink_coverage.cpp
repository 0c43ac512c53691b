#include "print/ink_coverage.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/c_handle.h"

namespace broadsheet::print {

namespace {

using Pipe = CHandle<FILE, pclose>;

/// `text` in single quotes for the shell.
std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Reads one header line of a PAM file; false at the end of the stream.
bool read_line(FILE* in, std::string& line) {
  line.clear();
  for (int c = std::fgetc(in); c != EOF; c = std::fgetc(in)) {
    if (c == '\n') return true;
    line += static_cast<char>(c);
  }
  return !line.empty();
}

/// The next page of a stream of PAM images (P7 ... ENDHDR, then the pixels); false at the end.
bool read_page(FILE* in, double dpi, InkRaster& raster) {
  std::string line;
  if (!read_line(in, line)) return false;
  if (line != "P7") throw std::runtime_error("ghostscript wrote no CMYK image");
  raster = InkRaster{};
  raster.dpi = dpi;
  int depth = 0;
  while (read_line(in, line) && line != "ENDHDR") {
    std::sscanf(line.c_str(), "WIDTH %d", &raster.width);
    std::sscanf(line.c_str(), "HEIGHT %d", &raster.height);
    std::sscanf(line.c_str(), "DEPTH %d", &depth);
  }
  if (depth != 4 || raster.width <= 0 || raster.height <= 0)
    throw std::runtime_error("ghostscript wrote an unexpected image");
  raster.pixels.resize(static_cast<std::size_t>(raster.width) * raster.height * 4);
  if (std::fread(raster.pixels.data(), 1, raster.pixels.size(), in) != raster.pixels.size())
    throw std::runtime_error("ghostscript's image ends early");
  return true;
}

}  // namespace

Cmyk InkRaster::at(int x, int y) const {
  const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 4;
  return {pixels[i] / 255.0, pixels[i + 1] / 255.0, pixels[i + 2] / 255.0, pixels[i + 3] / 255.0};
}

namespace {

/// Calls `visit(x, y)` for each pixel of `area` (pt) inside the raster.
template <class Visit>
void for_pixels(const InkRaster& raster, const Rect& area, Visit visit) {
  const double scale = raster.dpi / 72;
  const int x0 = std::max(0, static_cast<int>(area.x * scale));
  const int y0 = std::max(0, static_cast<int>(area.y * scale));
  const int x1 = std::min(raster.width, static_cast<int>(area.right() * scale));
  const int y1 = std::min(raster.height, static_cast<int>(area.bottom() * scale));
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) visit(x, y);
}

}  // namespace

double InkRaster::max_total_ink(const Rect& area, double* at_x, double* at_y) const {
  double most = 0;
  for_pixels(*this, area, [&](int x, int y) {
    const Cmyk ink = at(x, y);
    const double total = ink.c + ink.m + ink.y + ink.k;
    if (total > most) {
      most = total;
      if (at_x) *at_x = (x + 0.5) * 72 / dpi;
      if (at_y) *at_y = (y + 0.5) * 72 / dpi;
    }
  });
  return most;
}

Cmyk InkRaster::max_inks(const Rect& area) const {
  Cmyk most;
  for_pixels(*this, area, [&](int x, int y) {
    const Cmyk ink = at(x, y);
    most = {std::max(most.c, ink.c), std::max(most.m, ink.m), std::max(most.y, ink.y),
            std::max(most.k, ink.k)};
  });
  return most;
}

std::vector<InkRaster> rasterise_cmyk(const std::string& path, double dpi) {
  const std::string command =
      "gs -q -dSAFER -dBATCH -dNOPAUSE -dUseTrimBox -sstdout=%stderr -sDEVICE=pamcmyk32 -r" +
      std::to_string(static_cast<int>(dpi)) + " -sOutputFile=- " + shell_quoted(path) +
      " 2>/dev/null";
  Pipe pipe(popen(command.c_str(), "r"));
  if (!pipe) throw std::runtime_error("cannot run ghostscript (gs)");
  std::vector<InkRaster> pages;
  InkRaster page;
  while (read_page(pipe.get(), dpi, page)) pages.push_back(std::move(page));
  const int status = pclose(pipe.release());
  if (status != 0 || pages.empty())
    throw std::runtime_error(
        "ghostscript (gs, Debian package ghostscript) could not render the pages in CMYK");
  return pages;
}

}  // namespace broadsheet::print
