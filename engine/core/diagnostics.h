#pragma once
// Errors and warnings that point at the input: file, line (1-based, 0 = unknown), column.

#include <stdexcept>
#include <string>
#include <vector>

namespace broadsheet {

/// A place in an input file.
struct SourceLocation {
  std::string file;
  int line = 0;    ///< 1-based; 0 when the whole file is meant
  int column = 0;  ///< 1-based; 0 when unknown

  /// "file:line:col" (parts that are unknown are left out).
  std::string to_string() const;
};

/// Bad input: a file the user gave us is wrong. Printed as "file:line:col: message".
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

/// A problem that does not stop the run (an empty slot, an overfull line).
struct Warning {
  std::string code;     ///< short stable tag, e.g. "empty-slot", "overfull-line"
  std::string message;  ///< one line for people
};

using Warnings = std::vector<Warning>;

}  // namespace broadsheet
