#include "shape/shaper.h"

#include <hb.h>

#include "core/c_handle.h"
#include "shape/word_shape_cache.h"

namespace broadsheet::shape {

double ShapedRun::width() const {
  double w = 0;
  for (const auto& g : glyphs) w += g.advance;
  return w;
}

double ShapedRun::width_of(std::size_t begin, std::size_t end) const {
  double w = 0;
  for (const auto& g : glyphs)
    if (g.cluster >= begin && g.cluster < end) w += g.advance;
  return w;
}

bool ShapedRun::safe_to_cut(std::size_t at) const {
  if (at == 0 || at >= text.size()) return true;
  for (const auto& g : glyphs) {
    if (g.cluster == at) return !g.unsafe_to_break;
    if (g.cluster > at) return false;  // `at` falls inside a cluster (a ligature)
  }
  return false;
}

namespace {

ShapedRun shape_uncached(const font::FontRegistry& fonts, font::FontId font_id, double size,
                         std::string_view text, const ShapeOptions& options) {
  const font::Font& font = fonts.font(font_id);
  const CHandle<hb_buffer_t, hb_buffer_destroy> buffer(hb_buffer_create());
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
  hb_buffer_guess_segment_properties(buffer.get());
  hb_buffer_set_cluster_level(buffer.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);

  std::vector<hb_feature_t> features;
  if (!options.kerning) features.push_back({HB_TAG('k', 'e', 'r', 'n'), 0, 0, ~0u});
  if (!options.ligatures) features.push_back({HB_TAG('l', 'i', 'g', 'a'), 0, 0, ~0u});
  hb_shape(font.hb_font(), buffer.get(), features.data(), static_cast<unsigned>(features.size()));

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
  const double scale = size / font.units_per_em();
  const double tracking = options.tracking * size;

  ShapedRun run;
  run.font = font_id;
  run.size = size;
  run.text = std::string(text);
  run.glyphs.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    const auto flags = hb_glyph_info_get_glyph_flags(&info[i]);
    run.glyphs.push_back({info[i].codepoint, info[i].cluster, pos[i].x_advance * scale + tracking,
                          pos[i].x_offset * scale, pos[i].y_offset * scale,
                          (flags & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0});
  }
  return run;
}

}  // namespace

ShapedRun shape_text(const font::FontRegistry& fonts, font::FontId font_id, double size,
                     std::string_view text, const ShapeOptions& options) {
  WordShapeCache* cache = fonts.word_shapes();
  if (cache == nullptr) return shape_uncached(fonts, font_id, size, text, options);
  return cache->find_or_shape(font_id, size, text, options,
                              [&] { return shape_uncached(fonts, font_id, size, text, options); });
}

}  // namespace broadsheet::shape
