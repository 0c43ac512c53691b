#pragma once
// A picture or an advertisement file as read, before any decoding: its bytes and what its
// header says. Shared between composition (which fits it to a frame) and the renderers (which
// decode or embed it), so it is plain data with no library handles.

#include <memory>
#include <string>

namespace broadsheet {

enum class ImageFormat : unsigned char { Jpeg, Png, Pdf };

struct PlacedImage {
  std::string path;  ///< as given, for messages
  ImageFormat format = ImageFormat::Jpeg;
  std::string bytes;  ///< the whole file
  /// Pixels for JPEG and PNG; for a PDF, its trim box (TrimBox, else MediaBox) in points.
  double width = 0, height = 0;
  /// A PDF's trim box origin in its own user space (pt), so that the trim lands on the frame.
  double trim_x = 0, trim_y = 0;
};

using PlacedImagePtr = std::shared_ptr<const PlacedImage>;

}  // namespace broadsheet
