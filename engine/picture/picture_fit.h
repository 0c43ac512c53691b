#pragma once
// Fitting a picture to its frame: scaled to fill it without distortion, the part that does not
// fit cropped away around a focal point, or within an explicit crop first.

#include <array>
#include <optional>

#include "core/display_list.h"

namespace broadsheet::picture {

/// How a picture is cut to its frame.
struct CropSpec {
  /// The point to keep in view, as fractions of the (cropped) picture from its top left;
  /// centred by default.
  std::array<double, 2> focus{0.5, 0.5};
  /// Keep only this part of the picture: [left, top, right, bottom] as fractions of its width
  /// and height (0 to 1, left < right, top < bottom).
  std::optional<std::array<double, 4>> crop{};
};

/// The picture's placement in `frame` (pixels; points for a PDF), and its effective resolution.
struct FittedPicture {
  ImageItem item;
  double dpi = 0;  ///< image pixels per inch at the placed size
};

/// Scales `image` to cover `frame` (the larger of the two scales), keeping `spec.focus` as near
/// the frame's centre as the picture's edges allow.
FittedPicture fill_frame(const PlacedImagePtr& image, const Rect& frame, const CropSpec& spec = {});

/// Scales `image` to fit inside `frame` whole (an advertisement scaled to its slot), centred.
FittedPicture fit_inside(const PlacedImagePtr& image, const Rect& frame);

}  // namespace broadsheet::picture
