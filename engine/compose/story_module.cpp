#include "compose/story_module.h"

#include <algorithm>
#include <cmath>

#include "linebreak/balanced_breaker.h"
#include "linebreak/greedy_breaker.h"
#include "paragraph/typeset.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

/// A display block (headline, deck) set in balanced ragged lines.
struct DisplayBlock {
  std::vector<paragraph::SetLine> lines;
  double size = 0;
  double leading = 0;
  bool fits = true;
};

DisplayBlock set_display_block(const ComposeContext& context, const lt::TextStyle& style,
                               const std::string& text, double size, double measure,
                               int max_lines) {
  paragraph::ParagraphStyle ps = paragraph::paragraph_style(context.fonts, style);
  ps.size = size;
  ps.hyphenate = false;
  if (ps.align == lt::Align::Justify) ps.align = lt::Align::Left;
  const paragraph::PreparedParagraph prepared =
      paragraph::prepare_paragraph(context.fonts, nullptr, text, ps, false);
  DisplayBlock block;
  block.size = size;
  block.leading = style.leading * size / style.size;
  auto balanced = linebreak::break_balanced(prepared.items.list, measure, max_lines);
  if (!balanced) {
    block.fits = false;
    balanced = linebreak::GreedyBreaker().break_lines(prepared.items.list, {{measure}});
  }
  block.lines =
      paragraph::set_lines(context.fonts, prepared.shaped, prepared.items, balanced->lines);
  return block;
}

/// The largest size in the slot's range (in half points) at which the headline fits.
DisplayBlock fit_headline(const ComposeContext& context, const lt::TextStyle& style,
                          const lt::Slot& slot, const std::string& text, double measure) {
  const double max_size = slot.headline_max_size > 0 ? slot.headline_max_size : style.size;
  const double min_size = slot.headline_min_size > 0 ? slot.headline_min_size : max_size;
  for (double size = max_size; size >= min_size - 1e-9; size -= 0.5) {
    DisplayBlock block =
        set_display_block(context, style, text, size, measure, slot.headline_max_lines);
    if (block.fits) return block;
  }
  return set_display_block(context, style, text, min_size, measure, slot.headline_max_lines);
}

/// Places a display block so that its last baseline sits on a grid line and its first line's
/// capitals clear `cursor`: the space a block takes is a whole number of grid lines, with the
/// extra above it. Returns the y under the block's last line (descender included).
double place_display_block(const ComposeContext& context, const lt::TextStyle& style,
                           const DisplayBlock& block, LineRole role, double cursor,
                           const ModuleRegion& region, const BaselineGrid& grid,
                           const std::string& slot_name, PageLayout& layout, DisplayPage& page) {
  const font::FontId font_id = context.fonts.find(style.font.family, style.font.style);
  const font::FontMetrics& m = context.fonts.font(font_id).metrics();
  const double n = static_cast<double>(block.lines.size());
  const double needed_above = m.cap_height * block.size + (n - 1) * block.leading;
  const int row = grid.row_at_or_below(cursor + style.space_before + needed_above);
  const double last_baseline = grid.y(row);
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const auto& line = block.lines[i];
    const double baseline = last_baseline - (n - 1 - static_cast<double>(i)) * block.leading;
    const double x = region.columns.front().x;
    place_line(line, x, baseline, style.color, page);
    PlacedLine placed;
    placed.page = region.page;
    placed.slot = slot_name;
    placed.role = role;
    placed.style = style.name;
    placed.text = line.text;
    placed.line_in_paragraph = static_cast<int>(i);
    placed.left = x;
    placed.baseline = baseline;
    placed.width = line.width;
    placed.measure = line.measure;
    placed.size = block.size;
    placed.last_of_paragraph = line.last_of_paragraph;
    layout.lines.push_back(std::move(placed));
  }
  return last_baseline + m.descender * block.size + style.space_after;
}

/// A body line waiting for its column.
struct BodyLine {
  paragraph::SetLine line;
  const lt::TextStyle* style = nullptr;
  LineRole role = LineRole::Body;
  int paragraph = 0;
  int line_in_paragraph = 0;
};

std::vector<int> balance_columns(int lines, int columns, int rows) {
  std::vector<int> counts(static_cast<std::size_t>(columns), 0);
  const int placed = std::min(lines, columns * rows);
  if (placed == 0) return counts;
  // The first columns take one line more than the last ones: the last column is at most one
  // line shorter than the first.
  const int per_column = (placed + columns - 1) / columns;
  int rest = placed;
  for (int c = 0; c < columns; ++c) {
    const int remaining_columns = columns - c;
    const int take = std::min(per_column, rest - (remaining_columns - 1) * (per_column - 1));
    counts[static_cast<std::size_t>(c)] = std::max(0, std::min(take, rest));
    rest -= counts[static_cast<std::size_t>(c)];
  }
  return counts;
}

}  // namespace

SlotReport compose_story(const ComposeContext& context, const lt::PageTemplate& tpl,
                         const lt::Slot& slot, const story::Story& story,
                         const ModuleRegion& region, const BaselineGrid& grid, PageLayout& layout,
                         DisplayPage& page) {
  SlotReport report;
  report.name = slot.name;
  report.story = story.file;
  report.first_column = slot.first_column;
  report.last_column = slot.last_column;
  report.top = region.top;
  const double measure =
      region.columns.back().x + region.columns.back().width - region.columns.front().x;

  // Headline and deck.
  const lt::TextStyle& headline_style = tpl.style(slot.headline_style);
  const DisplayBlock headline =
      fit_headline(context, headline_style, slot, story.headline.text, measure);
  if (!headline.fits)
    layout.warnings.push_back({"headline-too-long", story.file + ": the headline needs more than " +
                                                        std::to_string(slot.headline_max_lines) +
                                                        " lines at the smallest size in slot '" +
                                                        slot.name + "'"});
  report.headline_size = headline.size;
  report.headline_lines = static_cast<int>(headline.lines.size());
  double cursor = place_display_block(context, headline_style, headline, LineRole::Headline,
                                      region.top, region, grid, slot.name, layout, page);
  if (story.deck) {
    const lt::TextStyle& deck_style = tpl.style(slot.deck_style);
    const DisplayBlock deck = set_display_block(context, deck_style, story.deck->text,
                                                deck_style.size, measure, slot.deck_max_lines);
    if (!deck.fits)
      layout.warnings.push_back({"deck-too-long", story.file + ": the deck needs more than " +
                                                      std::to_string(slot.deck_max_lines) +
                                                      " lines in slot '" + slot.name + "'"});
    report.deck_lines = static_cast<int>(deck.lines.size());
    cursor = place_display_block(context, deck_style, deck, LineRole::Deck, cursor, region, grid,
                                 slot.name, layout, page);
  }

  // Body paragraphs, then the contact line, each broken at the column measure.
  const lt::TextStyle& body_style = tpl.style(slot.body_style);
  const double column_measure = region.columns.front().width;
  std::vector<BodyLine> body;
  auto add_paragraph = [&](const std::string& text, const lt::TextStyle& style, LineRole role,
                           int index, bool indent) {
    const paragraph::ParagraphStyle ps = paragraph::paragraph_style(context.fonts, style);
    const paragraph::PreparedParagraph prepared =
        paragraph::prepare_paragraph(context.fonts, context.hyphenator, text, ps, indent);
    paragraph::BrokenParagraph broken =
        paragraph::break_paragraph(context.fonts, prepared, context.body_breaker, column_measure);
    for (std::size_t i = 0; i < broken.lines.size(); ++i) {
      if (broken.lines[i].overfull)
        layout.warnings.push_back({"overfull-line", story.file + ": overfull line in slot '" +
                                                        slot.name + "': \"" + broken.lines[i].text +
                                                        "\""});
      body.push_back({std::move(broken.lines[i]), &style, role, index, static_cast<int>(i)});
    }
  };
  for (std::size_t p = 0; p < story.body.size(); ++p)
    add_paragraph(story.body[p].text, body_style, LineRole::Body, static_cast<int>(p), p > 0);
  if (story.contact)
    add_paragraph(story.contact->text, tpl.style(slot.contact_style), LineRole::Contact,
                  static_cast<int>(story.body.size()), false);

  // Columns: the first body baseline is the first grid line whose ascenders clear the cursor.
  const font::FontMetrics& body_metrics =
      context.fonts.font(context.fonts.find(body_style.font.family, body_style.font.style))
          .metrics();
  const int first_row = grid.row_at_or_below(cursor + body_metrics.ascender * body_style.size);
  const double lowest_baseline = region.bottom - body_metrics.descender * body_style.size;
  const int rows = std::max(
      0,
      static_cast<int>(std::floor((lowest_baseline - grid.y(first_row)) / grid.pitch + 1e-9)) + 1);
  const int columns = static_cast<int>(region.columns.size());
  const int total = static_cast<int>(body.size());
  report.lines_per_column = balance_columns(total, columns, rows);

  std::size_t next = 0;
  int deepest = 0;
  for (int c = 0; c < columns; ++c) {
    const auto& col = region.columns[static_cast<std::size_t>(c)];
    const int count = report.lines_per_column[static_cast<std::size_t>(c)];
    deepest = std::max(deepest, count);
    for (int r = 0; r < count; ++r, ++next) {
      const BodyLine& bl = body[next];
      const double baseline = grid.y(first_row + r);
      place_line(bl.line, col.x, baseline, bl.style->color, page);
      PlacedLine placed;
      placed.page = region.page;
      placed.slot = slot.name;
      placed.role = bl.role;
      placed.style = bl.style->name;
      placed.text = bl.line.text;
      placed.paragraph = bl.paragraph;
      placed.line_in_paragraph = bl.line_in_paragraph;
      placed.column = c;
      placed.left = col.x;
      placed.baseline = baseline;
      placed.width = bl.line.width;
      placed.measure = bl.line.measure;
      placed.ratio = bl.line.ratio;
      placed.size = bl.style->size;
      placed.hyphenated = bl.line.hyphenated;
      placed.justified = bl.line.justified;
      placed.last_of_paragraph = bl.line.last_of_paragraph;
      layout.lines.push_back(std::move(placed));
    }
  }
  for (; next < body.size(); ++next) report.overset_text.push_back(body[next].line.text);
  report.overset_lines = static_cast<int>(report.overset_text.size());
  if (report.overset_lines > 0)
    layout.warnings.push_back({"overset", story.file + ": " + std::to_string(report.overset_lines) +
                                              " lines do not fit in slot '" + slot.name +
                                              "' (first: \"" + report.overset_text.front() +
                                              "\")"});
  const double bottom =
      deepest > 0 ? grid.y(first_row + deepest - 1) + body_metrics.descender * body_style.size
                  : cursor;
  report.depth = bottom - region.top;
  return report;
}

}  // namespace broadsheet::compose
