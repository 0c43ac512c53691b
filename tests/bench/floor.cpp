// The floor: the least a program must do to set an article in columns and write it as PDF.
// HarfBuzz shapes each paragraph, a greedy breaker fills lines of one column measure, Cairo
// draws the glyphs to a PDF. No hyphenation, justification, template or composition: the
// honest baseline that `broadsheet render` is measured against (scripts/bench.sh).
//
//   bench_floor FONT.otf ARTICLE.txt OUT.pdf

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

/// Every C handle owned: Handle<T, destroy> calls destroy(p) on release.
template <auto destroy>
struct Destroy {
  template <class T>
  void operator()(T* p) const {
    destroy(p);
  }
};
template <class T, auto destroy>
using Handle = std::unique_ptr<T, Destroy<destroy>>;

constexpr double kSize = 9.5, kLeading = 11, kMeasure = 154.72, kGutter = 12.76;
constexpr double kPageWidth = 1105.51, kPageHeight = 1544.88, kMargin = 56.69;

struct Word {
  std::vector<cairo_glyph_t> glyphs;  // x relative to the word's start
  double width = 0;
};

/// The paragraph shaped whole, cut into words at spaces (glyph clusters are byte offsets).
std::vector<Word> shape_words(hb_font_t* font, const std::string& text, double& space) {
  const Handle<hb_buffer_t, hb_buffer_destroy> buffer(hb_buffer_create());
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0, -1);
  hb_buffer_guess_segment_properties(buffer.get());
  hb_shape(font, buffer.get(), nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
  const double scale = kSize / hb_face_get_upem(hb_font_get_face(font));
  std::vector<Word> words(1);
  for (unsigned i = 0; i < count; ++i) {
    const double advance = pos[i].x_advance * scale;
    if (text[info[i].cluster] == ' ') {
      space = advance;
      words.emplace_back();
      continue;
    }
    Word& word = words.back();
    word.glyphs.push_back({info[i].codepoint, word.width + pos[i].x_offset * scale, 0});
    word.width += advance;
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: bench_floor FONT.otf ARTICLE.txt OUT.pdf\n";
    return 2;
  }
  const Handle<hb_blob_t, hb_blob_destroy> blob(hb_blob_create_from_file_or_fail(argv[1]));
  if (!blob) return 1;
  const Handle<hb_face_t, hb_face_destroy> face(hb_face_create(blob.get(), 0));
  const Handle<hb_font_t, hb_font_destroy> hb_font(hb_font_create(face.get()));
  hb_font_t* font = hb_font.get();

  FT_Library ft_library = nullptr;
  if (FT_Init_FreeType(&ft_library) != 0) return 1;
  const Handle<FT_LibraryRec_, FT_Done_FreeType> library(ft_library);
  FT_Face new_face = nullptr;
  if (FT_New_Face(library.get(), argv[1], 0, &new_face) != 0) return 1;
  const Handle<FT_FaceRec_, FT_Done_Face> ft_face(new_face);
  const Handle<cairo_font_face_t, cairo_font_face_destroy> cairo_face(
      cairo_ft_font_face_create_for_ft_face(ft_face.get(), 0));
  const Handle<cairo_surface_t, cairo_surface_destroy> pdf(
      cairo_pdf_surface_create(argv[3], kPageWidth, kPageHeight));
  cairo_surface_t* surface = pdf.get();
  Handle<cairo_t, cairo_destroy> context(cairo_create(surface));
  cairo_t* cr = context.get();
  cairo_set_font_face(cr, cairo_face.get());
  cairo_set_font_size(cr, kSize);

  std::ifstream in(argv[2]);
  std::string paragraph;
  int column = 0;
  double y = kMargin + kLeading;
  std::vector<cairo_glyph_t> line;
  const auto next_line = [&] {
    cairo_show_glyphs(cr, line.data(), static_cast<int>(line.size()));
    line.clear();
    y += kLeading;
    if (y > kPageHeight - kMargin) {
      y = kMargin + kLeading;
      if (++column == 6) {
        column = 0;
        cairo_show_page(cr);
      }
    }
  };
  while (std::getline(in, paragraph)) {
    if (paragraph.empty()) continue;
    double space = kSize / 4;
    const std::vector<Word> words = shape_words(font, paragraph, space);
    double x = 0;
    for (const Word& word : words) {
      if (!line.empty() && x + word.width > kMeasure) {
        next_line();
        x = 0;
      }
      const double left = kMargin + column * (kMeasure + kGutter) + x;
      for (const cairo_glyph_t& g : word.glyphs) line.push_back({g.index, left + g.x, y});
      x += word.width + space;
    }
    next_line();
  }
  cairo_show_page(cr);
  context.reset();
  cairo_surface_finish(surface);
  return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
