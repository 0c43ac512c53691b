#include "render/report.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/atomic_file.h"
#include "render/json_records.h"

namespace broadsheet::render {

std::string report_json(const compose::PageLayout& layout) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["format"] = "broadsheet-report/1";
  doc["pages"] = layout.display.pages.size();
  doc["overset"] = layout.overset();
  ordered_json slots = ordered_json::array();
  for (const auto& s : layout.slots) slots.push_back(slot_record(s));
  doc["slots"] = slots;
  ordered_json unfilled = ordered_json::array();
  for (const auto& u : layout.unfilled)
    unfilled.push_back({{"page", u.page + 1},
                        {"columns", {u.first_column, u.last_column}},
                        {"top_pt", std::round(u.top * 100) / 100},
                        {"height_pt", std::round((u.bottom - u.top) * 100) / 100},
                        {"above", u.above},
                        {"below", u.below}});
  doc["unfilled"] = unfilled;
  ordered_json warnings = ordered_json::array();
  for (const auto& w : layout.warnings)
    warnings.push_back({{"code", w.code}, {"message", w.message}});
  doc["warnings"] = warnings;
  return doc.dump(2) + "\n";
}

void write_report(const compose::PageLayout& layout, const std::string& path) {
  write_file_atomically(path, report_json(layout), "report");
}

std::string report_summary(const compose::PageLayout& layout) {
  std::ostringstream out;
  int overset = 0;
  for (const auto& s : layout.slots) {
    if (s.story.empty()) continue;
    int lines = 0;
    for (int n : s.lines_per_column) lines += n;
    out << "broadsheet: page " << s.page + 1 << " " << s.name << ": " << lines << " lines in "
        << s.lines_per_column.size() << " columns, " << std::lround(s.depth * 25.4 / 72)
        << " mm deep, headline " << s.headline_size << " pt";
    if (s.continued_lines > 0)
      out << ", " << s.continued_lines << " lines jump to " << s.continued_in;
    if (s.overset_lines > 0) out << ", " << s.overset_lines << " lines OVERSET";
    if (!s.fit.empty()) out << ", fit: " << s.fit;
    out << "\n";
    overset += s.overset_lines;
  }
  if (overset > 0) out << "broadsheet: " << overset << " lines overset in all\n";
  return out.str();
}

}  // namespace broadsheet::render
