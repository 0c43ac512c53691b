#include "compose/story_text.h"

#include <unicode/uchar.h>

#include "text/hyphenator_set.h"
#include "text/language.h"
#include "text/unicode.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

/// The direction of the first strong character of `text` (UAX #9 P2, isolates not skipped);
/// Auto when it has none.
text::BaseDirection first_strong(std::string_view text) {
  for (const text::CodePoint& c : text::decode_utf8(text)) {
    switch (u_charDirection(static_cast<UChar32>(c.value))) {
      case U_LEFT_TO_RIGHT:
        return text::BaseDirection::LeftToRight;
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC:
        return text::BaseDirection::RightToLeft;
      default:
        break;
    }
  }
  return text::BaseDirection::Auto;
}

}  // namespace

text::BaseDirection story_direction(const story::Story& story, const lt::TextStyle& body_style) {
  if (body_style.direction == lt::TextDirection::RightToLeft)
    return text::BaseDirection::RightToLeft;
  if (body_style.direction == lt::TextDirection::LeftToRight)
    return text::BaseDirection::LeftToRight;
  if (!story.language.empty())
    return text::is_right_to_left_language(story.language) ? text::BaseDirection::RightToLeft
                                                           : text::BaseDirection::LeftToRight;
  text::BaseDirection direction = first_strong(story.headline.text);
  for (std::size_t i = 0; direction == text::BaseDirection::Auto && i < story.body.size(); ++i)
    direction = first_strong(story.body[i].text);
  return direction == text::BaseDirection::RightToLeft ? direction
                                                       : text::BaseDirection::LeftToRight;
}

ComposeContext story_context(const ComposeContext& context, const lt::PageTemplate& tpl,
                             const lt::Slot& slot, const story::Story& story) {
  ComposeContext out = context;
  out.language = story.language;
  out.direction = story_direction(story, tpl.style(slot.body_style));
  return out;
}

paragraph::ParagraphStyle story_text_style(const ComposeContext& context,
                                           const lt::TextStyle& style) {
  paragraph::ParagraphStyle ps = paragraph::paragraph_style(context.fonts, style);
  ps.language = style.language.empty() ? context.language : style.language;
  // Only a right-to-left story forces its direction: a left-to-right one keeps each
  // paragraph's own (an all-Arabic quote in an English story stays right to left).
  if (style.direction == lt::TextDirection::Auto &&
      context.direction == text::BaseDirection::RightToLeft)
    ps.direction = text::BaseDirection::RightToLeft;
  if (!ps.language.empty())
    ps.hyphenation = text::HyphenatorSet::rules_for(ps.language, ps.hyphenation);
  return ps;
}

const text::Hyphenator* story_hyphenator(const ComposeContext& context) {
  if (!context.hyphenator || !context.hyphenators) return context.hyphenator;
  return context.hyphenators->for_language(context.language);
}

bool columns_fill_from_right(const ComposeContext& context, const lt::Slot& slot) {
  switch (slot.column_order) {
    case lt::ColumnOrder::RightToLeft:
      return true;
    case lt::ColumnOrder::LeftToRight:
      return false;
    case lt::ColumnOrder::Auto:
      break;
  }
  return context.direction == text::BaseDirection::RightToLeft;
}

}  // namespace broadsheet::compose
