#include "print/image_codec.h"

#include <memory>
#include <stdexcept>
#include <vector>

#include "picture/jpeg_library.h"

namespace broadsheet::print {

namespace {

/// libjpeg's error handler for a compressor: jumps back to the coding function's setjmp.
void use_errors(jpeg_compress_struct& info, picture::JpegErrors& errors) {
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = [](j_common_ptr common) {
    auto* self = reinterpret_cast<picture::JpegErrors*>(common->err);
    common->err->format_message(common, self->message);
    std::longjmp(self->back, 1);
  };
}

/// A libjpeg destination that appends to a std::string the caller owns (libjpeg's own memory
/// destination leaves its pointer stale when an error comes after the buffer grew).
struct StringDestination {
  jpeg_destination_mgr manager{};
  std::string* out = nullptr;
  unsigned char chunk[1 << 16] = {};
};

void use_destination(jpeg_compress_struct& info, StringDestination& destination) {
  destination.manager.init_destination = [](j_compress_ptr c) {
    auto* self = reinterpret_cast<StringDestination*>(c->dest);
    self->manager.next_output_byte = self->chunk;
    self->manager.free_in_buffer = sizeof self->chunk;
  };
  destination.manager.empty_output_buffer = [](j_compress_ptr c) -> boolean {
    auto* self = reinterpret_cast<StringDestination*>(c->dest);
    self->out->append(reinterpret_cast<const char*>(self->chunk), sizeof self->chunk);
    self->manager.next_output_byte = self->chunk;
    self->manager.free_in_buffer = sizeof self->chunk;
    return TRUE;
  };
  destination.manager.term_destination = [](j_compress_ptr c) {
    auto* self = reinterpret_cast<StringDestination*>(c->dest);
    self->out->append(reinterpret_cast<const char*>(self->chunk),
                      sizeof self->chunk - self->manager.free_in_buffer);
  };
  info.dest = &destination.manager;  // first member: the cast back is exact
}

void start_source(jpeg_decompress_struct& in, const std::string& jpeg) {
  jpeg_create_decompress(&in);
  jpeg_mem_src(&in, reinterpret_cast<const unsigned char*>(jpeg.data()),
               static_cast<unsigned long>(jpeg.size()));
  jpeg_read_header(&in, TRUE);
}

/// Reads the header into `size`; returns libjpeg's message on failure, empty on success. No
/// object with a destructor lives in this frame (longjmp would skip it).
const char* read_size(const std::string& jpeg, JpegSize& size, picture::JpegErrors& errors) {
  jpeg_decompress_struct in{};
  picture::use_jpeg_errors(in, errors);
  if (setjmp(errors.back) != 0) {
    jpeg_destroy_decompress(&in);
    return errors.message;
  }
  start_source(in, jpeg);
  size = {static_cast<int>(in.image_width), static_cast<int>(in.image_height), in.num_components};
  jpeg_destroy_decompress(&in);
  return "";
}

/// The rows `rgb` (width x 3) and `cmyk` (width x 4) and `destination` are the caller's.
/// Returns libjpeg's message on failure, empty on success. No object with a destructor lives
/// in this frame (longjmp would skip it).
const char* recode_into(const std::string& jpeg, const RowInks& inks, int quality,
                        unsigned char* rgb, unsigned char* cmyk, StringDestination& destination,
                        picture::JpegErrors& errors) {
  jpeg_decompress_struct in{};  // destroying one never created is harmless (zeroed)
  jpeg_compress_struct out{};
  picture::use_jpeg_errors(in, errors);
  use_errors(out, errors);
  if (setjmp(errors.back) != 0) {
    jpeg_destroy_decompress(&in);
    jpeg_destroy_compress(&out);
    return errors.message;
  }
  start_source(in, jpeg);
  in.out_color_space = JCS_RGB;
  jpeg_start_decompress(&in);
  jpeg_create_compress(&out);
  use_destination(out, destination);
  out.image_width = in.output_width;
  out.image_height = in.output_height;
  out.input_components = 4;
  out.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&out);  // CMYK stored as CMYK, with an Adobe marker
  jpeg_set_quality(&out, quality, TRUE);
  out.optimize_coding = TRUE;
  jpeg_start_compress(&out, TRUE);
  const std::size_t samples = static_cast<std::size_t>(in.output_width) * 4;
  while (in.output_scanline < in.output_height) {
    const int y = static_cast<int>(in.output_scanline);
    jpeg_read_scanlines(&in, &rgb, 1);
    inks.convert(y, rgb, cmyk);
    for (std::size_t i = 0; i < samples; ++i) cmyk[i] = static_cast<unsigned char>(255 - cmyk[i]);
    jpeg_write_scanlines(&out, &cmyk, 1);
  }
  jpeg_finish_compress(&out);
  jpeg_finish_decompress(&in);
  jpeg_destroy_compress(&out);
  jpeg_destroy_decompress(&in);
  return "";
}

}  // namespace

JpegSize read_jpeg_size(const std::string& jpeg, const std::string& what) {
  JpegSize size;
  picture::JpegErrors errors;
  const std::string error = read_size(jpeg, size, errors);
  if (!error.empty()) throw std::runtime_error(what + ": cannot read the JPEG: " + error);
  return size;
}

std::string recode_as_cmyk_jpeg(const std::string& jpeg, const RowInks& inks, int quality,
                                const std::string& what) {
  const JpegSize jpeg_size = read_jpeg_size(jpeg, what);
  if (jpeg_size.components != 3)
    throw std::runtime_error(what + ": not a colour (three-component) JPEG");
  std::vector<unsigned char> rgb(static_cast<std::size_t>(jpeg_size.width) * 3);
  std::vector<unsigned char> cmyk(static_cast<std::size_t>(jpeg_size.width) * 4);
  std::string out;
  const auto destination = std::make_unique<StringDestination>();  // 64 KiB: not on the stack
  destination->out = &out;
  picture::JpegErrors errors;
  const std::string error =
      recode_into(jpeg, inks, quality, rgb.data(), cmyk.data(), *destination, errors);
  if (!error.empty())
    throw std::runtime_error(what + ": cannot re-encode the JPEG in CMYK: " + error);
  return out;
}

}  // namespace broadsheet::print
