#pragma once
// Pieces shared by the JSON outputs (layout dump, report): rounding, the slot record, and
// writing a text file atomically.

#include <nlohmann/json.hpp>
#include <string>

#include "compose/page_layout.h"

namespace broadsheet::render {

/// Rounded to 0.01 (pt), never "-0".
double round2(double value);

/// One slot as both the layout dump and the report show it.
nlohmann::ordered_json slot_record(const compose::SlotReport& slot);

/// Writes `text` to a temporary file beside `path`, then renames it into place; throws
/// std::runtime_error naming `what` when it cannot.
void write_text_atomically(const std::string& path, const std::string& text,
                           const std::string& what);

}  // namespace broadsheet::render
