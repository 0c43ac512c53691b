#include "render/json_records.h"

#include <cmath>

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

}  // namespace broadsheet::render
