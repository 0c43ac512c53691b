#include "render/json_records.h"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace broadsheet::render {

double round2(double value) {
  const double r = std::round(value * 100) / 100;
  return r == 0 ? 0.0 : r;
}

nlohmann::ordered_json slot_record(const compose::SlotReport& s) {
  nlohmann::ordered_json slot;
  slot["page"] = s.page + 1;
  slot["slot"] = s.name;
  slot["story"] = s.story;
  slot["columns"] = {s.first_column, s.last_column};
  slot["top"] = round2(s.top);
  slot["depth"] = round2(s.depth);
  slot["headline_size"] = round2(s.headline_size);
  slot["headline_lines"] = s.headline_lines;
  slot["deck_lines"] = s.deck_lines;
  slot["rows"] = s.rows;
  slot["lines_per_column"] = s.lines_per_column;
  slot["overset_lines"] = s.overset_lines;
  slot["overset_text"] = s.overset_text;
  slot["continued_in"] = s.continued_in;
  slot["continued_lines"] = s.continued_lines;
  if (!s.fit.empty()) slot["fit"] = s.fit;
  return slot;
}

void write_text_atomically(const std::string& path, const std::string& text,
                           const std::string& what) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    out << text;
    if (!out.flush()) {
      std::filesystem::remove(temp);
      throw std::runtime_error(path + ": cannot write the " + what);
    }
  }
  std::filesystem::rename(temp, path);
}

}  // namespace broadsheet::render
