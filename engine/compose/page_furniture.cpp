#include "compose/page_furniture.h"

#include <algorithm>
#include <iterator>

#include "compose/placement.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

const Color kPlaceholderGrey{0.55, 0.55, 0.55};

}  // namespace

void add_placeholder(const ComposeContext& context, const lt::PageTemplate& tpl, const Rect& rect,
                     const std::string& label, DisplayPage& page) {
  page.add(StrokeRectItem{rect, 1.0, kPlaceholderGrey, true}, Layer::Preview);
  add_preview_label(context, tpl, label, 14, rect.x + rect.width / 2, rect.y + rect.height / 2,
                    true, kPlaceholderGrey, page);
}

void add_story_rules(const lt::PageTemplate& tpl, const PageLayout& layout, int page_index,
                     DisplayPage& page) {
  if (tpl.story_rule_weight <= 0) return;
  std::vector<const SlotReport*> filled;
  for (const SlotReport& s : layout.slots)
    if (s.page == page_index && !s.story.empty()) filled.push_back(&s);
  auto left_of = [&](const SlotReport& s) {
    return tpl.columns[static_cast<std::size_t>(s.first_column - 1)].x;
  };
  auto right_of = [&](const SlotReport& s) {
    const auto& c = tpl.columns[static_cast<std::size_t>(s.last_column - 1)];
    return c.x + c.width;
  };
  for (const SlotReport* a : filled) {
    for (const SlotReport* b : filled) {
      if (a == b) continue;
      const double overlap_top = std::max(a->top, b->top);
      const double overlap_bottom = std::min(a->top + a->depth, b->top + b->depth);
      if (b->first_column == a->last_column + 1 && overlap_bottom > overlap_top) {
        const double x = (right_of(*a) + left_of(*b)) / 2;
        page.add(LineItem{x, overlap_top, x, std::max(a->top + a->depth, b->top + b->depth),
                          tpl.story_rule_weight, tpl.story_rule_color});
      }
      // b sits under a: a rule across b's width in the gap between them.
      if (b->top > a->top + a->depth && b->first_column <= a->last_column &&
          a->first_column <= b->last_column) {
        const double y = (a->top + a->depth + b->top) / 2;
        page.add(LineItem{std::max(left_of(*a), left_of(*b)), y,
                          std::min(right_of(*a), right_of(*b)), y, tpl.story_rule_weight,
                          tpl.story_rule_color});
      }
    }
  }
}

void add_decorations(const lt::PageTemplate& tpl, int template_page, const PlacedRects& placed,
                     DisplayPage& page) {
  std::vector<DisplayItem> under;
  for (const lt::Decoration& d : tpl.decorations) {
    if (d.page != template_page) continue;
    Rect r;
    if (!d.slot.empty()) {
      const auto it = placed.find(d.slot);
      if (it == placed.end()) continue;
      r = it->second;
    } else {
      const auto& first = tpl.columns[static_cast<std::size_t>(d.first_column - 1)];
      const auto& last = tpl.columns[static_cast<std::size_t>(d.last_column - 1)];
      r = {first.x, tpl.story_area.y + d.top, last.x + last.width - first.x, d.height};
    }
    switch (d.kind) {
      case lt::DecorationKind::Rule: {
        const double y = !d.slot.empty() && d.bottom_edge ? r.bottom() + d.offset : r.y - d.offset;
        page.add(LineItem{r.x, y, r.right(), y, d.weight, d.color});
        break;
      }
      case lt::DecorationKind::Box:
        page.add(StrokeRectItem{
            {r.x - d.offset, r.y - d.offset, r.width + 2 * d.offset, r.height + 2 * d.offset},
            d.weight,
            d.color,
            false});
        break;
      case lt::DecorationKind::Block: {
        DisplayItem& item = under.emplace_back();
        item.shape.emplace<FillRectItem>(FillRectItem{
            {r.x - d.offset, r.y - d.offset, r.width + 2 * d.offset, r.height + 2 * d.offset},
            d.color});
        break;
      }
    }
  }
  page.items.insert(page.items.begin(), std::make_move_iterator(under.begin()),
                    std::make_move_iterator(under.end()));
}

}  // namespace broadsheet::compose
