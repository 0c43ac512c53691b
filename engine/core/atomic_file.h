#pragma once
// Outputs replace their target only when complete: everything is written to a temporary file
// beside the target and renamed over it (a rename within one folder is atomic), so a failed run
// never leaves a half-written file where a good one was.

#include <string>

namespace broadsheet {

/// A temporary path beside `path`; commit() renames it into place, the destructor removes it
/// if commit() was never reached.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);  ///< creates the target's folder if needed
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& temp() const { return temp_; }
  void commit();

 private:
  std::string path_, temp_;
  bool committed_ = false;
};

/// Writes `text` to `path` through an AtomicFile; throws std::runtime_error naming `what`.
void write_file_atomically(const std::string& path, const std::string& text,
                           const std::string& what);

}  // namespace broadsheet
