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

Error::Error(std::string file, int line, int column, std::string message, std::string code)
    : std::runtime_error(SourceLocation{file, line, column}.to_string() + ": " + message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)),
      code_(std::move(code)) {}

InputError::InputError(SourceLocation where, const std::string& message, std::string code)
    : Error(where.file, where.line, where.column, message, std::move(code)),
      where_(std::move(where)) {}

}  // namespace broadsheet
