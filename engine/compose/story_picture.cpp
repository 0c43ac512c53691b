#include "compose/story_picture.h"

#include <algorithm>
#include <cmath>

#include "compose/picture_block.h"
#include "core/diagnostics.h"
#include "picture/image_file.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

constexpr double kSpaceBelow = 6;  // pt between the caption and the body's first ascenders

}  // namespace

std::size_t picture_columns(const story::StoryPicture& picture, const lt::Slot& slot,
                            const ModuleRegion& region) {
  const int asked = picture.columns > 0 ? picture.columns : slot.picture.columns;
  const std::size_t all = region.columns.size();
  return asked > 0 ? std::min(all, static_cast<std::size_t>(asked)) : all;
}

Rect across_columns(const ModuleRegion& region, std::size_t columns, double top, double depth) {
  double left = region.column(0).x, right = left;
  for (std::size_t c = 0; c < columns; ++c) {
    left = std::min(left, region.column(c).x);
    right = std::max(right, region.column(c).x + region.column(c).width);
  }
  return {left, top, right - left, depth};
}

PlacedImagePtr load_story_picture(const story::Story& story, const story::StoryPicture& picture) {
  try {
    return picture::load_image_file(picture.file);
  } catch (const InputError& e) {
    // Name the article line that asked for the picture, too.
    throw InputError({story.file, picture.source_line, 0}, e.what(), e.code());
  }
}

LeadPicture place_lead_picture(const ComposeContext& context, const lt::PageTemplate& tpl,
                               const lt::Slot& slot, const story::Story& story,
                               const ModuleRegion& region, double top, ModulePlacement& out,
                               Warnings& warnings) {
  if (story.pictures.empty() || region.columns.empty()) return {0, top, top};
  const story::StoryPicture& picture = story.pictures.front();
  if (picture.inset != story::PictureInset::None) return {0, top, top};
  const PlacedImagePtr image = load_story_picture(story, picture);
  const std::size_t columns = picture_columns(picture, slot, region);
  if (picture.columns > static_cast<int>(columns))
    warnings.push_back({"picture-columns",
                        story.file + ":" + std::to_string(picture.source_line) +
                            ": the picture asks for " + std::to_string(picture.columns) +
                            " columns, slot '" + slot.name + "' has " + std::to_string(columns)});
  const double width = across_columns(region, columns, top, 0).width;
  // Caption and credit first: they take their depth from the width alone, and the picture is
  // cut so that it and they end inside the region.
  const PictureTexts texts =
      set_picture_texts(context, tpl, slot.picture, picture.caption, picture.credit, width);
  double depth = slot.picture.depth;
  if (depth <= 0) {
    // Its own proportions at the width, cut to a whole number of grid lines (design/page21.md):
    // at most one grid line of it is cropped, around the focus.
    depth = width * image->height / image->width;
    if (const double pitch = tpl.grid.baseline; pitch > 0)
      depth = std::max(pitch, std::floor(depth / pitch + 1e-9) * pitch);
  }
  depth = std::min(depth, std::max(1.0, region.bottom - top - texts.height));
  const Rect frame = across_columns(region, columns, top, depth);
  place_picture(image, slot.picture, frame, texts, {region.page, slot.name, -1}, out.drawing,
                out.lines, warnings);
  const double foot = frame.bottom() + texts.height;
  return {columns, foot + kSpaceBelow, foot};
}

std::optional<InsetPicture> set_inset_picture(const ComposeContext& context,
                                              const lt::PageTemplate& tpl, const lt::Slot& slot,
                                              const story::Story& story, double measure,
                                              double grid_pitch) {
  if (story.pictures.empty()) return std::nullopt;
  const story::StoryPicture& picture = story.pictures.front();
  if (picture.inset == story::PictureInset::None) return std::nullopt;
  InsetPicture inset;
  inset.image = load_story_picture(story, picture);
  inset.left = picture.inset == story::PictureInset::Left;
  inset.width = measure * (picture.width > 0 ? picture.width : 0.5);
  inset.depth = inset.width * inset.image->height / inset.image->width;
  inset.texts =
      set_picture_texts(context, tpl, slot.picture, picture.caption, picture.credit, inset.width);
  inset.narrowing = std::min(measure, inset.width + slot.picture.gap);
  const lt::TextStyle& body = tpl.style(slot.body_style);
  inset.body_ascent =
      context.fonts.font(context.fonts.find(body.font.family, body.font.style)).metrics().ascender *
      body.size;
  // Line n's ascender line is n pitches under the picture's top; it is beside the picture
  // until it clears the caption's foot and the gap.
  const double reach = inset.depth + inset.texts.height + slot.picture.gap;
  inset.lines = std::max(1, static_cast<int>(std::ceil(reach / grid_pitch - 1e-9)));
  return inset;
}

double place_inset_picture(const InsetPicture& inset, const lt::Slot& slot,
                           const ModuleRegion& region, double first_baseline, ModulePlacement& out,
                           Warnings& warnings) {
  const lt::ColumnRegion& column = region.column(0);
  const double x = inset.left ? column.x : column.x + column.width - inset.width;
  const Rect frame{x, first_baseline - inset.body_ascent, inset.width, inset.depth};
  place_picture(inset.image, slot.picture, frame, inset.texts, {region.page, slot.name, -1},
                out.drawing, out.lines, warnings);
  return frame.bottom() + inset.texts.height;
}

}  // namespace broadsheet::compose
