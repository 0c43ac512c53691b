#include "core/atomic_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace broadsheet {

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temp_(path_ + ".tmp-" + std::to_string(::getpid())) {
  const auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

void AtomicFile::commit() {
  std::filesystem::rename(temp_, path_);
  committed_ = true;
}

void write_file_atomically(const std::string& path, const std::string& text,
                           const std::string& what) {
  AtomicFile file(path);
  {
    std::ofstream out(file.temp(), std::ios::binary);
    out << text;
    if (!out.flush()) throw std::runtime_error(path + ": cannot write the " + what);
  }
  file.commit();
}

}  // namespace broadsheet
