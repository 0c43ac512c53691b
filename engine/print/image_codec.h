#pragma once
// The pixels of the pictures the print pass converts to inks (print_images.h): a JPEG decoded
// to RGB and a CMYK JPEG encoded with libjpeg. Part of the print module.

#include <string>
#include <vector>

namespace broadsheet::print {

/// 8-bit pixels, rows from the top, `components` bytes per pixel.
struct Pixels {
  int width = 0, height = 0, components = 0;
  std::vector<unsigned char> data;
};

/// Decodes a colour (three-component) JPEG to RGB. Throws std::runtime_error with libjpeg's
/// message, naming `what`.
Pixels decode_rgb_jpeg(const std::string& jpeg, const std::string& what);

/// Encodes 4-component ink pixels (0 none, 255 full) as a CMYK JPEG at `quality` (1-100) in
/// Adobe's convention: the samples stored inverted (255 full ink... 0), with an Adobe marker.
/// A PDF draws it with /Decode [1 0 1 0 1 0 1 0]. Throws std::runtime_error.
std::string encode_cmyk_jpeg(const Pixels& inks, int quality, const std::string& what);

}  // namespace broadsheet::print
