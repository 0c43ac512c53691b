#include "paragraph/item_builder.h"

#include <algorithm>

namespace broadsheet::paragraph {

namespace {

using layout_template::Align;
using Kind = ItemOrigin::Kind;

// The last code point of text[0, end), UTF-8 decoded just enough to recognise punctuation.
char32_t last_code_point(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  std::size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return b0;
  char32_t cp = b0 & (b0 >= 0xF0 ? 0x07 : b0 >= 0xE0 ? 0x0F : 0x1F);
  for (std::size_t j = i + 1; j < end; ++j) cp = (cp << 6) | (text[j] & 0x3F);
  return cp;
}

double protrusion_fraction(char32_t c, const ItemParams& p) {
  switch (c) {
    case U'-':
    case U'\u2010':
    case U'\u2013':
      return p.protrude_hyphen;
    case U'.':
    case U',':
      return p.protrude_period_comma;
    case U'"':
    case U'\'':
    case U'\u2019':
    case U'\u201D':
      return p.protrude_quote;
    case U':':
    case U';':
      return p.protrude_colon;
    default:
      return 0;
  }
}

}  // namespace

double right_protrusion(const ShapedParagraph& paragraph, int word, std::size_t end_offset,
                        bool hyphenated, const ItemParams& params) {
  if (!paragraph.style.optical_margins) return 0;
  if (hyphenated) return params.protrude_hyphen * paragraph.hyphen.width();
  const ShapedWord& w = paragraph.words[static_cast<std::size_t>(word)];
  const char32_t c = last_code_point(w.run.text, end_offset);
  const double fraction = protrusion_fraction(c, params);
  if (fraction == 0) return 0;
  // The width of the last character's glyph(s).
  std::size_t start = end_offset - 1;
  while (start > 0 && (static_cast<unsigned char>(w.run.text[start]) & 0xC0) == 0x80) --start;
  return fraction * w.run.width_of(start, end_offset);
}

ParagraphItems build_items(const ShapedParagraph& para, const bool indent_first_line,
                           const ItemParams& params) {
  ParagraphItems out;
  auto& list = out.list;
  auto add = [&](ItemOrigin origin) { out.origins.push_back(origin); };
  const ParagraphStyle& style = para.style;
  const bool justified = style.align == Align::Justify;
  const auto& j = style.justification;
  const double letter_stretch = style.size * (j.letter_space_max - j.letter_space_desired);
  const double letter_shrink = style.size * (j.letter_space_desired - j.letter_space_min);
  // Glyph scaling stretches a box in proportion to its width (justified text only).
  const double glyph_stretch = justified ? j.glyph_scale_max - j.glyph_scale_desired : 0.0;
  const double glyph_shrink = justified ? j.glyph_scale_desired - j.glyph_scale_min : 0.0;
  const double ragged = params.ragged_stretch_em * style.size;

  if (indent_first_line && style.indent > 0) {
    list.add_box(style.indent);
    add({Kind::Indent});
  }
  // In ragged settings a break costs nothing extra but leaves the line's stretch to the
  // invisible glue before it (Knuth and Plass's ragged-right item pattern).
  auto add_break = [&](double width, double penalty, bool flagged, bool discretionary, int word) {
    if (justified) {
      list.add_penalty(width, penalty, flagged, discretionary);
      add({Kind::Break, word});
      return;
    }
    list.add_penalty(0, linebreak::kInfinitePenalty);
    add({Kind::Filler});
    list.add_glue(0, ragged, 0);
    add({Kind::Filler});
    list.add_penalty(width, penalty, flagged, discretionary);
    add({Kind::Break, word});
    list.add_glue(0, -ragged, 0);
    add({Kind::Filler});
  };

  for (std::size_t wi = 0; wi < para.words.size(); ++wi) {
    const ShapedWord& word = para.words[wi];
    const int w = static_cast<int>(wi);
    const std::size_t word_len = word.end - word.begin;
    std::size_t frag_begin = 0;
    auto add_fragment = [&](std::size_t end) {
      // Glyph gaps inside the fragment can take letter spacing (justified text only).
      std::size_t glyphs = 0;
      for (const auto& g : word.run.glyphs)
        if (g.cluster >= frag_begin && g.cluster < end) ++glyphs;
      // Letter spacing goes between glyphs: the word's last glyph takes none.
      if (end == word_len && glyphs > 0) --glyphs;
      const double gaps = justified ? static_cast<double>(glyphs) : 0.0;
      const double natural = word.run.width_of(frag_begin, end);
      list.add_box(natural * j.glyph_scale_desired, gaps * letter_stretch + natural * glyph_stretch,
                   gaps * letter_shrink + natural * glyph_shrink);
      add({Kind::Fragment, w, frag_begin, end});
      frag_begin = end;
    };
    const bool compound = std::any_of(word.breaks.begin(), word.breaks.end(),
                                      [](const WordBreak& b) { return b.explicit_hyphen; });
    for (const WordBreak& b : word.breaks) {
      add_fragment(b.offset);
      const bool url = b.url;  // other breaks (beside an em dash) cost nothing extra
      const double width = b.adds_hyphen ? para.hyphen.width() : 0.0;
      const double penalty =
          b.adds_hyphen ? params.hyphen_penalty + (compound ? params.compound_hyphen_extra : 0.0)
          : b.explicit_hyphen ? params.explicit_hyphen_penalty
          : url               ? params.url_break_penalty
                              : 0.0;
      const double hang = right_protrusion(para, w, b.offset, b.adds_hyphen, params);
      add_break(width - hang, penalty, b.adds_hyphen || b.explicit_hyphen, b.adds_hyphen || url, w);
    }
    add_fragment(word_len);

    if (wi + 1 == para.words.size()) break;
    // A word that ends in protruding punctuation gets its own break (a penalty whose width
    // takes the hang back), so the glue after it is not a legal break of its own.
    const double hang = right_protrusion(para, w, word_len, false, params);
    if (hang > 0) {
      if (justified) {
        list.add_penalty(-hang, 0);
        add({Kind::Break, w});
      }
    }
    const double space = para.space_width * j.word_space_desired;
    if (justified) {
      list.add_glue(space, para.space_width * (j.word_space_max - j.word_space_desired),
                    para.space_width * (j.word_space_desired - j.word_space_min));
      add({Kind::WordSpace, w});
    } else {
      list.add_glue(0, ragged, 0);
      add({Kind::Filler});
      list.add_penalty(0, 0);
      add({Kind::Break, w});
      list.add_glue(space, -ragged, 0);
      add({Kind::WordSpace, w});
    }
  }
  list.add_paragraph_end();
  add({Kind::Filler});
  add({Kind::Filler});
  add({Kind::Break, static_cast<int>(para.words.size()) - 1});
  return out;
}

}  // namespace broadsheet::paragraph
