#include "compose/story_module.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "compose/body_opening.h"
#include "compose/body_setting.h"
#include "compose/column_flow.h"
#include "compose/display_blocks.h"
#include "compose/fact_boxes.h"
#include "compose/pull_quotes.h"
#include "compose/story_picture.h"
#include "compose/story_text.h"
#include "linebreak/greedy_breaker.h"
#include "paragraph/typeset.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

const lt::TextStyle& jump_style_of(const lt::PageTemplate& tpl, const lt::Slot& slot) {
  return tpl.styles.count(slot.jump_style) ? tpl.style(slot.jump_style)
                                           : tpl.style(slot.contact_style);
}

const font::FontMetrics& metrics_of(const ComposeContext& context, const lt::TextStyle& style) {
  return context.fonts.font(context.fonts.find(style.font.family, style.font.style)).metrics();
}

/// A jump line set greedily at `measure` in its style's alignment.
std::vector<paragraph::SetLine> set_jump_line(const ComposeContext& context,
                                              const lt::TextStyle& style, const std::string& text,
                                              double measure, bool left = false) {
  paragraph::ParagraphStyle ps = story_text_style(context, style);
  if (left) ps.align = lt::Align::Left;
  const auto prepared = paragraph::prepare_paragraph(context.fonts, nullptr, text, ps, false);
  return paragraph::break_paragraph(context.fonts, prepared, linebreak::GreedyBreaker(), measure)
      .lines;
}

/// "Continued on page N": one line at the column's measure, aligned as its style says; never
/// wrapped (a wrapped jump line would have nowhere to go), so a line too long for the column is
/// set whole from the column's left edge and reported.
std::optional<paragraph::SetLine> set_continued_line(const ComposeContext& context,
                                                     const lt::TextStyle& style,
                                                     const std::string& text, double measure,
                                                     const std::string& slot, Warnings& warnings) {
  auto lines = set_jump_line(context, style, text, measure);
  if (lines.size() > 1) {
    lines = set_jump_line(context, style, text, 1e6, true);
    warnings.push_back(
        {"overfull-line", "slot '" + slot + "': \"" + text + "\" is wider than the column"});
  }
  if (lines.empty()) return std::nullopt;
  return std::move(lines.front());
}

/// The body as the column distribution sees it; the lines beside an inset picture (the first
/// `beside_inset`) are kept together in the first column, where the picture is.
std::vector<FlowLine> flow_lines(const std::vector<BodyLine>& body, int beside_inset) {
  std::vector<FlowLine> out;
  out.reserve(body.size());
  for (const auto& b : body)
    out.push_back({b.paragraph, b.line_in_paragraph, b.paragraph_lines, b.keep_with_next});
  keep_beside_inset(out, beside_inset);
  return out;
}

/// Moves column breaks out of insets (pull quotes, fact boxes): an inset split over two columns
/// goes whole into the first when it has room for the rest, else whole into the next; one cut
/// by the foot of the last column goes whole to the overset. A column never takes more than
/// `rows` (less `skip[c]`, rows column c starts lower): what an inset pushes past its foot moves
/// on to the next column. An inset taller than a column ends the columns before it.
void keep_insets_whole(const std::vector<FlowLine>& body, std::vector<int>& counts, int full_rows,
                       std::span<const int> skip = {}) {
  const auto holds = [&](std::size_t c) {
    return std::max(0, full_rows - (c < skip.size() ? skip[c] : 0));
  };
  int at = 0;  // the first line of column c
  for (std::size_t c = 0; c < counts.size(); ++c) {
    const int rows = holds(c);
    const int end = at + counts[c];  // the break after column c
    if (end <= 0 || end >= static_cast<int>(body.size())) break;
    const FlowLine& after = body[static_cast<std::size_t>(end)];
    if (after.paragraph >= kPullQuoteParagraph && after.line_in_paragraph > 0) {
      const int first = end - after.line_in_paragraph;
      const int last = first + after.paragraph_lines;  // one past the inset
      const bool last_column = c + 1 == counts.size();
      if (after.paragraph_lines > rows) {  // taller than a column: it and the rest are overset
        counts[c] = std::max(0, first - at);
        std::fill(counts.begin() + static_cast<std::ptrdiff_t>(c) + 1, counts.end(), 0);
        break;
      }
      const int shift = !last_column && counts[c] + (last - end) <= rows ? last - end : first - end;
      if (counts[c] + shift > 0 || last_column) {
        counts[c] = std::max(0, counts[c] + shift);
        if (!last_column) counts[c + 1] = std::max(0, counts[c + 1] - shift);
      }
    }
    if (c + 1 < counts.size() && counts[c + 1] > holds(c + 1)) {
      if (c + 2 < counts.size()) counts[c + 2] += counts[c + 1] - holds(c + 1);
      counts[c + 1] = holds(c + 1);
    }
    at += counts[c];
  }
}

/// The module's body rows: where the first body baseline is and how many a column holds.
struct BodyRows {
  int first = 0;  ///< grid row of the first body baseline (under any "From page" line)
  int count = 0;  ///< rows a column holds down to the region's foot
};

BodyRows body_rows(int first_row, const ModuleRegion& region, const BaselineGrid& grid,
                   double body_descent) {
  const double lowest_baseline = region.bottom - body_descent;
  const double room = std::floor((lowest_baseline - grid.y(first_row)) / grid.pitch + 1e-9);
  return {first_row, std::max(0, BaselineGrid::clamped_row(room) + 1)};
}

/// Where a module's body goes: the region, its grid and rows, and how deep a body line reaches
/// under its baseline.
struct BodyFrame {
  const ModuleRegion& region;
  const BaselineGrid& grid;
  BodyRows rows;
  double descent = 0;
  std::span<const int> skip{};  ///< rows each column starts lower (ragged starts); empty: none
};

/// Display-block warnings, typed on the report for copyfit.
void report_display_blocks(const lt::Slot& slot, const story::Story& story,
                           const DisplayBlocks& blocks, ModuleResult& out) {
  out.report.headline_size = blocks.headline.size;
  out.report.headline_lines = static_cast<int>(blocks.headline.lines.size());
  out.report.headline_fits = blocks.headline.fits;
  if (!blocks.headline.fits)
    out.warnings.push_back({"headline-too-long", story.file + ": the headline needs more than " +
                                                     std::to_string(slot.headline_max_lines) +
                                                     " lines at the smallest size in slot '" +
                                                     slot.name + "'"});
  if (blocks.deck_dropped)
    out.warnings.push_back({"deck-dropped", story.file + ": slot '" + slot.name +
                                                "' takes no deck (deck_max_lines = 0); "
                                                "the deck is not set"});
  if (!blocks.deck) return;
  out.report.deck_lines = static_cast<int>(blocks.deck->lines.size());
  out.report.deck_fits = blocks.deck->fits;
  if (!blocks.deck->fits)
    out.warnings.push_back({"deck-too-long", story.file + ": the deck needs more than " +
                                                 std::to_string(slot.deck_max_lines) +
                                                 " lines in slot '" + slot.name + "'"});
}

/// The lines past the region: on to the continuation under a "Continued on page N" line closing
/// the last column, or reported as overset. Returns the module's new bottom.
double hand_on_the_rest(const ComposeContext& context, const lt::PageTemplate& tpl,
                        const lt::Slot& slot, const StoryWork& work, std::vector<BodyLine>& body,
                        std::size_t next, const BodyFrame& frame,
                        const std::optional<std::string>& continued_on, double bottom,
                        ModuleResult& out) {
  const ModuleRegion& region = frame.region;
  if (next >= body.size()) return bottom;
  if (continued_on) {
    const lt::TextStyle& style = jump_style_of(tpl, slot);
    // One line, never wrapped (a wrapped jump line would have nowhere to go).
    const auto line = set_continued_line(context, style, *continued_on, region.columns.back().width,
                                         slot.name, out.warnings);
    if (line) {
      const int row = frame.rows.first + out.report.lines_per_column.back() +
                      (frame.skip.empty() ? 0 : frame.skip.back());
      place_lines_in_column({*line}, style, LineRole::Jump, region,
                            static_cast<int>(region.columns.size()) - 1, row, frame.grid, slot.name,
                            out.placement);
      bottom = std::max(bottom, frame.grid.y(row) + frame.descent);
    }
    StoryWork rest = StoryWork::start_of(*work.story);
    rest.lines.assign(std::make_move_iterator(body.begin() + static_cast<std::ptrdiff_t>(next)),
                      std::make_move_iterator(body.end()));
    out.report.continued_lines = static_cast<int>(rest.lines.size());
    out.rest = std::move(rest);
    return bottom;
  }
  for (; next < body.size(); ++next) out.report.overset_text.push_back(body[next].line.text);
  out.report.overset_lines = static_cast<int>(out.report.overset_text.size());
  out.warnings.push_back({"overset", work.story->file + ": " +
                                         std::to_string(out.report.overset_lines) +
                                         " lines do not fit in slot '" + slot.name +
                                         "' (first: \"" + out.report.overset_text.front() + "\")"});
  place_overset_mark(region, bottom + 3, out.placement);
  return bottom;
}

/// The display blocks of a head, top to bottom (those it has).
std::vector<const DisplayBlock*> blocks_of(const DisplayBlocks& blocks) {
  std::vector<const DisplayBlock*> out;
  if (blocks.kicker) out.push_back(&*blocks.kicker);
  out.push_back(&blocks.headline);
  if (blocks.deck) out.push_back(&*blocks.deck);
  if (blocks.byline) out.push_back(&*blocks.byline);
  return out;
}

/// A head deeper than its region (a slot squeezed above an ad): nothing of the story is drawn,
/// so nothing reaches into what lies below the slot, and all of its text is reported overset:
/// the head's lines (a continuation's repeated headline was set on the page before), then the
/// body's. A story that would jump does not: there is nothing here to continue from.
void report_story_overset(const lt::Slot& slot, const StoryWork& work, const DisplayBlocks& blocks,
                          const std::vector<BodyLine>& body, const ModuleRegion& region,
                          double foot, bool picture, bool jumps, ModuleResult& out) {
  out.placement = {};
  out.report.lines_per_column.assign(region.columns.size(), 0);
  if (!work.is_continuation())
    for (const DisplayBlock* block : blocks_of(blocks))
      for (const auto& line : block->lines) out.report.overset_text.push_back(line.text);
  for (const BodyLine& line : body) out.report.overset_text.push_back(line.line.text);
  out.report.overset_lines = static_cast<int>(out.report.overset_text.size());
  const auto mm = [](double pt) { return std::to_string(std::lround(pt * 25.4 / 72)); };
  std::string parts = blocks.kicker ? "kicker, headline" : "headline";
  if (blocks.deck) parts += ", deck";
  if (blocks.byline) parts += ", byline";
  if (picture) parts += ", picture";
  out.warnings.push_back(
      {"overset", work.story->file + ": the story does not fit in slot '" + slot.name +
                      "': its head (" + parts + ") needs " + mm(foot - region.top) +
                      " mm of the slot's " + mm(region.bottom - region.top) + " mm; all " +
                      std::to_string(out.report.overset_lines) + " lines are overset" +
                      (jumps ? ", none of them jumps" : "")});
  place_overset_mark(region, region.top + 6, out.placement);
  out.report.depth = std::max(0.0, region.bottom - region.top);
}

SlotReport module_report(const lt::Slot& slot, const story::Story& story,
                         const ModuleRegion& region) {
  SlotReport report = slot_report(slot, region.page, region.top);
  report.story = story.file;
  return report;
}

}  // namespace

namespace {

/// A module above its body: the display blocks, a continuation's "From page M" line, and the
/// rows left for the body.
struct ModuleHead {
  DisplayBlocks blocks;
  std::vector<paragraph::SetLine> from_lines;
  int first_row = 0;  ///< grid row of the blocks' first body baseline (over any "From page")
  BodyRows rows;
  double body_descent = 0;
  double column_measure = 0;
  double body_top = 0;  ///< under the blocks and a lead picture across all columns
  /// Rows each column (reading order) starts below `rows.first`: a lead picture across some
  /// of the columns pushes theirs down. Empty when every column starts there.
  std::vector<int> skip;
  double picture_foot = 0;   ///< the foot of a lead picture across some columns (its caption)
  double head_foot = 0;      ///< what the blocks and a lead picture with its caption reach down to
  bool has_picture = false;  ///< a lead picture sits under the blocks
};

/// A lead picture across some of the columns: their body starts under it, the others' under
/// the blocks (head.first_row); the rows each column holds go on the report.
void start_columns_under(const LeadPicture& picture, const ModuleRegion& region,
                         const BaselineGrid& grid, double body_ascent, ModuleHead& head,
                         SlotReport& report) {
  if (picture.columns == 0 || picture.columns >= region.columns.size()) return;
  const int under =
      std::max(0, grid.row_at_or_below(picture.body_top + body_ascent) - head.first_row);
  head.skip.assign(region.columns.size(), 0);
  std::fill_n(head.skip.begin(), picture.columns, under);
  head.picture_foot = picture.foot;
  for (int skip : head.skip) report.column_rows.push_back(std::max(0, head.rows.count - skip));
}

/// The story's fact box across N columns (head_fact_box) at the head of its first N columns,
/// its frame's top under the blocks and any lead picture over those columns (`picture`); the
/// body of those columns starts under the box.
void place_head_fact_box(const ComposeContext& context, const lt::PageTemplate& tpl,
                         const lt::Slot& slot, const story::Story& story,
                         const ModuleRegion& region, const BaselineGrid& grid,
                         const LeadPicture& picture, ModuleHead& head, ModuleResult& out) {
  const int index = head_fact_box(story);
  if (index < 0 || region.columns.empty()) return;
  const story::FactBox& box = story.fact_boxes[static_cast<std::size_t>(index)];
  const std::size_t columns =
      std::min(region.columns.size(), static_cast<std::size_t>(box.columns));
  const Rect across = across_columns(region, columns, 0, 0);
  const std::vector<BodyLine> rows = fact_box_rows(context, tpl, box, index, across.width);
  if (rows.empty()) return;
  if (head.skip.empty()) head.skip.assign(region.columns.size(), 0);
  // The first grid row that keeps the frame's top under what is above it (the picture over any
  // of its columns, else the blocks): the box carries its own space above, so it may start a
  // row above the body's first.
  const double above =
      picture.columns > 0 ? std::max(head.body_top, picture.body_top) : head.body_top;
  const double frame_top = rows.front().frame ? rows.front().frame->top : 0;
  const int box_row = grid.row_at_or_below(above + frame_top);
  ModuleRegion band = region;  // one column across the box's columns
  band.columns = {{across.x, across.width}};
  band.fills_from_right = false;
  const int count = static_cast<int>(rows.size());
  place_body(rows, {count}, band, box_row, grid, slot.name, out.placement);
  std::fill_n(head.skip.begin(), columns, std::max(0, box_row + count - head.rows.first));
  head.picture_foot = std::max(head.picture_foot, grid.y(box_row + count - 1) + head.body_descent);
  out.report.column_rows.clear();
  for (int skip : head.skip) out.report.column_rows.push_back(std::max(0, head.rows.count - skip));
}

ModuleHead set_module_head(const ComposeContext& context, const lt::PageTemplate& tpl,
                           const lt::Slot& slot, const StoryWork& work, const ModuleRegion& region,
                           const BaselineGrid& grid, const StoryOptions& options,
                           ModuleResult& out) {
  const story::Story& story = *work.story;
  ModuleHead head;
  // Stage 2: headline and deck (a continuation repeats the headline as its jump head).
  head.blocks =
      fit_display_blocks(context, tpl, slot, story, !work.is_continuation(), region, grid, options);
  report_display_blocks(slot, story, head.blocks, out);

  // The first body baseline is the first grid line whose ascenders clear the blocks; a
  // continuation's "From page M" opens the first column.
  const lt::TextStyle& body_style = tpl.style(slot.body_style);
  const font::FontMetrics& body_metrics = metrics_of(context, body_style);
  head.body_descent = body_metrics.descender * body_style.size;
  head.column_measure = region.columns.front().width;
  // A story's lead picture sits under the blocks, across its columns (not on a continuation).
  const LeadPicture picture =
      work.is_continuation() ? LeadPicture{}
                             : place_lead_picture(context, tpl, slot, story, region,
                                                  head.blocks.bottom, out.placement, out.warnings);
  head.body_top = picture.columns == region.columns.size() ? picture.body_top : head.blocks.bottom;
  head.has_picture = picture.columns > 0;
  head.head_foot = std::max(head.blocks.foot, head.has_picture ? picture.foot : 0.0);
  out.report.head_fits = head.head_foot <= region.bottom + 0.01;
  const double body_ascent = body_metrics.ascender * body_style.size;
  head.first_row = grid.row_at_or_below(head.body_top + body_ascent);
  if (work.is_continuation())
    head.from_lines =
        set_jump_line(context, jump_style_of(tpl, slot),
                      "From page " + std::to_string(work.from_page), head.column_measure);
  head.rows = body_rows(head.first_row + static_cast<int>(head.from_lines.size()), region, grid,
                        head.body_descent);
  out.report.rows = head.rows.count;
  start_columns_under(picture, region, grid, body_ascent, head, out.report);
  if (!work.is_continuation())
    place_head_fact_box(context, tpl, slot, story, region, grid, picture, head, out);
  return head;
}

}  // namespace

ModuleResult compose_module(const ComposeContext& context, const lt::PageTemplate& tpl,
                            const lt::Slot& slot, const StoryWork& work, const ModuleRegion& region,
                            const BaselineGrid& grid,
                            const std::optional<std::string>& continued_on,
                            const StoryOptions& options) {
  ModuleResult out;
  out.report = module_report(slot, *work.story, region);
  const ModuleHead head = set_module_head(context, tpl, slot, work, region, grid, options, out);
  const DisplayBlocks& blocks = head.blocks;
  const BodyRows& rows = head.rows;

  // Stages 3 and 4: the body against the lines available (room for a run-in dateline and a
  // drop cap), then into balanced columns.
  const BodyOpeningSet opening =
      set_body_opening(context, tpl, slot, work, head.column_measure, grid.pitch, out.warnings);
  BodySetting body =
      set_body(context, tpl, slot, work, opening_widths(opening.opening, head.column_measure),
               options, opening.opening);
  out.warnings.insert(out.warnings.end(), body.warnings.begin(), body.warnings.end());
  if (!out.report.head_fits) {
    report_story_overset(slot, work, blocks, body.lines, region, head.head_foot, head.has_picture,
                         continued_on.has_value(), out);
    return out;
  }
  const int columns = static_cast<int>(region.columns.size());
  const std::vector<FlowLine> flow = flow_lines(body.lines, opening.opening.inset_lines);
  const int reserve = continued_on ? 1 : 0;
  out.report.lines_per_column =
      head.skip.empty() ? distribute_columns(flow, columns, rows.count, reserve)
                        : distribute_ragged_columns(flow, head.skip, rows.count, reserve);
  keep_insets_whole(flow, out.report.lines_per_column, rows.count, head.skip);
  const int first_skip = head.skip.empty() ? 0 : head.skip.front();

  // Stage 5: in place. The head's blocks are drawn before what the head stage placed under them
  // (a lead picture and its caption, a fact box across columns): drawing order is the tagged
  // PDF's reading order, and nothing of the two overlaps.
  std::vector<DisplayItem>& items = out.placement.drawing.items;
  const auto placed_under_head = static_cast<std::ptrdiff_t>(items.size());
  if (blocks.kicker) place_display_block(*blocks.kicker, region, slot.name, out.placement);
  place_display_block(blocks.headline, region, slot.name, out.placement);
  if (blocks.deck) place_display_block(*blocks.deck, region, slot.name, out.placement);
  if (blocks.byline) place_display_block(*blocks.byline, region, slot.name, out.placement);
  std::rotate(items.begin(), items.begin() + placed_under_head, items.end());
  double inset_foot = 0;  // a picture inset atop the first column: its caption's foot
  if (!out.report.lines_per_column.empty() && out.report.lines_per_column.front() > 0)
    inset_foot = place_body_opening(opening, region, rows.first + first_skip, grid, slot,
                                    out.placement, out.warnings);
  place_lines_in_column(head.from_lines, jump_style_of(tpl, slot), LineRole::Jump, region, 0,
                        head.first_row, grid, slot.name, out.placement);
  const std::size_t next = place_body(body.lines, out.report.lines_per_column, region, rows.first,
                                      grid, slot.name, out.placement, head.skip);
  int deepest = 0;  // rows down to the lowest column's last line
  for (std::size_t c = 0; c < out.report.lines_per_column.size(); ++c)
    if (const int n = out.report.lines_per_column[c]; n > 0)
      deepest = std::max(deepest, n + (head.skip.empty() ? 0 : head.skip[c]));
  double bottom =
      deepest > 0 ? grid.y(rows.first + deepest - 1) + head.body_descent : head.body_top;
  bottom = std::max({bottom, head.picture_foot, inset_foot});

  // Stage 6: what did not fit, and the report.
  bottom = hand_on_the_rest(context, tpl, slot, work, body.lines, next,
                            {region, grid, rows, head.body_descent, head.skip}, continued_on,
                            bottom, out);
  out.report.depth = std::min(bottom, std::max(region.bottom, region.top)) - region.top;
  return out;
}

SlotReport measure_module(const ComposeContext& context, const lt::PageTemplate& tpl,
                          const lt::Slot& slot, const story::Story& story,
                          const ModuleRegion& region, const BaselineGrid& grid,
                          const StoryOptions& options, ModuleTrials& memo) {
  // The display blocks depend only on the headline and deck choices.
  const ModuleTrials::HeadKey head_key{options.headline_size, options.headline_lines,
                                       options.deck_lines};
  auto head = memo.heads.find(head_key);
  if (head == memo.heads.end()) {
    ModuleResult out;
    out.report = module_report(slot, story, region);
    set_module_head(context, tpl, slot, StoryWork::start_of(story), region, grid, options, out);
    head = memo.heads.emplace(head_key, std::move(out.report)).first;
  }
  SlotReport report = head->second;
  // compose_module sets the body at the column measure, after its opening (a dateline, a drop
  // cap): so are its lines counted here. The opening depends on neither choice of a trial.
  const double measure = region.columns.front().width;
  if (!memo.opening) {
    Warnings ignored;
    memo.opening = set_body_opening(context, tpl, slot, StoryWork::start_of(story), measure,
                                    grid.pitch, ignored)
                       .opening;
  }
  const std::vector<FlowLine> flow =
      count_body(context, tpl, slot, story, measure, *memo.opening, options, memo.breaks);
  if (!report.head_fits) {  // as compose_module: nothing of the story is set
    report.lines_per_column.assign(region.columns.size(), 0);
    report.overset_lines = static_cast<int>(flow.size());
    return report;
  }
  // The columns depend only on the paragraphs' line counts and the rows.
  ModuleTrials::ColumnsKey columns_key{{}, report.rows, report.column_rows};
  for (const FlowLine& line : flow)
    if (line.line_in_paragraph == 0) std::get<0>(columns_key).push_back(line.paragraph_lines);
  auto [columns, inserted] = memo.columns.try_emplace(std::move(columns_key));
  if (inserted) {
    std::vector<int> skip;  // ragged starts under a picture across some columns
    for (int holds : report.column_rows) skip.push_back(report.rows - holds);
    columns->second = skip.empty() ? distribute_columns(
                                         flow, static_cast<int>(region.columns.size()), report.rows)
                                   : distribute_ragged_columns(flow, skip, report.rows);
    keep_insets_whole(flow, columns->second, report.rows, skip);
  }
  report.lines_per_column = columns->second;
  int placed = 0;
  for (int n : report.lines_per_column) placed += n;
  report.overset_lines = static_cast<int>(flow.size()) - placed;
  return report;
}

}  // namespace broadsheet::compose
