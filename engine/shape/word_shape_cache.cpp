#include "shape/word_shape_cache.h"

namespace broadsheet::shape {

std::size_t WordShapeCache::KeyHash::operator()(const Key& key) const {
  std::size_t h = std::hash<std::string>{}(key.text);
  const auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  mix(std::hash<int>{}(key.font));
  mix(std::hash<double>{}(key.size));
  mix(std::hash<double>{}(key.tracking));
  mix(static_cast<std::size_t>(key.kerning) * 2 + static_cast<std::size_t>(key.ligatures));
  return h;
}

ShapedRun WordShapeCache::find_or_shape(font::FontId font, double size, std::string_view text,
                                        const ShapeOptions& options,
                                        const std::function<ShapedRun()>& shape) {
  Key key{font, size, options.tracking, options.kerning, options.ligatures, std::string(text)};
  {
    const std::lock_guard lock(mutex_);
    if (const auto found = runs_.find(key); found != runs_.end()) {
      ++hits_;
      return found->second;
    }
  }
  // Shaped outside the lock: threads shape different words at once; two threads that shape
  // the same word both get the same glyphs, and the first one stored is kept.
  ShapedRun run = shape();
  const std::lock_guard lock(mutex_);
  if (runs_.size() >= capacity_) runs_.clear();
  runs_.try_emplace(std::move(key), run);
  return run;
}

std::size_t WordShapeCache::size() const {
  const std::lock_guard lock(mutex_);
  return runs_.size();
}

void WordShapeCache::clear() {
  const std::lock_guard lock(mutex_);
  runs_.clear();
}

std::size_t WordShapeCache::hits() const {
  const std::lock_guard lock(mutex_);
  return hits_;
}

}  // namespace broadsheet::shape
