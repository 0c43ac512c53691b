#pragma once
// The composition report: per slot, the story, columns, depth used, lines per column, headline
// size chosen, overset lines; and the warnings. JSON for tools, a short summary for people.

#include <string>

#include "compose/page_layout.h"

namespace broadsheet::render {

/// The report as JSON ("broadsheet-report/1").
std::string report_json(const compose::PageLayout& layout);

/// Writes the report atomically.
void write_report(const compose::PageLayout& layout, const std::string& path);

/// A few lines for stderr: one per filled slot, and the overset count if any.
std::string report_summary(const compose::PageLayout& layout);

}  // namespace broadsheet::render
