#include "text/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/utf16.h>

#include <limits>
#include <stdexcept>
#include <string>

#include "core/c_handle.h"
#include "text/unicode.h"

namespace broadsheet::text {

namespace {

using BidiHandle = CHandle<UBiDi, ubidi_close>;

void throw_if_failed(UErrorCode status, const char* what) {
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU bidi: ") + what + ": " + u_errorName(status));
}

/// True when no character of `text` is right to left or a bidi control (the common case: no
/// ICU work needed).
bool is_plain_left_to_right(std::string_view text) {
  for (const CodePoint& c : decode_utf8(text)) {
    const UCharDirection d = u_charDirection(static_cast<UChar32>(c.value));
    if (d != U_LEFT_TO_RIGHT && d != U_EUROPEAN_NUMBER && d != U_EUROPEAN_NUMBER_SEPARATOR &&
        d != U_EUROPEAN_NUMBER_TERMINATOR && d != U_COMMON_NUMBER_SEPARATOR &&
        d != U_WHITE_SPACE_NEUTRAL && d != U_OTHER_NEUTRAL && d != U_DIR_NON_SPACING_MARK &&
        d != U_BOUNDARY_NEUTRAL && d != U_SEGMENT_SEPARATOR && d != U_BLOCK_SEPARATOR)
      return false;
  }
  return true;
}

}  // namespace

BidiLevels resolve_bidi(std::string_view paragraph, BaseDirection base) {
  BidiLevels out;
  if (base != BaseDirection::RightToLeft && is_plain_left_to_right(paragraph)) return out;
  if (paragraph.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max() / 2))
    throw std::length_error("bidi: paragraph too long");
  // UTF-16 for ICU, with the byte offset of each UTF-16 unit.
  std::u16string units;
  std::vector<std::size_t> byte_of_unit;
  for (const CodePoint& c : decode_utf8(paragraph)) {
    UChar buffer[2];
    int32_t length = 0;
    U16_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c.value));
    for (int32_t i = 0; i < length; ++i) {
      units.push_back(buffer[i]);
      byte_of_unit.push_back(c.begin);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const BidiHandle bidi(ubidi_open());
  const UBiDiLevel para_level = base == BaseDirection::RightToLeft   ? 1
                                : base == BaseDirection::LeftToRight ? 0
                                                                     : UBIDI_DEFAULT_LTR;
  ubidi_setPara(bidi.get(), units.data(), static_cast<int32_t>(units.size()), para_level, nullptr,
                &status);
  throw_if_failed(status, "setPara");
  const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &status);
  throw_if_failed(status, "getLevels");
  out.right_to_left = (ubidi_getParaLevel(bidi.get()) & 1) != 0;
  out.levels.assign(paragraph.size(), 0);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::size_t begin = byte_of_unit[i];
    const std::size_t end = i + 1 < units.size() ? byte_of_unit[i + 1] : paragraph.size();
    for (std::size_t b = begin; b < end; ++b) out.levels[b] = levels[i];
  }
  return out;
}

std::vector<int> visual_order(const std::vector<std::uint8_t>& levels) {
  std::vector<int> order(levels.size());
  if (levels.empty()) return order;
  ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), order.data());
  return order;
}

}  // namespace broadsheet::text
