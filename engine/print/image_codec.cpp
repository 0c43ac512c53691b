#include "print/image_codec.h"

#include <cstdlib>
#include <stdexcept>

#include "core/c_handle.h"
#include "picture/jpeg_library.h"

namespace broadsheet::print {

namespace {

/// libjpeg's error handler for a compressor: jumps back to the encoding function's setjmp.
void use_errors(jpeg_compress_struct& info, picture::JpegErrors& errors) {
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = [](j_common_ptr common) {
    auto* self = reinterpret_cast<picture::JpegErrors*>(common->err);
    common->err->format_message(common, self->message);
    std::longjmp(self->back, 1);
  };
}

/// Decodes into `out`; returns libjpeg's message on failure, empty on success. No object with a
/// destructor lives in this frame (longjmp would skip it).
const char* decode_into(const std::string& jpeg, Pixels& out, picture::JpegErrors& errors) {
  jpeg_decompress_struct info{};
  picture::use_jpeg_errors(info, errors);
  if (setjmp(errors.back) != 0) {
    jpeg_destroy_decompress(&info);
    return errors.message;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(jpeg.data()),
               static_cast<unsigned long>(jpeg.size()));
  jpeg_read_header(&info, TRUE);
  if (info.num_components != 3) {
    jpeg_destroy_decompress(&info);
    return "not a three-component (colour) JPEG";
  }
  info.out_color_space = JCS_RGB;
  jpeg_start_decompress(&info);
  out.width = static_cast<int>(info.output_width);
  out.height = static_cast<int>(info.output_height);
  out.components = 3;
  out.data.resize(static_cast<std::size_t>(out.width) * out.height * 3);
  const std::size_t stride = static_cast<std::size_t>(out.width) * 3;
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = out.data.data() + info.output_scanline * stride;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return "";
}

/// Encodes `inks` into `buffer` (malloc'd by libjpeg, the caller frees it), each row inverted
/// into `row` (255 - ink, Adobe's CMYK) on the way; returns libjpeg's message on failure. No
/// object with a destructor in this frame.
const char* encode_into(const Pixels& inks, int quality, unsigned char* row, unsigned char*& buffer,
                        unsigned long& size, picture::JpegErrors& errors) {
  jpeg_compress_struct info{};
  use_errors(info, errors);
  if (setjmp(errors.back) != 0) {
    jpeg_destroy_compress(&info);
    return errors.message;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = static_cast<JDIMENSION>(inks.width);
  info.image_height = static_cast<JDIMENSION>(inks.height);
  info.input_components = 4;
  info.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&info);  // CMYK stored as CMYK, with an Adobe marker
  jpeg_set_quality(&info, quality, TRUE);
  info.optimize_coding = TRUE;
  jpeg_start_compress(&info, TRUE);
  const std::size_t stride = static_cast<std::size_t>(inks.width) * 4;
  while (info.next_scanline < info.image_height) {
    const unsigned char* from = inks.data.data() + info.next_scanline * stride;
    for (std::size_t i = 0; i < stride; ++i) row[i] = static_cast<unsigned char>(255 - from[i]);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return "";
}

}  // namespace

Pixels decode_rgb_jpeg(const std::string& jpeg, const std::string& what) {
  Pixels pixels;
  picture::JpegErrors errors;
  const std::string error = decode_into(jpeg, pixels, errors);
  if (!error.empty()) throw std::runtime_error(what + ": cannot decode the JPEG: " + error);
  return pixels;
}

std::string encode_cmyk_jpeg(const Pixels& inks, int quality, const std::string& what) {
  if (inks.components != 4) throw std::logic_error("encode_cmyk_jpeg wants four inks a pixel");
  if (inks.data.size() != static_cast<std::size_t>(inks.width) * inks.height * 4)
    throw std::logic_error("encode_cmyk_jpeg: the pixels are not width x height");
  std::vector<unsigned char> row(static_cast<std::size_t>(inks.width) * 4);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  picture::JpegErrors errors;
  const std::string error = encode_into(inks, quality, row.data(), buffer, size, errors);
  const CHandle<unsigned char, std::free> owned(buffer);  // libjpeg allocates with malloc
  if (!error.empty() || !owned)
    throw std::runtime_error(what + ": cannot encode the CMYK JPEG: " + error);
  return std::string(reinterpret_cast<const char*>(owned.get()), size);
}

}  // namespace broadsheet::print
