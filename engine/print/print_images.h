#pragma once
// The pictures of the print PDF in inks: every DeviceRGB image Cairo drew (story photos,
// picture slots, JPEG and PNG ads) becomes DeviceCMYK through the output profile and the ink
// limit the text colours use. A JPEG stays a JPEG (decoded, converted, re-encoded as a CMYK
// JPEG), a Flate image stays Flate; alpha is flattened onto white (PDF/X-1a has no soft masks).
// Images inside placed PDF ads are the advertiser's and are left alone. Part of the print module.

#include <memory>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <string>

#include "print/cmyk_converter.h"

namespace broadsheet::print {

/// The name prefix of the form XObjects that place PDF ads (render/pdf_ads.h).
inline constexpr const char* kAdFormPrefix = "/BsAd";

class PrintImageConverter {
 public:
  /// `profile`: the CMYK output profile's bytes; `ink_limit` total ink 1..4; `jpeg_quality`
  /// 1..100 for re-encoded JPEGs.
  PrintImageConverter(const std::string& profile, double ink_limit, int jpeg_quality);
  ~PrintImageConverter();

  /// Converts the RGB images `page` draws, in its own content and its forms and patterns (not
  /// in the ads' forms). An image shared by several pages is converted once.
  void convert_page(QPDFPageObjectHelper& page);
  int converted() const { return converted_; }

 private:
  void convert_resources(QPDFObjectHandle resources, int depth);
  void convert_image(QPDFObjectHandle image);
  const CmykPixelConverter& pixels(bool for_jpeg);

  const std::string& profile_;
  double ink_limit_;
  int jpeg_quality_;
  std::unique_ptr<CmykPixelConverter> flate_pixels_, jpeg_pixels_;  ///< made when first needed
  std::set<QPDFObjGen> seen_;
  int converted_ = 0;
};

}  // namespace broadsheet::print
