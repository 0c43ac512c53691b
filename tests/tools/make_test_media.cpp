// Makes the test pictures and ads of tests/media (scripts/make-test-media.sh): a synthetic,
// photographic-looking landscape as a JPEG (libjpeg, no network, no third-party image), the
// same scene small as a PNG, and advertisement PDFs drawn with Cairo. Deterministic: the same
// program gives the same bytes. The outputs are Broadsheet's own (see tests/media/README.md).
//
//   make_test_media OUT_DIR

// libjpeg needs size_t and FILE declared first.
// clang-format off
#include <cstddef>
#include <cstdio>
#include <jpeglib.h>
// clang-format on

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

/// A small deterministic random number generator (xorshift), so the picture never changes.
struct Random {
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  double next() {  // [0, 1)
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  }
};

/// A ridge line by midpoint displacement: heights[x] for x in [0, width).
std::vector<double> ridge(int width, double base, double roughness, Random& random) {
  int size = 1;
  while (size < width) size *= 2;
  std::vector<double> h(static_cast<std::size_t>(size) + 1, base);
  double spread = roughness;
  for (int step = size; step > 1; step /= 2, spread *= 0.55)
    for (int x = step / 2; x < size; x += step)
      h[std::size_t(x)] = (h[std::size_t(x - step / 2)] + h[std::size_t(x + step / 2)]) / 2 +
                          (random.next() - 0.5) * spread;
  h.resize(static_cast<std::size_t>(width));
  return h;
}

struct Rgb {
  double r, g, b;
};

Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

/// The scene: evening sky with a low sun, two mountain ranges, a lake that mirrors them, grain.
std::vector<unsigned char> scene(int width, int height) {
  Random random;
  const double horizon = height * 0.62;
  const auto far = ridge(width, horizon - height * 0.20, height * 0.30, random);
  const auto near = ridge(width, horizon - height * 0.08, height * 0.22, random);
  const double sun_x = width * 0.68, sun_y = horizon - height * 0.16, sun_r = height * 0.045;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const bool water = y > horizon;
      const double sy = water ? 2 * horizon - y : y;  // the mirrored point above the horizon
      Rgb c = mix({0.16, 0.24, 0.48}, {0.98, 0.66, 0.38}, std::pow(sy / horizon, 1.6));
      const double d = std::hypot(x - sun_x, sy - sun_y);
      c = mix(c, {1.0, 0.93, 0.72}, std::exp(-d / (sun_r * 3.0)) * 0.8);
      if (d < sun_r) c = {1.0, 0.97, 0.86};
      if (sy > far[std::size_t(x)]) c = mix(c, {0.36, 0.30, 0.42}, 0.85);
      if (sy > near[std::size_t(x)])
        c = mix({0.16, 0.17, 0.20}, {0.08, 0.10, 0.10}, (sy - near[std::size_t(x)]) / height * 4);
      if (water) {
        const double ripple = 0.5 + 0.5 * std::sin(y * 0.9 + std::sin(x * 0.05) * 3);
        c = mix(c, {0.10, 0.16, 0.28}, 0.25 + 0.1 * ripple);
      }
      const double grain = (random.next() - 0.5) * 0.04;
      const std::size_t at = (static_cast<std::size_t>(y) * width + x) * 3;
      for (int k = 0; k < 3; ++k) {
        const double v = (k == 0 ? c.r : k == 1 ? c.g : c.b) + grain;
        pixels[at + k] = static_cast<unsigned char>(std::clamp(v, 0.0, 1.0) * 255 + 0.5);
      }
    }
  return pixels;
}

bool write_jpeg(const std::string& path, int width, int height) {
  const std::vector<unsigned char> pixels = scene(width, height);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return false;
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  jpeg_stdio_dest(&info, file);
  info.image_width = static_cast<JDIMENSION>(width);
  info.image_height = static_cast<JDIMENSION>(height);
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 82, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    JSAMPROW row = const_cast<unsigned char*>(pixels.data()) +
                   static_cast<std::size_t>(info.next_scanline) * width * 3;
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return std::fclose(file) == 0;
}

bool write_png(const std::string& path, int width, int height) {
  const std::vector<unsigned char> pixels = scene(width, height);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const unsigned char* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 3];
      auto* out = reinterpret_cast<std::uint32_t*>(data + y * stride) + x;
      *out = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
    }
  cairo_surface_mark_dirty(surface);
  const bool ok = cairo_surface_write_to_png(surface, path.c_str()) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  return ok;
}

void text(cairo_t* cr, const char* family, double size, bool bold, double x, double y,
          const char* words) {
  cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, words);
}

/// An advertisement page of width x height mm: a colour field, a headline, a line of copy.
bool write_ad(const std::string& path, double width_mm, double height_mm) {
  const double w = width_mm / 25.4 * 72, h = height_mm / 25.4 * 72;
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), w, h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2015-12-17T00:00:00Z");
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.05, 0.32, 0.55);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.98, 0.78, 0.10);
  cairo_arc(cr, w * 0.80, h * 0.45, h * 0.32, 0, 2 * M_PI);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  text(cr, "DejaVu Sans", h * 0.10, true, w * 0.05, h * 0.30, "HARBOUR LINE FERRIES");
  text(cr, "DejaVu Sans", h * 0.06, false, w * 0.05, h * 0.45, "Cross the bay in twelve minutes");
  text(cr, "DejaVu Sans", h * 0.05, false, w * 0.05, h * 0.85,
       "Daily from 6 am - harbourline.example");
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_test_media OUT_DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const bool ok =
      write_jpeg(dir + "/lake.jpg", 2000, 1250) && write_jpeg(dir + "/lake-small.jpg", 480, 300) &&
      write_png(dir + "/lake.png", 400, 250) && write_ad(dir + "/ad-350x240.pdf", 350, 240) &&
      write_ad(dir + "/ad-300x200.pdf", 300, 200);
  if (!ok) std::cerr << "make_test_media: cannot write to " << dir << "\n";
  return ok ? 0 : 1;
}
