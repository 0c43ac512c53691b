#pragma once
// libhyphen's pattern automaton, loaded fast. hnj_hyphen_load parses the .dic text and builds
// the automaton with a hash table and thousands of small allocations on every process start;
// the automaton itself is a few flat arrays. The first load writes them, compiled, to a cache
// file (a user cache folder, keyed by the dictionary's path, size and modification time); later
// loads map that file read-only at the address its pointers were written for, check it, and use
// it as it is (elsewhere they copy the states and move their pointers). Any cache problem (missing,
// stale, unreadable, corrupt, unwritable) falls back to parsing the text: the cache is never
// needed for correct results.

#include <memory>
#include <string>

struct _HyphenDict;

namespace broadsheet::text {

/// Where compiled dictionaries are cached: $BROADSHEET_CACHE_DIR, else $XDG_CACHE_HOME/broadsheet,
/// else $HOME/.cache/broadsheet; empty when none of them is set (no caching).
std::string default_hyphenation_cache_dir();

/// A loaded hyphenation dictionary, parsed by libhyphen or rebuilt from its compiled form.
/// Read-only once loaded: any number of threads may hyphenate with get() at once.
class HyphenPatterns {
 public:
  /// Loads `dictionary_path`, through the compiled cache in `cache_dir` (empty: no cache).
  /// An unreadable dictionary gives an empty HyphenPatterns (false).
  static HyphenPatterns load(const std::string& dictionary_path, const std::string& cache_dir);

  HyphenPatterns();
  ~HyphenPatterns();
  HyphenPatterns(HyphenPatterns&&) noexcept;
  HyphenPatterns& operator=(HyphenPatterns&&) noexcept;

  /// The automaton for hnj_hyphen_hyphenate2 (never modified by it); null when not loaded.
  _HyphenDict* get() const;
  explicit operator bool() const { return get() != nullptr; }
  /// True when the automaton came from the compiled cache rather than from parsing.
  bool from_cache() const;
  /// True when the compiled file is used where it is mapped, with nothing copied.
  bool mapped_in_place() const;

 private:
  struct Parsed;
  struct Compiled;
  std::unique_ptr<Parsed> parsed_;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace broadsheet::text
