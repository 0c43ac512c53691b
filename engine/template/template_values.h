#pragma once
// Checked reading of TOML values for the template loader: tables whose keys must all be known,
// lengths with units, colours, enums and small arrays. Every failure is an InputError at the
// key's line that names the key's dotted path, e.g. "page.margins.top: expected a length, got a
// boolean". Internal to engine/template/.

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/geometry.h"

namespace broadsheet::layout_template::detail {

/// One value in the document with its dotted name ("page.margins.top", "slot[2].columns") and
/// where its key was written.
struct Field {
  const toml::node* node = nullptr;
  std::string key;  ///< the last part of the path: "top"; empty for array elements
  std::string path;
  SourceLocation where;
};

/// Throws InputError at the field's key: "<path>: <message>".
[[noreturn]] void fail(const Field& field, const std::string& message);

/// A TOML table whose keys are all known. The constructor rejects unknown keys at once (before
/// any missing-key check, so a misspelt key is reported as such and not as a missing one).
class TableView {
 public:
  TableView(const toml::table& table, std::string path, SourceLocation where,
            std::initializer_list<std::string_view> known_keys);

  /// The value of `key`, or nullopt when the table does not have it.
  std::optional<Field> find(std::string_view key) const;
  /// The value of `key`; when absent, fails with "<path>.<key>: required key missing
  /// (expected <expected>)" at the table's line.
  Field require(std::string_view key, std::string_view expected) const;

  const std::string& path() const { return path_; }
  const SourceLocation& where() const { return where_; }

 private:
  std::string path_of(std::string_view key) const;

  const toml::table& table_;
  std::string path_;
  SourceLocation where_;
};

/// The document's root table (path "", reported as "the top level").
TableView root_view(const toml::table& root, const std::string& file,
                    std::initializer_list<std::string_view> known_keys);
/// The field's value as a table with known keys; fails when it is not a table.
TableView open_table(const Field& field, std::initializer_list<std::string_view> known_keys);
/// Every key of a table-valued field, in document order (for tables of named things: styles).
std::vector<Field> table_entries(const Field& field);
/// The elements of an array-valued field ("slot[0]", "slot[1]"...).
std::vector<Field> array_elements(const Field& field);

/// "a boolean", "an integer", "a string"... for "expected X, got Y" messages.
std::string describe_type(const toml::node& node);
/// The value as written, for "got ..." messages: 0, 2.5, "16 furlongs", true.
std::string show_value(const toml::node& node);
/// A number for messages: at most two decimals, trailing zeros dropped ("154.72", "6").
std::string format_number(double value);
/// format_number + " pt".
std::string format_points(double value);
/// What a length looks like, for "required key missing (expected ...)".
inline constexpr std::string_view kLengthExpected = "a length such as 12 (pt) or \"16mm\"";

bool read_bool(const Field& field);
std::string read_string(const Field& field);
/// A non-empty string.
std::string read_name(const Field& field);
int read_integer(const Field& field);
/// An integer or a float; infinities and NaN are rejected.
double read_number(const Field& field);

/// "16mm", "0.75pt", "1in", "2cm", "3pc" (optionally with a space before the unit) -> points.
/// Returns nullopt and sets `why` when the text is not such a length.
std::optional<double> parse_length_text(std::string_view text, std::string* why);
/// A length: a number (points) or a string with a unit.
double read_length(const Field& field);
/// A length relative to the font size: a number (em) or a string such as "1em".
double read_em(const Field& field);
double read_positive_length(const Field& field);      ///< more than 0
double read_non_negative_length(const Field& field);  ///< 0 or more

/// "#RRGGBB".
Color read_color(const Field& field);

/// A string that must be one of `choices`.
template <class Enum>
Enum read_enum(const Field& field,
               std::initializer_list<std::pair<std::string_view, Enum>> choices);

/// An array of exactly `count` numbers.
std::vector<double> read_numbers(const Field& field, std::size_t count);

// --- template definitions ---------------------------------------------------------------------

[[noreturn]] void fail_enum(const Field& field, const std::vector<std::string_view>& allowed);

template <class Enum>
Enum read_enum(const Field& field,
               std::initializer_list<std::pair<std::string_view, Enum>> choices) {
  const std::string text = read_string(field);
  std::vector<std::string_view> allowed;
  for (const auto& [name, value] : choices) {
    if (name == text) return value;
    allowed.push_back(name);
  }
  fail_enum(field, allowed);
}

}  // namespace broadsheet::layout_template::detail
