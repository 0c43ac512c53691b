#include "text/hyphen_patterns_cache.h"

#include <fcntl.h>
#include <hyphen.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/atomic_file.h"

namespace broadsheet::text {

namespace {

namespace fs = std::filesystem;

// The compiled file: FileHeader, one LevelRecord per level (the dictionary and its nextlevel
// chain), every level's states as libhyphen's own HyphenState structs, every HyphenTrans, then
// the strings. The pointers in the states are already those of the file mapped at
// FileHeader::base, so a load that gets that address (almost always: each dictionary has its own
// in a range nothing else uses) maps the file read-only and has nothing to build: no page of
// fresh memory, which is what a load costs (a 4 KiB page first written costs more than reading
// it from the file). Elsewhere, the states are copied and their pointers moved. Every pointer and
// index is checked against the file's bounds before libhyphen sees it. Native byte order and
// struct layout: the cache belongs to one machine and one build of libhyphen's header.
constexpr char kMagic[8] = {'B', 'S', 'H', 'Y', 'P', 'H', '0', '3'};  // 03: mapped in place

struct FileHeader {
  char magic[8];
  std::int64_t source_size;
  std::int64_t source_mtime;
  std::uint64_t base;  ///< the address the states' pointers assume
  std::int64_t file_size;
  std::int64_t source_path;  ///< the dictionary's absolute path: a file offset
  std::int64_t levels_offset;
  std::int64_t states_offset;
  std::int64_t state_count;
  std::int64_t trans_offset;
  std::int64_t trans_count;
  std::int64_t strings_offset;
  std::int64_t strings_size;
  std::int32_t level_count;
  std::int32_t state_size;  ///< sizeof(HyphenState) and sizeof(HyphenTrans) of the writer
  std::int32_t trans_size;
  std::int32_t padding;
};

struct LevelRecord {
  std::int64_t nohyphen;  ///< a file offset, -1 for none
  std::int32_t nohyphenl;
  std::int32_t num_states;
  std::int32_t utf8;
  char minimums[4];  ///< lhmin, rhmin, clhmin, crhmin
  char cset[MAX_NAME];
  char padding[4];
};

constexpr std::size_t kPage = 4096;
constexpr std::size_t round_up(std::size_t n, std::size_t to) {
  return (n + to - 1) / to * to;
}

struct HyphenDictFree {
  void operator()(HyphenDict* dict) const noexcept { hnj_hyphen_free(dict); }
};

/// The identity of a dictionary file: a compiled form is valid only for the same one.
struct SourceStamp {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime = 0;
};

std::optional<SourceStamp> stamp_of(const std::string& dictionary_path) {
  std::error_code ec;
  SourceStamp stamp;
  stamp.path = fs::absolute(dictionary_path, ec).lexically_normal().string();
  if (ec) return std::nullopt;
  stamp.size = static_cast<std::int64_t>(fs::file_size(dictionary_path, ec));
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(dictionary_path, ec);
  if (ec) return std::nullopt;
  stamp.mtime = static_cast<std::int64_t>(mtime.time_since_epoch().count());
  return stamp;
}

std::string cache_file_for(const SourceStamp& stamp, const std::string& cache_dir) {
  std::ostringstream name;
  name << fs::path(stamp.path).stem().string() << '-' << std::hex
       << std::hash<std::string>{}(stamp.path) << ".bshyph";
  return (fs::path(cache_dir) / name.str()).string();
}

/// The address a dictionary's compiled file asks to be mapped at: one of 4096 slots of 4 GiB
/// from 0x3000'0000'0000, a range where Linux puts nothing of its own (programs and heaps sit
/// near 0x5500'0000'0000, libraries and stacks near 0x7f00'0000'0000) and sanitizers neither
/// (AddressSanitizer's shadow ends at 0x1000'7fff'8000, its heap starts at 0x6000'0000'0000).
/// A slot taken, by another dictionary or anything else, only costs the copy.
std::uint64_t base_for(const std::string& path) {
  return 0x300000000000ULL + ((std::hash<std::string>{}(path)&0xfffULL) << 32);
}

/// A compiled file under construction: parts placed at file offsets.
class FileImage {
 public:
  std::int64_t append(const void* data, std::size_t size) {
    const auto offset = static_cast<std::int64_t>(bytes_.size());
    bytes_.append(static_cast<const char*>(data), size);
    return offset;
  }
  std::int64_t append_string(const char* text) {
    return text == nullptr ? -1 : append(text, std::strlen(text) + 1);
  }
  /// libhyphen's NOHYPHEN list: `count` consecutive NUL-terminated strings.
  std::int64_t append_list(const char* text, int count) {
    if (text == nullptr) return -1;
    const auto offset = static_cast<std::int64_t>(bytes_.size());
    for (int i = 0; i < count; ++i) {
      const std::size_t length = std::strlen(text) + 1;
      bytes_.append(text, length);
      text += length;
    }
    return offset;
  }
  /// `size` zero bytes, filled in later through at().
  std::int64_t append_zeroes(std::size_t size) {
    const auto offset = static_cast<std::int64_t>(bytes_.size());
    bytes_.resize(bytes_.size() + size, '\0');
    return offset;
  }
  void align(std::size_t to) { bytes_.resize(round_up(bytes_.size(), to), '\0'); }
  std::size_t size() const { return bytes_.size(); }
  char* at(std::int64_t offset) { return bytes_.data() + offset; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

/// The compiled file for `dict` (a parsed dictionary and its nextlevel chain).
std::string compile(const HyphenDict& dict, const SourceStamp& stamp) {
  std::vector<const HyphenDict*> chain;
  std::int64_t state_count = 0, trans_count = 0;
  for (const HyphenDict* level = &dict; level != nullptr; level = level->nextlevel) {
    chain.push_back(level);
    state_count += level->num_states;
    for (int s = 0; s < level->num_states; ++s) trans_count += level->states[s].num_trans;
  }
  FileImage image;
  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.source_size = stamp.size;
  header.source_mtime = stamp.mtime;
  header.base = base_for(stamp.path);
  header.level_count = static_cast<std::int32_t>(chain.size());
  header.state_size = sizeof(HyphenState);
  header.trans_size = sizeof(HyphenTrans);
  header.state_count = state_count;
  header.trans_count = trans_count;
  image.append(&header, sizeof header);
  header.levels_offset = image.append_zeroes(chain.size() * sizeof(LevelRecord));
  image.align(alignof(HyphenState));
  header.states_offset =
      image.append_zeroes(static_cast<std::size_t>(state_count) * sizeof(HyphenState));
  header.trans_offset =
      image.append_zeroes(static_cast<std::size_t>(trans_count) * sizeof(HyphenTrans));
  header.strings_offset = static_cast<std::int64_t>(image.size());
  header.source_path = image.append_string(stamp.path.c_str());
  auto address = [&](std::int64_t offset) {
    return offset < 0 ? nullptr : reinterpret_cast<char*>(header.base + offset);
  };
  std::int64_t state_at = header.states_offset, trans_at = header.trans_offset;
  for (std::size_t l = 0; l < chain.size(); ++l) {
    const HyphenDict& level = *chain[l];
    LevelRecord record{};
    record.nohyphen = image.append_list(level.nohyphen, level.nohyphenl + 1);
    record.nohyphenl = level.nohyphenl;
    record.num_states = level.num_states;
    record.utf8 = level.utf8;
    const char minimums[4] = {level.lhmin, level.rhmin, level.clhmin, level.crhmin};
    std::memcpy(record.minimums, minimums, sizeof minimums);
    std::memcpy(record.cset, level.cset, MAX_NAME);
    std::memcpy(image.at(header.levels_offset) + l * sizeof record, &record, sizeof record);
    for (int s = 0; s < level.num_states; ++s) {
      const HyphenState& from = level.states[s];
      HyphenState state{};
      state.match = address(image.append_string(from.match));
      state.repl = address(image.append_string(from.repl));
      state.replindex = from.replindex;
      state.replcut = from.replcut;
      state.fallback_state = from.fallback_state;
      state.num_trans = from.num_trans;
      state.trans =
          from.num_trans > 0 ? reinterpret_cast<HyphenTrans*>(address(trans_at)) : nullptr;
      for (int t = 0; t < from.num_trans; ++t) {
        HyphenTrans trans{};
        trans.ch = from.trans[t].ch;
        trans.new_state = from.trans[t].new_state;
        std::memcpy(image.at(trans_at), &trans, sizeof trans);
        trans_at += static_cast<std::int64_t>(sizeof trans);
      }
      std::memcpy(image.at(state_at), &state, sizeof state);
      state_at += static_cast<std::int64_t>(sizeof state);
    }
  }
  header.strings_size = static_cast<std::int64_t>(image.size()) - header.strings_offset;
  image.align(kPage);
  header.file_size = static_cast<std::int64_t>(image.size());
  std::memcpy(image.at(0), &header, sizeof header);
  return image.take();
}

/// A memory mapping, unmapped on destruction.
class MemoryMap {
 public:
  MemoryMap() = default;
  MemoryMap(const MemoryMap&) = delete;
  MemoryMap& operator=(const MemoryMap&) = delete;
  MemoryMap(MemoryMap&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  MemoryMap& operator=(MemoryMap&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
  }
  ~MemoryMap() {
    if (data_ != nullptr) munmap(data_, size_);
  }

  /// `size` bytes of `fd`, read-only and populated, at `address` when that is free (`address`
  /// null: anywhere); empty when it cannot be mapped there.
  static MemoryMap of_file(int fd, std::size_t size, std::uint64_t address) {
    MemoryMap map;
    void* want = reinterpret_cast<void*>(address);
    const int fixed = address != 0 ? MAP_FIXED_NOREPLACE : 0;
    map.reset(mmap(want, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE | fixed, fd, 0), size);
    if (address != 0 && !map.empty() && map.data() != want) map = MemoryMap();  // old kernels
    return map;
  }
  /// `size` bytes of zeroes, writable; empty when they cannot be had.
  static MemoryMap zeroed(std::size_t size) {
    MemoryMap map;
    if (size > 0)
      map.reset(mmap(nullptr, size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
                size);
    return map;
  }

  char* data() const { return static_cast<char*>(data_); }
  std::size_t size() const { return size_; }
  bool empty() const { return data_ == nullptr; }

 private:
  void reset(void* data, std::size_t size) {
    if (data == MAP_FAILED) return;
    data_ = data;
    size_ = size;
  }
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Reads a compiled file's header and checks its areas lie inside the file, in order.
std::optional<FileHeader> read_header(int fd, std::size_t file_size, const SourceStamp& stamp) {
  FileHeader h{};
  if (file_size < sizeof h || pread(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h))
    return std::nullopt;
  const auto in = [&](std::int64_t offset, std::int64_t count, std::size_t unit, std::int64_t end) {
    return offset >= 0 && count >= 0 && offset <= end &&
           static_cast<std::uint64_t>(count) <= (static_cast<std::uint64_t>(end - offset)) / unit;
  };
  const auto size = static_cast<std::int64_t>(file_size);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.source_size != stamp.size ||
      h.source_mtime != stamp.mtime || h.file_size != size || h.base % kPage != 0 ||
      h.state_size != sizeof(HyphenState) || h.trans_size != sizeof(HyphenTrans) ||
      h.level_count < 1 || h.level_count > 8 || h.states_offset % alignof(HyphenState) != 0 ||
      !in(h.levels_offset, h.level_count, sizeof(LevelRecord), h.states_offset) ||
      !in(h.states_offset, h.state_count, sizeof(HyphenState), h.trans_offset) ||
      !in(h.trans_offset, h.trans_count, sizeof(HyphenTrans), h.strings_offset) ||
      !in(h.strings_offset, h.strings_size, 1, size))
    return std::nullopt;
  return h;
}

}  // namespace

struct HyphenPatterns::Parsed {
  std::unique_ptr<HyphenDict, HyphenDictFree> dict;
};

/// The automaton of a compiled file: its states and transitions in the mapped file itself, or
/// the states copied to `moved_states` when the file could not be mapped at its own address.
struct HyphenPatterns::Compiled {
  MemoryMap file;
  MemoryMap moved_states;
  std::vector<HyphenDict> levels;

  /// False when `fd` is not a well-formed compiled form of `stamp`.
  bool open(int fd, std::size_t file_size, const SourceStamp& stamp);

 private:
  bool check_string(const char* pointer) const;
  bool check_state(const HyphenState& state, int num_states) const;
  char* moved(const char* pointer) const;

  FileHeader header_{};
  std::ptrdiff_t shift_ = 0;  ///< where the file is minus where its pointers assume it
};

/// A pointer of the file's (null, or into its string area at a NUL-terminated string).
bool HyphenPatterns::Compiled::check_string(const char* pointer) const {
  if (pointer == nullptr) return true;
  const auto offset =
      static_cast<std::int64_t>(reinterpret_cast<std::uint64_t>(pointer) - header_.base);
  if (offset < header_.strings_offset || offset >= header_.strings_offset + header_.strings_size)
    return false;
  const auto left =
      static_cast<std::size_t>(header_.strings_offset + header_.strings_size - offset);
  return std::memchr(file.data() + offset, '\0', left) != nullptr;
}

bool HyphenPatterns::Compiled::check_state(const HyphenState& state, int num_states) const {
  if (!check_string(state.match) || !check_string(state.repl)) return false;
  if (state.fallback_state < -1 || state.fallback_state >= num_states || state.num_trans < 0)
    return false;
  if (state.num_trans == 0) return true;
  const auto offset =
      static_cast<std::int64_t>(reinterpret_cast<std::uint64_t>(state.trans) - header_.base) -
      header_.trans_offset;
  const auto unit = static_cast<std::int64_t>(sizeof(HyphenTrans));
  if (offset < 0 || offset % unit != 0 || offset / unit + state.num_trans > header_.trans_count)
    return false;
  const auto* trans =
      reinterpret_cast<const HyphenTrans*>(file.data() + header_.trans_offset + offset);
  for (int t = 0; t < state.num_trans; ++t)
    if (trans[t].new_state < 0 || trans[t].new_state >= num_states) return false;
  return true;
}

char* HyphenPatterns::Compiled::moved(const char* pointer) const {
  return pointer == nullptr ? nullptr : const_cast<char*>(pointer) + shift_;
}

bool HyphenPatterns::Compiled::open(int fd, std::size_t file_size, const SourceStamp& stamp) {
  const std::optional<FileHeader> header = read_header(fd, file_size, stamp);
  if (!header) return false;
  header_ = *header;
  file = MemoryMap::of_file(fd, file_size, header_.base);
  if (file.empty()) file = MemoryMap::of_file(fd, file_size, 0);
  if (file.empty()) return false;
  shift_ = file.data() - reinterpret_cast<char*>(header_.base);
  const char* path = file.data() + header_.source_path;
  if (header_.source_path < header_.strings_offset ||
      !check_string(reinterpret_cast<const char*>(header_.base + header_.source_path)) ||
      stamp.path != path)
    return false;
  const auto* states = reinterpret_cast<const HyphenState*>(file.data() + header_.states_offset);
  const auto count = static_cast<std::size_t>(header_.state_count);
  HyphenState* used = const_cast<HyphenState*>(states);  // libhyphen's API is not const
  if (shift_ != 0) {  // elsewhere than the pointers assume: the states are copied and moved
    moved_states = MemoryMap::zeroed(count * sizeof(HyphenState));
    if (moved_states.empty() && count > 0) return false;
    used = reinterpret_cast<HyphenState*>(moved_states.data());
  }
  levels.resize(static_cast<std::size_t>(header_.level_count));
  std::size_t first = 0;
  for (std::size_t l = 0; l < levels.size(); ++l) {
    LevelRecord record{};
    std::memcpy(&record, file.data() + header_.levels_offset + l * sizeof record, sizeof record);
    if (record.num_states < 1 || first + static_cast<std::size_t>(record.num_states) > count)
      return false;
    HyphenDict& level = levels[l];
    level.lhmin = record.minimums[0];
    level.rhmin = record.minimums[1];
    level.clhmin = record.minimums[2];
    level.crhmin = record.minimums[3];
    level.nohyphen = nullptr;
    if (record.nohyphen != -1) {
      const char* list = reinterpret_cast<const char*>(header_.base + record.nohyphen);
      if (record.nohyphen < header_.strings_offset || !check_string(list)) return false;
      level.nohyphen = moved(list);
    }
    level.nohyphenl = record.nohyphenl;
    level.num_states = record.num_states;
    level.utf8 = record.utf8;
    std::memcpy(level.cset, record.cset, MAX_NAME);
    level.cset[MAX_NAME - 1] = '\0';
    level.states = used + first;
    level.nextlevel = l + 1 < levels.size() ? &levels[l + 1] : nullptr;
    for (std::size_t s = first; s < first + static_cast<std::size_t>(record.num_states); ++s) {
      if (!check_state(states[s], record.num_states)) return false;
      if (shift_ != 0)
        used[s] = {
            moved(states[s].match),
            moved(states[s].repl),
            states[s].replindex,
            states[s].replcut,
            states[s].fallback_state,
            states[s].num_trans,
            reinterpret_cast<HyphenTrans*>(moved(reinterpret_cast<const char*>(states[s].trans)))};
    }
    first += static_cast<std::size_t>(record.num_states);
  }
  return first == count;
}

HyphenPatterns HyphenPatterns::load(const std::string& dictionary_path,
                                    const std::string& cache_dir) {
  HyphenPatterns patterns;
  const std::optional<SourceStamp> stamp =
      cache_dir.empty() ? std::nullopt : stamp_of(dictionary_path);
  const std::string cache_file = stamp ? cache_file_for(*stamp, cache_dir) : "";
  if (stamp) {
    if (const int fd = ::open(cache_file.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
      struct stat info {};
      auto compiled = std::make_unique<Compiled>();
      const bool opened = fstat(fd, &info) == 0 && info.st_size > 0 &&
                          compiled->open(fd, static_cast<std::size_t>(info.st_size), *stamp);
      close(fd);
      if (opened) {
        patterns.compiled_ = std::move(compiled);
        return patterns;
      }
    }
  }
  patterns.parsed_ = std::make_unique<Parsed>();
  patterns.parsed_->dict.reset(hnj_hyphen_load(dictionary_path.c_str()));
  if (!patterns.parsed_->dict || !stamp) return patterns;
  try {  // a cache that cannot be written only costs the next run its speed
    write_file_atomically(cache_file, compile(*patterns.parsed_->dict, *stamp),
                          "hyphenation cache");
  } catch (const std::exception&) {
  }
  return patterns;
}

HyphenPatterns::HyphenPatterns() = default;
HyphenPatterns::~HyphenPatterns() = default;
HyphenPatterns::HyphenPatterns(HyphenPatterns&&) noexcept = default;
HyphenPatterns& HyphenPatterns::operator=(HyphenPatterns&&) noexcept = default;

HyphenDict* HyphenPatterns::get() const {
  if (compiled_) return compiled_->levels.data();
  return parsed_ ? parsed_->dict.get() : nullptr;
}

bool HyphenPatterns::from_cache() const {
  return compiled_ != nullptr;
}

bool HyphenPatterns::mapped_in_place() const {
  return compiled_ != nullptr && compiled_->moved_states.empty();
}

std::string default_hyphenation_cache_dir() {
  if (const char* dir = std::getenv("BROADSHEET_CACHE_DIR"); dir != nullptr && *dir != '\0')
    return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
    return (fs::path(xdg) / "broadsheet").string();
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return (fs::path(home) / ".cache" / "broadsheet").string();
  return "";
}

}  // namespace broadsheet::text
