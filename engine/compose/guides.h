#pragma once
// Preview guides: margins, columns, the baseline grid, and slot outlines with their names, drawn
// on the preview layer only (never in print PDFs).

#include "compose/composer.h"

namespace broadsheet::compose {

/// Adds the guides of `page_template` and the slots of `layout` to every page of `layout`.
void add_guides(const ComposeContext& context, const layout_template::PageTemplate& page_template,
                PageLayout& layout);

}  // namespace broadsheet::compose
