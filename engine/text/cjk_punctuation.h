#pragma once
// Punctuation compression for solid-set Chinese and Japanese (JIS X 4051, "Requirements for
// Japanese Text Layout" 3.1.4, and "Requirements for Chinese Text Layout" 3.1.6): a full-width
// bracket, comma or full stop is half ink, half blank. Where two meet ("」「", "。」", "，「"),
// one of them is set half width, so the pair takes 1.5 em, not 2; an opening bracket at the
// start of a line and a closing one (or a comma, a full stop) at its end are set half width
// too, so the ink meets the line's edge. Which half to drop is the font's business: the engine
// asks for OpenType `halt` on those characters (HarfBuzz, per character range).

#include <cstddef>
#include <string_view>
#include <vector>

namespace broadsheet::text {

/// The compression class of a character: full-width opening brackets, closing brackets and
/// the ideographic comma and full stops; None for everything else.
enum class CjkPunctuation : unsigned char { None, Opening, Closing };

CjkPunctuation cjk_punctuation(char32_t c);

/// The byte offsets (character starts) of the punctuation in `text` to set half width because
/// of its neighbour: in "closing closing" the first, in "closing opening" and "opening opening"
/// the second. Increasing.
std::vector<std::size_t> compressed_pairs(std::string_view text);

}  // namespace broadsheet::text
