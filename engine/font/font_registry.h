#pragma once
// The font registry: the faces pinned in fonts/, found through fonts/fonts.toml (family + style
// -> file), never through system paths. HarfBuzz gets its own hb_face/hb_font per face (the
// renderer opens separate FreeType faces for Cairo: sharing one FT_Face makes HarfBuzz read
// advances at whatever size Cairo last set).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct hb_font_t;

namespace broadsheet::shape {
class WordShapeCache;
}

namespace broadsheet::font {

using FontId = int;

/// Vertical metrics in em (multiply by the size in pt).
struct FontMetrics {
  double ascender = 0.8;   ///< above the baseline
  double descender = 0.2;  ///< below the baseline, positive
  double cap_height = 0.7;
  double x_height = 0.45;
};

/// One face: its file, its HarfBuzz font (scale = units per em) and its metrics.
class Font {
 public:
  Font(std::string family, std::string style, std::string path);
  ~Font();
  Font(Font&&) noexcept;
  Font& operator=(Font&&) noexcept;

  const std::string& family() const { return family_; }
  const std::string& style() const { return style_; }
  const std::string& path() const { return path_; }
  unsigned units_per_em() const { return units_per_em_; }
  const FontMetrics& metrics() const { return metrics_; }
  /// The HarfBuzz font; positions come out in font units (divide by units_per_em, times size).
  hb_font_t* hb_font() const;

 private:
  struct HarfBuzzHandles;
  std::string family_, style_, path_;
  unsigned units_per_em_ = 1000;
  FontMetrics metrics_;
  std::unique_ptr<HarfBuzzHandles> hb_;
};

/// All the faces of a fonts/ folder.
class FontRegistry {
 public:
  /// Reads `fonts_dir`/fonts.toml and opens every face it lists; errors name the manifest line.
  static FontRegistry load(const std::string& fonts_dir);

  /// The face for family + style; throws InputError naming the manifest when it has none.
  FontId find(const std::string& family, const std::string& style) const;
  const Font& font(FontId id) const { return fonts_.at(static_cast<std::size_t>(id)); }
  std::size_t size() const { return fonts_.size(); }
  const std::string& manifest_path() const { return manifest_; }
  /// The words shaped with these faces (shape/word_shape_cache.h); thread-safe.
  shape::WordShapeCache* word_shapes() const { return word_shapes_.get(); }

 private:
  std::string manifest_;
  std::vector<Font> fonts_;
  std::shared_ptr<shape::WordShapeCache> word_shapes_;
};

}  // namespace broadsheet::font
