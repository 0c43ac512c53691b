#include "diff/layout_diff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/bounded_read.h"
#include "core/diagnostics.h"
#include "core/limits.h"

namespace broadsheet::diff {

namespace {

using nlohmann::json;

constexpr const char* kFormat = "broadsheet-layout/1";

/// The 1-based line and column of a 1-based byte offset (nlohmann's parse_error::byte).
SourceLocation location_of_byte(const std::string& text, std::size_t byte,
                                const std::string& file) {
  if (byte == 0) return {file, 0, 0};
  const std::size_t end = std::min(byte - 1, text.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {file, line, static_cast<int>(end - line_start) + 1};
}

/// nlohmann's message without its "[json.exception...] parse error at line 1, column 2: " head.
std::string short_parse_message(const std::string& what) {
  const std::size_t head = what.find("parse error");
  const std::size_t colon = head == std::string::npos ? head : what.find(": ", head);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

/// A short description of a value for messages: its type for arrays and objects (dumping a
/// deeply nested value recurses once per level and can overflow the stack), else its text cut
/// to a few dozen characters.
std::string describe_value(const json& v) {
  if (v.is_array()) return "an array";
  if (v.is_object()) return "an object";
  std::string text = v.dump();
  constexpr std::size_t kMaxEcho = 40;
  if (text.size() > kMaxEcho) text = text.substr(0, kMaxEcho) + "...";
  return text;
}

/// Reads typed fields, naming the record and key in errors ("lines[3].text: expected a string").
class FieldReader {
 public:
  explicit FieldReader(const std::string& file) : file_(file) {}

  const json& member(const json& object, const char* key, const std::string& where) const {
    const auto it = object.find(key);
    if (it == object.end()) fail(where + "." + key, "missing");
    return *it;
  }
  double number(const json& object, const char* key, const std::string& where) const {
    const json& v = member(object, key, where);
    if (!v.is_number()) fail(where + "." + key, "expected a number, got " + describe_value(v));
    return v.get<double>();
  }
  double optional_number(const json& object, const char* key, const std::string& where,
                         double absent) const {
    return object.contains(key) ? number(object, key, where) : absent;
  }
  bool boolean(const json& object, const char* key, const std::string& where) const {
    const json& v = member(object, key, where);
    if (!v.is_boolean())
      fail(where + "." + key, "expected true or false, got " + describe_value(v));
    return v.get<bool>();
  }
  int integer(const json& object, const char* key, const std::string& where) const {
    const json& v = member(object, key, where);
    if (!v.is_number_integer())
      fail(where + "." + key, "expected an integer, got " + describe_value(v));
    return v.get<int>();
  }
  std::string string(const json& object, const char* key, const std::string& where) const {
    const json& v = member(object, key, where);
    if (!v.is_string()) fail(where + "." + key, "expected a string, got " + describe_value(v));
    return v.get<std::string>();
  }
  const json& array(const json& object, const char* key, const std::string& where) const {
    const json& v = member(object, key, where);
    if (!v.is_array()) fail(where + "." + key, "expected an array");
    return v;
  }
  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw InputError({file_, 0, 0}, "not a valid layout dump: " + path + ": " + what);
  }

 private:
  std::string file_;
};

std::string indexed(const char* name, std::size_t i) {
  std::string s = name;
  s += '[';
  s += std::to_string(i);
  s += ']';
  return s;
}

std::string format_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string format_counts(const std::vector<int>& counts) {
  std::string s = "[";
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(counts[i]);
  }
  return s + "]";
}

bool differs(double a, double b, double tolerance = kMoveTolerance) {
  // Rounded values 0.01 apart can print as 0.0100000001: allow for the float noise.
  return std::abs(a - b) > tolerance + 1e-9;
}

bool moved(const DumpLine& a, const DumpLine& b) {
  return differs(a.left, b.left) || differs(a.baseline, b.baseline);
}

bool respaced(const DumpLine& a, const DumpLine& b) {
  return differs(a.width, b.width) || differs(a.ratio, b.ratio, kRatioTolerance) ||
         a.hyphenated != b.hyphenated ||
         differs(a.glyph_scale, b.glyph_scale, kGlyphScaleTolerance);
}

std::string format_scale(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", v);
  return buffer;
}

/// "baseline 294.04 → 305.04, ratio 0.41 → 0.55": each field of `fields` that differs.
struct LineField {
  const char* name;
  std::string before, after;
  bool differs;
};

std::string join_fields(const std::vector<LineField>& fields) {
  std::string s;
  for (const LineField& f : fields) {
    if (!f.differs) continue;
    if (!s.empty()) s += ", ";
    s += std::string(f.name) + " " + f.before + " \u2192 " + f.after;
  }
  return s;
}

std::string position_changes(const DumpLine& a, const DumpLine& b) {
  return join_fields(
      {{"baseline", format_number(a.baseline), format_number(b.baseline),
        differs(a.baseline, b.baseline)},
       {"left", format_number(a.left), format_number(b.left), differs(a.left, b.left)}});
}

std::string spacing_changes(const DumpLine& a, const DumpLine& b) {
  const auto yes_no = [](bool v) { return std::string(v ? "yes" : "no"); };
  return join_fields(
      {{"width", format_number(a.width), format_number(b.width), differs(a.width, b.width)},
       {"ratio", format_number(a.ratio), format_number(b.ratio),
        differs(a.ratio, b.ratio, kRatioTolerance)},
       {"hyphen", yes_no(a.hyphenated), yes_no(b.hyphenated), a.hyphenated != b.hyphenated},
       {"glyph scale", format_scale(a.glyph_scale), format_scale(b.glyph_scale),
        differs(a.glyph_scale, b.glyph_scale, kGlyphScaleTolerance)}});
}

/// What matches a line across dumps. Folio lines all have paragraph -1 and line 0, so their style
/// tells them apart; `occurrence` numbers any records that still share a key.
using LineKey = std::tuple<int, std::string, std::string, int, int, std::string, int>;

std::map<LineKey, std::size_t> index_lines(const std::vector<DumpLine>& lines) {
  std::map<LineKey, std::size_t> index;
  std::map<LineKey, int> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const DumpLine& l = lines[i];
    LineKey key{l.page, l.slot, l.role, l.paragraph, l.line, l.role == "folio" ? l.style : "", 0};
    std::get<6>(key) = seen[key]++;
    index.emplace(key, i);
  }
  return index;
}

int role_rank(const std::string& role) {
  // Subheads sit among body paragraphs (ordered by paragraph number); jump lines come last.
  if (role == "subhead") return 3;
  static const char* const order[] = {"folio", "headline", "deck", "body", "contact", "jump"};
  const auto it = std::find(std::begin(order), std::end(order), role);
  return static_cast<int>(it - std::begin(order));
}

std::string line_label(const DumpLine& l) {
  std::string s;
  if (l.page > 1) {
    s += "page ";
    s += std::to_string(l.page);
    s += ' ';
  }
  if (l.role == "folio") return s + "folio \"" + l.text + "\"";
  s += l.slot.empty() ? std::string("(no slot)") : l.slot;
  if (l.role == "body") {
    s += " \u00b6";
    s += std::to_string(l.paragraph + 1);
  } else {
    s += ' ';
    s += l.role;
  }
  s += " line ";
  s += std::to_string(l.line + 1);
  return s;
}

DumpSlot read_slot_record(const FieldReader& read, const json& s, const std::string& where) {
  DumpSlot slot;
  slot.page = read.integer(s, "page", where);
  slot.name = read.string(s, "slot", where);
  slot.depth = read.number(s, "depth", where);
  slot.headline_size = read.number(s, "headline_size", where);
  for (const json& n : read.array(s, "lines_per_column", where)) {
    if (!n.is_number_integer()) read.fail(where + ".lines_per_column", "expected integers");
    slot.lines_per_column.push_back(n.get<int>());
  }
  slot.overset_lines = read.integer(s, "overset_lines", where);
  return slot;
}

DumpLine read_line_record(const FieldReader& read, const json& l, const std::string& where) {
  DumpLine line;
  line.page = read.integer(l, "page", where);
  line.slot = read.string(l, "slot", where);
  line.role = read.string(l, "role", where);
  line.style = read.string(l, "style", where);
  line.paragraph = read.integer(l, "paragraph", where);
  line.line = read.integer(l, "line", where);
  line.column = read.integer(l, "column", where);
  line.text = read.string(l, "text", where);
  line.left = read.number(l, "left", where);
  line.baseline = read.number(l, "baseline", where);
  line.width = read.number(l, "width", where);
  line.ratio = read.number(l, "ratio", where);
  line.hyphenated = read.boolean(l, "hyphenated", where);
  line.glyph_scale = read.optional_number(l, "glyph_scale", where, 1.0);
  return line;
}

}  // namespace

LayoutDump parse_layout_dump(const std::string& json_text, const std::string& file) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    throw InputError(location_of_byte(json_text, e.byte, file),
                     "not valid JSON: " + short_parse_message(e.what()));
  } catch (const json::out_of_range&) {  // 406: a number beyond a double (found by fuzzing)
    throw InputError({file, 0, 0}, "not valid JSON: a number beyond the range of a double");
  }
  if (!doc.is_object() || !doc.contains("format"))
    throw InputError({file, 0, 0},
                     std::string("not a layout dump (no \"format\": \"") + kFormat + "\")");
  if (doc["format"] != kFormat)
    throw InputError({file, 0, 0}, "unsupported layout dump format " +
                                       describe_value(doc["format"]) + " (expected \"" + kFormat +
                                       "\")");
  const FieldReader read(file);
  LayoutDump dump;
  dump.file = file;
  const json& pages = read.array(doc, "pages", "");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string where = indexed("pages", i);
    dump.pages.push_back({read.integer(pages[i], "page", where),
                          read.number(pages[i], "width", where),
                          read.number(pages[i], "height", where)});
  }
  const json& slots = read.array(doc, "slots", "");
  for (std::size_t i = 0; i < slots.size(); ++i) {
    dump.slots.push_back(read_slot_record(read, slots[i], indexed("slots", i)));
  }
  const json& lines = read.array(doc, "lines", "");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    dump.lines.push_back(read_line_record(read, lines[i], indexed("lines", i)));
  }
  return dump;
}

LayoutDump read_layout_dump(const std::string& path) {
  return parse_layout_dump(read_bounded_file(path, limits::kLayoutDumpBytes, "layout dump"), path);
}

namespace {

void diff_pages(const LayoutDump& before, const LayoutDump& after, LayoutDiff& result) {
  if (before.pages.size() != after.pages.size())
    result.slots.push_back(
        {1, "", "pages", std::to_string(before.pages.size()), std::to_string(after.pages.size())});
  for (std::size_t i = 0; i < std::min(before.pages.size(), after.pages.size()); ++i) {
    const DumpPage& a = before.pages[i];
    const DumpPage& b = after.pages[i];
    if (differs(a.width, b.width) || differs(a.height, b.height))
      result.slots.push_back({b.page, "", "page size",
                              format_number(a.width) + " \u00d7 " + format_number(a.height),
                              format_number(b.width) + " \u00d7 " + format_number(b.height)});
  }
}

const DumpSlot* find_slot(const LayoutDump& dump, const DumpSlot& like) {
  for (const DumpSlot& s : dump.slots)
    if (s.page == like.page && s.name == like.name) return &s;
  return nullptr;
}

void diff_slot(const DumpSlot& a, const DumpSlot& b, LayoutDiff& result) {
  if (differs(a.depth, b.depth))
    result.slots.push_back(
        {b.page, b.name, "depth", format_number(a.depth), format_number(b.depth)});
  if (a.lines_per_column != b.lines_per_column)
    result.slots.push_back({b.page, b.name, "lines_per_column", format_counts(a.lines_per_column),
                            format_counts(b.lines_per_column)});
  if (differs(a.headline_size, b.headline_size))
    result.slots.push_back({b.page, b.name, "headline_size", format_number(a.headline_size),
                            format_number(b.headline_size)});
  if (a.overset_lines != b.overset_lines)
    result.slots.push_back({b.page, b.name, "overset_lines", std::to_string(a.overset_lines),
                            std::to_string(b.overset_lines)});
}

// Slots, in the new dump's order, then those only in the old one.
void diff_slots(const LayoutDump& before, const LayoutDump& after, LayoutDiff& result) {
  for (const DumpSlot& b : after.slots) {
    if (const DumpSlot* a = find_slot(before, b)) {
      diff_slot(*a, b, result);
    } else {
      result.slots.push_back({b.page, b.name, "slot", "", "present"});
    }
  }
  for (const DumpSlot& a : before.slots)
    if (!find_slot(after, a)) result.slots.push_back({a.page, a.name, "slot", "present", ""});
}

// Lines matched by key; the changes in no particular order.
void diff_lines(const LayoutDump& before, const LayoutDump& after, LayoutDiff& result) {
  const auto old_index = index_lines(before.lines);
  const auto new_index = index_lines(after.lines);
  for (const auto& [key, i] : new_index) {
    const DumpLine& b = after.lines[i];
    const auto match = old_index.find(key);
    if (match == old_index.end()) {
      result.lines.push_back({LineChangeKind::Appeared, std::nullopt, b});
      continue;
    }
    const DumpLine& a = before.lines[match->second];
    if (a.text != b.text)
      result.lines.push_back({LineChangeKind::Rebroken, a, b});
    else if (moved(a, b))
      result.lines.push_back({LineChangeKind::Moved, a, b});
    else if (respaced(a, b))
      result.lines.push_back({LineChangeKind::Respaced, a, b});
  }
  for (const auto& [key, i] : old_index)
    if (!new_index.contains(key))
      result.lines.push_back({LineChangeKind::Disappeared, before.lines[i], std::nullopt});
}

// Reading order: slots rank by their order in the new dump (then the old); folio lines (no
// slot) first.
void sort_line_changes(const LayoutDump& before, const LayoutDump& after,
                       std::vector<LineChange>& changes) {
  const auto slot_rank = [&](const std::string& name) {
    if (name.empty()) return -1;
    int rank = 0;
    for (const auto* dump : {&after, &before})
      for (const DumpSlot& s : dump->slots) {
        if (s.name == name) return rank;
        ++rank;
      }
    return rank;
  };
  const auto sort_key = [&](const LineChange& c) {
    const DumpLine& l = c.after ? *c.after : *c.before;
    return std::tuple(l.page, slot_rank(l.slot), role_rank(l.role), l.paragraph, l.line,
                      c.after ? 0 : 1);
  };
  std::stable_sort(changes.begin(), changes.end(), [&](const LineChange& x, const LineChange& y) {
    return sort_key(x) < sort_key(y);
  });
}

}  // namespace

LayoutDiff diff_layouts(const LayoutDump& before, const LayoutDump& after) {
  LayoutDiff result;
  diff_pages(before, after, result);
  diff_slots(before, after, result);
  diff_lines(before, after, result);
  sort_line_changes(before, after, result.lines);
  return result;
}

std::string describe(const LineChange& change) {
  const DumpLine& line = change.after ? *change.after : *change.before;
  const bool folio = line.role == "folio";
  switch (change.kind) {
    case LineChangeKind::Rebroken: {
      const std::string head = folio ? std::string("folio") : line_label(*change.before) + ":";
      return head + " \"" + change.before->text + "\" \u2192 \"" + change.after->text + "\"";
    }
    case LineChangeKind::Moved: {
      const std::string spacing = spacing_changes(*change.before, *change.after);
      return line_label(line) + " moved: " + position_changes(*change.before, *change.after) +
             (spacing.empty() ? "" : ", " + spacing);
    }
    case LineChangeKind::Respaced:
      return line_label(line) + ": " + spacing_changes(*change.before, *change.after);
    case LineChangeKind::Appeared:
      return folio ? line_label(line) + " appeared"
                   : line_label(line) + " appeared: \"" + line.text + "\"";
    case LineChangeKind::Disappeared:
      return folio ? line_label(line) + " disappeared"
                   : line_label(line) + " disappeared: \"" + line.text + "\"";
  }
  return line_label(line);
}

std::string describe(const SlotChange& change) {
  std::string s;
  if (change.page > 1 || change.slot.empty()) {
    s += "page ";
    s += std::to_string(change.page);
    s += change.slot.empty() ? ": " : " ";
  }
  if (change.field == "pages") return "pages: " + change.before + " \u2192 " + change.after;
  if (change.field == "slot")
    return s + "slot " + change.slot + (change.after.empty() ? " disappeared" : " appeared");
  if (!change.slot.empty()) s += change.slot + ": ";
  return s + change.field + " " + change.before + " \u2192 " + change.after;
}

}  // namespace broadsheet::diff
