#include "render/report.h"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace broadsheet::render {

namespace {
double round2(double v) {
  const double r = std::round(v * 100) / 100;
  return r == 0 ? 0.0 : r;
}
}  // namespace

std::string report_json(const compose::PageLayout& layout) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["format"] = "broadsheet-report/1";
  doc["pages"] = layout.display.pages.size();
  doc["overset"] = layout.overset();
  ordered_json slots = ordered_json::array();
  for (const auto& s : layout.slots) {
    ordered_json slot;
    slot["page"] = s.page + 1;
    slot["slot"] = s.name;
    slot["story"] = s.story;
    slot["columns"] = {s.first_column, s.last_column};
    slot["top_pt"] = round2(s.top);
    slot["depth_pt"] = round2(s.depth);
    slot["lines_per_column"] = s.lines_per_column;
    slot["headline_size_pt"] = round2(s.headline_size);
    slot["headline_lines"] = s.headline_lines;
    slot["deck_lines"] = s.deck_lines;
    slot["overset_lines"] = s.overset_lines;
    slot["overset_text"] = s.overset_text;
    slot["continued_in"] = s.continued_in;
    slot["continued_lines"] = s.continued_lines;
    if (!s.fit.empty()) slot["fit"] = s.fit;
    slots.push_back(std::move(slot));
  }
  doc["slots"] = slots;
  ordered_json warnings = ordered_json::array();
  for (const auto& w : layout.warnings)
    warnings.push_back({{"code", w.code}, {"message", w.message}});
  doc["warnings"] = warnings;
  return doc.dump(2) + "\n";
}

void write_report(const compose::PageLayout& layout, const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    out << report_json(layout);
    if (!out.flush()) {
      std::filesystem::remove(temp);
      throw std::runtime_error(path + ": cannot write the report");
    }
  }
  std::filesystem::rename(temp, path);
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
  return out.str();
}

}  // namespace broadsheet::render
