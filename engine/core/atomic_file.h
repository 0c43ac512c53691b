#pragma once
// Outputs replace their target only when complete: everything is written to a temporary file
// beside the target and renamed over it (a rename within one folder is atomic), so a failed run
// never leaves a half-written file where a good one was.
//
// The temporary file is ".<name>.broadsheet-tmp-XXXXXX" (random X), created with O_CREAT|O_EXCL|
// O_NOFOLLOW and mode 0600, so a file or symlink planted at that name is never opened or
// trusted; it gets mode 0644 once written. Only a regular file (or nothing) is ever replaced.

#include <compare>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

/// One output: a temporary file beside `path`; commit() renames it into place, the destructor
/// removes it if commit() was never reached.
class AtomicFile {
 public:
  /// The six characters that make a temporary name unique (random; tests may choose them).
  using SuffixSource = std::string (*)();

  /// Creates the target's folder if needed and the temporary file. Throws std::runtime_error
  /// naming `path` when the target exists and is not a regular file, or nothing can be created.
  AtomicFile(std::string path, std::string what, SuffixSource suffix = nullptr);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;

  const std::string& path() const { return path_; }
  const std::string& temp() const { return temp_; }
  const std::string& what() const { return what_; }
  /// Writes all of `bytes`, makes the file 0644 and closes it.
  void write(std::string_view bytes);
  void commit();

 private:
  std::string path_, what_, temp_;
  int fd_ = -1;
  bool committed_ = false;
};

/// Outputs committed together: stage() writes each to its temporary file, commit() renames all
/// of them into place; when anything fails before commit(), no target is touched. While
/// committing, each file being replaced is kept under a second name
/// (".<name>.broadsheet-old-XXXXXX", a hard link) until every rename has succeeded; when one
/// fails, the outputs already renamed are put back as they were (old bytes, or no file).
class OutputBatch {
 public:
  void stage(const std::string& path, std::string_view bytes, const std::string& what);
  /// Throws std::runtime_error naming the output that failed, after putting the others back.
  void commit();

 private:
  std::vector<AtomicFile> files_;
};

/// What a path names, for telling whether two paths are one file: an existing file's device and
/// inode (so hard links and symlinks count), else the path made canonical as far as it exists
/// ("./x" and "d/../x" count). Asked once per path, so checking N outputs against M inputs is
/// N + M lookups, not N × M.
struct FileIdentity {
  bool exists = false;
  unsigned long long device = 0, inode = 0;
  std::string path;  // when it does not exist
  auto operator<=>(const FileIdentity&) const = default;
};
FileIdentity file_identity(const std::string& path);

/// The same file, by path or (when both exist) by identity. For refusing an output that would
/// replace an input.
bool same_file(const std::string& a, const std::string& b);

/// Writes `text` to `path` through an AtomicFile; throws std::runtime_error naming `what`.
void write_file_atomically(const std::string& path, std::string_view text, const std::string& what);

}  // namespace broadsheet
