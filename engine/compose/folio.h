#pragma once
// The folio band: section flag, publication and date, page number, and the rule under them.

#include <string>

#include "compose/composer.h"

namespace broadsheet::compose {

/// The values folio fields are filled from.
struct FolioValues {
  std::string publication;
  std::optional<story::Date> date;
  std::optional<int> page;
};

/// Fills {publication} {PUBLICATION} {weekday} {month} {day} {year} {page} in `pattern`.
/// Throws InputError (at `where`) when a field has no value or is unknown.
std::string fill_folio_fields(const std::string& pattern, const FolioValues& values,
                              const SourceLocation& where);

/// Draws the folio of `page_template` (if it has one) onto `page`.
void compose_folio(const ComposeContext& context,
                   const layout_template::PageTemplate& page_template, const FolioValues& values,
                   PageLayout& layout, DisplayPage& page);

}  // namespace broadsheet::compose
