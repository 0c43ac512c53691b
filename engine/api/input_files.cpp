// Reading articles and templates from files for the public API: the text is read here, parsed
// by the engine (so messages name the file and line either way).

#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "broadsheet/engine.h"
#include "core/diagnostics.h"

namespace broadsheet {

namespace {

/// The whole file; throws InputError "cannot read <what>: <reason>" naming the path.
std::string read_input(const std::string& path, const std::string& what) {
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error))
    throw InputError({path}, "cannot read " + what + ": it is a directory");
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string reason = errno != 0 ? std::generic_category().message(errno) : "cannot open it";
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
    throw InputError({path}, "cannot read " + what + ": " + reason);
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return std::move(contents).str();
}

}  // namespace

Article article_from_file(const std::string& path, bool has_deck) {
  return {.text = read_input(path, "file"), .name = path, .has_deck = has_deck};
}

Template template_from_file(const std::string& path) {
  return {.text = read_input(path, "template"), .name = path};
}

}  // namespace broadsheet
