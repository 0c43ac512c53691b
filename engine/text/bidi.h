#pragma once
// The Unicode bidirectional algorithm (ICU's ubidi) for a paragraph: embedding levels per byte
// before line breaking, and the visual order of a line's runs after it.

#include <cstdint>
#include <string_view>
#include <vector>

namespace broadsheet::text {

/// A paragraph's base direction: from its first strong character (UAX #9 rules P2-P3, left to
/// right when it has none), or forced.
enum class BaseDirection : unsigned char { Auto, LeftToRight, RightToLeft };

/// The resolved embedding levels of a paragraph (even: left to right, odd: right to left).
struct BidiLevels {
  bool right_to_left = false;        ///< the paragraph level is odd
  std::vector<std::uint8_t> levels;  ///< one per byte; empty when every byte is at level 0

  std::uint8_t at(std::size_t byte) const { return levels.empty() ? 0 : levels.at(byte); }
  /// True when the whole paragraph is left to right (nothing to reorder).
  bool all_left_to_right() const { return levels.empty(); }
};

/// The levels of `paragraph` (valid UTF-8) resolved with `base`.
BidiLevels resolve_bidi(std::string_view paragraph, BaseDirection base);

/// The visual order of runs at `levels` (UAX #9 rule L2): element i of the result is the
/// logical index of the run drawn i-th from the left.
std::vector<int> visual_order(const std::vector<std::uint8_t>& levels);

}  // namespace broadsheet::text
