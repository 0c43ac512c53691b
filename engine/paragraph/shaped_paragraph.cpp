#include "paragraph/shaped_paragraph.h"

#include <algorithm>

#include "text/cjk_punctuation.h"
#include "text/line_breaks.h"
#include "text/unicode.h"

namespace broadsheet::paragraph {

namespace {

/// Letters (Unicode Alphabetic code points) in a piece of a word.
int letters_in(std::string_view piece) {
  int letters = 0;
  for (const text::CodePoint& c : text::decode_utf8(piece)) {
    if (text::is_letter(c.value)) ++letters;
  }
  return letters;
}

/// Whether the style's face is a bold (or italic) one: its style name says so.
bool style_name_has(const ParagraphStyle& style, std::string_view word) {
  return style.face_style.find(word) != std::string::npos;
}

/// Stretches of a word between its break points at least this wide (em) get breaks of last
/// resort: a newspaper column is rarely narrower.
constexpr double kLongStretchEm = 10.0;

/// Adds breaks of last resort inside the long stretches of a word (between its other breaks):
/// after '_', '-', '=', '/' (cheaper), else between any two characters (never before a
/// combining mark or inside a cluster).
void add_emergency_breaks(ShapedWord& word, std::string_view word_text, double size) {
  if (word.run.width() < kLongStretchEm * size) return;
  std::vector<std::size_t> bounds{0};
  for (const WordBreak& b : word.breaks) bounds.push_back(b.offset);
  bounds.push_back(word_text.size());
  std::vector<WordBreak> extra;
  const std::vector<text::CodePoint> cps = text::decode_utf8(word_text);
  for (std::size_t s = 0; s + 1 < bounds.size(); ++s) {
    if (word.run.width_of(bounds[s], bounds[s + 1]) < kLongStretchEm * size) continue;
    for (std::size_t i = 1; i < cps.size(); ++i) {
      const std::size_t at = cps[i].begin;
      if (at <= bounds[s] || at >= bounds[s + 1]) continue;
      if (text::is_mark(cps[i].value) || !word.run.safe_to_cut(at)) continue;
      const char32_t before = cps[i - 1].value;
      WordBreak b;
      b.offset = at;
      b.url = before == U'_' || before == U'-' || before == U'=' || before == U'/';
      b.emergency = true;
      extra.push_back(b);
    }
  }
  word.breaks.insert(word.breaks.end(), extra.begin(), extra.end());
  std::sort(word.breaks.begin(), word.breaks.end(),
            [](const WordBreak& a, const WordBreak& b) { return a.offset < b.offset; });
}

/// The brackets, commas and full stops of a solid-set word that a line edge sets half width
/// (those not already halved by a neighbour), each measured by shaping it with `halt`.
void add_edge_trims(const font::FontRegistry& fonts, const ShapedParagraph& para,
                    ShapedWord& word) {
  const std::string_view word_text(para.text.data() + word.begin, word.end - word.begin);
  for (const text::CodePoint& c : text::decode_utf8(word_text)) {
    const text::CjkPunctuation kind = text::cjk_punctuation(c.value);
    const std::size_t at = word.begin + c.begin;
    if (kind == text::CjkPunctuation::None ||
        std::binary_search(para.half_width.begin(), para.half_width.end(), at))
      continue;
    const auto full =
        std::find_if(word.run.glyphs.begin(), word.run.glyphs.end(),
                     [&](const shape::ShapedGlyph& g) { return g.cluster == c.begin; });
    if (full == word.run.glyphs.end()) continue;
    const shape::ShapedRun half =
        shape::shape_items(fonts, para.itemization.items, para.text, at, word.begin + c.end,
                           para.style.size, shape_options(para.style), {at});
    if (half.glyphs.size() != 1 || half.glyphs.front().advance >= full->advance - 1e-9) continue;
    word.edge_trims.push_back({c.begin, kind == text::CjkPunctuation::Opening,
                               full->advance - half.glyphs.front().advance,
                               half.glyphs.front().x_offset - full->x_offset});
  }
}

}  // namespace

const EdgeTrim* edge_trim_at(const ShapedWord& word, std::size_t offset, bool opening) {
  for (const EdgeTrim& t : word.edge_trims)
    if (t.offset == offset && t.opening == opening) return &t;
  return nullptr;
}

ParagraphStyle paragraph_style(const font::FontRegistry& fonts,
                               const layout_template::TextStyle& style) {
  ParagraphStyle p;
  p.font = fonts.find(style.font.family, style.font.style);
  p.face_style = style.font.style;
  p.size = style.size;
  p.align = style.align;
  p.indent = style.first_line_indent * style.size;
  p.hyphenate = style.hyphenate;
  p.hyphenation.capitalized = style.hyphenate_capitalized;
  p.justification = style.justification;
  p.optical_margins = style.optical_margins;
  p.tracking = style.tracking;
  for (const std::string& feature : style.features)
    p.features += (p.features.empty() ? "" : ",") + feature;
  p.direction = style.direction == layout_template::TextDirection::RightToLeft
                    ? text::BaseDirection::RightToLeft
                : style.direction == layout_template::TextDirection::LeftToRight
                    ? text::BaseDirection::LeftToRight
                    : text::BaseDirection::Auto;
  return p;
}

void set_text_attributes(const std::string& language, const std::vector<story::InlineSpan>& spans,
                         std::size_t from, ParagraphStyle& style) {
  style.language = language;
  const bool bold_base = style_name_has(style, "Bold");
  const bool italic_base = style_name_has(style, "Italic");
  for (const story::InlineSpan& span : spans) {
    if (span.end <= from) continue;
    const bool bold = bold_base || span.style == story::InlineStyle::Strong;
    const bool italic = italic_base || span.style == story::InlineStyle::Emphasis;
    const std::string face = bold && italic ? "Bold Italic" : bold ? "Bold" : "Italic";
    style.styled.push_back({std::max(span.begin, from) - from, span.end - from, face});
  }
}

shape::ShapeOptions shape_options(const ParagraphStyle& style) {
  return {.kerning = true,
          .ligatures = true,
          .tracking = style.tracking,
          .features = style.features,
          .language = style.language};
}

bool sets_cjk_solid(std::string_view text) {
  for (const text::CodePoint& c : text::decode_utf8(text))
    if (text::is_cjk_solid(c.value)) return true;
  return false;
}

ShapedParagraph shape_paragraph(const font::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                                const std::string& text, const ParagraphStyle& style) {
  ShapedParagraph para;
  para.text = text;
  para.style = style;
  para.itemization =
      shape::itemize(fonts, style.font, text, style.styled, style.language, style.direction);
  const shape::ShapeOptions options = shape_options(style);
  para.cjk_solid = sets_cjk_solid(text);
  if (para.cjk_solid) para.half_width = text::compressed_pairs(text);
  para.space_width = shape_text(fonts, style.font, style.size, " ", options).width();
  para.hyphen = shape_text(fonts, style.font, style.size, "-", options);

  // Break opportunities inside words come from UAX #14 (explicit hyphens, dashes, URLs).
  const std::vector<text::BreakOpportunity> opportunities =
      text::find_line_breaks(text, style.language);
  auto opportunity = opportunities.begin();

  // Words are the runs between spaces; a no-break space (U+00A0) stays inside its word.
  for (const auto& [begin, end] : text::split_at_word_separators(text)) {
    ShapedWord word;
    word.begin = begin;
    word.end = end;
    const std::string_view word_text(text.data() + begin, end - begin);
    word.run = shape::shape_items(fonts, para.itemization.items, text, begin, end, style.size,
                                  options, para.half_width);
    if (para.cjk_solid) add_edge_trims(fonts, para, word);

    while (opportunity != opportunities.end() && opportunity->offset <= begin) ++opportunity;
    for (; opportunity != opportunities.end() && opportunity->offset < end; ++opportunity) {
      if (opportunity->kind == text::BreakKind::Space) continue;
      if (opportunity->kind == text::BreakKind::Hyphen) word.compound = true;
      // An explicit hyphen keeps the hyphenation minimums too: no "e-" alone at a line end.
      if (opportunity->kind == text::BreakKind::Hyphen &&
          (letters_in(word_text.substr(0, opportunity->offset - begin)) <
               style.hyphenation.min_before ||
           letters_in(word_text.substr(opportunity->offset - begin)) < style.hyphenation.min_after))
        continue;
      WordBreak b;
      b.offset = opportunity->offset - begin;
      b.adds_hyphen = opportunity->kind == text::BreakKind::Soft;
      b.explicit_hyphen = opportunity->kind == text::BreakKind::Hyphen;
      b.url = opportunity->kind == text::BreakKind::Url;
      word.breaks.push_back(b);
    }
    if (style.hyphenate && hyphenator) {
      for (std::size_t point : hyphenator->points(word_text, style.hyphenation)) {
        const bool taken = std::any_of(word.breaks.begin(), word.breaks.end(),
                                       [&](const WordBreak& b) { return b.offset == point; });
        if (!taken) word.breaks.push_back({point, true, false, false});
      }
      std::sort(word.breaks.begin(), word.breaks.end(),
                [](const WordBreak& a, const WordBreak& b) { return a.offset < b.offset; });
    }
    add_emergency_breaks(word, word_text, style.size);
    para.words.push_back(std::move(word));
  }
  return para;
}

ShapedParagraph with_tracking(const font::FontRegistry& fonts, const ShapedParagraph& untracked,
                              double tracking) {
  ShapedParagraph p = untracked;
  p.style.tracking = tracking;
  const double size = p.style.size;
  const double added = tracking * size;  // as shape_text() adds it to each advance
  for (ShapedWord& word : p.words) {
    for (shape::ShapedGlyph& g : word.run.glyphs) g.advance += added;
    // Wider words may need breaks of last resort that narrower ones did not.
    std::erase_if(word.breaks, [](const WordBreak& b) { return b.emergency; });
    add_emergency_breaks(word, std::string_view(p.text).substr(word.begin, word.end - word.begin),
                         size);
  }
  for (shape::ShapedGlyph& g : p.hyphen.glyphs) g.advance += added;
  p.space_width = shape_text(fonts, p.style.font, size, " ", shape_options(p.style)).width();
  return p;
}

}  // namespace broadsheet::paragraph
