#pragma once
// Reader for a slot's picture keys (file, focus, crop, scale_to_fit, caption, credit, their
// styles, and a story slot's picture_depth, picture_columns and picture_gap). Internal to
// engine/template/.

#include <string_view>

#include "template/page_template.h"
#include "template/template_values.h"

namespace broadsheet::layout_template::detail {

/// Every picture key a slot table may hold (for open_table's list of known keys).
inline constexpr std::string_view kPictureKeys[] = {
    "file",          "focus",        "crop",          "scale_to_fit",    "caption",    "credit",
    "caption_style", "credit_style", "picture_depth", "picture_columns", "picture_gap"};

/// Reads the picture keys of `table` into `slot.picture`, checking that the slot's kind takes
/// them. A relative file is taken from the template file's folder; it must exist.
void read_picture_keys(const TableView& table, const PageTemplate& page_template, Slot& slot);

}  // namespace broadsheet::layout_template::detail
