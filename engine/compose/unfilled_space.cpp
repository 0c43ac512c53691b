#include "compose/unfilled_space.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace broadsheet::compose {

namespace {

/// A slot's rectangle that covers a column, by name.
struct Cover {
  std::string name;
  Rect rect;
};

std::vector<Cover> covers_of(const PlacedRects& placed, const layout_template::ColumnRegion& col) {
  std::vector<Cover> out;
  for (const auto& [name, r] : placed)
    if (r.height > 0 && r.x <= col.x + 0.5 && r.right() >= col.x + col.width - 0.5)
      out.push_back({name, r});
  std::sort(out.begin(), out.end(),
            [](const Cover& a, const Cover& b) { return a.rect.y < b.rect.y; });
  return out;
}

bool same_hole(const UnfilledSpace& a, const UnfilledSpace& b) {
  return std::abs(a.top - b.top) < 0.5 && std::abs(a.bottom - b.bottom) < 0.5 &&
         a.above == b.above && a.below == b.below;
}

}  // namespace

std::vector<UnfilledSpace> find_unfilled_space(
    const PlacedRects& placed, const std::vector<layout_template::ColumnRegion>& columns,
    const Rect& story_area, double gap, double tolerance, int page) {
  std::vector<UnfilledSpace> holes;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const int column = static_cast<int>(c) + 1;
    // The head of the story area counts as a slot ending one gap above it, the foot as one
    // starting one gap below it: stacked slots always keep that gap.
    double above_bottom = story_area.y - gap;
    std::string above;
    std::vector<Cover> covers = covers_of(placed, columns[c]);
    covers.push_back({"", {story_area.x, story_area.bottom() + gap, story_area.width, 0}});
    for (const Cover& cover : covers) {
      if (cover.rect.y - above_bottom > gap + tolerance) {
        UnfilledSpace hole{page,
                           column,
                           column,
                           above_bottom + (above.empty() ? gap : 0),
                           cover.rect.y - (cover.name.empty() ? gap : 0),
                           above,
                           cover.name};
        const auto left = std::find_if(holes.begin(), holes.end(), [&](const UnfilledSpace& h) {
          return h.last_column == column - 1 && same_hole(h, hole);
        });
        if (left != holes.end())
          left->last_column = column;
        else
          holes.push_back(std::move(hole));
      }
      if (cover.rect.bottom() >= above_bottom) {
        above_bottom = cover.rect.bottom();
        above = cover.name;
      }
    }
  }
  std::sort(holes.begin(), holes.end(), [](const UnfilledSpace& a, const UnfilledSpace& b) {
    return a.top != b.top ? a.top < b.top : a.first_column < b.first_column;
  });
  return holes;
}

std::string describe(const UnfilledSpace& space) {
  std::ostringstream text;
  text << "page " << space.page + 1 << ", column";
  if (space.first_column == space.last_column)
    text << " " << space.first_column;
  else
    text << "s " << space.first_column << "-" << space.last_column;
  text << ": " << std::lround((space.bottom - space.top) * 25.4 / 72) << " mm unfilled";
  if (!space.above.empty()) text << " under slot '" << space.above << "'";
  if (!space.above.empty() && !space.below.empty()) text << " and";
  if (!space.below.empty()) text << " above slot '" << space.below << "'";
  return text.str();
}

}  // namespace broadsheet::compose
