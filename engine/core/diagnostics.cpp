#include "core/diagnostics.h"

namespace broadsheet {

std::string SourceLocation::to_string() const {
  std::string s = file.empty() ? std::string("<input>") : file;
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, bug 105329) on ":" + to_string.
  if (line > 0) {
    s += ':';
    s += std::to_string(line);
    if (column > 0) {
      s += ':';
      s += std::to_string(column);
    }
  }
  return s;
}

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(where.to_string() + ": " + message),
      where_(std::move(where)),
      message_(message) {}

}  // namespace broadsheet
