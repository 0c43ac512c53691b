#pragma once
// Reading picture and advertisement files: JPEG, PNG and PDF, told apart by their first bytes,
// with their size read from the header (a JPEG's by libjpeg, a PDF's trim box by qpdf in the print
// module, print/pdf_parts.h).

#include <string>

#include "core/placed_image.h"

namespace broadsheet::picture {

/// Reads `path` whole and checks its header. Throws InputError naming the file when it is
/// missing or unreadable, not a JPEG, PNG or PDF, or broken (`what`: "picture", "advertisement").
PlacedImagePtr load_image_file(const std::string& path, const std::string& what = "picture");

/// The same from bytes already read (`path` names them in messages).
PlacedImagePtr image_from_bytes(std::string bytes, const std::string& path,
                                const std::string& what = "picture");

}  // namespace broadsheet::picture
