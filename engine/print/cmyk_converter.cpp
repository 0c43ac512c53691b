#include "print/cmyk_converter.h"

#include <lcms2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "core/c_handle.h"

namespace broadsheet::print {

namespace {

using Profile = CHandle<void, cmsCloseProfile>;

/// Ink values with four decimals: stable content streams, far below any press's resolution.
double tidy(double ink) {
  const double rounded = std::round(ink * 10000) / 10000;
  return rounded < 0 ? 0 : (rounded > 1 ? 1 : rounded);
}

std::string profile_description(void* profile) {
  std::array<char, 256> text{};
  const auto length = cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", text.data(),
                                             static_cast<cmsUInt32Number>(text.size()));
  return length > 1 ? std::string(text.data()) : std::string("CMYK output profile");
}

/// sRGB through the output profile, then Little CMS's ink-limiting device link, as one
/// transform from `in` to `out` (Little CMS pixel formats). Sets `description` from the profile.
void* make_cmyk_transform(const std::string& profile, double ink_limit, cmsUInt32Number in,
                          cmsUInt32Number out, cmsUInt32Number flags, std::string& description) {
  Profile output(
      cmsOpenProfileFromMem(profile.data(), static_cast<cmsUInt32Number>(profile.size())));
  if (!output) throw std::runtime_error("the ICC profile cannot be read");
  if (cmsGetColorSpace(output.get()) != cmsSigCmykData ||
      cmsGetDeviceClass(output.get()) != cmsSigOutputClass)
    throw std::runtime_error("the ICC profile is not a CMYK output profile");
  description = profile_description(output.get());
  Profile srgb(cmsCreate_sRGBProfile());
  // Little CMS takes the limit in percent, at most 400.
  Profile limit(cmsCreateInkLimitingDeviceLink(cmsSigCmykData, ink_limit * 100));
  if (!srgb || !limit) throw std::runtime_error("Little CMS cannot create its profiles");
  std::array<cmsHPROFILE, 3> chain{srgb.get(), output.get(), limit.get()};
  void* transform = cmsCreateMultiprofileTransform(
      chain.data(), static_cast<cmsUInt32Number>(chain.size()), in, out,
      INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION | flags);
  if (transform == nullptr)
    throw std::runtime_error("Little CMS cannot make the RGB to CMYK transform");
  return transform;
}

}  // namespace

struct CmykConverter::Transform {
  CHandle<void, cmsDeleteTransform> handle;
};

CmykConverter::CmykConverter(const std::string& profile, double ink_limit)
    : transform_(std::make_unique<Transform>()), ink_limit_(ink_limit) {
  transform_->handle.reset(make_cmyk_transform(profile, ink_limit, TYPE_RGB_DBL, TYPE_CMYK_DBL,
                                               cmsFLAGS_NOCACHE, description_));
}

CmykConverter::~CmykConverter() = default;

Cmyk CmykConverter::convert(const Color& rgb) const {
  if (std::abs(rgb.r - rgb.g) < 1e-6 && std::abs(rgb.g - rgb.b) < 1e-6)
    return Cmyk{0, 0, 0, tidy(1 - rgb.r)};  // a neutral: black ink only
  const std::array<double, 3> in{rgb.r, rgb.g, rgb.b};
  std::array<double, 4> out{};
  cmsDoTransform(transform_->handle.get(), in.data(), out.data(), 1);
  Cmyk inks{tidy(out[0] / 100), tidy(out[1] / 100), tidy(out[2] / 100), tidy(out[3] / 100)};
  // Rounding may leave a hair over the limit: take it from the colour inks, never from black.
  const double over = total_ink(inks) - ink_limit_;
  if (over > 0) {
    const double colour = inks.c + inks.m + inks.y;
    const double keep = colour > 0 ? (colour - over) / colour : 1;
    inks = {std::floor(inks.c * keep * 10000) / 10000, std::floor(inks.m * keep * 10000) / 10000,
            std::floor(inks.y * keep * 10000) / 10000, inks.k};
  }
  return inks;
}

struct CmykPixelConverter::Transform {
  CHandle<void, cmsDeleteTransform> handle;
};

CmykPixelConverter::CmykPixelConverter(const std::string& profile, double ink_limit)
    : transform_(std::make_unique<Transform>()) {
  std::string description;
  // 8 bits in and out: Little CMS optimises the chain into one table for whole rows.
  transform_->handle.reset(
      make_cmyk_transform(profile, ink_limit, TYPE_RGB_8, TYPE_CMYK_8, 0, description));
}

CmykPixelConverter::~CmykPixelConverter() = default;

void CmykPixelConverter::convert(const unsigned char* rgb, unsigned char* cmyk,
                                 std::size_t pixels) const {
  constexpr std::size_t kChunk = 1 << 20;  // cmsDoTransform counts pixels in 32 bits
  for (std::size_t done = 0; done < pixels; done += kChunk) {
    const std::size_t count = std::min(kChunk, pixels - done);
    cmsDoTransform(transform_->handle.get(), rgb + 3 * done, cmyk + 4 * done,
                   static_cast<cmsUInt32Number>(count));
  }
}

}  // namespace broadsheet::print
