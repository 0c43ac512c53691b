#include "font/font_registry.h"

#include <hb-ot.h>
#include <hb.h>
#include <toml++/toml.h>

#include <filesystem>

#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "shape/word_shape_cache.h"

namespace broadsheet::font {

namespace {

double metric_em(hb_font_t* font, hb_ot_metrics_tag_t tag, unsigned upem, double fallback) {
  hb_position_t value = 0;
  if (!hb_ot_metrics_get_position(font, tag, &value)) return fallback;
  return static_cast<double>(value) / upem;
}

}  // namespace

struct Font::HarfBuzzHandles {
  CHandle<hb_blob_t, hb_blob_destroy> blob;
  CHandle<hb_face_t, hb_face_destroy> face;
  CHandle<hb_font_t, hb_font_destroy> font;
};

Font::Font(std::string family, std::string style, std::string path)
    : family_(std::move(family)),
      style_(std::move(style)),
      path_(std::move(path)),
      hb_(std::make_unique<HarfBuzzHandles>()) {
  hb_->blob.reset(hb_blob_create_from_file_or_fail(path_.c_str()));
  if (!hb_->blob) throw InputError({path_, 0, 0}, "cannot read font file");
  hb_->face.reset(hb_face_create(hb_->blob.get(), 0));
  if (hb_face_get_glyph_count(hb_->face.get()) == 0)
    throw InputError({path_, 0, 0}, "not a font file HarfBuzz can read");
  units_per_em_ = hb_face_get_upem(hb_->face.get());
  hb_->font.reset(hb_font_create(hb_->face.get()));
  // Unscaled: positions in font units, converted to points by the shaper.
  hb_font_set_scale(hb_->font.get(), static_cast<int>(units_per_em_),
                    static_cast<int>(units_per_em_));
  hb_font_t* f = hb_->font.get();
  metrics_.ascender = metric_em(f, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, units_per_em_, 0.8);
  metrics_.descender = -metric_em(f, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, units_per_em_, -0.2);
  metrics_.cap_height = metric_em(f, HB_OT_METRICS_TAG_CAP_HEIGHT, units_per_em_, 0.7);
  metrics_.x_height = metric_em(f, HB_OT_METRICS_TAG_X_HEIGHT, units_per_em_, 0.45);
}

Font::~Font() = default;
Font::Font(Font&&) noexcept = default;
Font& Font::operator=(Font&&) noexcept = default;

hb_font_t* Font::hb_font() const {
  return hb_->font.get();
}

FontRegistry FontRegistry::load(const std::string& fonts_dir) {
  namespace fs = std::filesystem;
  FontRegistry registry;
  registry.manifest_ = (fs::path(fonts_dir) / "fonts.toml").string();
  registry.word_shapes_ = std::make_shared<shape::WordShapeCache>();
  const std::string& manifest = registry.manifest_;
  if (!fs::exists(manifest)) throw InputError({manifest, 0, 0}, "font manifest not found");
  toml::table doc;
  try {
    doc = toml::parse_file(std::string_view(manifest));
  } catch (const toml::parse_error& e) {
    throw InputError({manifest, static_cast<int>(e.source().begin.line),
                      static_cast<int>(e.source().begin.column)},
                     std::string(e.description()));
  }
  const toml::array* list = doc["font"].as_array();
  if (!list || list->empty()) throw InputError({manifest, 0, 0}, "no [[font]] entries");
  for (const toml::node& node : *list) {
    const int line = static_cast<int>(node.source().begin.line);
    const toml::table* entry = node.as_table();
    if (!entry) throw InputError({manifest, line, 0}, "font: expected a table");
    auto field = [&](const char* key) {
      auto v = (*entry)[key].value<std::string>();
      if (!v)
        throw InputError({manifest, line, 0}, std::string("font.") + key + ": missing string");
      return *v;
    };
    const std::string file = (fs::path(fonts_dir) / field("file")).string();
    if (!fs::exists(file))
      throw InputError({manifest, line, 0}, "font file '" + file + "' does not exist");
    registry.fonts_.emplace_back(field("family"), field("style"), file);
  }
  return registry;
}

FontId FontRegistry::find(const std::string& family, const std::string& style) const {
  for (std::size_t i = 0; i < fonts_.size(); ++i)
    if (fonts_[i].family() == family && fonts_[i].style() == style) return static_cast<FontId>(i);
  throw InputError({manifest_, 0, 0}, "no font '" + family + " " + style + "' in the manifest");
}

}  // namespace broadsheet::font
