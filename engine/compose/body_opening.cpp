#include "compose/body_opening.h"

#include <algorithm>

#include "text/unicode.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

/// A dateline run in leaves at least this much of the first line for the text.
constexpr double kMaxDatelineShare = 0.6;

const lt::TextStyle& style_or(const lt::PageTemplate& tpl, const std::string& name,
                              const std::string& fallback) {
  return tpl.styles.count(name) ? tpl.style(name) : tpl.style(fallback);
}

const font::FontMetrics& metrics_of(const ComposeContext& context, const lt::TextStyle& style) {
  return context.fonts.font(context.fonts.find(style.font.family, style.font.style)).metrics();
}

/// "BEIJING" → "BEIJING —"; a dateline that ends in a dash already keeps it.
std::string dateline_text(std::string text) {
  for (const std::string_view dash : {"—", "–", "-"})
    if (text.ends_with(dash)) return text;
  return text + " \u2014";
}

/// The drop cap's letter: any opening punctuation ("“") and the first letter or digit after
/// it; the byte where the rest of the paragraph starts. Empty when there is nothing after it.
std::size_t drop_cap_end(std::string_view text) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    const text::CodePoint c = text::next_code_point(text, offset);
    offset = c.end;
    if (text::is_letter(c.value) || text::is_digit(c.value)) break;
  }
  const std::string_view rest = text.substr(offset);
  return text::trim_white_space(rest).empty() || rest.front() == ' ' ? 0 : offset;
}

/// A line set at a measure of 1e4 as wide as its text: the dump's measure, and its glyphs from
/// 0 (a right-to-left line hangs from the far end of that measure).
void flush_left(paragraph::SetLine& line) {
  line.measure = line.width;
  for (GlyphRunItem& run : line.runs)
    for (PositionedGlyph& g : run.glyphs) g.x -= line.offset;
  line.offset = 0;
}

void set_drop_cap(const ComposeContext& context, const lt::PageTemplate& tpl, const lt::Slot& slot,
                  const story::Story& story, double grid_pitch, BodyOpeningSet& out) {
  // A dateline opens the paragraph instead: a letter cut off from its word by "BEIJING —"
  // reads badly.
  if (slot.drop_cap_lines <= 0 || story.dateline ||
      story.body.front().kind != story::ParagraphKind::Body)
    return;
  const lt::TextStyle& body = tpl.style(slot.body_style);
  const std::string text = styled_text(body, story.body.front().text, story.language);
  const std::size_t end = drop_cap_end(text);
  if (end == 0) return;
  const lt::TextStyle& style = style_or(tpl, slot.drop_cap_style, slot.headline_style);
  // Its capitals reach from the first line's cap height down to line N's baseline.
  const double reach =
      (slot.drop_cap_lines - 1) * grid_pitch + metrics_of(context, body).cap_height * body.size;
  const double size = reach / metrics_of(context, style).cap_height;
  out.drop_cap = set_display_block(context, style, LineRole::DropCap, text.substr(0, end), size,
                                   1e4, 1, 1, story.language);
  if (out.drop_cap->lines.empty()) return out.drop_cap.reset();
  flush_left(out.drop_cap->lines.front());
  // The letters' text goes with the first body line (BodyOpening::drop_cap_text); Cairo takes
  // a cluster of glyphs with no text.
  for (GlyphRunItem& run : out.drop_cap->lines.front().runs) {
    run.text.clear();
    run.clusters = {{.num_bytes = 0, .num_glyphs = static_cast<int>(run.glyphs.size())}};
  }
  out.opening.drop_cap_text = text.substr(0, end);
  out.opening.skip_bytes = end;
  out.opening.drop_lines = slot.drop_cap_lines;
  out.opening.drop_indent = out.drop_cap->lines.front().width + 0.4 * body.size;
}

}  // namespace

BodyOpeningSet set_body_opening(const ComposeContext& context, const lt::PageTemplate& tpl,
                                const lt::Slot& slot, const StoryWork& work, double measure,
                                double grid_pitch, Warnings& warnings) {
  BodyOpeningSet out;
  if (work.is_continuation()) return out;
  const story::Story& story = *work.story;
  out.inset = set_inset_picture(context, tpl, slot, story, measure, grid_pitch);
  if (out.inset) {
    out.opening.inset_lines = out.inset->lines;
    out.opening.inset_narrowing = out.inset->narrowing;
    out.opening.inset_indent = out.inset->left ? out.inset->narrowing : 0;
  }
  set_drop_cap(context, tpl, slot, story, grid_pitch, out);
  if (!story.dateline) return out;  // from here on there is no drop cap
  const lt::TextStyle& body = tpl.style(slot.body_style);
  const lt::TextStyle& style = style_or(tpl, slot.dateline_style, slot.body_style);
  DisplayBlock dateline =
      set_display_block(context, style, LineRole::Dateline, dateline_text(story.dateline->text),
                        style.size, 1e4, 1, 1, story.language);
  const double room = measure - out.opening.drop_indent - out.opening.inset_narrowing;
  if (dateline.lines.empty() || dateline.lines.front().width > kMaxDatelineShare * room) {
    warnings.push_back({"dateline-too-long", story.file + ": the dateline \"" +
                                                 story.dateline->text.substr(0, 40) +
                                                 "\" is too wide to run in: not set"});
    return out;
  }
  out.opening.first_line_indent = dateline.lines.front().width + 0.3 * body.size;
  flush_left(dateline.lines.front());
  out.right_to_left = context.direction == text::BaseDirection::RightToLeft;
  out.dateline = std::move(dateline);
  return out;
}

LineWidthFn opening_widths(const BodyOpening& opening, double measure) {
  if (opening.drop_lines <= 0 && opening.inset_lines <= 0) return constant_width(measure);
  const double beside_cap = opening.drop_indent;
  const int cap_lines = opening.drop_lines;
  const double beside_inset = opening.inset_narrowing;
  const int inset_lines = opening.inset_lines;
  return [=](int n) {
    return measure - (n < cap_lines ? beside_cap : 0) - (n < inset_lines ? beside_inset : 0);
  };
}

double place_body_opening(const BodyOpeningSet& set, const ModuleRegion& region, int first_row,
                          const BaselineGrid& grid, const lt::Slot& slot, ModulePlacement& out,
                          Warnings& warnings) {
  // The story's first column: the rightmost when its columns fill from the right. A picture
  // inset on its left moves the drop cap and the dateline right with the lines.
  const double first_column_x = region.column(0).x;
  const double inset_indent = set.opening.inset_indent;
  if (set.drop_cap) {
    DisplayBlock drop_cap = *set.drop_cap;
    drop_cap.baselines = {grid.y(first_row + std::max(set.opening.drop_lines, 1) - 1)};
    place_display_block(drop_cap, region, slot.name, out,
                        first_column_x - region.columns.front().x + inset_indent);
  }
  if (set.dateline) {
    DisplayBlock dateline = *set.dateline;
    dateline.baselines = {grid.y(first_row)};
    // Right to left, the first line's indent (and so the dateline) is at the line's right end.
    const double from_first = first_column_x - region.columns.front().x;
    const double line_end =
        region.column(0).width - (inset_indent > 0 ? 0 : set.opening.inset_narrowing);
    const double indent = from_first + (set.right_to_left ? line_end - dateline.lines.front().width
                                                          : set.opening.drop_indent + inset_indent);
    place_display_block(dateline, region, slot.name, out, indent);
  }
  if (!set.inset) return 0;
  return place_inset_picture(*set.inset, slot, region, grid.y(first_row), out, warnings);
}

}  // namespace broadsheet::compose
