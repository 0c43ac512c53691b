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
  // Right-to-left glyphs run backwards: look for the glyph that starts the cluster at `at`;
  // none means `at` falls inside a cluster (a ligature).
  for (const auto& g : glyphs)
    if (g.cluster == at) return !g.unsafe_to_break;
  return false;
}

namespace {

/// Appends the features of a comma-separated list ("onum,smcp", "-liga", "ss01=1").
void add_features(std::string_view list, std::vector<hb_feature_t>& features) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    hb_feature_t feature;
    if (!item.empty() &&
        hb_feature_from_string(item.data(), static_cast<int>(item.size()), &feature))
      features.push_back(feature);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

/// The word in font units: advances and offsets as HarfBuzz gives them (an unscaled font), no
/// tracking. scaled() makes points of them.
ShapedRun shape_in_font_units(const font::FontRegistry& fonts, font::FontId font_id,
                              std::string_view text, const ShapeOptions& options) {
  const font::Font& font = fonts.font(font_id);
  const CHandle<hb_buffer_t, hb_buffer_destroy> buffer(hb_buffer_create());
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  hb_buffer_set_direction(buffer.get(),
                          options.right_to_left ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  if (options.script != 0) hb_buffer_set_script(buffer.get(), hb_script_t(options.script));
  if (!options.language.empty())
    hb_buffer_set_language(buffer.get(),
                           hb_language_from_string(options.language.data(),
                                                   static_cast<int>(options.language.size())));
  hb_buffer_guess_segment_properties(buffer.get());
  hb_buffer_set_cluster_level(buffer.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);

  std::vector<hb_feature_t> features;
  if (!options.kerning) features.push_back({HB_TAG('k', 'e', 'r', 'n'), 0, 0, ~0u});
  if (!options.ligatures) features.push_back({HB_TAG('l', 'i', 'g', 'a'), 0, 0, ~0u});
  add_features(options.features, features);
  hb_shape(font.hb_font(), buffer.get(), features.data(), static_cast<unsigned>(features.size()));

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
  ShapedRun run;
  run.font = font_id;
  run.text = std::string(text);
  run.glyphs.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    const auto flags = hb_glyph_info_get_glyph_flags(&info[i]);
    run.glyphs.push_back({info[i].codepoint, info[i].cluster, double(pos[i].x_advance),
                          double(pos[i].x_offset), double(pos[i].y_offset),
                          (flags & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0, font_id, 0});
  }
  return run;
}

/// `units` at `size` points with `tracking` em after every glyph (the same arithmetic, and so
/// the same bits, as scaling while shaping).
ShapedRun scaled(ShapedRun units, const font::Font& font, double size, double tracking_em) {
  const double scale = size / font.units_per_em();
  const double tracking = tracking_em * size;
  units.size = size;
  for (ShapedGlyph& g : units.glyphs) {
    g.advance = g.advance * scale + tracking;
    g.x_offset *= scale;
    g.y_offset *= scale;
  }
  return units;
}

}  // namespace

ShapedRun shape_text(const font::FontRegistry& fonts, font::FontId font_id, double size,
                     std::string_view text, const ShapeOptions& options) {
  WordShapeCache* cache = fonts.word_shapes();
  const auto shape = [&] { return shape_in_font_units(fonts, font_id, text, options); };
  ShapedRun run =
      scaled(cache == nullptr ? shape() : cache->find_or_shape(font_id, text, options, shape),
             fonts.font(font_id), size, options.tracking);
  if (options.bidi_level != 0)
    for (ShapedGlyph& g : run.glyphs) g.level = options.bidi_level;
  return run;
}

}  // namespace broadsheet::shape
