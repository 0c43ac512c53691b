#include "compose/slot_frames.h"

#include <algorithm>

namespace broadsheet::compose {

namespace lt = layout_template;

double ModuleRegion::measure() const {
  if (columns.empty()) return 0;
  return columns.back().x + columns.back().width - columns.front().x;
}

Rect SlotFrame::rect(double top, double bottom) const {
  const auto& first = columns.front();
  const auto& last = columns.back();
  return {first.x, top, last.x + last.width - first.x, bottom - top};
}

namespace {

SlotFrame frame_of(const lt::PageTemplate& tpl, const lt::Slot& slot) {
  return {&slot,
          {tpl.columns.begin() + (slot.first_column - 1), tpl.columns.begin() + slot.last_column}};
}

}  // namespace

PageFrames resolve_page_frames(const lt::PageTemplate& tpl, int page_index, double gap) {
  PageFrames frames;
  frames.page_index = page_index;
  frames.template_page = page_index + 1;
  frames.gap = gap;
  frames.floor = tpl.story_area.bottom();
  for (const lt::Slot& slot : tpl.slots) {
    if (slot.page != frames.template_page) continue;
    SlotFrame frame = frame_of(tpl, slot);
    if (slot.place != lt::SlotPlace::Bottom) {
      frames.flow.push_back(std::move(frame));
      continue;
    }
    const double depth = slot.depth > 0 ? slot.depth : slot.min_depth;
    const Rect r = frame.rect(tpl.story_area.bottom() - depth, tpl.story_area.bottom());
    frames.bottom_rects[slot.name] = r;
    frames.floor = std::min(frames.floor, r.y - gap);
    frames.bottom.push_back(std::move(frame));
  }
  return frames;
}

ModuleRegion region_for(const PageFrames& frames, const SlotFrame& frame,
                        const lt::PageTemplate& tpl, const PlacedRects& placed) {
  const lt::Slot& slot = *frame.slot;
  double top = tpl.story_area.y;
  if (slot.place == lt::SlotPlace::Below) {
    for (const std::string& above : slot.below)
      if (auto it = placed.find(above); it != placed.end())
        top = std::max(top, it->second.bottom() + frames.gap);
  }
  // A fixed depth (advertisements, pictures, or a story slot given one) is the slot's depth.
  const double bottom =
      std::min(frames.floor, top + (slot.depth > 0 ? slot.depth : slot.max_depth));
  return {frames.page_index, top, bottom, frame.columns};
}

SlotReport slot_report(const lt::Slot& slot, int page, double top) {
  SlotReport report;
  report.page = page;
  report.name = slot.name;
  report.first_column = slot.first_column;
  report.last_column = slot.last_column;
  report.top = top;
  return report;
}

}  // namespace broadsheet::compose
