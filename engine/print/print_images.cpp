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

/// The image's own pixels as 8-bit RGB.
Pixels rgb_pixels(Object image, const std::string& what) {
  Object dict = image.getDict();
  if (is_jpeg(dict)) {
    const std::shared_ptr<Buffer> raw = image.getRawStreamData();
    return decode_rgb_jpeg(
        std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()), what);
  }
  Pixels rgb{integer(dict, "/Width"), integer(dict, "/Height"), 3, {}};
  const std::string data = decoded(image);
  if (data.size() != static_cast<std::size_t>(rgb.width) * rgb.height * 3)
    throw std::runtime_error(what + ": its data is not " + std::to_string(rgb.width) + " x " +
                             std::to_string(rgb.height) + " RGB pixels");
  rgb.data.assign(data.begin(), data.end());
  return rgb;
}

/// Lays `rgb` on white through its soft mask (8-bit alpha, sampled to the image's size).
void flatten_onto_white(Pixels& rgb, Object mask, const std::string& what) {
  Object dict = mask.getDict();
  const int width = integer(dict, "/Width"), height = integer(dict, "/Height");
  const std::string alpha = decoded(mask);
  if (integer(dict, "/BitsPerComponent") != 8 || width <= 0 || height <= 0 ||
      alpha.size() != static_cast<std::size_t>(width) * height)
    throw std::runtime_error(what + ": its soft mask is not 8-bit grey");
  for (int y = 0; y < rgb.height; ++y) {
    const std::size_t mask_row = static_cast<std::size_t>(y) * height / rgb.height * width;
    for (int x = 0; x < rgb.width; ++x) {
      const auto a = static_cast<unsigned char>(
          alpha[mask_row + static_cast<std::size_t>(x) * width / rgb.width]);
      unsigned char* pixel = rgb.data.data() + (static_cast<std::size_t>(y) * rgb.width + x) * 3;
      for (int c = 0; c < 3; ++c)
        pixel[c] = static_cast<unsigned char>((pixel[c] * a + 255 * (255 - a) + 127) / 255);
    }
  }
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
  if (integer(dict, "/BitsPerComponent") != 8)
    throw std::runtime_error(what + ": only 8-bit RGB images can be converted to CMYK");
  const bool jpeg = is_jpeg(dict);
  Pixels rgb = rgb_pixels(image, what);
  if (rgb.width != integer(dict, "/Width") || rgb.height != integer(dict, "/Height"))
    throw std::runtime_error(what + ": the JPEG's size is not the image's");
  Object mask = dict.getKey("/SMask");
  if (mask.isStream()) flatten_onto_white(rgb, mask, what);
  Pixels inks{rgb.width, rgb.height, 4, {}};
  inks.data.resize(static_cast<std::size_t>(rgb.width) * rgb.height * 4);
  pixels(jpeg).convert(rgb.data.data(), inks.data.data(),
                       static_cast<std::size_t>(rgb.width) * rgb.height);
  if (jpeg) {
    image.replaceStreamData(encode_cmyk_jpeg(inks, jpeg_quality_, what),
                            Object::newName("/DCTDecode"), Object::newNull());
    // Adobe's CMYK JPEGs hold 255 - ink: the decode array turns them back into inks.
    dict.replaceKey("/Decode", Object::parse("[1 0 1 0 1 0 1 0]"));
  } else {
    image.replaceStreamData(std::string(inks.data.begin(), inks.data.end()), Object::newNull(),
                            Object::newNull());  // the writer compresses it with Flate
    dict.removeKey("/Decode");
  }
  dict.replaceKey("/ColorSpace", Object::newName("/DeviceCMYK"));
  dict.removeKey("/SMask");
  dict.removeKey("/SMaskInData");
  ++converted_;
}

}  // namespace broadsheet::print
