#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>

namespace broadsheet {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, const std::string& what,
                       const std::string& reason) {
  throw std::runtime_error(path + ": cannot write the " + what + ": " + reason);
}

/// Throws unless `path` is absent or a regular file (never follows a symlink to decide).
void check_replaceable(const std::string& path, const std::string& what) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) != 0) {
    if (errno == ENOENT) return;
    fail(path, what, std::strerror(errno));
  }
  if (!S_ISREG(status.st_mode))
    fail(path, what, "it exists and is not a regular file (only regular files are replaced)");
}

std::string random_suffix() {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static std::mt19937_64 generator{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kChars - 2);
  std::string suffix(6, 'X');
  for (char& c : suffix) c = kChars[pick(generator)];
  return suffix;
}

/// ".<name>.broadsheet-<kind>-<suffix>" beside `target`: hidden, and says what it is.
std::string hidden_name(const fs::path& target, const char* kind, const std::string& suffix) {
  // Built by appending: GCC 12 at -O3 gives a false -Wrestrict for "." + std::string (105329).
  std::string name = ".";
  name += target.filename().string();
  name += ".broadsheet-";
  name += kind;
  name += '-';
  name += suffix;
  return (target.parent_path() / name).string();
}

enum class Kept { kYes, kNameTaken, kNoFile };

/// Links (or, where hard links are not allowed, copies) `path` to `old`. Throws when `path`
/// exists but cannot be kept.
Kept link_or_copy(const std::string& path, const std::string& old, const std::string& what) {
  if (::link(path.c_str(), old.c_str()) == 0) return Kept::kYes;
  if (errno == EEXIST) return Kept::kNameTaken;
  if (errno == ENOENT) return Kept::kNoFile;
  // EPERM: a file system without hard links, or protected_hardlinks and another owner.
  if (errno != EPERM && errno != EOPNOTSUPP && errno != EMLINK)
    fail(path, what, std::string("cannot keep the old file: ") + std::strerror(errno));
  std::error_code ec;  // copy_file creates `old` exclusively: it never follows a symlink there
  if (fs::copy_file(path, old, fs::copy_options::none, ec)) return Kept::kYes;
  if (ec == std::errc::file_exists) return Kept::kNameTaken;
  if (ec == std::errc::no_such_file_or_directory) return Kept::kNoFile;
  fail(path, what, "cannot keep the old file: " + ec.message());
}

/// A second name (hard link, or a copy) for the file at `path` so it can be put back; empty
/// when there is no file. The target itself stays in place, so it is never missing.
std::string keep_old(const std::string& path, const std::string& what) {
  check_replaceable(path, what);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string old = hidden_name(path, "old", random_suffix());
    switch (link_or_copy(path, old, what)) {
      case Kept::kYes:
        return old;
      case Kept::kNoFile:
        return {};
      case Kept::kNameTaken:
        break;
    }
  }
  fail(path, what, "no free name to keep the old file under");
}

/// An output renamed into place, and the old file's second name (empty: there was none).
struct Replaced {
  std::string path, old;
};

/// Puts back what `replaced` changed, last first; says what could not be put back.
std::string put_back(const std::vector<Replaced>& replaced) {
  std::string trouble;
  for (auto it = replaced.rbegin(); it != replaced.rend(); ++it) {
    const bool ok = it->old.empty() ? ::unlink(it->path.c_str()) == 0
                                    : ::rename(it->old.c_str(), it->path.c_str()) == 0;
    if (!ok) trouble += "; could not restore " + it->path + ": " + std::strerror(errno);
  }
  return trouble;
}

}  // namespace

AtomicFile::AtomicFile(std::string path, std::string what, SuffixSource suffix)
    : path_(std::move(path)), what_(std::move(what)) {
  if (suffix == nullptr) suffix = random_suffix;
  check_replaceable(path_, what_);
  const fs::path target(path_);
  const fs::path folder = target.parent_path();
  std::error_code ec;
  if (!folder.empty()) fs::create_directories(folder, ec);
  if (ec) fail(path_, what_, "cannot create the folder: " + ec.message());
  for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
    temp_ = hidden_name(target, "tmp", suffix());
    // O_EXCL: a file or symlink already at the name (a dead run's, or planted) is never used.
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd_ < 0 && errno != EEXIST) fail(path_, what_, std::strerror(errno));
  }
  if (fd_ < 0) fail(path_, what_, "no free temporary file name");
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      what_(std::move(other.what_)),
      temp_(std::move(other.temp_)),
      fd_(other.fd_),
      committed_(other.committed_) {
  other.fd_ = -1;
  other.committed_ = true;  // nothing left for the moved-from object to remove
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) fail(path_, what_, "already written");
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path_, what_, std::strerror(n < 0 ? errno : EIO));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  // Readable by others, as a file made with the usual umask would be.
  if (::fchmod(fd_, 0644) != 0) fail(path_, what_, std::strerror(errno));
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(path_, what_, std::strerror(errno));
}

void AtomicFile::commit() {
  if (fd_ >= 0) fail(path_, what_, "nothing written");
  check_replaceable(path_, what_);  // it may have changed while we rendered
  if (::rename(temp_.c_str(), path_.c_str()) != 0) fail(path_, what_, std::strerror(errno));
  committed_ = true;
}

void OutputBatch::stage(const std::string& path, std::string_view bytes, const std::string& what) {
  AtomicFile file(path, what);
  file.write(bytes);
  files_.push_back(std::move(file));
}

void OutputBatch::commit() {
  std::vector<Replaced> replaced;
  for (AtomicFile& file : files_) {
    std::string old;
    try {
      old = keep_old(file.path(), file.what());
      file.commit();
    } catch (const std::runtime_error& e) {
      if (!old.empty()) ::unlink(old.c_str());
      const std::string trouble = put_back(replaced);
      files_.clear();
      throw std::runtime_error(
          e.what() + (trouble.empty() ? std::string(" (no output was changed)") : trouble));
    }
    replaced.push_back({file.path(), std::move(old)});
  }
  for (const Replaced& file : replaced)
    if (!file.old.empty()) ::unlink(file.old.c_str());
  files_.clear();
}

FileIdentity file_identity(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0)
    return {.exists = true,
            .device = static_cast<unsigned long long>(status.st_dev),
            .inode = static_cast<unsigned long long>(status.st_ino),
            .path = {}};
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  // A path that cannot be made canonical is compared as written, made absolute.
  if (ec) canonical = fs::absolute(path, ec).lexically_normal();
  return {.exists = false, .device = 0, .inode = 0, .path = canonical.string()};
}

bool same_file(const std::string& a, const std::string& b) {
  return file_identity(a) == file_identity(b);
}

void write_file_atomically(const std::string& path, std::string_view text,
                           const std::string& what) {
  AtomicFile file(path, what);
  file.write(text);
  file.commit();
}

}  // namespace broadsheet
