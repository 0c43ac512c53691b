#pragma once
// Fact boxes as rows of a story's body flow, like pull quotes (pull_quotes.h): a boxed sidebar
// across one column, its title in the `fact_box_title` style, each item in the `fact_box` style
// with its bullet hanging in the margin (wrapped lines align with the item's text), the source
// line in `fact_box_source` (else `caption`), framed by the template's [fact_box] rule and tint.
// The body flows above it, below it and on in the next column; the box keeps together.

#include <vector>

#include "compose/composer.h"
#include "compose/story_work.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// The paragraph number of fact box `index`'s rows in the flow (above every pull quote's).
inline constexpr int kFactBoxParagraph = 2'000'000;

/// The story's first fact box across two or more columns (FactBox::columns), which is set at
/// the head of the story's columns instead of in the body flow; -1 when it has none.
int head_fact_box(const story::Story& story);

/// The rows of `box` (fact box `index` of its story) at the column's `measure`: empty rows
/// keeping the body clear of the frame above, the title, the items, the source, empty rows
/// below; the first row carries the frame. Empty when the template has no `fact_box` style.
std::vector<BodyLine> fact_box_rows(const ComposeContext& context,
                                    const layout_template::PageTemplate& tpl,
                                    const story::FactBox& box, int index, double measure);

}  // namespace broadsheet::compose
