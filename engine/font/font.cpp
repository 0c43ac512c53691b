#include <glib.h>
#include <hb-ot.h>
#include <hb.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <vector>

#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "font/font_registry.h"

namespace broadsheet::font {

namespace {

double metric_em(hb_font_t* font, hb_ot_metrics_tag_t tag, unsigned upem, double fallback) {
  hb_position_t value = 0;
  if (!hb_ot_metrics_get_position(font, tag, &value)) return fallback;
  return static_cast<double>(value) / upem;
}

/// The SHA-256 of a file in lowercase hex, empty when unreadable. GLib's checksum: the process
/// has GLib loaded already (Cairo and HarfBuzz use it), so pins cost no library of their own.
std::string sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  const CHandle<GChecksum, g_checksum_free> sha(g_checksum_new(G_CHECKSUM_SHA256));
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    g_checksum_update(sha.get(), reinterpret_cast<const guchar*>(buffer.data()),
                      static_cast<gssize>(in.gcount()));
  }
  return g_checksum_get_string(sha.get());
}

/// A pinned system face must be the file the manifest names, byte for byte.
void check_pin(const std::string& family, const std::string& path, const FontPin& pin) {
  const std::string where =
      family + " (" + path + ", from Debian package " + pin.package + " " + pin.version + ")";
  const std::string actual = sha256_of_file(path);
  if (actual.empty())
    throw InputError(
        {pin.manifest, pin.manifest_line, 0},
        "fallback font " + where + " is not installed; install the package (scripts/setup.sh)",
        "font-not-installed");
  if (actual != pin.sha256)
    throw InputError({pin.manifest, pin.manifest_line, 0},
                     "fallback font " + where + " has SHA-256 " + actual + ", the manifest pins " +
                         pin.sha256 + ": another package version would change the layout",
                     "font-checksum");
}

}  // namespace

struct Font::Handles {
  std::once_flag opened;
  CHandle<hb_blob_t, hb_blob_destroy> blob;
  CHandle<hb_face_t, hb_face_destroy> face;
  CHandle<hb_font_t, hb_font_destroy> font;
  unsigned units_per_em = 1000;
  FontMetrics metrics;

  void open(const std::string& path, unsigned index) {
    blob.reset(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!blob) throw InputError({path, 0, 0}, "cannot read font file");
    if (index >= hb_face_count(blob.get()))
      throw InputError({path, 0, 0}, "no face " + std::to_string(index) + " in the font file");
    face.reset(hb_face_create(blob.get(), index));
    if (hb_face_get_glyph_count(face.get()) == 0)
      throw InputError({path, 0, 0}, "not a font file HarfBuzz can read");
    units_per_em = hb_face_get_upem(face.get());
    font.reset(hb_font_create(face.get()));
    // Unscaled: positions in font units, converted to points by the shaper.
    hb_font_set_scale(font.get(), static_cast<int>(units_per_em), static_cast<int>(units_per_em));
    hb_font_t* f = font.get();
    metrics.ascender = metric_em(f, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, units_per_em, 0.8);
    metrics.descender = -metric_em(f, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, units_per_em, -0.2);
    metrics.cap_height = metric_em(f, HB_OT_METRICS_TAG_CAP_HEIGHT, units_per_em, 0.7);
    metrics.x_height = metric_em(f, HB_OT_METRICS_TAG_X_HEIGHT, units_per_em, 0.45);
  }
};

Font::Font(std::string family, std::string style, std::string path, unsigned index,
           std::optional<FontPin> pin)
    : family_(std::move(family)),
      style_(std::move(style)),
      path_(std::move(path)),
      index_(index),
      pin_(std::move(pin)),
      hb_(std::make_unique<Handles>()) {
  if (!pin_) handles();  // the fonts/ folder's own faces: errors at load time
}

Font::~Font() = default;
Font::Font(Font&&) noexcept = default;
Font& Font::operator=(Font&&) noexcept = default;

const Font::Handles& Font::handles() const {
  // Thread-safe first use; a failed open throws and is tried again by the next caller.
  std::call_once(hb_->opened, [this] {
    if (pin_) check_pin(family_, path_, *pin_);
    hb_->open(path_, index_);
  });
  return *hb_;
}

unsigned Font::units_per_em() const {
  return handles().units_per_em;
}

const FontMetrics& Font::metrics() const {
  return handles().metrics;
}

hb_font_t* Font::hb_font() const {
  return handles().font.get();
}

bool Font::has_glyph(char32_t c) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hb_font(), c, &glyph) != 0 && glyph != 0;
}

}  // namespace broadsheet::font
