#include "paragraph/line_setter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "text/bidi.h"
#include "text/unicode.h"

namespace broadsheet::paragraph {

namespace {

using layout_template::Align;
using Kind = ItemOrigin::Kind;

/// A run of one word's bytes that sits on the line, before positioning.
struct Piece {
  int word = -1;
  std::size_t begin = 0, end = 0;  ///< bytes inside the word
  shape::ShapedRun run;            ///< glyphs with clusters relative to `begin`
  bool space_before = false;
};

shape::ShapedRun cut_word(const font::FontRegistry& fonts, const ShapedParagraph& para,
                          const ShapedWord& word, std::size_t begin, std::size_t end) {
  const shape::ShapedRun& whole = word.run;
  if (begin == 0 && end == whole.text.size()) return whole;
  if (whole.safe_to_cut(begin) && whole.safe_to_cut(end)) {
    shape::ShapedRun part;
    part.font = whole.font;
    part.size = whole.size;
    part.text = whole.text.substr(begin, end - begin);
    for (shape::ShapedGlyph g : whole.glyphs) {
      if (g.cluster < begin || g.cluster >= end) continue;
      g.cluster -= static_cast<std::uint32_t>(begin);
      part.glyphs.push_back(g);
    }
    return part;
  }
  // A cut through a ligature or a kerning context: reshape just this part.
  return shape::shape_items(fonts, para.itemization.items, para.text, word.begin + begin,
                            word.begin + end, whole.size, shape_options(para.style),
                            para.half_width);
}

/// The word pieces of items [line.start, line.brk), and the width of a first-line indent there.
std::vector<Piece> gather_pieces(const ParagraphItems& items, const linebreak::BrokenLine& line,
                                 double& indent) {
  std::vector<Piece> pieces;
  bool pending_space = false;
  for (std::size_t i = line.start; i < line.brk; ++i) {
    const ItemOrigin& o = items.origins[i];
    if (o.kind == Kind::Indent) indent = items.list[i].width;
    if (o.kind == Kind::WordSpace) pending_space = !pieces.empty();
    if (o.kind != Kind::Fragment) continue;
    if (!pieces.empty() && pieces.back().word == o.word && pieces.back().end == o.begin) {
      pieces.back().end = o.end;
    } else {
      pieces.push_back({o.word, o.begin, o.end, {}, pending_space});
    }
    pending_space = false;
  }
  return pieces;
}

/// Sets the glyph of cluster `cluster` of `run` half width as `trim` says.
void trim_glyph(shape::ShapedRun& run, std::size_t cluster, const EdgeTrim& trim) {
  for (shape::ShapedGlyph& g : run.glyphs)
    if (g.cluster == cluster) {
      g.advance -= trim.trim;
      g.x_offset += trim.shift;
      return;
    }
}

/// CJK punctuation at the line's edges set half width (text/cjk_punctuation.h): an opening
/// bracket starting a line after a break, a closing one (comma, full stop) ending a line at a
/// break. The item builder counted the same trims.
void trim_line_edges(const ShapedParagraph& para, std::vector<Piece>& pieces, bool hyphenated) {
  if (pieces.empty() || !para.cjk_solid) return;
  Piece& first = pieces.front();
  const ShapedWord& first_word = para.words[static_cast<std::size_t>(first.word)];
  if (first.begin > 0)
    if (const EdgeTrim* t = edge_trim_at(first_word, first.begin, true))
      trim_glyph(first.run, 0, *t);
  Piece& last = pieces.back();
  const ShapedWord& last_word = para.words[static_cast<std::size_t>(last.word)];
  if (hyphenated || last.end >= last_word.end - last_word.begin) return;
  const std::string_view text(para.text.data() + last_word.begin, last_word.end - last_word.begin);
  const std::size_t at = text::previous_code_point(text, last.end).begin;
  if (at < last.begin) return;
  if (const EdgeTrim* t = edge_trim_at(last_word, at, false))
    trim_glyph(last.run, at - last.begin, *t);
}

/// Adds the paragraph's hyphen to the end of `piece` (at a soft hyphen, U+00AD, in its place).
void add_hyphen(const ShapedParagraph& para, Piece& piece) {
  shape::ShapedRun& run = piece.run;
  const std::string soft = "\u00AD";
  if (run.text.size() >= soft.size() &&
      run.text.compare(run.text.size() - soft.size(), soft.size(), soft) == 0) {
    run.text.resize(run.text.size() - soft.size());
    std::erase_if(run.glyphs,
                  [&](const shape::ShapedGlyph& g) { return g.cluster >= run.text.size(); });
  }
  run.text += "-";
  // The hyphen's glyphs (a font without one shapes it to .notdef, still one glyph).
  shape::ShapedGlyph h =
      para.hyphen.glyphs.empty() ? shape::ShapedGlyph{} : para.hyphen.glyphs.front();
  h.cluster = static_cast<std::uint32_t>(run.text.size() - 1);
  run.glyphs.push_back(h);
}

/// What a line holds that spacing can act on.
struct LineContent {
  double glyphs_width = 0;  ///< the glyphs' advances, unscaled
  int spaces = 0;           ///< word spaces
  int gaps = 0;             ///< gaps between glyphs inside words (letter spacing)
  double cjk_room = 0;      ///< extra stretch of the gaps between solid-set CJK characters, pt
};

LineContent content_of(const std::vector<Piece>& pieces, double cjk_stretch) {
  LineContent content;
  for (const Piece& p : pieces) {
    content.glyphs_width += p.run.width();
    content.spaces += p.space_before ? 1 : 0;
    content.gaps += static_cast<int>(p.run.glyphs.size()) - 1;
    if (cjk_stretch > 0)
      content.cjk_room +=
          cjk_stretch * static_cast<double>(cjk_gaps(p.run, 0, p.run.glyphs.size(), false));
  }
  return content;
}

/// Justifies `line` to `target`: word spaces first up to their limit, then letter spacing,
/// then glyph scaling, then word spaces again. `line` holds the desired spacing on entry.
void justify_spacing(const ParagraphStyle& style, double space_width, const LineContent& content,
                     double natural, double target, SetLine& line) {
  const auto& js = style.justification;
  const double desired = space_width * js.word_space_desired;
  const int spaces = content.spaces;
  const int gaps = content.gaps;
  const double extra = target - natural;
  const double word_room = spaces * space_width *
                           (extra >= 0 ? js.word_space_max - js.word_space_desired
                                       : js.word_space_desired - js.word_space_min);
  const double letter_room = gaps * style.size *
                                 (extra >= 0 ? js.letter_space_max - js.letter_space_desired
                                             : js.letter_space_desired - js.letter_space_min) +
                             (extra >= 0 ? content.cjk_room : 0.0);
  const double glyph_room =
      content.glyphs_width * (extra >= 0 ? js.glyph_scale_max - js.glyph_scale_desired
                                         : js.glyph_scale_desired - js.glyph_scale_min);
  const double step1 = std::clamp(std::abs(extra), 0.0, word_room);
  const double step2 = std::clamp(std::abs(extra) - step1, 0.0, letter_room);
  const double step3 = std::clamp(std::abs(extra) - step1 - step2, 0.0, glyph_room);
  const double sign = extra >= 0 ? 1.0 : -1.0;
  if (spaces > 0) line.word_space += sign * step1 / spaces;
  if (gaps > 0) line.letter_space += sign * step2 / gaps;
  if (content.glyphs_width > 0) line.glyph_scale += sign * step3 / content.glyphs_width;
  const double rest = std::abs(extra) - step1 - step2 - step3;
  if (rest > 1e-9) {
    if (extra < 0)
      line.overfull = true;  // wider than the measure at minimum spacing
    else if (spaces > 0)
      line.word_space += rest / spaces;  // looser than the maximum: still justified
  }
  // A single word that cannot fill the measure within the letter-spacing limits stays
  // flush left rather than being spaced out.
  line.justified = !line.last_of_paragraph && (spaces > 0 || rest <= 1e-9);
  const double range = extra >= 0 ? js.word_space_max - js.word_space_desired
                                  : js.word_space_desired - js.word_space_min;
  line.ratio = range > 0 && spaces > 0 ? (line.word_space - desired) / (space_width * range) : 0.0;
}

/// Sets `line`'s word space, letter space and glyph scale for a line of `content` that should
/// fill `target`; returns whether the line is justified (else it keeps its natural spacing).
bool set_spacing(const ParagraphStyle& style, double space_width, const LineContent& content,
                 double target, SetLine& line) {
  const auto& js = style.justification;
  line.word_space = space_width * js.word_space_desired;
  line.letter_space = style.size * js.letter_space_desired;
  line.glyph_scale = js.glyph_scale_desired;
  const double natural = content.glyphs_width * line.glyph_scale +
                         content.spaces * line.word_space + content.gaps * line.letter_space;
  // A paragraph's last line keeps its natural spacing unless it must shrink to fit.
  const bool justify =
      style.align == Align::Justify && (!line.last_of_paragraph || natural > target + 1e-9);
  if (justify && (content.spaces > 0 || content.gaps > 0)) {
    justify_spacing(style, space_width, content, natural, target, line);
  } else if (natural > target + 1e-6) {
    line.overfull = true;
  }
  return justify;
}

/// What one glyph run of a line is: a stretch of a piece's glyphs in one face and bidi level,
/// or the word space before a piece.
struct LineUnit {
  const Piece* piece = nullptr;
  std::size_t first = 0, last = 0;  ///< glyphs [first, last) of the piece; empty for a space
  bool is_space = false;
};

/// The units of a line in logical order, with their bidi levels.
void split_units(const ShapedParagraph& para, const std::vector<Piece>& pieces,
                 std::vector<LineUnit>& units, std::vector<std::uint8_t>& levels) {
  for (const Piece& piece : pieces) {
    if (piece.space_before) {
      const std::size_t word_begin = para.words[static_cast<std::size_t>(piece.word)].begin;
      units.push_back({&piece, 0, 0, true});
      levels.push_back(para.itemization.bidi.at(word_begin > 0 ? word_begin - 1 : 0));
    }
    const auto& glyphs = piece.run.glyphs;
    for (std::size_t i = 0; i < glyphs.size();) {
      std::size_t j = i + 1;
      while (j < glyphs.size() && glyphs[j].font == glyphs[i].font &&
             glyphs[j].level == glyphs[i].level)
        ++j;
      units.push_back({&piece, i, j, false});
      levels.push_back(glyphs[i].level);
      i = j;
    }
  }
}

/// The glyphs [first, last) of `run` as a run of their own (clusters and text rebased).
shape::ShapedRun sub_run(const shape::ShapedRun& run, std::size_t first, std::size_t last) {
  if (first == 0 && last == run.glyphs.size()) return run;
  std::size_t begin = run.text.size();
  for (std::size_t i = first; i < last; ++i)
    begin = std::min<std::size_t>(begin, run.glyphs[i].cluster);
  // The stretch ends where the next stretch of the run (in logical order) starts.
  std::size_t end = run.text.size();
  for (std::size_t i = 0; i < run.glyphs.size(); ++i)
    if ((i < first || i >= last) && run.glyphs[i].cluster > begin)
      end = std::min<std::size_t>(end, run.glyphs[i].cluster);
  shape::ShapedRun part;
  part.font = run.glyphs[first].font;
  part.size = run.size;
  part.text = run.text.substr(begin, end - begin);
  for (std::size_t i = first; i < last; ++i) {
    shape::ShapedGlyph g = run.glyphs[i];
    g.cluster -= static_cast<std::uint32_t>(begin);
    part.glyphs.push_back(g);
  }
  return part;
}

/// Positions the pieces from `indent` with the line's spacing, in visual order (UAX #9 L2 over
/// the runs of one face and level); fills the runs, text (logical) and width.
void place_pieces(const ShapedParagraph& para, const std::vector<Piece>& pieces, double indent,
                  SetLine& line) {
  std::vector<LineUnit> units;
  std::vector<std::uint8_t> levels;
  split_units(para, pieces, units, levels);
  std::vector<int> order(units.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  if (!para.itemization.bidi.all_left_to_right()) order = text::visual_order(levels);
  double x = indent;
  const LineUnit* previous = nullptr;
  for (int index : order) {
    const LineUnit& unit = units[static_cast<std::size_t>(index)];
    if (unit.is_space) {
      x += line.word_space;
      previous = nullptr;
      continue;
    }
    // Letter spacing between the stretches of one word, as between its glyphs.
    if (previous != nullptr && previous->piece == unit.piece) x += line.letter_space;
    double advance = 0;
    const shape::ShapedRun run = sub_run(unit.piece->run, unit.first, unit.last);
    line.runs.push_back(make_glyph_run(run, x, line.letter_space, advance, line.glyph_scale));
    x += advance;
    previous = &unit;
  }
  for (const Piece& piece : pieces) {
    if (!line.text.empty()) line.text += piece.space_before ? " " : "";
    line.text += piece.run.text;
  }
  line.width = x;
}

/// Moves an unjustified line right or to the centre of its measure, as its style says.
void align_unjustified(Align align, SetLine& line) {
  const double free = line.measure - line.width;
  const double shift = align == Align::Right ? free : align == Align::Center ? free / 2 : 0.0;
  line.offset = shift;
  if (shift != 0)
    for (auto& r : line.runs)
      for (auto& g : r.glyphs) g.x += shift;
}

/// Sets one broken line: its pieces cut from the words, a hyphen where it ends at a
/// discretionary break, then spacing and positions.
SetLine set_line(const font::FontRegistry& fonts, const ShapedParagraph& para,
                 const ParagraphItems& items, const linebreak::BrokenLine& broken,
                 bool last_of_paragraph, const ItemParams& params) {
  SetLine line;
  line.measure = broken.measure;
  line.last_of_paragraph = last_of_paragraph;
  double indent = 0;
  std::vector<Piece> pieces = gather_pieces(items, broken, indent);
  // A discretionary break adds a hyphen (an explicit hyphen is already in the text).
  line.hyphenated = broken.hyphenated && !pieces.empty();
  for (Piece& p : pieces)
    p.run = cut_word(fonts, para, para.words[static_cast<std::size_t>(p.word)], p.begin, p.end);
  if (line.hyphenated) add_hyphen(para, pieces.back());
  trim_line_edges(para, pieces, line.hyphenated);
  if (!pieces.empty()) {
    line.source_begin =
        para.words[static_cast<std::size_t>(pieces.front().word)].begin + pieces.front().begin;
    const Piece& last = pieces.back();
    line.right_hang = right_protrusion(para, last.word, last.end, line.hyphenated, params);
  }
  line.words = static_cast<int>(pieces.size());
  const double target = broken.measure - indent + line.right_hang;
  const double cjk_stretch = para.style.align == Align::Justify && para.cjk_solid
                                 ? params.cjk_glue_stretch_em * para.style.size
                                 : 0.0;
  const bool justify =
      set_spacing(para.style, para.space_width, content_of(pieces, cjk_stretch), target, line);
  const bool rtl = para.itemization.bidi.right_to_left;
  place_pieces(para, pieces, rtl ? 0.0 : indent, line);
  if (rtl) {
    // Right to left: the indent is at the right end, and ragged lines hang from the right.
    line.width += indent;
    if (!justify)
      align_unjustified(para.style.align == Align::Center ? Align::Center : Align::Right, line);
  } else if (!justify) {
    align_unjustified(para.style.align, line);
  }
  return line;
}

}  // namespace

GlyphRunItem make_glyph_run(const shape::ShapedRun& run, double x, double letter_space,
                            double& advance, double x_scale) {
  GlyphRunItem out;
  out.font = run.glyphs.empty() ? run.font : run.glyphs.front().font;
  out.size = run.size;
  out.x_scale = x_scale;
  out.text = run.text;
  out.glyphs.reserve(run.glyphs.size());
  out.clusters.reserve(run.glyphs.size());
  double pen = x;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    const auto& g = run.glyphs[i];
    out.glyphs.push_back({g.id, pen + g.x_offset * x_scale, -g.y_offset});
    pen += g.advance * x_scale;
    if (i + 1 < run.glyphs.size()) pen += letter_space;
  }
  // Clusters: consecutive glyphs with one cluster value share the bytes up to the next value.
  // Right-to-left glyphs are in visual order: their clusters are read from the last glyph back.
  out.backward = !run.glyphs.empty() && (run.glyphs.front().level & 1) != 0;
  const std::size_t n = run.glyphs.size();
  const auto glyph = [&](std::size_t k) -> const shape::ShapedGlyph& {
    return run.glyphs[out.backward ? n - 1 - k : k];
  };
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && glyph(j).cluster == glyph(i).cluster) ++j;
    const std::size_t next = j < n ? glyph(j).cluster : run.text.size();
    out.clusters.push_back({static_cast<int>(next - glyph(i).cluster), static_cast<int>(j - i)});
    i = j;
  }
  advance = pen - x;
  return out;
}

std::vector<SetLine> set_lines(const font::FontRegistry& fonts, const ShapedParagraph& para,
                               const ParagraphItems& items,
                               const std::vector<linebreak::BrokenLine>& lines,
                               const ItemParams& params) {
  std::vector<SetLine> out;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    out.push_back(set_line(fonts, para, items, lines[li], li + 1 == lines.size(), params));
  }
  return out;
}

}  // namespace broadsheet::paragraph
