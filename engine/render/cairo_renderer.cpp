#include "render/cairo_renderer.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>

#include FT_FREETYPE_H

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/atomic_file.h"
#include "core/c_handle.h"
#include "core/limits.h"
#include "print/pdf_parts.h"
#include "render/glyph_batch.h"
#include "render/image_draw.h"
#include "render/pdf_ads.h"
#include "render/structure_tags.h"

namespace broadsheet::render {

namespace {

using Surface = CHandle<cairo_surface_t, cairo_surface_destroy>;
using Context = CHandle<cairo_t, cairo_destroy>;
using FontFace = CHandle<cairo_font_face_t, cairo_font_face_destroy>;

/// The process's FreeType library, for the faces Cairo draws with. It lives as long as the
/// process, because Cairo may keep font faces (and so their FT_Faces) cached until exit.
FT_Library freetype() {
  static const auto library = [] {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) throw std::runtime_error("cannot initialise FreeType");
    return lib;
  }();
  return library;
}

const cairo_user_data_key_t kFtFaceKey{};

/// FreeType allows one library in many threads only if faces are made and freed one at a time;
/// Cairo may free a face (and so call FT_Done_Face) from any thread.
std::mutex& freetype_faces_mutex() {
  static std::mutex mutex;
  return mutex;
}

/// A Cairo font face over its own FT_Face (never the one HarfBuzz measures with); Cairo frees
/// the FT_Face when it drops the font face.
FontFace new_cairo_face(const font::Font& font) {
  std::unique_lock lock(freetype_faces_mutex());
  FT_Face face = nullptr;
  if (FT_New_Face(freetype(), font.path().c_str(), font.face_index(), &face) != 0)
    throw std::runtime_error(font.path() + ": FreeType cannot open the font");
  lock.unlock();
  FontFace cairo_face(cairo_ft_font_face_create_for_ft_face(face, 0));
  const auto status =
      cairo_font_face_set_user_data(cairo_face.get(), &kFtFaceKey, face, [](void* f) {
        const std::lock_guard done_lock(freetype_faces_mutex());
        FT_Done_Face(static_cast<FT_Face>(f));
      });
  if (status != CAIRO_STATUS_SUCCESS) {
    const std::lock_guard done_lock(freetype_faces_mutex());
    FT_Done_Face(face);
    throw std::runtime_error("cairo: cannot attach the font face");
  }
  return cairo_face;
}

/// The process's Cairo face for a font file, made once and shared by every PDF and PNG and
/// every thread (Cairo locks an FT_Face while it uses it). Its scaled fonts, and so the glyph
/// outlines and metrics FreeType loads, are shared too: the pages of an edition load each glyph
/// once, not once a page.
FontFace cairo_face_for(const font::Font& font) {
  static std::mutex& ft_mutex = freetype_faces_mutex();  // outlives the faces below
  static std::mutex mutex;
  static std::map<std::string, FontFace> faces;
  (void)ft_mutex;
  const std::lock_guard lock(mutex);
  FontFace& face = faces[font.path() + "#" + std::to_string(font.face_index())];
  if (!face) face = new_cairo_face(font);
  return FontFace(cairo_font_face_reference(face.get()));
}

void set_color(cairo_t* cr, const Color& c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/// Draws one page. The same routine serves every surface.
/// Whether `run` belongs to the same tagged-PDF structure element as `first`.
bool same_element(const GlyphRunItem& run, const GlyphRunItem* first) {
  return first != nullptr && run.tag == first->tag && run.element == first->element &&
         run.story == first->story;
}

void draw_page(cairo_t* cr, const DisplayPage& page, const font::FontRegistry& fonts,
               std::vector<FontFace>& faces, bool preview, bool vector_pdf) {
  const CHandle<cairo_font_options_t, cairo_font_options_destroy> options(
      cairo_font_options_create());
  // Glyph positions are ours: no hinting may move them.
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options(cr, options.get());

  StructureTagger tagger;
  GlyphBatch batch;
  const GlyphRunItem* batch_element = nullptr;  // the first run of the batch
  const auto draw_batch = [&] {
    if (batch.empty()) return;
    auto& face = faces[static_cast<std::size_t>(batch.font())];
    if (!face) face = cairo_face_for(fonts.font(batch.font()));
    batch.draw(cr, face.get());
  };
  for (const DisplayItem& item : page.items) {
    if (item.layer == Layer::Preview && !preview) continue;
    if (const auto* run = std::get_if<GlyphRunItem>(&item.shape)) {
      if (run->glyphs.empty()) continue;
      // A batch holds runs of one structure element: a new element starts a new batch.
      if (!batch.accepts(*run) || !same_element(*run, batch_element)) draw_batch();
      if (batch.empty()) {
        tagger.enter(cr, *run);
        batch_element = run;
      }
      batch.add(*run);
      continue;
    }
    draw_batch();  // keep the drawing order
    if (const auto* fill = std::get_if<FillRectItem>(&item.shape)) {
      set_color(cr, fill->color);
      cairo_rectangle(cr, fill->rect.x, fill->rect.y, fill->rect.width, fill->rect.height);
      cairo_fill(cr);
    } else if (const auto* box = std::get_if<StrokeRectItem>(&item.shape)) {
      set_color(cr, box->color);
      cairo_set_line_width(cr, box->weight);
      const double dash[] = {4.0, 3.0};
      cairo_set_dash(cr, dash, box->dashed ? 2 : 0, 0);
      cairo_rectangle(cr, box->rect.x, box->rect.y, box->rect.width, box->rect.height);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
    } else if (const auto* line = std::get_if<LineItem>(&item.shape)) {
      set_color(cr, line->color);
      cairo_set_line_width(cr, line->weight);
      cairo_move_to(cr, line->x0, line->y0);
      cairo_line_to(cr, line->x1, line->y1);
      cairo_stroke(cr);
    } else if (const auto* image = std::get_if<ImageItem>(&item.shape)) {
      draw_image(cr, *image, vector_pdf);
    }
  }
  draw_batch();
  tagger.close(cr);
}

void check(cairo_status_t status, const std::string& what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(what + ": " + cairo_status_to_string(status));
}

/// Cairo's write callback for a std::ostream (the closure).
cairo_status_t write_to_stream(void* closure, const unsigned char* data, unsigned int length) {
  auto& out = *static_cast<std::ostream*>(closure);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
  return out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/// Draws every page onto a PDF surface (file or stream) with the metadata, and finishes it.
void emit_pdf(cairo_surface_t* surface, const DisplayList& display, const font::FontRegistry& fonts,
              const PdfOptions& options, const std::string& what) {
  check(cairo_surface_status(surface), what);
  std::vector<FontFace> faces(fonts.size());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, display.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, options.creator.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                 options.create_date.c_str());
  Context cr(cairo_create(surface));
  for (const DisplayPage& page : display.pages) {
    cairo_pdf_surface_set_size(surface, page.width, page.height);
    draw_page(cr.get(), page, fonts, faces, options.include_preview_layer, true);
    cairo_show_page(cr.get());
  }
  check(cairo_status(cr.get()), what);
  cr.reset();
  cairo_surface_finish(surface);
  check(cairo_surface_status(surface), what);
}

constexpr double kMaxSide = 32767;  // Cairo's largest image surface side

/// One page of `display` drawn on a white image surface at the options' resolution.
Surface draw_png(const DisplayList& display, const font::FontRegistry& fonts,
                 const PngOptions& options, const std::string& what) {
  if (options.page < 0 || static_cast<std::size_t>(options.page) >= display.pages.size())
    throw std::runtime_error("no page " + std::to_string(options.page + 1) + " to render");
  if (!(options.dpi >= 1 && options.dpi <= 1200))
    throw std::runtime_error("the PNG resolution must be between 1 and 1200 dpi");
  const DisplayPage& page = display.pages[static_cast<std::size_t>(options.page)];
  const double scale = options.dpi / 72.0;
  const double width_px = std::ceil(page.width * scale);
  const double height_px = std::ceil(page.height * scale);
  // Checked as doubles before any int conversion or allocation.
  if (!(width_px * height_px <= limits::kPngPixels && width_px <= kMaxSide &&
        height_px <= kMaxSide)) {
    char size[64];
    std::snprintf(size, sizeof size, "%.0f x %.0f px", width_px, height_px);
    throw std::runtime_error("the PNG preview of page " + std::to_string(options.page + 1) +
                             " would be " + size +
                             ", beyond the limit of 200 megapixels and 32767 px a side");
  }
  const int width = static_cast<int>(width_px);
  const int height = static_cast<int>(height_px);
  std::vector<FontFace> faces(fonts.size());
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  check(cairo_surface_status(surface.get()), what);
  Context cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  draw_page(cr.get(), page, fonts, faces, options.include_preview_layer, false);
  check(cairo_status(cr.get()), what);
  cr.reset();
  cairo_surface_flush(surface.get());
  return surface;
}

}  // namespace

void write_pdf(const DisplayList& display, const font::FontRegistry& fonts, const std::string& path,
               const PdfOptions& options) {
  if (display.pages.empty()) throw std::runtime_error("nothing to render: no pages");
  std::ostringstream pdf;
  write_pdf(display, fonts, pdf, options);
  write_file_atomically(path, pdf.view(), "PDF");
}

void write_pdf(const DisplayList& display, const font::FontRegistry& fonts, std::ostream& out,
               const PdfOptions& options) {
  if (display.pages.empty()) throw std::runtime_error("nothing to render: no pages");
  const DisplayPage& first = display.pages.front();
  if (has_pdf_ads(display)) {  // Cairo draws the page, qpdf then places the PDF ads as vectors
    std::ostringstream cairo_pdf;
    Surface surface(cairo_pdf_surface_create_for_stream(write_to_stream, &cairo_pdf, first.width,
                                                        first.height));
    emit_pdf(surface.get(), display, fonts, options, "PDF stream");
    out << print::pdf_parts().place_pdf_ads(cairo_pdf.view(), display);  // the module: qpdf
    return;
  }
  Surface surface(
      cairo_pdf_surface_create_for_stream(write_to_stream, &out, first.width, first.height));
  emit_pdf(surface.get(), display, fonts, options, "PDF stream");
}

void write_png(const DisplayList& display, const font::FontRegistry& fonts, const std::string& path,
               const PngOptions& options) {
  std::ostringstream png;
  write_png(display, fonts, png, options);
  write_file_atomically(path, png.view(), "PNG");
}

void write_png(const DisplayList& display, const font::FontRegistry& fonts, std::ostream& out,
               const PngOptions& options) {
  const Surface surface = draw_png(display, fonts, options, "PNG stream");
  check(cairo_surface_write_to_png_stream(surface.get(), write_to_stream, &out), "PNG stream");
}

}  // namespace broadsheet::render
