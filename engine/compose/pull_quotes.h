#pragma once
// Pull quotes as rows of a story's body flow: a quote set large in the `pull_quote` style across
// one column, a rule above and below, the body flowing around it (above and below in its column,
// on in the next). Each row is a BodyLine on the baseline grid, so column balancing, jumps and
// placement treat the quote as lines that keep together.

#include <string>
#include <vector>

#include "compose/composer.h"
#include "compose/story_work.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// The paragraph number of pull quote `index`'s rows in the flow (no body paragraph has it).
inline constexpr int kPullQuoteParagraph = 1'000'000;

/// The quote as set: between the quotation marks of `language` (BCP 47; ICU's locale data:
/// “ ” in English, « » in French, „ “ in German), unless it opens with a quotation mark of its
/// own (an apostrophe is none).
std::string pull_quote_text(const std::string& text, const std::string& language = {});

/// The rows of `quote` (pull quote `index` of its story) at `measure`: a rule row, the quote's
/// lines each on the last grid row its leading takes, the attribution in the `caption` style
/// (the body's when there is none), and a rule row. Empty when the template has no `pull_quote`
/// style.
std::vector<BodyLine> pull_quote_rows(const ComposeContext& context,
                                      const layout_template::PageTemplate& tpl,
                                      const story::PullQuote& quote, int index, double measure);

}  // namespace broadsheet::compose
