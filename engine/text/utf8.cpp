#include "text/utf8.h"

#include <cstdint>

namespace broadsheet::text {

namespace {

bool is_continuation(std::uint8_t byte) {
  return (byte & 0xC0) == 0x80;
}

// What a lead byte promises: how many bytes the sequence has, and the range its second byte
// must fall in. Narrowing the second byte's range (Unicode Table 3-7) is what rules out
// overlong forms (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
struct LeadByteRule {
  int length = 0;  // 0: the byte cannot start a sequence
  std::uint8_t second_min = 0x80;
  std::uint8_t second_max = 0xBF;
};

LeadByteRule rule_for(std::uint8_t lead) {
  if (lead <= 0x7F) return {1};
  if (lead >= 0xC2 && lead <= 0xDF) return {2};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  // 80..BF (stray continuation), C0..C1 (always overlong), F5..FF (beyond U+10FFFF).
  return {0};
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto lead = static_cast<std::uint8_t>(s[pos]);
    const LeadByteRule rule = rule_for(lead);
    if (rule.length == 0) return pos;
    if (rule.length == 1) {
      ++pos;
      continue;
    }
    if (pos + rule.length > s.size()) return pos;  // truncated at the end of the text
    const auto second = static_cast<std::uint8_t>(s[pos + 1]);
    if (second < rule.second_min || second > rule.second_max) return pos;
    for (int i = 2; i < rule.length; ++i) {
      if (!is_continuation(static_cast<std::uint8_t>(s[pos + i]))) return pos;
    }
    pos += rule.length;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t count = 0;
  for (char c : s) {
    if (!is_continuation(static_cast<std::uint8_t>(c))) ++count;
  }
  return count;
}

}  // namespace broadsheet::text
