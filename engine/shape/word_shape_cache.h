#pragma once
// Shaped words, remembered (as Android's minikin does): a newspaper page shapes "the", "of" and
// "said" dozens of times, copyfit and editions shape the same words again and again. Keyed by
// everything that changes which glyphs HarfBuzz picks and where: face, features (kerning,
// ligatures and the style's own), language, script, direction and the text. Not by size or
// tracking: a word is kept in font units, and scaled and tracked on the way out, so that a
// copyfit trying 130 headline sizes and four letter spacings shapes each word once.
// One cache per font registry, shared by the threads that share the registry.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shape/shaper.h"

namespace broadsheet::shape {

class WordShapeCache {
 public:
  /// Holds at most `capacity` words; when full it starts again empty (cheap, and a page or an
  /// edition refills it with the words it uses).
  explicit WordShapeCache(std::size_t capacity = 20000) : capacity_(capacity) {}

  /// The run for these settings in font units (advances and offsets unscaled, no tracking),
  /// from the cache or made by `shape_units` (and then remembered).
  ShapedRun find_or_shape(font::FontId font, std::string_view text, const ShapeOptions& options,
                          const std::function<ShapedRun()>& shape_units);

  std::size_t size() const;
  std::size_t hits() const;
  void clear();  ///< forget every word (benchmarks of cold shaping)

 private:
  struct Key {
    font::FontId font = 0;
    bool kerning = true, ligatures = true, right_to_left = false;
    std::uint32_t script = 0;
    std::string features, language;
    std::string text;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const;
  };

  // Readers share the lock; a run is copied after the lock is released.
  mutable std::shared_mutex mutex_;
  std::unordered_map<Key, std::shared_ptr<const ShapedRun>, KeyHash> runs_;
  std::size_t capacity_;
  std::atomic<std::size_t> hits_ = 0;
};

}  // namespace broadsheet::shape
