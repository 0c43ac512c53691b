#include "print/print_images.h"

#include <qpdf/Buffer.hh>
#include <stdexcept>
#include <string_view>

#include "print/image_codec.h"

namespace broadsheet::print {

namespace {

using Object = QPDFObjectHandle;

constexpr int kDeepestForm = 8;  // forms in forms: Cairo nests a few, never this many
/// JPEG's rounding moves single samples a few percent: pictures re-encoded as JPEGs are
/// converted 10 % under the ink limit, so that what the plant decodes stays within it (the test
/// photo at quality 92: at most 240.4 % after re-encoding; 249 % without the margin).
constexpr double kJpegInkMargin = 0.10;

bool is_name(Object value, const char* name) {
  return value.isName() && value.getName() == name;
}

/// True when the stream's only filter is DCTDecode (a JPEG as Cairo embeds it).
bool is_jpeg(Object dict) {
  Object filter = dict.getKey("/Filter");
  if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
  return is_name(filter, "/DCTDecode");
}

int integer(Object dict, const char* key) {
  Object value = dict.getKey(key);
  return value.isInteger() ? value.getIntValueAsInt() : 0;
}

std::string decoded(Object stream) {
  const std::shared_ptr<Buffer> data = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

/// One row of a picture to inks: alpha (the soft mask, 8-bit, sampled to the picture's size)
/// flattened onto white, then through the profile and ink limit.
class PictureRowInks final : public RowInks {
 public:
  PictureRowInks(const CmykPixelConverter& pixels, int width, int height)
      : pixels_(pixels), width_(width), height_(height) {}

  void use_mask(Object mask, const std::string& what) {
    Object dict = mask.getDict();
    mask_width_ = integer(dict, "/Width"), mask_height_ = integer(dict, "/Height");
    alpha_ = decoded(mask);
    if (integer(dict, "/BitsPerComponent") != 8 || mask_width_ <= 0 || mask_height_ <= 0 ||
        alpha_.size() != static_cast<std::size_t>(mask_width_) * mask_height_)
      throw std::runtime_error(what + ": its soft mask is not 8-bit grey");
  }

  void convert(int y, unsigned char* rgb, unsigned char* inks) const override {
    if (!alpha_.empty()) flatten(y, rgb);
    pixels_.convert(rgb, inks, static_cast<std::size_t>(width_));
  }

 private:
  void flatten(int y, unsigned char* rgb) const {
    const std::size_t row = static_cast<std::size_t>(y) * mask_height_ / height_ * mask_width_;
    for (int x = 0; x < width_; ++x, rgb += 3) {
      const int a = static_cast<unsigned char>(
          alpha_[row + static_cast<std::size_t>(x) * mask_width_ / width_]);
      for (int c = 0; c < 3; ++c)
        rgb[c] = static_cast<unsigned char>((rgb[c] * a + 255 * (255 - a) + 127) / 255);
    }
  }

  const CmykPixelConverter& pixels_;
  int width_, height_;
  int mask_width_ = 0, mask_height_ = 0;
  std::string alpha_;  ///< empty: opaque
};

/// The inks of a Flate (or uncompressed) RGB picture, row by row.
std::string flate_inks(Object image, const PictureRowInks& rows, int width, int height,
                       const std::string& what) {
  std::string rgb = decoded(image);
  const std::size_t stride = static_cast<std::size_t>(width) * 3;
  if (rgb.size() != stride * height)
    throw std::runtime_error(what + ": its data is not " + std::to_string(width) + " x " +
                             std::to_string(height) + " RGB pixels");
  std::string inks(static_cast<std::size_t>(width) * height * 4, '\0');
  for (int y = 0; y < height; ++y)
    rows.convert(y, reinterpret_cast<unsigned char*>(rgb.data()) + y * stride,
                 reinterpret_cast<unsigned char*>(inks.data()) + y * stride / 3 * 4);
  return inks;
}

}  // namespace

PrintImageConverter::PrintImageConverter(const std::string& profile, double ink_limit,
                                         int jpeg_quality)
    : profile_(profile), ink_limit_(ink_limit), jpeg_quality_(jpeg_quality) {}

PrintImageConverter::~PrintImageConverter() = default;

const CmykPixelConverter& PrintImageConverter::pixels(bool for_jpeg) {
  std::unique_ptr<CmykPixelConverter>& converter = for_jpeg ? jpeg_pixels_ : flate_pixels_;
  if (!converter)
    converter = std::make_unique<CmykPixelConverter>(
        profile_, for_jpeg ? ink_limit_ - kJpegInkMargin : ink_limit_);
  return *converter;
}

void PrintImageConverter::convert_page(QPDFPageObjectHelper& page) {
  convert_resources(page.getAttribute("/Resources", false), 0);
}

void PrintImageConverter::convert_resources(Object resources, int depth) {
  if (!resources.isDictionary() || depth > kDeepestForm) return;
  for (const char* kind : {"/XObject", "/Pattern"}) {
    Object group = resources.getKey(kind);
    if (!group.isDictionary()) continue;
    for (const std::string& name : group.getKeys()) {
      if (std::string_view(name).starts_with(kAdFormPrefix)) continue;  // the advertiser's
      Object item = group.getKey(name);
      if (!item.isStream() || !seen_.insert(item.getObjGen()).second) continue;
      Object dict = item.getDict();
      if (is_name(dict.getKey("/Subtype"), "/Image"))
        convert_image(item);
      else  // a form, or a tiling pattern: both draw with their own resources
        convert_resources(dict.getKey("/Resources"), depth + 1);
    }
  }
}

void PrintImageConverter::convert_image(Object image) {
  Object dict = image.getDict();
  if (!is_name(dict.getKey("/ColorSpace"), "/DeviceRGB")) return;  // grey and CMYK stay
  const std::string what = "image " + image.getObjGen().unparse(' ');
  const int width = integer(dict, "/Width"), height = integer(dict, "/Height");
  if (integer(dict, "/BitsPerComponent") != 8 || width <= 0 || height <= 0)
    throw std::runtime_error(what + ": only 8-bit RGB images can be converted to CMYK");
  const bool jpeg = is_jpeg(dict);
  PictureRowInks rows(pixels(jpeg), width, height);
  if (Object mask = dict.getKey("/SMask"); mask.isStream()) rows.use_mask(mask, what);
  if (jpeg) {
    const std::shared_ptr<Buffer> raw = image.getRawStreamData();
    const std::string bytes(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
    const JpegSize size = read_jpeg_size(bytes, what);
    if (size.width != width || size.height != height)
      throw std::runtime_error(what + ": the JPEG's size is not the image's");
    image.replaceStreamData(recode_as_cmyk_jpeg(bytes, rows, jpeg_quality_, what),
                            Object::newName("/DCTDecode"), Object::newNull());
    // Adobe's CMYK JPEGs hold 255 - ink: the decode array turns them back into inks.
    dict.replaceKey("/Decode", Object::parse("[1 0 1 0 1 0 1 0]"));
  } else {
    image.replaceStreamData(flate_inks(image, rows, width, height, what), Object::newNull(),
                            Object::newNull());  // the writer compresses it with Flate
    dict.removeKey("/Decode");
  }
  dict.replaceKey("/ColorSpace", Object::newName("/DeviceCMYK"));
  dict.removeKey("/SMask");
  dict.removeKey("/SMaskInData");
  ++converted_;
}

}  // namespace broadsheet::print
