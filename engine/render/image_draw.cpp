#include "render/image_draw.h"

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/c_handle.h"
#include "picture/jpeg_library.h"
#include "print/pdf_parts.h"

namespace broadsheet::render {

namespace {

using Surface = CHandle<cairo_surface_t, cairo_surface_destroy>;

/// Decodes a JPEG into `surface` (RGB24, made here at the JPEG's size). Returns libjpeg's message
/// on failure. No object with a destructor lives in this frame (longjmp would skip it).
std::string decode_jpeg(const std::string& bytes, cairo_surface_t*& surface) {
  jpeg_decompress_struct info{};
  picture::JpegErrors errors;
  picture::use_jpeg_errors(info, errors);
  if (setjmp(errors.back) != 0) {
    jpeg_destroy_decompress(&info);
    return errors.message;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  info.out_color_space = JCS_EXT_BGRX;  // libjpeg-turbo: Cairo's RGB24 byte order on x86
  jpeg_start_decompress(&info);
  surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(info.output_width),
                                       static_cast<int>(info.output_height));
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  while (data != nullptr && info.output_scanline < info.output_height) {
    JSAMPROW row = data + static_cast<std::ptrdiff_t>(info.output_scanline) * stride;
    jpeg_read_scanlines(&info, &row, 1);
  }
  cairo_surface_mark_dirty(surface);
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return {};
}

/// The JPEG decoded, carrying its own bytes as MIME data for the PDF backend. The data stays
/// alive through a reference to the image, released when Cairo drops the surface.
Surface jpeg_surface(const PlacedImagePtr& image) {
  cairo_surface_t* raw = nullptr;
  const std::string error = decode_jpeg(image->bytes, raw);
  Surface surface(raw);
  if (!error.empty()) throw std::runtime_error(image->path + ": cannot decode the JPEG: " + error);
  auto keep = std::make_unique<PlacedImagePtr>(image);
  const auto* data = reinterpret_cast<const unsigned char*>((*keep)->bytes.data());
  const auto status = cairo_surface_set_mime_data(
      surface.get(), CAIRO_MIME_TYPE_JPEG, data, (*keep)->bytes.size(),
      [](void* owned) { std::unique_ptr<PlacedImagePtr>(static_cast<PlacedImagePtr*>(owned)); },
      keep.get());
  if (status == CAIRO_STATUS_SUCCESS) keep.release();  // Cairo owns it now
  return surface;
}

struct ByteReader {
  const std::string& bytes;
  std::size_t at = 0;
};

Surface png_surface(const PlacedImagePtr& image) {
  ByteReader reader{image->bytes};
  Surface surface(cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* out, unsigned int length) {
        auto& r = *static_cast<ByteReader*>(closure);
        if (r.bytes.size() - r.at < length) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(out, r.bytes.data() + r.at, length);
        r.at += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(image->path + ": cannot decode the PNG");
  return surface;
}

}  // namespace

void draw_image(cairo_t* cr, const ImageItem& item, bool vector_pdf) {
  const PlacedImage& image = *item.image;
  if (image.format == ImageFormat::Pdf && vector_pdf) return;
  cairo_save(cr);
  cairo_rectangle(cr, item.frame.x, item.frame.y, item.frame.width, item.frame.height);
  cairo_clip(cr);
  cairo_translate(cr, item.x, item.y);
  cairo_scale(cr, item.scale, item.scale);
  if (image.format == ImageFormat::Pdf) {
    print::pdf_parts().draw_pdf_ad_page(cr, image);  // the module: poppler
  } else {
    const Surface surface =
        image.format == ImageFormat::Jpeg ? jpeg_surface(item.image) : png_surface(item.image);
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
  }
  cairo_restore(cr);
}

}  // namespace broadsheet::render
