#pragma once
// Waits for changes to a set of files (Linux inotify). Folders are watched rather than the files
// themselves, because editors often save by writing a new file and renaming it over the old one.

#include <set>
#include <string>
#include <vector>

namespace broadsheet::cli {

class FileWatcher {
 public:
  /// Watches the given files; throws std::runtime_error when inotify is not available.
  explicit FileWatcher(const std::vector<std::string>& files);
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  /// Blocks until one of the files is written, created or renamed into place; then waits a
  /// little for the burst of events an editor's save makes to settle. Returns the changed files.
  std::vector<std::string> wait_for_change();

 private:
  /// The inotify descriptor, closed when the watcher goes (also when its constructor throws).
  struct Descriptor {
    int fd = -1;
    ~Descriptor();
  };
  Descriptor inotify_;
  std::set<std::string> files_;                       ///< absolute, normalised paths
  std::vector<std::pair<int, std::string>> folders_;  ///< watch descriptor, folder
};

}  // namespace broadsheet::cli
