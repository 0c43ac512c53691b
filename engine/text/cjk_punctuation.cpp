#include "text/cjk_punctuation.h"

#include "text/unicode.h"

namespace broadsheet::text {

CjkPunctuation cjk_punctuation(char32_t c) {
  switch (c) {
    case U'\u3008':
    case U'\u300A':
    case U'\u300C':
    case U'\u300E':
    case U'\u3010':
    case U'\u3014':
    case U'\u3016':
    case U'\u3018':
    case U'\u301A':
    case U'\u301D':
    case U'\uFF08':
    case U'\uFF3B':
    case U'\uFF5B':
    case U'\uFF5F':
      return CjkPunctuation::Opening;
    case U'\u3009':
    case U'\u300B':
    case U'\u300D':
    case U'\u300F':
    case U'\u3011':
    case U'\u3015':
    case U'\u3017':
    case U'\u3019':
    case U'\u301B':
    case U'\u301E':
    case U'\u301F':
    case U'\uFF09':
    case U'\uFF3D':
    case U'\uFF5D':
    case U'\uFF60':
    case U'\u3001':
    case U'\u3002':
    case U'\uFF0C':
    case U'\uFF0E':
      return CjkPunctuation::Closing;
    default:
      return CjkPunctuation::None;
  }
}

std::vector<std::size_t> compressed_pairs(std::string_view text) {
  std::vector<std::size_t> out;
  const std::vector<CodePoint> cps = decode_utf8(text);
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    const CjkPunctuation a = cjk_punctuation(cps[i].value);
    const CjkPunctuation b = cjk_punctuation(cps[i + 1].value);
    if (a == CjkPunctuation::None || b == CjkPunctuation::None) continue;
    const std::size_t halved = a == CjkPunctuation::Closing && b == CjkPunctuation::Closing
                                   ? cps[i].begin
                               : b == CjkPunctuation::Opening ? cps[i + 1].begin
                                                              : std::string_view::npos;
    // A run of three ("」」「") halves each pair once.
    if (halved != std::string_view::npos && (out.empty() || out.back() != halved))
      out.push_back(halved);
  }
  return out;
}

}  // namespace broadsheet::text
