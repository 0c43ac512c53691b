#pragma once
// RGB to CMYK for print through an ICC output profile (Little CMS), with an ink limit. Part of
// the print module (pdf_parts.h): a render without --print never loads Little CMS.

#include <cstddef>
#include <memory>
#include <string>

#include "core/geometry.h"
#include "print/icc_profile.h"

namespace broadsheet::print {

/// Converts sRGB colours to the inks of one CMYK output profile. Neutral greys (black, white,
/// the rule greys) become black ink only, never four inks; other colours go through the
/// profile (relative colorimetric with black point compensation) and Little CMS's ink-limiting
/// device link, so no colour needs more total ink than `ink_limit`.
class CmykConverter {
 public:
  /// `profile` holds the bytes of a CMYK output profile; `ink_limit` is total ink, 1..4.
  CmykConverter(const std::string& profile, double ink_limit);
  ~CmykConverter();
  CmykConverter(const CmykConverter&) = delete;
  CmykConverter& operator=(const CmykConverter&) = delete;

  Cmyk convert(const Color& rgb) const;
  double ink_limit() const { return ink_limit_; }
  /// The profile's description ("Artifex CMYK SWOP Profile"), for the OutputIntent.
  const std::string& description() const { return description_; }

 private:
  struct Transform;
  std::unique_ptr<Transform> transform_;
  double ink_limit_;
  std::string description_;
};

/// The same conversion for pictures: rows of 8-bit sRGB pixels to 8-bit inks (0 none, 255
/// full), every pixel through the profile (no black-only greys: a photo's greys are the
/// profile's) and the ink limit, in one transform Little CMS optimises for whole rows.
class CmykPixelConverter {
 public:
  CmykPixelConverter(const std::string& profile, double ink_limit);
  ~CmykPixelConverter();
  CmykPixelConverter(const CmykPixelConverter&) = delete;
  CmykPixelConverter& operator=(const CmykPixelConverter&) = delete;

  /// `pixels` pixels: r, g, b bytes in, c, m, y, k bytes out.
  void convert(const unsigned char* rgb, unsigned char* cmyk, std::size_t pixels) const;

 private:
  struct Transform;
  std::unique_ptr<Transform> transform_;
};

/// Total ink of a colour, 0..4.
inline double total_ink(const Cmyk& c) {
  return c.c + c.m + c.y + c.k;
}

}  // namespace broadsheet::print
