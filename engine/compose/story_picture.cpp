#include "compose/story_picture.h"

#include <algorithm>

#include "compose/picture_block.h"
#include "core/diagnostics.h"
#include "picture/image_file.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

constexpr double kSpaceBelow = 6;  // pt between the caption and the body's first ascenders

}  // namespace

double place_lead_picture(const ComposeContext& context, const lt::PageTemplate& tpl,
                          const lt::Slot& slot, const story::Story& story,
                          const ModuleRegion& region, double top, ModulePlacement& out,
                          Warnings& warnings) {
  if (story.pictures.empty()) return top;
  const story::StoryPicture& picture = story.pictures.front();
  PlacedImagePtr image;
  try {
    image = picture::load_image_file(picture.file);
  } catch (const InputError& e) {
    // Name the article line that asked for the picture, too.
    throw InputError({story.file, picture.source_line, 0}, e.what(), e.code());
  }
  const double width = region.measure();
  double depth = slot.picture.depth > 0 ? slot.picture.depth : width * image->height / image->width;
  depth = std::min(depth, std::max(1.0, region.bottom - top));  // never past the region
  const Rect frame{region.columns.front().x, top, width, depth};
  const PictureTexts texts =
      set_picture_texts(context, tpl, slot.picture, picture.caption, picture.credit, width);
  place_picture(image, slot.picture, frame, texts, {region.page, slot.name, -1}, out.drawing,
                out.lines, warnings);
  return frame.bottom() + texts.height + kSpaceBelow;
}

}  // namespace broadsheet::compose
