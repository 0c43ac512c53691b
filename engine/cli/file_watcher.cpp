#include "cli/file_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace broadsheet::cli {

namespace fs = std::filesystem;

FileWatcher::Descriptor::~Descriptor() {
  if (fd >= 0) ::close(fd);
}

FileWatcher::FileWatcher(const std::vector<std::string>& files) {
  inotify_.fd = inotify_init1(IN_CLOEXEC);
  if (inotify_.fd < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
  std::set<std::string> folders;
  for (const auto& f : files) {
    const fs::path path = fs::absolute(f).lexically_normal();
    files_.insert(path.string());
    folders.insert(path.parent_path().string());
  }
  for (const auto& folder : folders) {
    const int wd =
        inotify_add_watch(inotify_.fd, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE);
    if (wd < 0) {
      throw std::runtime_error(folder + ": cannot watch: " + std::strerror(errno));
    }
    folders_.emplace_back(wd, folder);
  }
}

std::vector<std::string> FileWatcher::wait_for_change() {
  std::set<std::string> changed;
  alignas(inotify_event) std::array<char, 8192> buffer{};
  int timeout_ms = -1;  // block until the first relevant event
  for (;;) {
    pollfd pfd{inotify_.fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    if (ready == 0) break;  // quiet for a while after a change: the save is complete
    const ssize_t n = ::read(inotify_.fd, buffer.data(), buffer.size());
    if (n <= 0) continue;
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->len == 0) continue;
      for (const auto& [wd, folder] : folders_) {
        if (wd != event->wd) continue;
        const std::string path = (fs::path(folder) / event->name).string();
        if (files_.count(path)) changed.insert(path);
      }
    }
    if (!changed.empty()) timeout_ms = 100;
  }
  return {changed.begin(), changed.end()};
}

}  // namespace broadsheet::cli
