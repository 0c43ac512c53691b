#pragma once
// White holes on a page: stretches of a column that no slot covers, between two slots stacked
// one above the other, or between a slot and the head or foot of the story area. A newsroom
// wants to hear of them (a short story, a slot too deep), never to find them in print.

#include <string>
#include <vector>

#include "compose/page_layout.h"
#include "compose/slot_frames.h"

namespace broadsheet::compose {

/// The holes of page `page` taller than `tolerance` beyond the `gap` kept between stacked
/// slots. `placed` holds every slot's rectangle as composed (stories, empty slots, fixed
/// slots); adjacent columns with the same hole are reported as one.
std::vector<UnfilledSpace> find_unfilled_space(
    const PlacedRects& placed, const std::vector<layout_template::ColumnRegion>& columns,
    const Rect& story_area, double gap, double tolerance, int page);

/// "page 1, columns 5-6: 31 mm unfilled under slot 'rail'".
std::string describe(const UnfilledSpace& space);

}  // namespace broadsheet::compose
