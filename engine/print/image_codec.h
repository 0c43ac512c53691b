#pragma once
// The JPEG side of the print pass's pictures (print_images.h): an RGB JPEG re-encoded as a CMYK
// JPEG one row at a time (libjpeg), so that only rows, never the whole picture, are held in
// memory. Part of the print module.

#include <string>

namespace broadsheet::print {

/// Makes the inks (c, m, y, k bytes, 0 none) of one row of RGB pixels.
class RowInks {
 public:
  virtual ~RowInks() = default;
  /// Row `y` (from the top): `rgb` (which it may change, e.g. to flatten alpha) into `inks`.
  virtual void convert(int y, unsigned char* rgb, unsigned char* inks) const = 0;
};

/// The size of a JPEG from its header.
struct JpegSize {
  int width = 0, height = 0, components = 0;
};

/// Reads the JPEG's header. Throws std::runtime_error with libjpeg's message, naming `what`.
JpegSize read_jpeg_size(const std::string& jpeg, const std::string& what);

/// Decodes a colour (three-component) JPEG row by row, turns each row into inks with `inks`,
/// and encodes them as a CMYK JPEG at `quality` (1-100) in Adobe's convention: the samples
/// stored inverted (255 - ink), with an Adobe marker, for a PDF to draw with /Decode
/// [1 0 1 0 1 0 1 0]. Throws std::runtime_error naming `what`.
std::string recode_as_cmyk_jpeg(const std::string& jpeg, const RowInks& inks, int quality,
                                const std::string& what);

}  // namespace broadsheet::print
