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
#include <utility>

#include "core/atomic_file.h"

namespace broadsheet::text {

namespace {

namespace fs = std::filesystem;

// The compiled file: FileHeader, one LevelRecord per level (the dictionary and its
// nextlevel chain), every level's StateRecords, every TransRecord, then the strings
// (NUL-terminated; offsets below index this string area, -1 for none). Native byte order:
// the cache belongs to one machine. Fixed-width fields only, so no padding bytes are written.
constexpr char kMagic[8] = {'B', 'S', 'H', 'Y', 'P', 'H', '0', '2'};  // 02: whole NOHYPHEN lists

struct FileHeader {
  char magic[8];
  std::int64_t source_size;
  std::int64_t source_mtime;
  std::int64_t source_path;  ///< the dictionary's absolute path, in the string area
  std::int32_t level_count;
  std::int32_t trans_count;
  std::int64_t strings_size;
};

struct LevelRecord {
  std::int64_t nohyphen;
  std::int32_t nohyphenl;
  std::int32_t num_states;
  std::int32_t utf8;
  char minimums[4];  ///< lhmin, rhmin, clhmin, crhmin
  char cset[MAX_NAME];
  char padding[4];
};

struct StateRecord {
  std::int64_t match;
  std::int64_t repl;
  std::int32_t fallback_state;
  std::int32_t num_trans;
  std::int32_t first_trans;  ///< index into the TransRecords
  std::int8_t replindex;
  std::int8_t replcut;
  char padding[2];
};

struct TransRecord {
  std::int32_t ch;
  std::int32_t new_state;
};

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

/// The string area of a file being written: each string once, NUL-terminated.
class StringArea {
 public:
  std::int64_t add(const char* text) {
    if (text == nullptr) return -1;
    const auto offset = static_cast<std::int64_t>(bytes_.size());
    bytes_.append(text, std::strlen(text) + 1);
    return offset;
  }
  /// `count` consecutive NUL-terminated strings (libhyphen's NOHYPHEN list: its commas
  /// become NULs, and nohyphenl + 1 elements follow one another).
  std::int64_t add_list(const char* text, int count) {
    if (text == nullptr) return -1;
    const auto offset = static_cast<std::int64_t>(bytes_.size());
    for (int i = 0; i < count; ++i) {
      const std::size_t length = std::strlen(text) + 1;
      bytes_.append(text, length);
      text += length;
    }
    return offset;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

template <class Record>
void append_record(std::string& out, const Record& record) {
  out.append(reinterpret_cast<const char*>(&record), sizeof record);
}

/// The compiled file for `dict` (a parsed dictionary and its nextlevel chain).
std::string compile(const HyphenDict& dict, const SourceStamp& stamp) {
  StringArea strings;
  std::string levels, states, transitions;
  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.source_size = stamp.size;
  header.source_mtime = stamp.mtime;
  header.source_path = strings.add(stamp.path.c_str());
  for (const HyphenDict* level = &dict; level != nullptr; level = level->nextlevel) {
    LevelRecord record{};
    record.nohyphen = strings.add_list(level->nohyphen, level->nohyphenl + 1);
    record.nohyphenl = level->nohyphenl;
    record.num_states = level->num_states;
    record.utf8 = level->utf8;
    const char minimums[4] = {level->lhmin, level->rhmin, level->clhmin, level->crhmin};
    std::memcpy(record.minimums, minimums, sizeof minimums);
    std::memcpy(record.cset, level->cset, MAX_NAME);
    append_record(levels, record);
    ++header.level_count;
    for (int s = 0; s < level->num_states; ++s) {
      const HyphenState& state = level->states[s];
      const StateRecord state_record{
          strings.add(state.match), strings.add(state.repl), state.fallback_state, state.num_trans,
          header.trans_count,       state.replindex,         state.replcut,        {}};
      append_record(states, state_record);
      for (int t = 0; t < state.num_trans; ++t)
        append_record(transitions, TransRecord{static_cast<unsigned char>(state.trans[t].ch),
                                               state.trans[t].new_state});
      header.trans_count += state.num_trans;
    }
  }
  header.strings_size = static_cast<std::int64_t>(strings.bytes().size());
  std::string out;
  append_record(out, header);
  out += levels;
  out += states;
  out += transitions;
  out += strings.bytes();
  return out;
}

/// Reads records from a compiled file, checking every bound.
class Reader {
 public:
  Reader(const char* bytes, std::size_t size) : bytes_(bytes), size_(size) {}
  template <class Record>
  bool read(Record& record) {
    if (size_ - at_ < sizeof record) return false;
    std::memcpy(&record, bytes_ + at_, sizeof record);
    at_ += sizeof record;
    return true;
  }
  std::size_t position() const { return at_; }

 private:
  const char* bytes_;
  std::size_t size_;
  std::size_t at_ = 0;
};

/// A memory mapping, unmapped on destruction. Both kinds are populated in one system call:
/// page by page faults cost more than all of the rebuilding.
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

  /// The file, read-only; empty when it cannot be mapped.
  static MemoryMap of_file(const std::string& path) {
    MemoryMap map;
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return map;
    struct stat info {};
    if (fstat(fd, &info) == 0 && info.st_size > 0)
      map.reset(mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ,
                     MAP_PRIVATE | MAP_POPULATE, fd, 0),
                static_cast<std::size_t>(info.st_size));
    close(fd);
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

}  // namespace

struct HyphenPatterns::Parsed {
  std::unique_ptr<HyphenDict, HyphenDictFree> dict;
};

/// The automaton rebuilt from a compiled file: the states and transitions in `tables`, the
/// strings in the mapped file itself.
struct HyphenPatterns::Compiled {
  MemoryMap file;
  MemoryMap tables;
  std::vector<HyphenDict> levels;
  HyphenState* states = nullptr;
  HyphenTrans* transitions = nullptr;
  std::size_t trans_count = 0;

  /// False when the file is not a well-formed compiled form of `stamp`.
  bool rebuild(const SourceStamp& stamp);

 private:
  char* string_at(std::int64_t offset) const;
  bool rebuild_state(const StateRecord& record, const LevelRecord& level, HyphenState& state);

  char* strings_ = nullptr;
  std::int64_t strings_size_ = 0;
};

char* HyphenPatterns::Compiled::string_at(std::int64_t offset) const {
  if (offset == -1) return nullptr;
  if (offset < 0 || offset >= strings_size_) return nullptr;
  return std::memchr(strings_ + offset, '\0', static_cast<std::size_t>(strings_size_ - offset))
             ? strings_ + offset
             : nullptr;
}

bool HyphenPatterns::Compiled::rebuild_state(const StateRecord& record, const LevelRecord& level,
                                             HyphenState& state) {
  state.match = string_at(record.match);
  state.repl = string_at(record.repl);
  if ((record.match != -1 && state.match == nullptr) || (record.repl != -1 && !state.repl))
    return false;
  state.replindex = record.replindex;
  state.replcut = record.replcut;
  state.fallback_state = record.fallback_state;
  state.num_trans = record.num_trans;
  if (record.fallback_state < -1 || record.fallback_state >= level.num_states) return false;
  if (record.num_trans < 0 || record.first_trans < 0 ||
      static_cast<std::size_t>(record.first_trans) + static_cast<std::size_t>(record.num_trans) >
          trans_count)
    return false;
  state.trans = transitions + record.first_trans;
  for (int t = 0; t < record.num_trans; ++t)
    if (state.trans[t].new_state < 0 || state.trans[t].new_state >= level.num_states) return false;
  return true;
}

bool HyphenPatterns::Compiled::rebuild(const SourceStamp& stamp) {
  Reader reader(file.data(), file.size());
  FileHeader header{};
  if (!reader.read(header) || std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) return false;
  if (header.source_size != stamp.size || header.source_mtime != stamp.mtime) return false;
  if (header.level_count < 1 || header.level_count > 8 || header.trans_count < 0) return false;
  std::vector<LevelRecord> level_records(static_cast<std::size_t>(header.level_count));
  std::size_t state_count = 0;
  for (LevelRecord& level : level_records) {
    if (!reader.read(level) || level.num_states < 1) return false;
    state_count += static_cast<std::size_t>(level.num_states);
  }
  const std::size_t table_bytes =
      state_count * sizeof(StateRecord) +
      static_cast<std::size_t>(header.trans_count) * sizeof(TransRecord);
  if (file.size() - reader.position() !=
      table_bytes + static_cast<std::size_t>(header.strings_size))
    return false;
  // The strings stay in the read-only mapping: libhyphen only reads them.
  strings_ = file.data() + reader.position() + table_bytes;
  strings_size_ = header.strings_size;
  const char* path = string_at(header.source_path);
  if (path == nullptr || stamp.path != path) return false;

  std::vector<StateRecord> state_records(state_count);
  for (StateRecord& record : state_records) reader.read(record);
  trans_count = static_cast<std::size_t>(header.trans_count);
  tables = MemoryMap::zeroed(state_count * sizeof(HyphenState) + trans_count * sizeof(HyphenTrans));
  if (tables.empty()) return false;
  static_assert(alignof(HyphenState) >= alignof(HyphenTrans));
  states = reinterpret_cast<HyphenState*>(tables.data());
  std::uninitialized_value_construct_n(states, state_count);
  transitions = reinterpret_cast<HyphenTrans*>(tables.data() + state_count * sizeof(HyphenState));
  std::uninitialized_value_construct_n(transitions, trans_count);
  for (std::size_t t = 0; t < trans_count; ++t) {
    TransRecord record{};
    reader.read(record);
    transitions[t].ch = static_cast<char>(record.ch);
    transitions[t].new_state = record.new_state;
  }
  levels.resize(level_records.size());
  std::size_t first_state = 0;
  for (std::size_t l = 0; l < levels.size(); ++l) {
    const LevelRecord& record = level_records[l];
    HyphenDict& level = levels[l];
    level.lhmin = record.minimums[0];
    level.rhmin = record.minimums[1];
    level.clhmin = record.minimums[2];
    level.crhmin = record.minimums[3];
    level.nohyphen = string_at(record.nohyphen);
    level.nohyphenl = record.nohyphenl;
    level.num_states = record.num_states;
    level.utf8 = record.utf8;
    std::memcpy(level.cset, record.cset, MAX_NAME);
    level.cset[MAX_NAME - 1] = '\0';
    level.states = states + first_state;
    level.nextlevel = l + 1 < levels.size() ? &levels[l + 1] : nullptr;
    for (int s = 0; s < record.num_states; ++s)
      if (!rebuild_state(state_records[first_state + static_cast<std::size_t>(s)], record,
                         level.states[s]))
        return false;
    first_state += static_cast<std::size_t>(record.num_states);
  }
  return true;
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

HyphenPatterns HyphenPatterns::load(const std::string& dictionary_path,
                                    const std::string& cache_dir) {
  HyphenPatterns patterns;
  const std::optional<SourceStamp> stamp =
      cache_dir.empty() ? std::nullopt : stamp_of(dictionary_path);
  const std::string cache_file = stamp ? cache_file_for(*stamp, cache_dir) : "";
  if (stamp) {
    if (MemoryMap file = MemoryMap::of_file(cache_file); !file.empty()) {
      auto compiled = std::make_unique<Compiled>();
      compiled->file = std::move(file);
      if (compiled->rebuild(*stamp)) {
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

}  // namespace broadsheet::text
