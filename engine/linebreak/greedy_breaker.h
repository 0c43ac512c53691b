#pragma once
// First-fit line breaking: each line takes as many items as fit at full shrink. Kept as the
// baseline the Knuth-Plass breaker is measured against, and as a fallback.

#include "linebreak/items.h"

namespace broadsheet::linebreak {

class GreedyBreaker final : public LineBreaker {
 public:
  BreakResult break_lines(const ItemList& items, const LineWidths& widths) const override;
};

}  // namespace broadsheet::linebreak
