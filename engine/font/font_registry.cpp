#include "font/font_registry.h"

#include <hb-ot.h>
#include <hb.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

#include "core/bounded_read.h"
#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "core/limits.h"
#include "shape/word_shape_cache.h"

namespace broadsheet::font {

namespace {

double metric_em(hb_font_t* font, hb_ot_metrics_tag_t tag, unsigned upem, double fallback) {
  hb_position_t value = 0;
  if (!hb_ot_metrics_get_position(font, tag, &value)) return fallback;
  return static_cast<double>(value) / upem;
}

/// A manifest's font file must lie inside the manifest's folder (symlinks resolved) and start
/// like an OpenType, TrueType or collection file, checked before FreeType or HarfBuzz open it.
void check_font_file(const std::string& manifest, int line, const std::string& fonts_dir,
                     const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code folder_error, file_error;
  fs::path folder = fs::weakly_canonical(fs::absolute(fonts_dir), folder_error);
  if (folder.filename().empty()) folder = folder.parent_path();  // "fonts/" -> "fonts"
  const fs::path resolved = fs::weakly_canonical(fs::absolute(file), file_error);
  const auto [folder_end, ignored] =
      std::mismatch(folder.begin(), folder.end(), resolved.begin(), resolved.end());
  if (folder_error || file_error || folder_end != folder.end())
    throw InputError({manifest, line, 0},
                     "font file '" + limits::echo(file) + "' is outside the manifest's folder");
  std::error_code ec;
  if (!fs::exists(resolved, ec))
    throw InputError({manifest, line, 0}, "font file '" + limits::echo(file) + "' does not exist");
  if (!fs::is_regular_file(resolved, ec))
    throw InputError({manifest, line, 0},
                     "font file '" + limits::echo(file) + "' is not a regular file");
  std::ifstream in(resolved, std::ios::binary);
  char magic[4] = {};
  in.read(magic, sizeof magic);
  const std::string_view tag(magic, static_cast<std::size_t>(in.gcount()));
  static constexpr std::string_view kFontTags[] = {std::string_view("\0\1\0\0", 4), "OTTO", "true",
                                                   "ttcf"};
  if (std::find(std::begin(kFontTags), std::end(kFontTags), tag) == std::end(kFontTags))
    throw InputError({manifest, line, 0},
                     "font file '" + limits::echo(file) + "' is not an OpenType or TrueType font");
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
    doc = toml::parse(read_bounded_file(manifest, limits::kManifestBytes, "font manifest"),
                      std::string_view(manifest));
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
    check_font_file(manifest, line, fonts_dir, file);
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
