#include "picture/image_file.h"

#include "picture/jpeg_library.h"

#include <exception>
#include <optional>

#include "core/bounded_read.h"
#include "core/diagnostics.h"
#include "print/pdf_parts.h"

namespace broadsheet::picture {

namespace {

constexpr std::size_t kImageBytes = 256u << 20;  // one picture or ad file: 256 MB

[[noreturn]] void fail(const std::string& path, const std::string& what,
                       const std::string& message) {
  throw InputError({path, 0, 0}, what + " " + message);
}

/// Reads the JPEG header into width and height; returns libjpeg's message on failure, empty on
/// success. (No C++ objects with destructors live in this frame: longjmp skips none.)
std::string read_jpeg_header(const std::string& bytes, double& width, double& height,
                             int& components) {
  jpeg_decompress_struct info{};
  JpegErrors errors;
  use_jpeg_errors(info, errors);
  if (setjmp(errors.back) != 0) {
    jpeg_destroy_decompress(&info);
    return errors.message;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  width = info.image_width;
  height = info.image_height;
  components = info.num_components;
  jpeg_destroy_decompress(&info);
  return {};
}

void read_jpeg(PlacedImage& image, const std::string& what) {
  int components = 0;
  const std::string error = read_jpeg_header(image.bytes, image.width, image.height, components);
  if (!error.empty()) fail(image.path, what, "is not a readable JPEG: " + error);
  if (components != 1 && components != 3)
    fail(image.path, what,
         "is a CMYK JPEG (" + std::to_string(components) +
             " components): only greyscale and colour (YCbCr) JPEGs are placed for now");
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

void read_png(PlacedImage& image, const std::string& what) {
  // Signature (8), then the IHDR chunk: length (4), "IHDR", width (4), height (4).
  if (image.bytes.size() < 33 || image.bytes.compare(12, 4, "IHDR") != 0)
    fail(image.path, what, "is not a readable PNG: no IHDR header");
  image.width = big_endian(image.bytes, 16);
  image.height = big_endian(image.bytes, 20);
}

/// The trim box is read by the print module (qpdf), loaded here on the first PDF.
void read_pdf(PlacedImage& image, const std::string& what) {
  const print::PdfParts& parts = print::pdf_parts();  // a missing module is no unreadable PDF
  std::optional<PdfBox> box;
  try {
    box = parts.pdf_trim_box(image.bytes, image.path);
  } catch (const std::exception& e) {
    fail(image.path, what, std::string("is not a readable PDF: ") + e.what());
  }
  if (!box) fail(image.path, what, "is a PDF without pages");
  image.trim_x = box->x;
  image.trim_y = box->y;
  image.width = box->width;
  image.height = box->height;
}

}  // namespace

PlacedImagePtr image_from_bytes(std::string bytes, const std::string& path,
                                const std::string& what) {
  auto image = std::make_shared<PlacedImage>();
  image->path = path;
  image->bytes = std::move(bytes);
  const std::string& b = image->bytes;
  if (b.size() >= 3 && b.compare(0, 3, "\xFF\xD8\xFF") == 0) {
    image->format = ImageFormat::Jpeg;
    read_jpeg(*image, what);
  } else if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0) {
    image->format = ImageFormat::Png;
    read_png(*image, what);
  } else if (b.size() >= 5 && b.compare(0, 5, "%PDF-") == 0) {
    image->format = ImageFormat::Pdf;
    read_pdf(*image, what);
  } else {
    fail(path, what, "is not a JPEG, PNG or PDF file");
  }
  if (!(image->width > 0 && image->height > 0)) fail(path, what, "has no size (0 x 0)");
  return image;
}

PlacedImagePtr load_image_file(const std::string& path, const std::string& what) {
  return image_from_bytes(read_bounded_file(path, kImageBytes, what), path, what);
}

}  // namespace broadsheet::picture
