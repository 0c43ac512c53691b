#pragma once
// Units and plain geometry. Every length inside the engine is in PostScript points (1/72 in),
// y grows downwards from the top of the page, as in Cairo.

#include <optional>

namespace broadsheet {

inline constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double mm_to_pt(double mm) {
  return mm * kPointsPerMm;
}
constexpr double pt_to_mm(double pt) {
  return pt / kPointsPerMm;
}

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

/// Process-colour ink coverage for print, components 0..1 (cyan, magenta, yellow, black).
struct Cmyk {
  double c = 0, m = 0, y = 0, k = 0;
  friend bool operator==(const Cmyk&, const Cmyk&) = default;
};

/// An sRGB colour, components 0..1. A colour given as CMYK keeps its inks in `cmyk` (print
/// uses them as they are) and an RGB approximation in r, g, b (previews draw that).
struct Color {
  double r = 0, g = 0, b = 0;
  std::optional<Cmyk> cmyk;
  constexpr Color() = default;
  constexpr Color(double red, double green, double blue, std::optional<Cmyk> inks = std::nullopt)
      : r(red), g(green), b(blue), cmyk(inks) {}
  friend bool operator==(const Color&, const Color&) = default;
};

}  // namespace broadsheet
