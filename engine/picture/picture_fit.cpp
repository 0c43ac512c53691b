#include "picture/picture_fit.h"

#include <algorithm>

namespace broadsheet::picture {

namespace {

/// The left (or top) edge of a window of `window` units in a span [low, high], centred on
/// `focus` as far as the span allows.
double window_start(double low, double high, double window, double focus) {
  return std::clamp(focus - window / 2, low, std::max(low, high - window));
}

}  // namespace

FittedPicture fill_frame(const PlacedImagePtr& image, const Rect& frame, const CropSpec& spec) {
  const std::array<double, 4> crop = spec.crop.value_or(std::array<double, 4>{0, 0, 1, 1});
  // The part of the picture that may show, in pixels.
  const double left = crop[0] * image->width, top = crop[1] * image->height;
  const double right = crop[2] * image->width, bottom = crop[3] * image->height;
  const double scale = std::max(frame.width / (right - left), frame.height / (bottom - top));
  const double focus_x = left + spec.focus[0] * (right - left);
  const double focus_y = top + spec.focus[1] * (bottom - top);
  const double view_x = window_start(left, right, frame.width / scale, focus_x);
  const double view_y = window_start(top, bottom, frame.height / scale, focus_y);
  FittedPicture out;
  out.item.frame = frame;
  out.item.scale = scale;
  out.item.x = frame.x - view_x * scale;
  out.item.y = frame.y - view_y * scale;
  out.item.image = image;
  out.dpi = 72.0 / scale;
  return out;
}

FittedPicture fit_inside(const PlacedImagePtr& image, const Rect& frame) {
  const double scale = std::min(frame.width / image->width, frame.height / image->height);
  FittedPicture out;
  out.item.frame = frame;
  out.item.scale = scale;
  out.item.x = frame.x + (frame.width - image->width * scale) / 2;
  out.item.y = frame.y + (frame.height - image->height * scale) / 2;
  out.item.image = image;
  out.dpi = 72.0 / scale;
  return out;
}

}  // namespace broadsheet::picture
