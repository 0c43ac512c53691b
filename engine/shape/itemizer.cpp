#include "shape/itemizer.h"

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>

#include "text/unicode.h"

namespace broadsheet::shape {

namespace {

constexpr char32_t kMissingMarker = U'\u25A1';  // WHITE SQUARE: the box drawn for a missing glyph

/// The script HarfBuzz shapes a character with; 0 for characters that take their neighbours'
/// (Common, Inherited). Kana shape with the ideographs around them (one run of Japanese).
std::uint32_t script_of(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode code = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status) || code == USCRIPT_COMMON || code == USCRIPT_INHERITED ||
      code == USCRIPT_UNKNOWN)
    return 0;
  if (code == USCRIPT_HIRAGANA || code == USCRIPT_KATAKANA) code = USCRIPT_HAN;
  return static_cast<std::uint32_t>(hb_script_from_string(uscript_getShortName(code), -1));
}

/// Characters that belong to the character before them and so to its face: combining marks,
/// joiners, variation selectors and other default-ignorable code points (soft hyphen).
bool extends_previous(char32_t c) {
  return text::is_mark(c) ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) != 0;
}

/// The face of the style's family for a styled range, or the base face when it has none.
font::FontId face_for(const font::FontRegistry& fonts, font::FontId base,
                      const std::vector<StyledRange>& styled, std::size_t offset) {
  for (const StyledRange& range : styled) {
    if (offset < range.begin || offset >= range.end) continue;
    if (auto id = fonts.lookup(fonts.font(base).family(), range.face_style)) return *id;
  }
  return base;
}

/// Picks faces character by character, remembering each style face's chain.
class FaceChooser {
 public:
  FaceChooser(const font::FontRegistry& fonts, std::string_view language)
      : fonts_(fonts), language_(language) {}

  const std::vector<font::FontId>& chain(font::FontId face) {
    auto it = chains_.find(face);
    if (it == chains_.end()) {
      std::vector<font::FontId> chain{face};
      for (font::FontId id : fonts_.fallback_chain(language_, fonts_.font(face).style()))
        if (id != face) chain.push_back(id);
      it = chains_.emplace(face, std::move(chain)).first;
    }
    return it->second;
  }

  /// The first face of `face`'s chain that has `c`; nullopt when none has it.
  std::optional<font::FontId> first_with(font::FontId face, char32_t c) {
    for (font::FontId id : chain(face))
      if (fonts_.font(id).has_glyph(c)) return id;
    return std::nullopt;
  }

 private:
  const font::FontRegistry& fonts_;
  std::string language_;
  std::map<font::FontId, std::vector<font::FontId>> chains_;
};

/// One character's run properties.
struct CharChoice {
  font::FontId font = 0;
  std::uint32_t script = 0;
  bool missing = false;
};

/// Gives Common and Inherited characters the script of the run they are in (or, at the start,
/// of the first character that has one).
void resolve_common_scripts(std::vector<CharChoice>& chars) {
  std::uint32_t current = 0;
  for (const CharChoice& c : chars)
    if (c.script != 0) {
      current = c.script;
      break;
    }
  for (CharChoice& c : chars) {
    if (c.script == 0)
      c.script = current;
    else
      current = c.script;
  }
}

/// The language to choose fallback faces by: `language`, or for text of no language whose
/// script says it (kana: Japanese, Hangul: Korean), that one; a Japanese headline then gets
/// Japanese glyph forms even where the story gave no language.
std::string fallback_language(std::string_view language, const std::vector<text::CodePoint>& cps) {
  if (!language.empty()) return std::string(language);
  for (const text::CodePoint& c : cps) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c.value), &status);
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) return "ja";
    if (script == USCRIPT_HANGUL) return "ko";
  }
  return {};
}

}  // namespace

Itemization itemize(const font::FontRegistry& fonts, font::FontId base_font, std::string_view text,
                    const std::vector<StyledRange>& styled, std::string_view language,
                    text::BaseDirection direction) {
  Itemization out;
  out.bidi = text::resolve_bidi(text, direction);
  const std::vector<text::CodePoint> code_points = text::decode_utf8(text);
  FaceChooser chooser(fonts, fallback_language(language, code_points));
  std::vector<CharChoice> chars(code_points.size());
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    const char32_t c = code_points[i].value;
    const font::FontId face = face_for(fonts, base_font, styled, code_points[i].begin);
    CharChoice& choice = chars[i];
    choice.script = script_of(c);
    const CharChoice* previous = i > 0 ? &chars[i - 1] : nullptr;
    const bool neutral = choice.script == 0 || text::is_white_space(c);
    if (previous &&
        (extends_previous(c) || (neutral && previous->font != face && !previous->missing &&
                                 fonts.font(previous->font).has_glyph(c)))) {
      // Marks stay with their base; punctuation and spaces stay in a fallback face's run.
      choice.font = previous->font;
      choice.missing = previous->missing && extends_previous(c);
    } else if (extends_previous(c) || text::is_white_space(c)) {
      choice.font = face;
    } else if (const auto found = chooser.first_with(face, c)) {
      choice.font = *found;
    } else {
      choice.missing = true;
      choice.font = chooser.first_with(face, kMissingMarker).value_or(face);
      out.missing.push_back({c, code_points[i].begin});
    }
    if (!choice.missing && choice.font != face &&
        std::find(out.fallbacks.begin(), out.fallbacks.end(), choice.font) == out.fallbacks.end())
      out.fallbacks.push_back(choice.font);
  }
  resolve_common_scripts(chars);
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    const CharChoice& c = chars[i];
    const std::uint8_t level = out.bidi.at(code_points[i].begin);
    if (!out.items.empty()) {
      TextItem& last = out.items.back();
      if (last.font == c.font && last.script == c.script && last.level == level &&
          last.missing == c.missing) {
        last.end = code_points[i].end;
        continue;
      }
    }
    out.items.push_back(
        {code_points[i].begin, code_points[i].end, c.font, c.script, level, c.missing});
  }
  return out;
}

namespace {

/// A box for every character of `piece`, each glyph keeping its character's cluster.
ShapedRun shape_missing(const font::FontRegistry& fonts, font::FontId font, std::string_view piece,
                        double size, const ShapeOptions& options) {
  std::string marker;
  text::append_utf8(marker, kMissingMarker);
  const ShapedRun box = shape_text(fonts, font, size, marker, options);
  ShapedRun run;
  run.font = font;
  run.size = size;
  run.text = std::string(piece);
  for (const text::CodePoint& c : text::decode_utf8(piece)) {
    if (extends_previous(c.value)) continue;
    for (ShapedGlyph g : box.glyphs) {
      g.cluster = static_cast<std::uint32_t>(c.begin);
      run.glyphs.push_back(g);
    }
  }
  return run;
}

/// Appends "halt[a:b]" to `features` for each character of `half_width` in [from, to), its
/// range in clusters of the piece that starts at `from` (clusters are byte offsets).
void add_half_width(const std::vector<std::size_t>& half_width, std::size_t from, std::size_t to,
                    std::string& features) {
  const auto first = std::lower_bound(half_width.begin(), half_width.end(), from);
  for (auto it = first; it != half_width.end() && *it < to; ++it) {
    const std::size_t at = *it - from;
    if (!features.empty()) features.push_back(',');
    features.append("halt[").append(std::to_string(at)).append(":");
    features.append(std::to_string(at + 1)).append("]");
  }
}

}  // namespace

ShapedRun shape_items(const font::FontRegistry& fonts, const std::vector<TextItem>& items,
                      std::string_view text, std::size_t begin, std::size_t end, double size,
                      const ShapeOptions& options, const std::vector<std::size_t>& half_width) {
  ShapedRun out;
  out.size = size;
  out.text = std::string(text.substr(begin, end - begin));
  bool first = true;
  for (const TextItem& item : items) {
    const std::size_t from = std::max(begin, item.begin), to = std::min(end, item.end);
    if (from >= to) continue;
    ShapeOptions item_options = options;
    item_options.right_to_left = (item.level & 1) != 0;
    item_options.bidi_level = item.level;
    add_half_width(half_width, from, to, item_options.features);
    // The script is HarfBuzz's guess from the run's first character with a script, which is
    // the item's script (an item's Common characters take their neighbours' script).
    const std::string_view piece = text.substr(from, to - from);
    ShapedRun run = item.missing ? shape_missing(fonts, item.font, piece, size, item_options)
                                 : shape_text(fonts, item.font, size, piece, item_options);
    if (first) out.font = item.font;
    first = false;
    for (ShapedGlyph g : run.glyphs) {
      g.cluster += static_cast<std::uint32_t>(from - begin);
      g.level = item.level;
      out.glyphs.push_back(g);
    }
  }
  return out;
}

}  // namespace broadsheet::shape
