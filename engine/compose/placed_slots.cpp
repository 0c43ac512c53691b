#include "compose/placed_slots.h"

#include <cmath>
#include <cstdio>

#include "compose/picture_block.h"
#include "core/diagnostics.h"
#include "picture/image_file.h"
#include "picture/picture_fit.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

constexpr double kSizeTolerance = 1.0;  // pt: an ad this close to the slot's size fits it

std::string size_text(double width, double height) {
  char text[96];
  std::snprintf(text, sizeof text, "%.1f x %.1f mm (%.2f x %.2f pt)", width / 72 * 25.4,
                height / 72 * 25.4, width, height);
  return text;
}

/// An ad: a PDF at its trim size (checked), a JPEG or PNG scaled to fit the slot.
void place_ad(const PlacedImagePtr& image, const lt::Slot& slot, const Rect& rect,
              PageLayout& layout, DisplayPage& page) {
  if (image->format == ImageFormat::Pdf && !slot.picture.scale_to_fit &&
      (std::abs(image->width - rect.width) > kSizeTolerance ||
       std::abs(image->height - rect.height) > kSizeTolerance))
    throw InputError({image->path, 0, 0},
                     "advertisement is " + size_text(image->width, image->height) + ", slot '" +
                         slot.name + "' is " + size_text(rect.width, rect.height) +
                         " (make the ad to the slot's size, or set scale_to_fit = true in the "
                         "slot to scale it)");
  picture::FittedPicture fitted = picture::fit_inside(image, rect);
  if (image->format != ImageFormat::Pdf && fitted.dpi < kMinPictureDpi)
    layout.warnings.push_back(
        {"low-resolution", image->path + ": " + std::to_string(std::lround(fitted.dpi)) +
                               " dpi at its size in slot '" + slot.name + "' (under 150)"});
  page.add(std::move(fitted.item));
}

}  // namespace

void check_slot_files(const lt::PageTemplate& tpl, const SlotFiles& files) {
  for (const auto& [name, image] : files) {
    const lt::Slot* slot = tpl.find_slot(name);
    if (!slot) throw InputError({image->path, 0, 0}, "template has no slot '" + name + "'");
    if (slot->kind == lt::SlotKind::Story)
      throw InputError({image->path, 0, 0},
                       "slot '" + name + "' takes stories, not pictures or advertisements");
    if (slot->kind == lt::SlotKind::Picture && image->format == ImageFormat::Pdf)
      throw InputError({image->path, 0, 0},
                       "slot '" + name + "' is a picture slot: it takes a JPEG or PNG, not a PDF");
  }
}

bool compose_placed_slot(const ComposeContext& context, const lt::PageTemplate& tpl,
                         const lt::Slot& slot, const Rect& rect, int page_index,
                         const SlotFiles& files, PageLayout& layout, DisplayPage& page) {
  const bool is_ad = slot.kind == lt::SlotKind::Advertisement;
  PlacedImagePtr image;
  if (const auto given = files.find(slot.name); given != files.end())
    image = given->second;
  else if (!slot.picture.file.empty())
    image = picture::load_image_file(slot.picture.file, is_ad ? "advertisement" : "picture");
  if (!image) return false;
  if (is_ad) {
    place_ad(image, slot, rect, layout, page);
    return true;
  }
  const PictureTexts texts = set_picture_texts(context, tpl, slot.picture, slot.picture.caption,
                                               slot.picture.credit, rect.width);
  Rect frame = rect;
  frame.height = std::max(1.0, rect.height - texts.height);
  place_picture(image, slot.picture, frame, texts, {page_index, slot.name, -1}, page, layout.lines,
                layout.warnings);
  return true;
}

}  // namespace broadsheet::compose
