#pragma once
// Before composing: can every character of the stories be drawn? A character no face of the
// manifest has (neither the fonts/ folder's faces nor the fallback chain of its language) is an
// error naming it and where it is, or, when allowed, a warning (it is then drawn as a box,
// shape/itemizer.h). The fallback faces the stories need are reported once, as a warning.

#include <vector>

#include "core/diagnostics.h"
#include "font/font_registry.h"
#include "story/story.h"

namespace broadsheet::font {

/// The coverage warnings for `stories` (fallbacks used; missing characters when
/// `allow_missing` is set). Throws InputError (code "missing-glyph") listing the characters no
/// face has, with file and line, unless `allow_missing`.
Warnings check_coverage(const FontRegistry& fonts, const std::vector<story::Story>& stories,
                        bool allow_missing);

/// "U+0627 ARABIC LETTER ALEF" (the name when ICU has one).
std::string describe_character(char32_t c);

}  // namespace broadsheet::font
