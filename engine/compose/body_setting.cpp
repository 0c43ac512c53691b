#include "compose/body_setting.h"

#include <algorithm>
#include <cmath>

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

/// The body breaker, or a Knuth-Plass breaker with the copyfit's looseness for this paragraph.
std::vector<paragraph::SetLine> break_with_looseness(const ComposeContext& context,
                                                     const paragraph::PreparedParagraph& prepared,
                                                     const linebreak::LineWidths& widths,
                                                     int looseness) {
  const auto* kp = dynamic_cast<const linebreak::KnuthPlassBreaker*>(&context.body_breaker);
  linebreak::KnuthPlassParams params = kp ? kp->params() : linebreak::KnuthPlassParams{};
  params.looseness = looseness;
  const linebreak::KnuthPlassBreaker loose_breaker(params);
  const linebreak::LineBreaker& breaker =
      looseness != 0 ? static_cast<const linebreak::LineBreaker&>(loose_breaker)
                     : context.body_breaker;
  return paragraph::break_paragraph(context.fonts, prepared, breaker, widths).lines;
}

/// Sets paragraph `cursor.paragraph` (the contact line past the body) and appends its lines.
void set_paragraph(const ComposeContext& context, const lt::PageTemplate& tpl, const lt::Slot& slot,
                   const story::Story& story, const LineWidthFn& widths,
                   const StoryOptions& options, BodyCursor& cursor, BodySetting& out) {
  const int p = cursor.paragraph;
  const bool is_contact = p == static_cast<int>(story.body.size());
  const story::Paragraph& source = is_contact ? *story.contact : story.body[std::size_t(p)];
  const bool continuing = cursor.offset > 0;
  const std::string text = continuing ? source.text.substr(cursor.offset) : source.text;
  const bool subhead = !is_contact && !continuing && source.kind == story::ParagraphKind::Subhead &&
                       tpl.styles.count(slot.subhead_style) > 0;
  const lt::TextStyle& style = tpl.style(is_contact ? slot.contact_style
                                         : subhead  ? slot.subhead_style
                                                    : slot.body_style);
  const LineRole role = is_contact ? LineRole::Contact
                        : subhead  ? LineRole::Subhead
                                   : LineRole::Body;
  // No indent on a story's first paragraph, after a subhead, or on a continued remainder.
  const bool indent = role == LineRole::Body && p > 0 && !cursor.after_subhead && !continuing;
  cursor.after_subhead = subhead;
  paragraph::ParagraphStyle ps = paragraph::paragraph_style(context.fonts, style);
  if (role == LineRole::Body) ps.tracking += options.tracking;
  const std::string& language = source.language.empty() ? story.language : source.language;
  paragraph::set_text_attributes(language, source.spans, continuing ? cursor.offset : 0, ps);
  const text::Hyphenator* hyphenator = context.hyphenator && context.hyphenators
                                           ? context.hyphenators->for_language(language)
                                           : context.hyphenator;
  if (!language.empty()) ps.hyphenation = text::HyphenatorSet::rules_for(language, ps.hyphenation);
  paragraph::PreparedParagraph uncached;
  if (!context.cache)
    uncached = paragraph::prepare_paragraph(context.fonts, hyphenator, text, ps, indent);
  const paragraph::PreparedParagraph& prepared =
      context.cache ? context.cache->get(context.fonts, hyphenator, text, ps, indent) : uncached;
  const int looseness =
      std::size_t(p) < options.looseness.size() ? options.looseness[std::size_t(p)] : 0;
  std::vector<paragraph::SetLine> lines = break_with_looseness(
      context, prepared, widths_from(widths, cursor.line, prepared.items.list.size()), looseness);
  const int count = static_cast<int>(lines.size());
  for (int i = 0; i < count; ++i) {
    paragraph::SetLine& line = lines[std::size_t(i)];
    if (line.overfull)
      out.warnings.push_back({"overfull-line", story.file + ": overfull line in slot '" +
                                                   slot.name + "': \"" + line.text + "\""});
    if (continuing) line.source_begin += cursor.offset;
    out.lines.push_back({std::move(line), &style, role, p, i, count, subhead});
  }
  cursor.line += count;
  cursor.offset = 0;
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
                     const StoryOptions& options) {
  const story::Story& story = *work.story;
  BodyCursor cursor;
  if (work.is_continuation()) {
    if (work.lines.empty()) return {};
    const BodyLine& first = work.lines.front();
    if (std::abs(first.line.measure - widths(0)) < 0.01) return {work.lines, {}};
    cursor.paragraph = first.paragraph;
    cursor.offset = first.line.source_begin;
  }
  BodySetting out;
  const int contact_index = static_cast<int>(story.body.size());
  for (; cursor.paragraph <= contact_index; ++cursor.paragraph) {
    if (cursor.paragraph == contact_index && !story.contact) break;
    set_paragraph(context, tpl, slot, story, widths, options, cursor, out);
  }
  if (story.contact) keep_contact_with_body(out.lines);
  return out;
}

}  // namespace broadsheet::compose
