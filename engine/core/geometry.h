#pragma once
// Units and plain geometry. Every length inside the engine is in PostScript points (1/72 in),
// y grows downwards from the top of the page, as in Cairo.

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

/// An sRGB colour, components 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

}  // namespace broadsheet
