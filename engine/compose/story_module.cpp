#include "compose/story_module.h"

#include <algorithm>
#include <cmath>

#include "compose/column_flow.h"
#include "linebreak/balanced_breaker.h"
#include "linebreak/greedy_breaker.h"
#include "linebreak/knuth_plass.h"
#include "paragraph/typeset.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

const Color kOversetRed{0.86, 0.08, 0.08};

/// A display block (headline, deck) set in balanced ragged lines.
struct DisplayBlock {
  std::vector<paragraph::SetLine> lines;
  double size = 0;
  double leading = 0;
  bool fits = true;
};

DisplayBlock set_display_block(const ComposeContext& context, const lt::TextStyle& style,
                               const std::string& text, double size, double measure, int max_lines,
                               int min_lines = 1) {
  paragraph::ParagraphStyle ps = paragraph::paragraph_style(context.fonts, style);
  ps.size = size;
  ps.hyphenate = false;
  if (ps.align == lt::Align::Justify) ps.align = lt::Align::Left;
  const paragraph::PreparedParagraph prepared =
      paragraph::prepare_paragraph(context.fonts, nullptr, text, ps, false);
  DisplayBlock block;
  block.size = size;
  block.leading = style.leading * size / style.size;
  auto balanced = linebreak::break_balanced(prepared.items.list, measure, max_lines, min_lines);
  if (!balanced) {
    block.fits = false;
    balanced = linebreak::GreedyBreaker().break_lines(prepared.items.list, {{measure}});
  }
  block.lines =
      paragraph::set_lines(context.fonts, prepared.shaped, prepared.items, balanced->lines);
  return block;
}

/// The largest size in the slot's range (in half points) at which the headline fits, or the size
/// and line count a copyfit asks for.
DisplayBlock fit_headline(const ComposeContext& context, const lt::TextStyle& style,
                          const lt::Slot& slot, const std::string& text, double measure,
                          const StoryOptions& options) {
  const double max_size = slot.headline_max_size > 0 ? slot.headline_max_size : style.size;
  const double min_size = slot.headline_min_size > 0 ? slot.headline_min_size : max_size;
  const int min_lines = options.headline_lines.value_or(1);
  const int max_lines = options.headline_lines.value_or(slot.headline_max_lines);
  if (options.headline_size)
    return set_display_block(context, style, text, *options.headline_size, measure, max_lines,
                             min_lines);
  for (double size = max_size; size >= min_size - 1e-9; size -= 0.5) {
    DisplayBlock block =
        set_display_block(context, style, text, size, measure, max_lines, min_lines);
    if (block.fits) return block;
  }
  return set_display_block(context, style, text, min_size, measure, max_lines, min_lines);
}

const font::FontMetrics& metrics_of(const ComposeContext& context, const lt::TextStyle& style) {
  return context.fonts.font(context.fonts.find(style.font.family, style.font.style)).metrics();
}

PlacedLine placed_line(const ModuleRegion& region, const std::string& slot, LineRole role,
                       const lt::TextStyle& style, const paragraph::SetLine& line, double x,
                       double baseline, double size) {
  PlacedLine placed;
  placed.page = region.page;
  placed.slot = slot;
  placed.role = role;
  placed.style = style.name;
  placed.text = line.text;
  placed.left = x;
  placed.baseline = baseline;
  placed.width = line.width;
  placed.measure = line.measure;
  placed.ratio = line.ratio;
  placed.glyph_scale = line.glyph_scale;
  placed.size = size;
  placed.hyphenated = line.hyphenated;
  placed.justified = line.justified;
  placed.last_of_paragraph = line.last_of_paragraph;
  return placed;
}

/// Places a display block so that its last baseline sits on a grid line and its first line's
/// capitals clear `cursor`: the space a block takes is a whole number of grid lines, with the
/// extra above it. Returns the y under the block's last line (descender included).
double place_display_block(const ComposeContext& context, const lt::TextStyle& style,
                           const DisplayBlock& block, LineRole role, double cursor,
                           const ModuleRegion& region, const BaselineGrid& grid,
                           const std::string& slot_name, PageLayout& layout, DisplayPage& page) {
  const font::FontMetrics& m = metrics_of(context, style);
  const double n = static_cast<double>(block.lines.size());
  const double needed_above = m.cap_height * block.size + (n - 1) * block.leading;
  const int row = grid.row_at_or_below(cursor + style.space_before + needed_above);
  const double last_baseline = grid.y(row);
  const double x = region.columns.front().x;
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const auto& line = block.lines[i];
    const double baseline = last_baseline - (n - 1 - static_cast<double>(i)) * block.leading;
    place_line(line, x, baseline, style.color, page);
    PlacedLine placed = placed_line(region, slot_name, role, style, line, x, baseline, block.size);
    placed.line_in_paragraph = static_cast<int>(i);
    layout.lines.push_back(std::move(placed));
  }
  return last_baseline + m.descender * block.size + style.space_after;
}

/// A short line with no closing punctuation between paragraphs reads as a subhead
/// ("Historic private moon landing").
bool looks_like_subhead(const std::string& text) {
  if (text.empty() || text.size() > 60) return false;
  const int words = static_cast<int>(std::count(text.begin(), text.end(), ' ')) + 1;
  if (words > 8) return false;
  const unsigned char first = static_cast<unsigned char>(text.front());
  if (!(first >= 'A' && first <= 'Z') && !(first >= '0' && first <= '9')) return false;
  static const std::string closers[] = {".", ",", ";", ":", "!", "?", "\"", ")", "”", "’", "'"};
  return std::none_of(std::begin(closers), std::end(closers), [&](const std::string& c) {
    return text.size() >= c.size() && text.compare(text.size() - c.size(), c.size(), c) == 0;
  });
}

/// The body lines of `story` from paragraph `first` (byte `offset` into it) to the contact line,
/// broken at `measure`.
std::vector<BodyLine> set_body(const ComposeContext& context, const lt::PageTemplate& tpl,
                               const lt::Slot& slot, const story::Story& story, int first,
                               std::size_t offset, double measure, Warnings& warnings,
                               const StoryOptions& options) {
  const lt::TextStyle& body_style = tpl.style(slot.body_style);
  const bool has_subheads = tpl.styles.count(slot.subhead_style) > 0;
  const int contact_index = static_cast<int>(story.body.size());
  std::vector<BodyLine> body;
  bool after_subhead = false;
  for (int p = first; p <= contact_index; ++p) {
    const bool is_contact = p == contact_index;
    if (is_contact && !story.contact) break;
    std::string text =
        is_contact ? story.contact->text : story.body[static_cast<std::size_t>(p)].text;
    const bool continuing = p == first && offset > 0;
    if (continuing) text = text.substr(offset);
    const bool subhead = !is_contact && has_subheads && p > 0 && !continuing &&
                         p + 1 < contact_index && looks_like_subhead(text);
    const lt::TextStyle& style = is_contact ? tpl.style(slot.contact_style)
                                 : subhead  ? tpl.style(slot.subhead_style)
                                            : body_style;
    const LineRole role = is_contact ? LineRole::Contact
                          : subhead  ? LineRole::Subhead
                                     : LineRole::Body;
    // No indent on a story's first paragraph, after a subhead, or on a continued remainder.
    const bool indent = !is_contact && !subhead && p > 0 && !after_subhead && !continuing;
    after_subhead = subhead;
    paragraph::ParagraphStyle ps = paragraph::paragraph_style(context.fonts, style);
    if (role == LineRole::Body) ps.tracking += options.tracking;
    paragraph::PreparedParagraph uncached;
    if (!context.cache)
      uncached = paragraph::prepare_paragraph(context.fonts, context.hyphenator, text, ps, indent);
    const paragraph::PreparedParagraph& prepared =
        context.cache ? context.cache->get(context.fonts, context.hyphenator, text, ps, indent)
                      : uncached;
    // A copyfit's looseness needs the Knuth-Plass breaker with \looseness set.
    const int looseness = static_cast<std::size_t>(p) < options.looseness.size()
                              ? options.looseness[static_cast<std::size_t>(p)]
                              : 0;
    const auto* kp = dynamic_cast<const linebreak::KnuthPlassBreaker*>(&context.body_breaker);
    linebreak::KnuthPlassParams loose_params = kp ? kp->params() : linebreak::KnuthPlassParams{};
    loose_params.looseness = looseness;
    const linebreak::KnuthPlassBreaker loose_breaker(loose_params);
    const linebreak::LineBreaker& breaker =
        looseness != 0 ? static_cast<const linebreak::LineBreaker&>(loose_breaker)
                       : context.body_breaker;
    paragraph::BrokenParagraph broken =
        paragraph::break_paragraph(context.fonts, prepared, breaker, measure);
    const int count = static_cast<int>(broken.lines.size());
    for (int i = 0; i < count; ++i) {
      auto& line = broken.lines[static_cast<std::size_t>(i)];
      if (line.overfull)
        warnings.push_back({"overfull-line", story.file + ": overfull line in slot '" + slot.name +
                                                 "': \"" + line.text + "\""});
      if (continuing) line.source_begin += offset;
      body.push_back({std::move(line), &style, role, p, i, count, subhead});
    }
  }
  // The contact line stays with the last body line.
  if (story.contact && body.size() >= 2) {
    for (std::size_t i = body.size(); i-- > 1;)
      if (body[i].role == LineRole::Contact && body[i - 1].role != LineRole::Contact) {
        body[i - 1].keep_with_next = true;
        break;
      }
  }
  return body;
}

std::vector<FlowLine> flow_lines(const std::vector<BodyLine>& body) {
  std::vector<FlowLine> out;
  out.reserve(body.size());
  for (const auto& b : body)
    out.push_back({b.paragraph, b.line_in_paragraph, b.paragraph_lines, b.keep_with_next});
  return out;
}

void add_overset_mark(const ModuleRegion& region, double bottom, DisplayPage& page) {
  const double right = region.columns.back().x + region.columns.back().width;
  const double left = region.columns.front().x;
  page.add(LineItem{left, bottom, right, bottom, 1.5, kOversetRed}, Layer::Preview);
  const double size = 12;
  page.add(FillRectItem{{right - size, bottom - size / 2, size, size}, kOversetRed},
           Layer::Preview);
  // A white plus on the red square: the sign layout programs use for overset text.
  const Color white{1, 1, 1};
  const double cx = right - size / 2, cy = bottom;
  page.add(LineItem{cx - 3.5, cy, cx + 3.5, cy, 1.6, white}, Layer::Preview);
  page.add(LineItem{cx, cy - 3.5, cx, cy + 3.5, 1.6, white}, Layer::Preview);
}

}  // namespace

SlotReport compose_story(const ComposeContext& context, const lt::PageTemplate& tpl,
                         const lt::Slot& slot, const story::Story& story,
                         const ModuleRegion& region, const BaselineGrid& grid, PageLayout& layout,
                         DisplayPage& page, const std::optional<JumpLine>& continued,
                         StoryOverflow* overflow,
                         const std::optional<std::pair<JumpLine, StoryOverflow>>& continuation,
                         const StoryOptions& options) {
  SlotReport report;
  report.page = region.page;
  report.name = slot.name;
  report.story = story.file;
  report.first_column = slot.first_column;
  report.last_column = slot.last_column;
  report.top = region.top;
  const double measure =
      region.columns.back().x + region.columns.back().width - region.columns.front().x;
  const double column_measure = region.columns.front().width;
  const lt::TextStyle& body_style = tpl.style(slot.body_style);
  const lt::TextStyle& jump_style = tpl.styles.count(slot.jump_style)
                                        ? tpl.style(slot.jump_style)
                                        : tpl.style(slot.contact_style);

  // Headline and deck (a continuation repeats the headline as its jump head, without the deck).
  const lt::TextStyle& headline_style = tpl.style(slot.headline_style);
  const DisplayBlock headline =
      fit_headline(context, headline_style, slot, story.headline.text, measure, options);
  if (!headline.fits)
    layout.warnings.push_back({"headline-too-long", story.file + ": the headline needs more than " +
                                                        std::to_string(slot.headline_max_lines) +
                                                        " lines at the smallest size in slot '" +
                                                        slot.name + "'"});
  report.headline_size = headline.size;
  report.headline_lines = static_cast<int>(headline.lines.size());
  double cursor = place_display_block(context, headline_style, headline, LineRole::Headline,
                                      region.top, region, grid, slot.name, layout, page);
  if (story.deck && !continuation && slot.deck_max_lines == 0)
    layout.warnings.push_back({"deck-dropped", story.file + ": slot '" + slot.name +
                                                   "' takes no deck (deck_max_lines = 0); "
                                                   "the deck is not set"});
  if (story.deck && !continuation && slot.deck_max_lines > 0) {
    const lt::TextStyle& deck_style = tpl.style(slot.deck_style);
    const DisplayBlock deck = set_display_block(
        context, deck_style, story.deck->text, deck_style.size, measure,
        options.deck_lines.value_or(slot.deck_max_lines), options.deck_lines.value_or(1));
    if (!deck.fits)
      layout.warnings.push_back({"deck-too-long", story.file + ": the deck needs more than " +
                                                      std::to_string(slot.deck_max_lines) +
                                                      " lines in slot '" + slot.name + "'"});
    report.deck_lines = static_cast<int>(deck.lines.size());
    cursor = place_display_block(context, deck_style, deck, LineRole::Deck, cursor, region, grid,
                                 slot.name, layout, page);
  }

  // The body: the whole story, or what a jump left (re-broken if the measure differs).
  std::vector<BodyLine> body;
  if (!continuation) {
    body = set_body(context, tpl, slot, story, 0, 0, column_measure, layout.warnings, options);
  } else if (!continuation->second.lines.empty()) {
    const BodyLine& first = continuation->second.lines.front();
    if (std::abs(first.line.measure - column_measure) < 0.01)
      body = continuation->second.lines;
    else
      body = set_body(context, tpl, slot, story, first.paragraph, first.line.source_begin,
                      column_measure, layout.warnings, options);
  }

  // Rows: the first body baseline is the first grid line whose ascenders clear the cursor.
  const font::FontMetrics& body_metrics = metrics_of(context, body_style);
  int first_row = grid.row_at_or_below(cursor + body_metrics.ascender * body_style.size);
  const double x0 = region.columns.front().x;
  if (continuation) {
    // "From page M" opens the first column.
    paragraph::SetLine from;
    const auto prepared =
        paragraph::prepare_paragraph(context.fonts, nullptr, continuation->first.text,
                                     paragraph::paragraph_style(context.fonts, jump_style), false);
    const auto broken = paragraph::break_paragraph(context.fonts, prepared,
                                                   linebreak::GreedyBreaker(), column_measure);
    for (const auto& line : broken.lines) {
      place_line(line, x0, grid.y(first_row), jump_style.color, page);
      PlacedLine placed = placed_line(region, slot.name, LineRole::Jump, jump_style, line, x0,
                                      grid.y(first_row), jump_style.size);
      placed.column = 0;
      layout.lines.push_back(std::move(placed));
      ++first_row;
    }
  }
  const double lowest_baseline = region.bottom - body_metrics.descender * body_style.size;
  const int rows = std::max(
      0,
      static_cast<int>(std::floor((lowest_baseline - grid.y(first_row)) / grid.pitch + 1e-9)) + 1);
  const int columns = static_cast<int>(region.columns.size());
  const int jump_rows = continued ? 1 : 0;
  report.rows = rows;
  report.lines_per_column = distribute_columns(flow_lines(body), columns, rows, jump_rows);

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
      PlacedLine placed = placed_line(region, slot.name, bl.role, *bl.style, bl.line, col.x,
                                      baseline, bl.style->size);
      placed.paragraph = bl.paragraph;
      placed.line_in_paragraph = bl.line_in_paragraph;
      placed.column = c;
      layout.lines.push_back(std::move(placed));
    }
  }
  double bottom = deepest > 0
                      ? grid.y(first_row + deepest - 1) + body_metrics.descender * body_style.size
                      : cursor;
  if (next < body.size() && continued && overflow) {
    // The rest jumps: "Continued on page N" closes the last column.
    const auto& col = region.columns.back();
    const int row = first_row + report.lines_per_column.back();
    const auto prepared =
        paragraph::prepare_paragraph(context.fonts, nullptr, continued->text,
                                     paragraph::paragraph_style(context.fonts, jump_style), false);
    const auto broken =
        paragraph::break_paragraph(context.fonts, prepared, linebreak::GreedyBreaker(), 1e6);
    // One line, never wrapped (a wrapped jump line would have nowhere to go).
    if (!broken.lines.empty() && broken.lines.front().width > col.width)
      layout.warnings.push_back({"overfull-line", "slot '" + slot.name + "': \"" + continued->text +
                                                      "\" is wider than the column"});
    if (!broken.lines.empty()) {
      place_line(broken.lines.front(), col.x, grid.y(row), jump_style.color, page);
      PlacedLine placed = placed_line(region, slot.name, LineRole::Jump, jump_style,
                                      broken.lines.front(), col.x, grid.y(row), jump_style.size);
      placed.column = columns - 1;
      layout.lines.push_back(std::move(placed));
      bottom = std::max(bottom, grid.y(row) + body_metrics.descender * body_style.size);
    }
    overflow->lines.assign(body.begin() + static_cast<std::ptrdiff_t>(next), body.end());
    report.continued_lines = static_cast<int>(overflow->lines.size());
  } else if (next < body.size()) {
    for (; next < body.size(); ++next) report.overset_text.push_back(body[next].line.text);
    report.overset_lines = static_cast<int>(report.overset_text.size());
    layout.warnings.push_back({"overset", story.file + ": " + std::to_string(report.overset_lines) +
                                              " lines do not fit in slot '" + slot.name +
                                              "' (first: \"" + report.overset_text.front() +
                                              "\")"});
    add_overset_mark(region, bottom + 3, page);
  }
  report.depth = bottom - region.top;
  return report;
}

}  // namespace broadsheet::compose
