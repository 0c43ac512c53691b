#include "paragraph/paragraph_cache.h"

#include <string_view>
#include <type_traits>

namespace broadsheet::paragraph {

namespace {

/// What a key holds as its bytes: numbers and enumerations.
template <class T>
concept KeyNumber = std::is_arithmetic_v<T> || std::is_enum_v<T>;

/// A cache key written as bytes: numbers as their exact bits (what hex floats wrote before, at a
/// fraction of an ostringstream's cost: a copyfit builds two keys per paragraph and trial),
/// strings with their length first so that no two field lists give the same key.
class KeyWriter {
 public:
  template <KeyNumber T>
  KeyWriter& operator<<(T value) {
    key_.append(reinterpret_cast<const char*>(&value), sizeof value);
    return *this;
  }
  KeyWriter& operator<<(std::string_view text) {
    *this << text.size();
    key_.append(text);
    return *this;
  }
  std::string take() { return std::move(key_); }

 private:
  std::string key_;
};

/// The style's language, direction, features and inline faces.
void write_text_style(KeyWriter& k, const ParagraphStyle& s) {
  k << std::string_view(s.language) << s.direction << std::string_view(s.features)
    << s.styled.size();
  for (const auto& r : s.styled) k << r.begin << r.end << std::string_view(r.face_style);
}

/// What changes shaping and break points: the shaped paragraph's key without its text.
void write_shaping(KeyWriter& k, const ParagraphStyle& s, const text::Hyphenator* hyphenator) {
  k << s.font << s.size << s.hyphenate << s.hyphenation.min_word_letters << s.hyphenation.min_before
    << s.hyphenation.min_after << s.hyphenation.capitalized << s.tracking
    << (hyphenator != nullptr);
  write_text_style(k, s);
}

/// Everything that changes shaping or items.
std::string key_of(const std::string& text, const ParagraphStyle& s, bool indent,
                   const text::Hyphenator* hyphenator) {
  KeyWriter k;
  write_shaping(k, s, hyphenator);
  const auto& j = s.justification;
  k << s.align << s.indent << j.word_space_min << j.word_space_desired << j.word_space_max
    << j.letter_space_min << j.letter_space_desired << j.letter_space_max << j.glyph_scale_min
    << j.glyph_scale_desired << j.glyph_scale_max << s.optical_margins << indent
    << std::string_view(text);
  return k.take();
}

/// Everything that changes shaping and break points.
std::string shape_key_of(const std::string& text, const ParagraphStyle& s,
                         const text::Hyphenator* hyphenator) {
  KeyWriter k;
  write_shaping(k, s, hyphenator);
  k << std::string_view(text);
  return k.take();
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
