#pragma once
// The font registry: the faces listed in fonts/fonts.toml (family + style -> file), never found
// through a system search. Most faces are pinned files in fonts/; fallback faces for other
// scripts are system files from Debian packages (Noto), pinned by package version and SHA-256 in
// the manifest, opened and checked on first use. HarfBuzz gets its own hb_face/hb_font per face
// (the renderer opens separate FreeType faces for Cairo: sharing one FT_Face makes HarfBuzz read
// advances at whatever size Cairo last set).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

/// Where a system face comes from: the Debian package and the file's SHA-256, checked when the
/// face is first used (a mismatch is an error: renders must stay identical).
struct FontPin {
  std::string package;
  std::string version;
  std::string sha256;  ///< lowercase hex
  std::string manifest;
  int manifest_line = 0;
};

/// One face: its file (and face index in a collection), its HarfBuzz font (scale = units per
/// em) and its metrics. A pinned face opens on first use.
class Font {
 public:
  Font(std::string family, std::string style, std::string path, unsigned index = 0,
       std::optional<FontPin> pin = std::nullopt);
  ~Font();
  Font(Font&&) noexcept;
  Font& operator=(Font&&) noexcept;

  const std::string& family() const { return family_; }
  const std::string& style() const { return style_; }
  const std::string& path() const { return path_; }
  unsigned face_index() const { return index_; }
  bool is_pinned_system_font() const { return pin_.has_value(); }
  const std::optional<FontPin>& pin() const { return pin_; }
  unsigned units_per_em() const;
  const FontMetrics& metrics() const;
  /// The HarfBuzz font; positions come out in font units (divide by units_per_em, times size).
  hb_font_t* hb_font() const;
  /// True when the face maps `c` to a glyph (its cmap, not .notdef).
  bool has_glyph(char32_t c) const;

 private:
  struct Handles;
  const Handles& handles() const;
  std::string family_, style_, path_;
  unsigned index_ = 0;
  std::optional<FontPin> pin_;
  std::unique_ptr<Handles> hb_;
};

/// All the faces of a fonts/ folder, and the fallback chains for characters they lack.
class FontRegistry {
 public:
  /// Reads `fonts_dir`/fonts.toml and opens every face it lists; errors name the manifest line.
  static FontRegistry load(const std::string& fonts_dir);

  /// The face for family + style; throws InputError naming the manifest when it has none.
  FontId find(const std::string& family, const std::string& style) const;
  /// The same, without throwing.
  std::optional<FontId> lookup(std::string_view family, std::string_view style) const;
  const Font& font(FontId id) const { return fonts_.at(static_cast<std::size_t>(id)); }
  std::size_t size() const { return fonts_.size(); }
  const std::string& manifest_path() const { return manifest_; }
  /// The words shaped with these faces (shape/word_shape_cache.h); thread-safe.
  shape::WordShapeCache* word_shapes() const { return word_shapes_.get(); }

  /// The fallback faces, in order, for text in `language` (BCP 47; "" for none) set in
  /// `style`: the manifest's [fallback] chain for the language's closest tag ("zh-Hant-TW" ->
  /// "zh-Hant" -> "zh"), else its default chain; each family's face in `style`, else Regular.
  std::vector<FontId> fallback_chain(std::string_view language, std::string_view style) const;

 private:
  /// The [fallback] table: family names, by lowercase language tag.
  struct FallbackChains {
    std::vector<std::string> default_chain;
    std::map<std::string, std::vector<std::string>> by_language;
  };
  void check_fallbacks(int manifest_line) const;
  std::string manifest_;
  std::vector<Font> fonts_;
  FallbackChains fallbacks_;
  std::shared_ptr<shape::WordShapeCache> word_shapes_;
};

}  // namespace broadsheet::font
