#include "template/template_values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/limits.h"

namespace broadsheet::layout_template::detail {
namespace {

std::string quoted(std::string_view text) {
  // Built by appending: GCC 12 at -O3 gives a false -Wrestrict for "\"" + std::string (bug 105329).
  std::string result = "\"";
  result.append(limits::echo(std::string(text)));
  result += '"';
  return result;
}

SourceLocation location_of(const toml::source_region& region, const std::string& file) {
  return SourceLocation{file, static_cast<int>(region.begin.line),
                        static_cast<int>(region.begin.column)};
}

std::string describe_table(const std::string& path) {
  return path.empty() ? std::string("at the top level") : "in [" + path + "]";
}

// Edit distance, for "did you mean" hints on misspelt keys.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_key_message(std::string_view key, const std::string& table_path,
                                std::initializer_list<std::string_view> known_keys) {
  std::string message =
      "unknown key '" + limits::echo(std::string(key)) + "' " + describe_table(table_path);
  std::string_view closest;
  std::size_t closest_distance = 3;  // suggest only near misses
  for (std::string_view known : known_keys) {
    const std::size_t distance = edit_distance(key, known);
    if (distance < closest_distance) {
      closest = known;
      closest_distance = distance;
    }
  }
  if (key.size() > limits::kEchoChars) closest = {};  // no near miss for a cut key
  if (!closest.empty()) return message + " (did you mean '" + std::string(closest) + "'?)";
  message += " (known keys:";
  for (std::string_view known : known_keys) message += " " + std::string(known);
  return message + ")";
}

}  // namespace

void fail(const Field& field, const std::string& message) {
  throw InputError(field.where, field.path + ": " + message);
}

void fail_enum(const Field& field, const std::vector<std::string_view>& allowed) {
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) list += i + 1 == allowed.size() ? " or " : ", ";
    list += allowed[i];
  }
  fail(field, "expected " + list + ", got " + show_value(*field.node));
}

// --- tables -----------------------------------------------------------------------------------

TableView::TableView(const toml::table& table, std::string path, SourceLocation where,
                     std::initializer_list<std::string_view> known_keys)
    : table_(table), path_(std::move(path)), where_(std::move(where)) {
  // toml++ keeps keys sorted: report the unknown key written first.
  std::optional<std::pair<SourceLocation, std::string_view>> first_unknown;
  for (const auto& [key, node] : table_) {
    if (std::find(known_keys.begin(), known_keys.end(), key.str()) != known_keys.end()) continue;
    SourceLocation at = location_of(key.source(), where_.file);
    if (at.line == 0) at = location_of(node.source(), where_.file);
    if (!first_unknown || std::pair(at.line, at.column) <
                              std::pair(first_unknown->first.line, first_unknown->first.column)) {
      first_unknown.emplace(at, key.str());
    }
  }
  if (first_unknown) {
    throw InputError(first_unknown->first,
                     unknown_key_message(first_unknown->second, path_, known_keys));
  }
}

std::string TableView::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::optional<Field> TableView::find(std::string_view key) const {
  const auto it = table_.find(key);
  if (it == table_.end()) return std::nullopt;
  SourceLocation at = location_of(it->first.source(), where_.file);
  if (at.line == 0) at = location_of(it->second.source(), where_.file);
  return Field{&it->second, std::string(key), path_of(key), at};
}

Field TableView::require(std::string_view key, std::string_view expected) const {
  if (auto field = find(key)) return *field;
  throw InputError(
      where_, path_of(key) + ": required key missing (expected " + std::string(expected) + ")");
}

TableView root_view(const toml::table& root, const std::string& file,
                    std::initializer_list<std::string_view> known_keys) {
  return TableView(root, "", SourceLocation{file, 0, 0}, known_keys);
}

TableView open_table(const Field& field, std::initializer_list<std::string_view> known_keys) {
  const toml::table* table = field.node->as_table();
  if (!table) fail(field, "expected a table, got " + describe_type(*field.node));
  return TableView(*table, field.path, field.where, known_keys);
}

std::vector<Field> table_entries(const Field& field) {
  const toml::table* table = field.node->as_table();
  if (!table) fail(field, "expected a table, got " + describe_type(*field.node));
  std::vector<Field> entries;
  for (const auto& [key, node] : *table) {
    SourceLocation at = location_of(key.source(), field.where.file);
    if (at.line == 0) at = location_of(node.source(), field.where.file);
    entries.push_back(
        Field{&node, std::string(key.str()), field.path + "." + std::string(key.str()), at});
  }
  // toml++ keeps keys sorted; report (and keep source lines) in the order they were written.
  std::stable_sort(entries.begin(), entries.end(), [](const Field& a, const Field& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  return entries;
}

std::vector<Field> array_elements(const Field& field) {
  const toml::array* array = field.node->as_array();
  if (!array) fail(field, "expected an array, got " + describe_type(*field.node));
  std::vector<Field> elements;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = (*array)[i];
    SourceLocation at = location_of(element.source(), field.where.file);
    if (at.line == 0) at = field.where;
    elements.push_back(Field{&element, "", field.path + "[" + std::to_string(i) + "]", at});
  }
  return elements;
}

// --- messages ---------------------------------------------------------------------------------

std::string describe_type(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string show_value(const toml::node& node) {
  if (const auto* text = node.as_string()) return quoted(text->get());
  if (const auto* integer = node.as_integer()) return std::to_string(integer->get());
  if (const auto* number = node.as_floating_point()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", number->get());
    return buffer;
  }
  if (const auto* flag = node.as_boolean()) return flag->get() ? "true" : "false";
  return describe_type(node);
}

std::string format_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string format_points(double value) {
  return format_number(value) + " pt";
}

// --- scalars ----------------------------------------------------------------------------------

bool read_bool(const Field& field) {
  if (const auto* flag = field.node->as_boolean()) return flag->get();
  fail(field, "expected a boolean (true or false), got " + describe_type(*field.node));
}

std::string read_string(const Field& field) {
  if (const auto* text = field.node->as_string()) return text->get();
  fail(field, "expected a string, got " + describe_type(*field.node));
}

std::string read_name(const Field& field) {
  std::string name = read_string(field);
  if (name.empty()) fail(field, "must not be empty");
  return name;
}

int read_integer(const Field& field) {
  const auto* integer = field.node->as_integer();
  if (!integer) fail(field, "expected an integer, got " + describe_type(*field.node));
  const std::int64_t value = integer->get();
  if (value < -1'000'000 || value > 1'000'000)
    fail(field, "out of range, got " + show_value(*field.node));
  return static_cast<int>(value);
}

double read_number(const Field& field) {
  double value = 0;
  if (const auto* integer = field.node->as_integer()) {
    value = static_cast<double>(integer->get());
  } else if (const auto* number = field.node->as_floating_point()) {
    value = number->get();
  } else {
    fail(field, "expected a number, got " + describe_type(*field.node));
  }
  if (!std::isfinite(value)) fail(field, "must be a finite number, got " + show_value(*field.node));
  return value;
}

namespace {

/// Splits " 16 mm " into 16 and "mm". nullopt when the text does not start with a number.
std::optional<std::pair<double, std::string_view>> split_number_and_unit(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);  // from_chars takes no '+'
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc() || !std::isfinite(value)) return std::nullopt;
  return std::pair(value, trim(std::string_view(end, text.data() + text.size() - end)));
}

}  // namespace

std::optional<double> parse_length_text(std::string_view text, std::string* why) {
  // Points per unit: 1 in = 72 pt = 25.4 mm; 1 pc = 12 pt.
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"pt", 1.0}, {"mm", 72.0 / 25.4}, {"cm", 720.0 / 25.4}, {"in", 72.0}, {"pc", 12.0}};
  const auto parts = split_number_and_unit(text);
  if (!parts) {
    if (why) *why = "expected a length such as \"16mm\" or \"0.75pt\", got " + quoted(text);
    return std::nullopt;
  }
  const auto [value, unit] = *parts;
  if (unit.empty()) {
    if (why) *why = quoted(text) + " has no unit (use pt, mm, cm, in or pc; a plain number is pt)";
    return std::nullopt;
  }
  for (const auto& [name, points] : kUnits) {
    if (unit == name) return value * points;
  }
  if (why) {
    *why = "unknown unit '" + std::string(unit) + "' in " + quoted(text) +
           " (use pt, mm, cm, in or pc)";
  }
  return std::nullopt;
}

namespace {

/// Checked after the unit is applied: "1000...0mm" is finite as a number but not in points.
double within_length_limit(const Field& field, double points) {
  if (!std::isfinite(points) || std::abs(points) > limits::kMaxLengthPt)
    fail(field, "beyond the limit of 10 m (28346.46 pt), got " + show_value(*field.node));
  return points;
}

}  // namespace

double read_length(const Field& field) {
  if (field.node->is_number()) return within_length_limit(field, read_number(field));
  const auto* text = field.node->as_string();
  if (!text) fail(field, "expected a length, got " + describe_type(*field.node));
  std::string why;
  if (auto points = parse_length_text(text->get(), &why))
    return within_length_limit(field, *points);
  fail(field, why);
}

double read_em(const Field& field) {
  constexpr double kMaxEm = 100;  // an indent or tracking of more would leave no text
  double value = std::nan("");
  if (field.node->is_number()) {
    value = read_number(field);
  } else if (const auto* text = field.node->as_string()) {
    const auto parts = split_number_and_unit(text->get());
    if (parts && parts->second == "em") value = parts->first;
  }
  if (std::isnan(value))
    fail(field, "expected a number of em such as 1 or \"1em\", got " + show_value(*field.node));
  if (std::abs(value) > kMaxEm)
    fail(field,
         "beyond the limit of " + format_number(kMaxEm) + " em, got " + show_value(*field.node));
  return value;
}

double read_positive_length(const Field& field) {
  const double value = read_length(field);
  if (value <= 0) fail(field, "must be more than 0, got " + show_value(*field.node));
  if (value < limits::kMinLengthPt)
    fail(field, "below the limit of 0.1 pt, got " + show_value(*field.node));
  return value;
}

double read_non_negative_length(const Field& field) {
  const double value = read_length(field);
  if (value < 0) fail(field, "must not be negative, got " + show_value(*field.node));
  return value;
}

namespace {

/// "cmyk(0, 60, 100, 0)": ink percentages; the RGB beside them is only a preview approximation.
Color read_cmyk_color(const Field& field, const std::string& text) {
  const std::string inner = text.substr(5, text.size() - 6);
  std::vector<double> inks;
  std::size_t at = 0;
  while (at <= inner.size()) {
    const std::size_t comma = std::min(inner.find(',', at), inner.size());
    const std::string part = inner.substr(at, comma - at);
    char* end = nullptr;
    const double value = std::strtod(part.c_str(), &end);
    const bool blank_after =
        std::all_of(static_cast<const char*>(end), part.c_str() + part.size(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
    if (end == part.c_str() || !blank_after || !(value >= 0 && value <= 100))
      fail(field, "expected cmyk(C, M, Y, K) with percentages 0 to 100, got \"" + text + "\"");
    inks.push_back(value / 100);
    at = comma + 1;
  }
  if (inks.size() != 4)
    fail(field, "expected cmyk(C, M, Y, K) with four percentages, got \"" + text + "\"");
  const Cmyk cmyk{inks[0], inks[1], inks[2], inks[3]};
  return Color{(1 - cmyk.c) * (1 - cmyk.k), (1 - cmyk.m) * (1 - cmyk.k),
               (1 - cmyk.y) * (1 - cmyk.k), cmyk};
}

}  // namespace

Color read_color(const Field& field) {
  const auto* text = field.node->as_string();
  if (!text)
    fail(field, "expected a colour \"#RRGGBB\" or \"cmyk(C, M, Y, K)\", got " +
                    describe_type(*field.node));
  const std::string& hex = text->get();
  if (hex.starts_with("cmyk(") && hex.ends_with(")")) return read_cmyk_color(field, hex);
  const bool well_formed =
      hex.size() == 7 && hex[0] == '#' && std::all_of(hex.begin() + 1, hex.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) != 0;
      });
  if (!well_formed)
    fail(field,
         "expected a colour \"#RRGGBB\" or \"cmyk(C, M, Y, K)\", got " + show_value(*field.node));
  auto channel = [&](std::size_t at) { return std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0; };
  return Color{channel(1), channel(3), channel(5)};
}

std::vector<double> read_numbers(const Field& field, std::size_t count) {
  const std::vector<Field> elements = array_elements(field);
  if (elements.size() != count) {
    fail(field, "expected an array of " + std::to_string(count) + " numbers, got " +
                    std::to_string(elements.size()));
  }
  std::vector<double> values;
  for (const Field& element : elements) values.push_back(read_number(element));
  return values;
}

}  // namespace broadsheet::layout_template::detail
