#pragma once
// The language and direction every text of a story is set in: not only its body but its
// headline, deck, kicker, byline, dateline, captions, credits, pull quotes, contact and jump
// lines. The composer gives each story module a context carrying them (story_context); every
// block of the module takes its paragraph style from story_text_style.

#include "compose/composer.h"
#include "paragraph/shaped_paragraph.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// A story's direction: its body style's `direction` when that is "rtl" or "ltr"; else right
/// to left when its language is written so (ar, he, fa, ur, ...); else, for a story of no
/// language, that of its first strong character (headline first, then the body).
text::BaseDirection story_direction(const story::Story& story,
                                    const layout_template::TextStyle& body_style);

/// `context` for composing `story` in `slot`: the story's language and direction added.
ComposeContext story_context(const ComposeContext& context,
                             const layout_template::PageTemplate& tpl,
                             const layout_template::Slot& slot, const story::Story& story);

/// The paragraph style of `style` for a text of the story `context` composes: in the style's
/// own `language` if it has one, else the story's; right to left in a right-to-left story
/// (unless the style fixes its direction), so ragged lines hang from the right.
paragraph::ParagraphStyle story_text_style(const ComposeContext& context,
                                           const layout_template::TextStyle& style);

/// The hyphenation dictionary for the story's language (the context's default without a set).
const text::Hyphenator* story_hyphenator(const ComposeContext& context);

/// Whether the slot's columns fill from the right: its `column_order`, or for "auto" the
/// direction of the story the context composes.
bool columns_fill_from_right(const ComposeContext& context, const layout_template::Slot& slot);

}  // namespace broadsheet::compose
