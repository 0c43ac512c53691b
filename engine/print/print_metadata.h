#pragma once
// The print PDF's document information from the page's template and stories.

#include <optional>
#include <vector>

#include "print/print_pdf.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::print {

/// What identifies the page: its edition and place in it.
struct PageSlug {
  std::optional<story::Date> date;  ///< the edition's date
  std::optional<int> page;          ///< the page number
};

/// Title "China Daily, BUSINESS, page 21, 2015-12-17" (publication from the first story's
/// source line, section from the folio's flag: the folio item on a colour block), Author the
/// addresses in the stories' contact lines, Subject the section. Date and creator are left for
/// the caller.
PdfInfo describe_page(const layout_template::PageTemplate& page_template,
                      const std::vector<const story::Story*>& stories, const PageSlug& slug);

}  // namespace broadsheet::print
