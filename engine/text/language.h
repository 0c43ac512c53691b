#pragma once
// BCP 47 language tags as stories give them: checking one, and the writing direction it implies.

#include <string_view>

namespace broadsheet::text {

/// True when `tag` is a well-formed BCP 47 tag ("zh-Hant", "ar", "pt-BR") whose language ICU
/// knows: "Chinese", "zh_Hant" or "x1" are not.
bool is_valid_language_tag(std::string_view tag);

/// True when text in `tag` is written right to left (ar, he, fa, ur, yi, ...; "az-Arab" too,
/// from ICU's likely script of the tag). False for an empty tag.
bool is_right_to_left_language(std::string_view tag);

}  // namespace broadsheet::text
