#include "render/glyph_batch.h"

namespace broadsheet::render {

bool GlyphBatch::accepts(const GlyphRunItem& run) const {
  return empty() || (run.font == font_ && run.backward == backward_ && run.size == size_ &&
                     run.x_scale == x_scale_ && run.color.r == color_.r &&
                     run.color.g == color_.g && run.color.b == color_.b);
}

void GlyphBatch::add(const GlyphRunItem& run) {
  if (empty()) {
    font_ = run.font;
    size_ = run.size;
    x_scale_ = run.x_scale;
    color_ = run.color;
    backward_ = run.backward;
  }
  // Backward runs join in reverse: the batch's glyphs stay in visual order, its text logical.
  if (backward_) {
    std::vector<cairo_glyph_t> glyphs;
    for (const auto& g : run.glyphs) glyphs.push_back({g.id, g.x, g.y});
    glyphs_.insert(glyphs_.begin(), glyphs.begin(), glyphs.end());
  } else {
    for (const auto& g : run.glyphs) glyphs_.push_back({g.id, g.x, g.y});
  }
  text_ += run.text;
  for (const auto& c : run.clusters) clusters_.push_back({c.num_bytes, c.num_glyphs});
}

void GlyphBatch::draw(cairo_t* cr, cairo_font_face_t* face) {
  if (empty()) return;
  cairo_set_font_face(cr, face);
  // The font size, widened or narrowed by glyph scaling (x_scale 1: cairo_set_font_size).
  cairo_matrix_t matrix;
  cairo_matrix_init_scale(&matrix, size_ * x_scale_, size_);
  cairo_set_font_matrix(cr, &matrix);
  cairo_set_source_rgb(cr, color_.r, color_.g, color_.b);
  cairo_show_text_glyphs(
      cr, text_.data(), static_cast<int>(text_.size()), glyphs_.data(),
      static_cast<int>(glyphs_.size()), clusters_.data(), static_cast<int>(clusters_.size()),
      backward_ ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0));
  glyphs_.clear();
  text_.clear();
  clusters_.clear();
}

}  // namespace broadsheet::render
