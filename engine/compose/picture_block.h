#pragma once
// A picture with its credit and caption: the picture fills its frame (cropped as the slot
// says), the credit sits right-aligned under it, the caption under that, each in its own style
// (`credit`, `caption`). Used by picture slots and by a story's lead picture.

#include <string>
#include <vector>

#include "compose/composer.h"
#include "compose/page_layout.h"
#include "core/placed_image.h"
#include "paragraph/line_setter.h"
#include "template/page_template.h"

namespace broadsheet::compose {

/// The credit and caption of a picture, set for its width.
struct PictureTexts {
  const layout_template::TextStyle* credit_style = nullptr;
  const layout_template::TextStyle* caption_style = nullptr;
  std::vector<paragraph::SetLine> credit, caption;
  std::vector<double> credit_baselines, caption_baselines;  ///< below the picture's foot
  double height = 0;  ///< from the picture's foot to the last line's descender; 0: no text
  std::string alt;    ///< the caption: the picture's alternate text
};

/// Sets `caption` and `credit` at `width` in the options' styles (the template's body style, or
/// its first, when it has neither).
PictureTexts set_picture_texts(const ComposeContext& context,
                               const layout_template::PageTemplate& tpl,
                               const layout_template::PictureOptions& options,
                               const std::string& caption, const std::string& credit, double width);

/// Where a picture goes and what it belongs to.
struct PictureTarget {
  int page = 0;
  std::string slot;
  int story = -1;  ///< the story on the page it belongs to (tagged PDF); -1: none
};

/// Draws `image` filling `frame`, and `texts` under it; records the text lines in `lines`, and
/// warns in `warnings` when the picture's resolution at this size is under 150 dpi.
void place_picture(const PlacedImagePtr& image, const layout_template::PictureOptions& options,
                   const Rect& frame, const PictureTexts& texts, const PictureTarget& target,
                   DisplayPage& drawing, std::vector<PlacedLine>& lines, Warnings& warnings);

/// The resolution under which a picture is warned of, in dpi.
inline constexpr double kMinPictureDpi = 150;

}  // namespace broadsheet::compose
