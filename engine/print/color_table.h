#pragma once
// The inks of every colour on a print page, keyed by the RGB values Cairo writes for it: Cairo
// draws only RGB, and the print pass (print_pdf.h) maps each RGB colour operator back to inks.

#include <cmath>
#include <optional>
#include <vector>

#include "core/display_list.h"
#include "print/cmyk_converter.h"

namespace broadsheet::print {

/// The registration colour of printer's marks: every ink, so marks show on every plate.
inline constexpr Cmyk kRegistration{1, 1, 1, 1};

/// One colour: the RGB Cairo draws (its key) and the inks it stands for.
struct PrintColor {
  Color key;
  Cmyk inks;
};

class ColorTable {
 public:
  /// The inks for the operands of an RGB colour operator, or nullopt when no colour of the
  /// table has them (compared within a millionth, Cairo's precision).
  /// (Inline: the print module, print_pdf.h's pass, uses it without the rest of this file.)
  std::optional<Cmyk> find(double r, double g, double b) const {
    constexpr double kSameComponent = 1e-6;  // Cairo writes colour components with six decimals
    const auto same = [](double a, double b) { return std::abs(a - b) <= kSameComponent; };
    for (const PrintColor& entry : entries_)
      if (same(entry.key.r, r) && same(entry.key.g, g) && same(entry.key.b, b)) return entry.inks;
    return std::nullopt;
  }
  /// True when some key is within a millionth of (r, g, b).
  bool has_key(double r, double g, double b) const { return find(r, g, b).has_value(); }
  void add(const Color& key, const Cmyk& inks) { entries_.push_back({key, inks}); }
  const std::vector<PrintColor>& entries() const { return entries_; }

 private:
  std::vector<PrintColor> entries_;
};

/// Gives every colour of `display` its inks: colours given as CMYK keep theirs, the others go
/// through `converter` (greys to black only). Two colours that would draw the same RGB but need
/// different inks (cmyk(100, 100, 100, 100) and black both preview as 0 0 0) get distinct RGB
/// keys; `display`'s colours are replaced by their keys. Throws std::runtime_error when a CMYK
/// colour other than registration needs more ink than the converter's limit.
ColorTable assign_print_colors(DisplayList& display, const CmykConverter& converter);

}  // namespace broadsheet::print
