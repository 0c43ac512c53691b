#pragma once
// Pieces shared by the JSON outputs (layout dump, report): rounding and the slot record.

#include <nlohmann/json.hpp>
#include <string>

#include "compose/page_layout.h"

namespace broadsheet::render {

/// Rounded to 0.01 (pt), never "-0".
double round2(double value);

/// One slot as both the layout dump and the report show it.
nlohmann::ordered_json slot_record(const compose::SlotReport& slot);

}  // namespace broadsheet::render
