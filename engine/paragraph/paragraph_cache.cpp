#include "paragraph/paragraph_cache.h"

#include <sstream>

namespace broadsheet::paragraph {

namespace {

/// The style's language, direction, features and inline faces, written out.
std::string text_key(const ParagraphStyle& s) {
  std::ostringstream k;
  k << s.language << '|' << static_cast<int>(s.direction) << '|' << s.features << '|';
  for (const auto& r : s.styled) k << r.begin << '-' << r.end << '=' << r.face_style << ';';
  return k.str();
}

/// Everything that changes shaping or items, written out exactly (hex floats).
std::string key_of(const std::string& text, const ParagraphStyle& s, bool indent,
                   const text::Hyphenator* hyphenator) {
  std::ostringstream k;
  k << std::hexfloat << s.font << '|' << s.size << '|' << static_cast<int>(s.align) << '|'
    << s.indent << '|' << s.hyphenate << '|' << s.hyphenation.min_word_letters << ','
    << s.hyphenation.min_before << ',' << s.hyphenation.min_after << ','
    << s.hyphenation.capitalized << '|' << s.justification.word_space_min << ','
    << s.justification.word_space_desired << ',' << s.justification.word_space_max << ','
    << s.justification.letter_space_min << ',' << s.justification.letter_space_desired << ','
    << s.justification.letter_space_max << ',' << s.justification.glyph_scale_min << ','
    << s.justification.glyph_scale_desired << ',' << s.justification.glyph_scale_max << '|'
    << s.optical_margins << '|' << s.tracking << '|' << indent << '|' << (hyphenator != nullptr)
    << '|' << text_key(s) << '|' << text;
  return k.str();
}

/// Everything that changes shaping and break points, written out exactly (hex floats).
std::string shape_key_of(const std::string& text, const ParagraphStyle& s,
                         const text::Hyphenator* hyphenator) {
  std::ostringstream k;
  k << std::hexfloat << s.font << '|' << s.size << '|' << s.hyphenate << '|'
    << s.hyphenation.min_word_letters << ',' << s.hyphenation.min_before << ','
    << s.hyphenation.min_after << ',' << s.hyphenation.capitalized << '|' << s.tracking << '|'
    << (hyphenator != nullptr) << '|' << text_key(s) << '|' << text;
  return k.str();
}

}  // namespace

const ShapedParagraph& ParagraphCache::shaped(const font::FontRegistry& fonts,
                                              const text::Hyphenator* hyphenator,
                                              const std::string& text,
                                              const ParagraphStyle& style) {
  const std::string key = shape_key_of(text, style, hyphenator);
  if (const auto it = shaped_.find(key); it != shaped_.end()) return it->second;
  // Shaped once with no tracking, then tracked: letter-spacing trials shape nothing again.
  // Solid-set CJK, whose edge trims are measured while shaping, is shaped at each tracking.
  ShapedParagraph made;
  if (style.tracking == 0 || sets_cjk_solid(text)) {
    made = shape_paragraph(fonts, hyphenator, text, style);
  } else {
    ParagraphStyle untracked = style;
    untracked.tracking = 0;
    made = with_tracking(fonts, shaped(fonts, hyphenator, text, untracked), style.tracking);
  }
  return shaped_.emplace(key, std::move(made)).first->second;  // std::map: references hold
}

const PreparedParagraph& ParagraphCache::get(const font::FontRegistry& fonts,
                                             const text::Hyphenator* hyphenator,
                                             const std::string& text, const ParagraphStyle& style,
                                             bool indent_first_line) {
  const std::string key = key_of(text, style, indent_first_line, hyphenator);
  auto it = entries_.find(key);
  if (it != entries_.end()) return it->second;
  PreparedParagraph prepared{shaped(fonts, hyphenator, text, style), {}};
  prepared.shaped.style = style;  // the same shaping; the items read the rest of the style
  prepared.items = build_items(prepared.shaped, indent_first_line);
  return entries_.emplace(key, std::move(prepared)).first->second;
}

}  // namespace broadsheet::paragraph
