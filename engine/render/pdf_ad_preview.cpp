#include <poppler.h>

#include <stdexcept>
#include <string>

#include "core/c_handle.h"
#include "render/pdf_ads.h"

namespace broadsheet::render {

void draw_pdf_ad_page(cairo_t* cr, const PlacedImage& image) {
  CHandle<GBytes, g_bytes_unref> bytes(g_bytes_new(image.bytes.data(), image.bytes.size()));
  GError* error = nullptr;
  CHandle<PopplerDocument, g_object_unref> document(
      poppler_document_new_from_bytes(bytes.get(), nullptr, &error));
  if (!document) {
    const std::string message = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    throw std::runtime_error(image.path + ": poppler cannot read the PDF: " + message);
  }
  CHandle<PopplerPage, g_object_unref> page(poppler_document_get_page(document.get(), 0));
  if (!page) throw std::runtime_error(image.path + ": poppler finds no page");
  double page_width = 0, page_height = 0;
  poppler_page_get_size(page.get(), &page_width, &page_height);
  // Poppler's origin is the page's top left; the trim box is given from the bottom left.
  cairo_translate(cr, -image.trim_x, -(page_height - image.trim_y - image.height));
  poppler_page_render(page.get(), cr);
}

}  // namespace broadsheet::render
