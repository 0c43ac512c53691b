#pragma once
// Broadsheet's public error and warning types. Bad input (an article, a template, a font
// manifest, a setting) throws broadsheet::Error naming the file, line and column where it is
// wrong; a page that can be made but has problems (an empty slot, an overfull line) carries
// warnings instead.

#include <stdexcept>
#include <string>

namespace broadsheet {

/// Bad input. what() is "file:line:column: message" (parts that are unknown are left out).
class Error : public std::runtime_error {
 public:
  /// `line` and `column` are 1-based, 0 when unknown; `code` is empty or a stable tag.
  Error(std::string file, int line, int column, std::string message, std::string code = {});

  const std::string& file() const noexcept { return file_; }  ///< may be empty
  int line() const noexcept { return line_; }
  int column() const noexcept { return column_; }
  const std::string& message() const noexcept { return message_; }  ///< without the place
  /// A short stable tag for errors a caller may want to act on, e.g. "folio-needs-date" (the
  /// template's folio names a date that neither the articles nor the request give); usually
  /// empty.
  const std::string& code() const noexcept { return code_; }

 private:
  std::string file_;
  int line_ = 0;
  int column_ = 0;
  std::string message_;
  std::string code_;
};

/// A problem that does not stop the page (an empty slot, an overfull line).
struct Warning {
  std::string code{};     ///< short stable tag, e.g. "empty-slot", "overfull-line"
  std::string message{};  ///< one line for people
};

}  // namespace broadsheet
