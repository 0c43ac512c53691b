#include "compose/fact_boxes.h"

#include <algorithm>
#include <cmath>

#include "compose/story_text.h"
#include "paragraph/typeset.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

/// Grid rows of `pitch` beyond the first that `depth` pt of space takes.
int rows_beyond_one(double depth, double pitch) {
  return std::max(0, static_cast<int>(std::ceil(depth / pitch - 1e-9)) - 1);
}

const font::FontMetrics& metrics_of(const ComposeContext& context, const lt::TextStyle& style) {
  return context.fonts.font(context.fonts.find(style.font.family, style.font.style)).metrics();
}

const lt::TextStyle& style_or(const lt::PageTemplate& tpl, const char* name,
                              const lt::TextStyle& fallback) {
  return tpl.styles.count(name) ? tpl.styles.at(name) : fallback;
}

/// The styles and the measures a fact box is set in.
struct BoxSetting {
  const lt::TextStyle& title;
  const lt::TextStyle& item;
  const lt::TextStyle& source;
  double pitch = 0;
  double inset = 0;  ///< pt from the column's edge to the text: the rule and the padding
  double inner = 0;  ///< the text's measure inside the box
};

std::vector<paragraph::SetLine> set_text(const ComposeContext& context, const lt::TextStyle& style,
                                         const std::string& text, double measure) {
  const paragraph::ParagraphStyle ps = story_text_style(context, style);  // the story's language
  const auto prepared = paragraph::prepare_paragraph(context.fonts, story_hyphenator(context), text,
                                                     ps, /*indent_first_line=*/false);
  return paragraph::break_paragraph(context.fonts, prepared, context.body_breaker, measure).lines;
}

/// Appends the rows one line takes (its style's leading in grid rows), the line on the last.
void add_line(std::vector<BodyLine>& out, const BoxSetting& box, const lt::TextStyle& style,
              paragraph::SetLine line, double indent) {
  const int rows = std::max(1, static_cast<int>(std::ceil(style.leading / box.pitch - 1e-9)));
  for (int r = 0; r < rows; ++r) {
    BodyLine row;
    row.style = &style;
    row.role = LineRole::FactBox;
    row.indent = indent;
    if (r == rows - 1) row.line = std::move(line);
    out.push_back(std::move(row));
  }
}

void add_empty_rows(std::vector<BodyLine>& out, const lt::TextStyle& style, int rows) {
  for (int r = 0; r < rows; ++r) {
    BodyLine row;
    row.style = &style;
    row.role = LineRole::FactBox;
    out.push_back(std::move(row));
  }
}

/// Each item's lines at the measure less the bullet's hang, the bullet on its first line.
void add_items(const ComposeContext& context, const story::FactBox& fact_box, const BoxSetting& box,
               std::vector<BodyLine>& out) {
  std::vector<paragraph::SetLine> bullet = set_text(context, box.item, "\u2022", box.inner);
  const double hang =
      (bullet.empty() ? 0 : bullet.front().width) + 0.5 * box.item.size;  // bullet and a space
  for (const std::string& item : fact_box.items) {
    std::vector<paragraph::SetLine> lines = set_text(context, box.item, item, box.inner - hang);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      add_line(out, box, box.item, std::move(lines[i]), box.inset + hang);
      if (i == 0 && !bullet.empty()) {
        out.back().bullet = bullet.front();
        out.back().bullet_indent = box.inset;
      }
    }
  }
}

/// The frame around rows [first text row, last text row], on the box's first row.
InsetFrame frame_of(const ComposeContext& context, const lt::PageTemplate& tpl,
                    const std::vector<BodyLine>& rows) {
  int first = -1, last = 0;
  for (int i = 0; i < static_cast<int>(rows.size()); ++i)
    if (!rows[static_cast<std::size_t>(i)].line.runs.empty()) {
      if (first < 0) first = i;
      last = i;
    }
  first = std::max(first, 0);
  const BodyLine& top_line = rows[static_cast<std::size_t>(first)];
  const BodyLine& bottom_line = rows[static_cast<std::size_t>(last)];
  const double pitch = tpl.grid.baseline;
  const lt::FactBoxFrame& style = tpl.fact_box;
  InsetFrame frame;
  frame.rows = static_cast<int>(rows.size());
  frame.top = metrics_of(context, *top_line.style).cap_height * top_line.style->size +
              style.padding + style.weight / 2 - first * pitch;
  frame.bottom = metrics_of(context, *bottom_line.style).descender * bottom_line.style->size +
                 style.padding + style.weight / 2 - (frame.rows - 1 - last) * pitch;
  frame.weight = style.weight;
  frame.color = style.color;
  frame.tint = style.tint;
  return frame;
}

}  // namespace

std::vector<BodyLine> fact_box_rows(const ComposeContext& context, const lt::PageTemplate& tpl,
                                    const story::FactBox& fact_box, int index, double measure) {
  if (!tpl.styles.count("fact_box")) return {};
  const lt::TextStyle& item = tpl.styles.at("fact_box");
  const lt::FactBoxFrame& frame = tpl.fact_box;
  BoxSetting box{style_or(tpl, "fact_box_title", item), item,
                 style_or(tpl, "fact_box_source", style_or(tpl, "caption", item))};
  box.pitch = tpl.grid.baseline;
  box.inset = frame.weight + frame.padding;
  box.inner = std::max(1.0, measure - 2 * box.inset);
  // The body's lines keep as far from the rule outside as the text inside (capitals and
  // descenders, as the padding is measured inside).
  const lt::TextStyle& body = tpl.style("body");
  const double clearance = frame.weight + 2 * frame.padding;
  const lt::TextStyle& first = fact_box.title.empty() ? item : box.title;
  const int rows_above =
      rows_beyond_one(metrics_of(context, first).cap_height * first.size +
                          metrics_of(context, body).descender * body.size + clearance,
                      box.pitch);
  std::vector<BodyLine> out;
  add_empty_rows(out, item, rows_above);
  if (!fact_box.title.empty())
    for (paragraph::SetLine& line : set_text(context, box.title, fact_box.title, box.inner))
      add_line(out, box, box.title, std::move(line), box.inset);
  add_items(context, fact_box, box, out);
  if (!fact_box.source.empty())
    for (paragraph::SetLine& line : set_text(context, box.source, fact_box.source, box.inner))
      add_line(out, box, box.source, std::move(line), box.inset);
  const lt::TextStyle& last = out.back().style ? *out.back().style : item;
  const int rows_below =
      rows_beyond_one(metrics_of(context, last).descender * last.size +
                          metrics_of(context, body).cap_height * body.size + clearance,
                      box.pitch);
  add_empty_rows(out, item, rows_below);
  out.front().frame = frame_of(context, tpl, out);
  keep_rows_together(out, kFactBoxParagraph + index);
  return out;
}

int head_fact_box(const story::Story& story) {
  for (std::size_t b = 0; b < story.fact_boxes.size(); ++b)
    if (story.fact_boxes[b].columns >= 2) return static_cast<int>(b);
  return -1;
}

}  // namespace broadsheet::compose
