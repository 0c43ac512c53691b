#include "compose/body_setting.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "compose/body_opening.h"
#include "compose/display_blocks.h"
#include "compose/fact_boxes.h"
#include "compose/pull_quotes.h"
#include "compose/story_text.h"
#include "linebreak/knuth_plass.h"
#include "paragraph/typeset.h"

namespace broadsheet::compose {

namespace lt = layout_template;

LineWidthFn constant_width(double width) {
  return [width](int) { return width; };
}

namespace {

/// Where the body setting stands while it walks the story's paragraphs.
struct BodyCursor {
  int paragraph = 0;       ///< index into story.body; story.body.size() is the contact line
  std::size_t offset = 0;  ///< byte offset into the first paragraph (a jump's remainder)
  int line = 0;            ///< lines set so far: the next line's index in the flow
  bool after_subhead = false;
  double opening_indent = 0;  ///< pt free at the start of the story's first line
  int drop_lines = 0;         ///< flow lines beside a drop cap ...
  double drop_indent = 0;     ///< ... moved this far right
  std::string drop_cap_text;  ///< for the text layer of the story's first line
  int inset_lines = 0;        ///< flow lines beside an inset picture ...
  double inset_indent = 0;    ///< ... moved this far right

  /// A story's first paragraph opens with `opening` (not on a continuation).
  void open_with(const BodyOpening& opening) {
    opening_indent = opening.first_line_indent;
    offset = opening.skip_bytes;
    drop_lines = opening.drop_lines;
    drop_indent = opening.drop_indent;
    drop_cap_text = opening.drop_cap_text;
    inset_lines = opening.inset_lines;
    inset_indent = opening.inset_indent;
  }
  /// The line the next paragraph starts on, when it starts beside the opening's shortened
  /// lines (its breaks depend on it then); -1 otherwise.
  int start_beside_opening() const { return line < std::max(drop_lines, inset_lines) ? line : -1; }
};

/// A paragraph's line widths from flow line `first` on, for as many lines as it can take. Equal
/// widths at the end are folded into one (the breaker repeats the last width): the breaker keeps
/// apart only the lines whose widths differ, so a constant measure costs what it always did.
linebreak::LineWidths widths_from(const LineWidthFn& widths, int first, std::size_t max_lines) {
  linebreak::LineWidths out;
  for (std::size_t i = 0; i < std::max<std::size_t>(max_lines, 1); ++i)
    out.widths.push_back(widths(first + static_cast<int>(i)));
  while (out.widths.size() > 1 && out.widths[out.widths.size() - 2] == out.widths.back())
    out.widths.pop_back();
  return out;
}

/// Puts `text` (a drop cap's letters) before the text of `line`'s logically first cluster: only
/// the text layer changes, never a glyph. Right-to-left lines are left as they are.
void carry_text_into_first_cluster(const std::string& text, paragraph::SetLine& line) {
  if (text.empty() || line.runs.empty()) return;
  GlyphRunItem& first = line.runs.front();
  if (first.backward || first.clusters.empty()) return;
  first.text.insert(0, text);
  first.clusters.front().num_bytes += static_cast<int>(text.size());
}

/// The body breaker, or a Knuth-Plass breaker with the copyfit's looseness for this paragraph.
linebreak::BreakResult break_with_looseness(const ComposeContext& context,
                                            const paragraph::PreparedParagraph& prepared,
                                            const linebreak::LineWidths& widths, int looseness) {
  const auto* kp = dynamic_cast<const linebreak::KnuthPlassBreaker*>(&context.body_breaker);
  linebreak::KnuthPlassParams params = kp ? kp->params() : linebreak::KnuthPlassParams{};
  params.looseness = looseness;
  const linebreak::KnuthPlassBreaker loose_breaker(params);
  const linebreak::LineBreaker& breaker =
      looseness != 0 ? static_cast<const linebreak::LineBreaker&>(loose_breaker)
                     : context.body_breaker;
  return breaker.break_lines(prepared.items.list, widths);
}

/// What paragraph `cursor.paragraph` (the contact line past the body) is set as, before it is
/// broken: its text, style, role and indent.
struct ParagraphSetup {
  int index = 0;
  std::string text;
  const lt::TextStyle* style = nullptr;
  LineRole role = LineRole::Body;
  bool subhead = false;
  bool continuing = false;  ///< the rest of a paragraph a jump split
  bool indent = false;
  int looseness = 0;
  paragraph::ParagraphStyle ps;
  const text::Hyphenator* hyphenator = nullptr;  ///< the paragraph's language's
};

ParagraphSetup setup_paragraph(const ComposeContext& context, const lt::PageTemplate& tpl,
                               const lt::Slot& slot, const story::Story& story,
                               const StoryOptions& options, BodyCursor& cursor) {
  ParagraphSetup s;
  const int p = s.index = cursor.paragraph;
  const bool is_contact = p == static_cast<int>(story.body.size());
  const story::Paragraph& source = is_contact ? *story.contact : story.body[std::size_t(p)];
  s.continuing = cursor.offset > 0;
  s.subhead = !is_contact && !s.continuing && source.kind == story::ParagraphKind::Subhead &&
              tpl.styles.count(slot.subhead_style) > 0;
  s.style = &tpl.style(is_contact  ? slot.contact_style
                       : s.subhead ? slot.subhead_style
                                   : slot.body_style);
  // Offsets (a jump's remainder, a drop cap's letter) count in the text as styled.
  // The paragraph's own language, else its style's, else the story's.
  const std::string& language = !source.language.empty()     ? source.language
                                : !s.style->language.empty() ? s.style->language
                                                             : story.language;
  const std::string styled = styled_text(*s.style, source.text, language);
  s.text = s.continuing ? styled.substr(std::min(cursor.offset, styled.size())) : styled;
  s.role = is_contact ? LineRole::Contact : s.subhead ? LineRole::Subhead : LineRole::Body;
  // No indent on a story's first paragraph, after a subhead, or on a continued remainder; the
  // opening's room (a run-in dateline) on the story's first line.
  const bool opening = cursor.line == 0 && cursor.opening_indent > 0;
  s.indent =
      opening || (s.role == LineRole::Body && p > 0 && !cursor.after_subhead && !s.continuing);
  cursor.after_subhead = s.subhead;
  s.ps = story_text_style(context, *s.style);
  if (opening) s.ps.indent = cursor.opening_indent;
  if (s.role == LineRole::Body) s.ps.tracking += options.tracking;
  paragraph::set_text_attributes(language, source.spans, s.continuing ? cursor.offset : 0, s.ps);
  s.hyphenator = context.hyphenator && context.hyphenators
                     ? context.hyphenators->for_language(language)
                     : context.hyphenator;
  if (!language.empty())
    s.ps.hyphenation = text::HyphenatorSet::rules_for(language, s.ps.hyphenation);
  s.looseness = std::size_t(p) < options.looseness.size() ? options.looseness[std::size_t(p)] : 0;
  return s;
}

/// The paragraph shaped and itemised: from the context's cache when it has one, else in
/// `uncached`.
const paragraph::PreparedParagraph& prepare(const ComposeContext& context, const ParagraphSetup& s,
                                            paragraph::PreparedParagraph& uncached) {
  if (context.cache) return context.cache->get(context.fonts, s.hyphenator, s.text, s.ps, s.indent);
  uncached = paragraph::prepare_paragraph(context.fonts, s.hyphenator, s.text, s.ps, s.indent);
  return uncached;
}

/// Sets paragraph `cursor.paragraph` (the contact line past the body) and appends its lines.
void set_paragraph(const ComposeContext& context, const lt::PageTemplate& tpl, const lt::Slot& slot,
                   const story::Story& story, const LineWidthFn& widths,
                   const StoryOptions& options, BodyCursor& cursor, BodySetting& out) {
  const ParagraphSetup s = setup_paragraph(context, tpl, slot, story, options, cursor);
  paragraph::PreparedParagraph uncached;
  const paragraph::PreparedParagraph& prepared = prepare(context, s, uncached);
  const linebreak::BreakResult breaks = break_with_looseness(
      context, prepared, widths_from(widths, cursor.line, prepared.items.list.size()), s.looseness);
  std::vector<paragraph::SetLine> lines =
      paragraph::set_lines(context.fonts, prepared.shaped, prepared.items, breaks.lines);
  const int count = static_cast<int>(lines.size());
  for (int i = 0; i < count; ++i) {
    paragraph::SetLine& line = lines[std::size_t(i)];
    if (line.overfull)
      out.warnings.push_back({"overfull-line", story.file + ": overfull line in slot '" +
                                                   slot.name + "': \"" + line.text + "\""});
    if (s.continuing) line.source_begin += cursor.offset;
    if (i == 0) carry_text_into_first_cluster(std::exchange(cursor.drop_cap_text, {}), line);
    const int n = cursor.line + i;  // the line's index in the flow
    const double indent = (n < cursor.drop_lines ? cursor.drop_indent : 0) +
                          (n < cursor.inset_lines ? cursor.inset_indent : 0);
    out.lines.push_back({std::move(line), s.style, s.role, s.index, i, count, s.subhead, indent});
  }
  cursor.line += count;
  cursor.offset = 0;
}

/// The lines paragraph `cursor.paragraph` breaks into, appended as flow lines (counted, never
/// set) at `measure`; the count is remembered in `memo` by paragraph, looseness, letter spacing
/// and measure.
void count_paragraph(const ComposeContext& context, const lt::PageTemplate& tpl,
                     const lt::Slot& slot, const story::Story& story, double measure,
                     const LineWidthFn& widths, const StoryOptions& options, BodyCursor& cursor,
                     TrialBreaks& memo, std::vector<FlowLine>& flow) {
  const ParagraphSetup s = setup_paragraph(context, tpl, slot, story, options, cursor);
  TrialBreaks::Key key{s.index,       cursor.offset, s.looseness,
                       s.ps.tracking, measure,       cursor.start_beside_opening()};
  auto [at, inserted] = memo.lines.try_emplace(std::move(key), 0);
  if (inserted) {
    paragraph::PreparedParagraph uncached;
    const paragraph::PreparedParagraph& prepared = prepare(context, s, uncached);
    at->second = static_cast<int>(
        break_with_looseness(context, prepared,
                             widths_from(widths, cursor.line, prepared.items.list.size()),
                             s.looseness)
            .lines.size());
  }
  const int count = at->second;
  for (int i = 0; i < count; ++i) flow.push_back({s.index, i, count, s.subhead});
  cursor.line += count;
  cursor.offset = 0;
}

/// The story's insets that follow paragraph `cursor.paragraph` (pull quotes and fact boxes, in
/// reading order), as rows of the flow at the measure of the line they start on.
void add_insets(const ComposeContext& context, const lt::PageTemplate& tpl,
                const story::Story& story, const LineWidthFn& widths, BodyCursor& cursor,
                BodySetting& out) {
  struct Inset {
    int source_line = 0;
    int index = 0;
    bool fact_box = false;
  };
  std::vector<Inset> here;
  const auto follows = [&](int after) { return std::max(after, 1) == cursor.paragraph + 1; };
  for (std::size_t q = 0; q < story.pull_quotes.size(); ++q)
    if (follows(story.pull_quotes[q].after_paragraph))
      here.push_back({story.pull_quotes[q].source_line, static_cast<int>(q), false});
  const int at_head = head_fact_box(story);  // set at the head of the columns, not here
  for (std::size_t b = 0; b < story.fact_boxes.size(); ++b)
    if (static_cast<int>(b) != at_head && follows(story.fact_boxes[b].after_paragraph))
      here.push_back({story.fact_boxes[b].source_line, static_cast<int>(b), true});
  std::stable_sort(here.begin(), here.end(),
                   [](const Inset& a, const Inset& b) { return a.source_line < b.source_line; });
  for (const Inset& inset : here) {
    const double measure = widths(cursor.line);
    std::vector<BodyLine> rows =
        inset.fact_box ? fact_box_rows(context, tpl, story.fact_boxes[std::size_t(inset.index)],
                                       inset.index, measure)
                       : pull_quote_rows(context, tpl, story.pull_quotes[std::size_t(inset.index)],
                                         inset.index, measure);
    cursor.line += static_cast<int>(rows.size());
    std::move(rows.begin(), rows.end(), std::back_inserter(out.lines));
  }
}

/// A continuation's leading inset rows (a pull quote or fact box the jump moved over whole), set
/// again at this module's measure. Returns how many of `lines` they were.
std::size_t reset_leading_insets(const ComposeContext& context, const lt::PageTemplate& tpl,
                                 const story::Story& story, const std::vector<BodyLine>& lines,
                                 const LineWidthFn& widths, BodyCursor& cursor, BodySetting& out) {
  std::size_t lead = 0;
  for (; lead < lines.size() && lines[lead].paragraph >= kPullQuoteParagraph; ++lead) {
    const int paragraph = lines[lead].paragraph;
    if (lines[lead].line_in_paragraph != 0) continue;  // one inset: set from its first row
    const bool fact_box = paragraph >= kFactBoxParagraph;
    const int index = paragraph - (fact_box ? kFactBoxParagraph : kPullQuoteParagraph);
    std::vector<BodyLine> rows =
        fact_box ? fact_box_rows(context, tpl, story.fact_boxes.at(std::size_t(index)), index,
                                 widths(cursor.line))
                 : pull_quote_rows(context, tpl, story.pull_quotes.at(std::size_t(index)), index,
                                   widths(cursor.line));
    cursor.line += static_cast<int>(rows.size());
    std::move(rows.begin(), rows.end(), std::back_inserter(out.lines));
  }
  return lead;
}

/// Text never disappears silently: pull quotes and fact boxes a template has no style for are
/// not set, and the report says so.
void warn_unset_insets(const lt::PageTemplate& tpl, const story::Story& story, Warnings& out) {
  const auto warn = [&](std::size_t count, const char* what, const char* style) {
    if (count == 0 || tpl.styles.count(style)) return;
    out.push_back({"inset-not-set", story.file + ": " + std::to_string(count) + " " + what +
                                        " not set: template '" + tpl.name + "' has no '" + style +
                                        "' style"});
  };
  warn(story.pull_quotes.size(), story.pull_quotes.size() == 1 ? "pull quote" : "pull quotes",
       "pull_quote");
  warn(story.fact_boxes.size(), story.fact_boxes.size() == 1 ? "fact box" : "fact boxes",
       "fact_box");
}

/// The contact line stays with the last body line.
void keep_contact_with_body(std::vector<BodyLine>& body) {
  for (std::size_t i = body.size(); i-- > 1;)
    if (body[i].role == LineRole::Contact && body[i - 1].role != LineRole::Contact) {
      body[i - 1].keep_with_next = true;
      return;
    }
}

}  // namespace

BodySetting set_body(const ComposeContext& context, const lt::PageTemplate& tpl,
                     const lt::Slot& slot, const StoryWork& work, const LineWidthFn& widths,
                     const StoryOptions& options, const BodyOpening& opening) {
  const story::Story& story = *work.story;
  BodyCursor cursor;
  BodySetting out;
  if (!work.is_continuation()) {
    cursor.open_with(opening);
    warn_unset_insets(tpl, story, out.warnings);
  } else {
    if (work.lines.empty()) return {};
    // The lines are re-used when their measure is this module's (the first body line's: an
    // inset's rows are set inside it).
    const auto body_line =
        std::find_if(work.lines.begin(), work.lines.end(),
                     [](const BodyLine& l) { return l.paragraph < kPullQuoteParagraph; });
    if (body_line != work.lines.end() && std::abs(body_line->line.measure - widths(0)) < 0.01)
      return {work.lines, {}};
    const std::size_t lead =
        reset_leading_insets(context, tpl, story, work.lines, widths, cursor, out);
    if (lead == work.lines.size()) return out;
    cursor.paragraph = work.lines[lead].paragraph;
    cursor.offset = work.lines[lead].line.source_begin;
  }
  const int contact_index = static_cast<int>(story.body.size());
  for (; cursor.paragraph <= contact_index; ++cursor.paragraph) {
    if (cursor.paragraph == contact_index && !story.contact) break;
    set_paragraph(context, tpl, slot, story, widths, options, cursor, out);
    add_insets(context, tpl, story, widths, cursor, out);
  }
  if (story.contact) keep_contact_with_body(out.lines);
  return out;
}

void keep_beside_inset(std::vector<FlowLine>& flow, int lines) {
  const std::size_t end = std::min(flow.size(), static_cast<std::size_t>(std::max(lines, 1)));
  for (std::size_t i = 0; i + 1 < end; ++i) flow[i].keep_with_next = true;
}

std::vector<FlowLine> count_body(const ComposeContext& context, const lt::PageTemplate& tpl,
                                 const lt::Slot& slot, const story::Story& story, double measure,
                                 const BodyOpening& opening, const StoryOptions& options,
                                 TrialBreaks& memo) {
  std::vector<FlowLine> flow;
  BodyCursor cursor;
  cursor.open_with(opening);
  const LineWidthFn widths = opening_widths(opening, measure);
  const int contact_index = static_cast<int>(story.body.size());
  for (; cursor.paragraph <= contact_index; ++cursor.paragraph) {
    if (cursor.paragraph == contact_index && !story.contact) break;
    count_paragraph(context, tpl, slot, story, measure, widths, options, cursor, memo, flow);
    BodySetting insets;  // a trial counts an inset's rows as compose_module sets them
    add_insets(context, tpl, story, widths, cursor, insets);
    for (const BodyLine& row : insets.lines)
      flow.push_back(
          {row.paragraph, row.line_in_paragraph, row.paragraph_lines, row.keep_with_next});
  }
  // The contact line stays with the last body line (as keep_contact_with_body does).
  if (story.contact && flow.size() > 1)
    for (std::size_t i = flow.size(); i-- > 1;)
      if (flow[i].paragraph == contact_index && flow[i - 1].paragraph != contact_index) {
        flow[i - 1].keep_with_next = true;
        break;
      }
  keep_beside_inset(flow, opening.inset_lines);
  return flow;
}

}  // namespace broadsheet::compose
