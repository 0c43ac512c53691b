#pragma once
// Errors and warnings that point at the input: file, line (1-based, 0 = unknown), column.

#include <string>
#include <vector>

#include "broadsheet/error.h"

namespace broadsheet {

/// A place in an input file.
struct SourceLocation {
  std::string file;
  int line = 0;    ///< 1-based; 0 when the whole file is meant
  int column = 0;  ///< 1-based; 0 when unknown

  /// "file:line:col" (parts that are unknown are left out).
  std::string to_string() const;
};

/// Bad input: a file the user gave us is wrong. Printed as "file:line:col: message". The
/// public broadsheet::Error (include/broadsheet/error.h) is what callers of the library catch.
class InputError : public Error {
 public:
  InputError(SourceLocation where, const std::string& message, std::string code = {});
  const SourceLocation& where() const { return where_; }

 private:
  SourceLocation where_;
};

using Warnings = std::vector<Warning>;

}  // namespace broadsheet
