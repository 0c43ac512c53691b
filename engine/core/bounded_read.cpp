#include "core/bounded_read.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/diagnostics.h"
#include "core/limits.h"

namespace broadsheet {

namespace {

std::string lower_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string size_in_words(std::size_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string read_bounded_file(const std::string& path, std::size_t limit, const std::string& what) {
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error))
    throw InputError({path}, "cannot read " + what + ": it is a directory");
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason =
        errno != 0 ? std::generic_category().message(errno) : "cannot open it";
    throw InputError({path}, "cannot read " + what + ": " + lower_first(reason));
  }
  std::string contents;
  constexpr std::size_t kChunk = 64 * 1024;
  // A regular file is read in one piece of its size (one byte more tells that it grew): a
  // 64 KiB chunk for a 9 KiB article zero-fills pages it never uses.
  std::size_t chunk = kChunk;
  if (const std::uintmax_t size = std::filesystem::file_size(path, status_error); !status_error)
    chunk = static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit)) + 1;
  while (contents.size() <= limit) {
    const std::size_t old_size = contents.size();
    const std::size_t want = std::min(chunk, limit + 1 - old_size);
    chunk = kChunk;
    contents.resize(old_size + want);
    in.read(contents.data() + old_size, static_cast<std::streamsize>(want));
    contents.resize(old_size + static_cast<std::size_t>(in.gcount()));
    if (!in) break;
  }
  if (in.bad()) throw InputError({path}, "cannot read " + what + ": read error");
  if (contents.size() > limit)
    throw InputError({path}, what + " larger than the limit of " + size_in_words(limit));
  return contents;
}

}  // namespace broadsheet
