#include "shape/word_shape_cache.h"

#include <mutex>

namespace broadsheet::shape {

std::size_t WordShapeCache::KeyHash::operator()(const Key& key) const {
  std::size_t h = std::hash<std::string>{}(key.text);
  const auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  mix(std::hash<int>{}(key.font));
  mix(static_cast<std::size_t>(key.kerning) * 4 + static_cast<std::size_t>(key.ligatures) * 2 +
      static_cast<std::size_t>(key.right_to_left));
  mix(key.script);
  mix(std::hash<std::string>{}(key.features));
  mix(std::hash<std::string>{}(key.language));
  return h;
}

ShapedRun WordShapeCache::find_or_shape(font::FontId font, std::string_view text,
                                        const ShapeOptions& options,
                                        const std::function<ShapedRun()>& shape_units) {
  Key key{font,           options.kerning,  options.ligatures, options.right_to_left,
          options.script, options.features, options.language,  std::string(text)};
  std::shared_ptr<const ShapedRun> found;
  {
    const std::shared_lock lock(mutex_);
    if (const auto it = runs_.find(key); it != runs_.end()) found = it->second;
  }
  if (found) {
    ++hits_;
    return *found;
  }
  // Shaped outside the lock: threads shape different words at once; two threads that shape
  // the same word both get the same glyphs, and the first one stored is kept.
  auto run = std::make_shared<const ShapedRun>(shape_units());
  const std::unique_lock lock(mutex_);
  if (runs_.size() >= capacity_) runs_.clear();
  runs_.try_emplace(std::move(key), run);
  return *run;
}

std::size_t WordShapeCache::size() const {
  const std::shared_lock lock(mutex_);
  return runs_.size();
}

void WordShapeCache::clear() {
  const std::unique_lock lock(mutex_);
  runs_.clear();
}

std::size_t WordShapeCache::hits() const {
  return hits_;
}

}  // namespace broadsheet::shape
