#include "paragraph/item_builder.h"

#include <algorithm>

#include "text/line_breaks.h"
#include "text/unicode.h"

namespace broadsheet::paragraph {

namespace {

using layout_template::Align;
using Kind = ItemOrigin::Kind;

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
  if (end_offset == 0) return 0;
  const text::CodePoint last = text::previous_code_point(w.run.text, end_offset);
  const double fraction = protrusion_fraction(last.value, params);
  if (fraction == 0) return 0;
  // The width of the last character's glyph(s).
  return fraction * w.run.width_of(last.begin, end_offset);
}

std::size_t cjk_gaps(const shape::ShapedRun& run, std::size_t first, std::size_t last,
                     bool last_gap) {
  const auto solid = [&](std::size_t i) {
    return text::is_cjk_solid(text::next_code_point(run.text, run.glyphs[i].cluster).value);
  };
  std::size_t gaps = 0;
  const std::size_t end = last_gap ? std::min(last + 1, run.glyphs.size()) : last;
  for (std::size_t i = first; i + 1 < end; ++i)
    if (solid(i) && solid(i + 1)) ++gaps;
  return gaps;
}

namespace {

/// Builds one paragraph's items, recording each item's origin beside it.
class ItemBuilder {
 public:
  ItemBuilder(const ShapedParagraph& para, const ItemParams& params)
      : para_(para),
        js_(para.style.justification),
        item_params_(params),
        justified_(para.style.align == Align::Justify),
        letter_stretch_(para.style.size * (js_.letter_space_max - js_.letter_space_desired)),
        letter_shrink_(para.style.size * (js_.letter_space_desired - js_.letter_space_min)),
        // Glyph scaling stretches a box in proportion to its width (justified text only).
        glyph_stretch_(justified_ ? js_.glyph_scale_max - js_.glyph_scale_desired : 0.0),
        glyph_shrink_(justified_ ? js_.glyph_scale_desired - js_.glyph_scale_min : 0.0),
        ragged_(params.ragged_stretch_em * para.style.size),
        cjk_stretch_(justified_ && para.cjk_solid ? params.cjk_glue_stretch_em * para.style.size
                                                  : 0.0) {}

  ParagraphItems build(bool indent_first_line) {
    if (indent_first_line && para_.style.indent > 0) {
      out_.list.add_box(para_.style.indent);
      add({Kind::Indent});
    }
    for (std::size_t wi = 0; wi < para_.words.size(); ++wi) {
      add_word(static_cast<int>(wi));
      if (wi + 1 == para_.words.size()) break;
      add_space_after(static_cast<int>(wi));
    }
    out_.list.add_paragraph_end();
    add({Kind::Filler});
    add({Kind::Filler});
    add({Kind::Break, static_cast<int>(para_.words.size()) - 1});
    return std::move(out_);
  }

 private:
  void add(ItemOrigin origin) { out_.origins.push_back(origin); }

  // In ragged settings a break costs nothing extra but leaves the line's stretch to the
  // invisible glue before it (Knuth and Plass's ragged-right item pattern).
  void add_break(double width, double penalty, bool flagged, bool discretionary, int word) {
    auto& list = out_.list;
    if (justified_) {
      list.add_penalty(width, penalty, flagged, discretionary);
      add({Kind::Break, word});
      return;
    }
    list.add_penalty(0, linebreak::kInfinitePenalty);
    add({Kind::Filler});
    list.add_glue(0, ragged_, 0);
    add({Kind::Filler});
    list.add_penalty(width, penalty, flagged, discretionary);
    add({Kind::Break, word});
    list.add_glue(0, -ragged_, 0);
    add({Kind::Filler});
  }

  // The box of bytes [begin, end) of word `w`, less `lead_trim` (the blank half of an opening
  // bracket, in the discardable glue before the box).
  void add_fragment(int w, std::size_t begin, std::size_t end, double lead_trim = 0) {
    const ShapedWord& word = para_.words[static_cast<std::size_t>(w)];
    // Glyph gaps inside the fragment can take letter spacing (justified text only).
    std::size_t glyphs = 0;
    for (const auto& g : word.run.glyphs)
      if (g.cluster >= begin && g.cluster < end) ++glyphs;
    // Letter spacing goes between glyphs: the word's last glyph takes none.
    if (end == word.end - word.begin && glyphs > 0) --glyphs;
    const double gaps = justified_ ? static_cast<double>(glyphs) : 0.0;
    const double natural = word.run.width_of(begin, end) - lead_trim;
    const double cjk = cjk_stretch_ > 0 ? static_cast<double>(cjk_glue_in(word, begin, end)) : 0.0;
    out_.list.add_box(natural * js_.glyph_scale_desired,
                      gaps * letter_stretch_ + natural * glyph_stretch_ + cjk * cjk_stretch_,
                      gaps * letter_shrink_ + natural * glyph_shrink_);
    add({Kind::Fragment, w, begin, end});
  }

  // Solid-set gaps of bytes [begin, end) of a word, the gap to the next fragment included.
  static std::size_t cjk_glue_in(const ShapedWord& word, std::size_t begin, std::size_t end) {
    std::size_t first = word.run.glyphs.size(), last = 0;
    for (std::size_t i = 0; i < word.run.glyphs.size(); ++i)
      if (word.run.glyphs[i].cluster >= begin && word.run.glyphs[i].cluster < end) {
        first = std::min(first, i);
        last = i + 1;
      }
    return first < last ? cjk_gaps(word.run, first, last, true) : 0;
  }

  // The word's fragments with the breaks between them.
  void add_word(int w) {
    const ShapedWord& word = para_.words[static_cast<std::size_t>(w)];
    const bool compound = word.compound;
    std::size_t fragment_begin = 0;
    double lead_trim = 0;
    for (const WordBreak& b : word.breaks) {
      add_fragment(w, fragment_begin, b.offset, lead_trim);
      fragment_begin = b.offset;
      const bool url = b.url;  // other breaks (beside an em dash) cost nothing extra
      const double width = b.adds_hyphen ? para_.hyphen.width() : 0.0;
      const double penalty =
          b.emergency ? (url ? item_params_.emergency_separator_penalty
                             : item_params_.emergency_break_penalty)
          : b.adds_hyphen
              ? item_params_.hyphen_penalty + (compound ? item_params_.compound_hyphen_extra : 0.0)
          : b.explicit_hyphen ? item_params_.explicit_hyphen_penalty
          : url               ? item_params_.url_break_penalty
                              : 0.0;
      const double hang = right_protrusion(para_, w, b.offset, b.adds_hyphen, item_params_);
      add_break(width - hang - closing_trim(word, b), penalty, b.adds_hyphen || b.explicit_hyphen,
                b.adds_hyphen || url || b.emergency, w);
      lead_trim = 0;
      // An opening bracket after the break: its blank half is glue, discarded at a line start.
      if (const EdgeTrim* opening = edge_trim_at(word, b.offset, true)) {
        out_.list.add_glue(opening->trim, 0, 0);
        add({Kind::Filler});
        lead_trim = opening->trim;
      }
    }
    add_fragment(w, fragment_begin, word.end - word.begin, lead_trim);
  }

  // What a line ending at `b` takes off the closing bracket, comma or full stop before it.
  double closing_trim(const ShapedWord& word, const WordBreak& b) const {
    if (b.adds_hyphen || word.edge_trims.empty()) return 0;
    const std::string_view text(para_.text.data() + word.begin, word.end - word.begin);
    const EdgeTrim* t = edge_trim_at(word, text::previous_code_point(text, b.offset).begin, false);
    return t ? t->trim : 0.0;
  }

  // The space between word `w` and the next.
  void add_space_after(int w) {
    auto& list = out_.list;
    const ShapedWord& word = para_.words[static_cast<std::size_t>(w)];
    // A word that ends in protruding punctuation gets its own break (a penalty whose width
    // takes the hang back), so the glue after it is not a legal break of its own.
    const double hang = right_protrusion(para_, w, word.end - word.begin, false, item_params_);
    if (hang > 0 && justified_) {
      list.add_penalty(-hang, 0);
      add({Kind::Break, w});
    }
    const double space = para_.space_width * js_.word_space_desired;
    // "word —|next": no line starts with an em dash or closing punctuation, so the space before
    // one is no break (a penalty before glue makes the glue unbreakable).
    const ShapedWord& next = para_.words[static_cast<std::size_t>(w) + 1];
    const bool no_break =
        text::may_not_start_a_line(text::next_code_point(para_.text, next.begin).value);
    if (no_break && justified_) {
      list.add_penalty(0, linebreak::kInfinitePenalty);
      add({Kind::Filler});
    }
    if (justified_) {
      list.add_glue(space, para_.space_width * (js_.word_space_max - js_.word_space_desired),
                    para_.space_width * (js_.word_space_desired - js_.word_space_min));
      add({Kind::WordSpace, w});
    } else {
      list.add_glue(0, ragged_, 0);
      add({Kind::Filler});
      list.add_penalty(0, no_break ? linebreak::kInfinitePenalty : 0);
      add({Kind::Break, w});
      list.add_glue(space, -ragged_, 0);
      add({Kind::WordSpace, w});
    }
  }

  const ShapedParagraph& para_;
  const layout_template::Justification& js_;
  const ItemParams& item_params_;
  const bool justified_;
  const double letter_stretch_, letter_shrink_;
  const double glyph_stretch_, glyph_shrink_;
  const double ragged_;
  const double cjk_stretch_;
  ParagraphItems out_;
};

}  // namespace

ParagraphItems build_items(const ShapedParagraph& para, const bool indent_first_line,
                           const ItemParams& params) {
  return ItemBuilder(para, params).build(indent_first_line);
}

}  // namespace broadsheet::paragraph
