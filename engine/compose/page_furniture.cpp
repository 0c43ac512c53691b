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
    if (s.page == page_index && !s.story.empty() && s.first_column >= 1) filled.push_back(&s);
  auto left_of = [&](const SlotReport& s) {
    return tpl.columns[static_cast<std::size_t>(s.first_column - 1)].x;
  };
  auto right_of = [&](const SlotReport& s) {
    const auto& c = tpl.columns[static_cast<std::size_t>(s.last_column - 1)];
    return c.x + c.width;
  };
  auto add_rule = [&](double x0, double y0, double x1, double y1) {
    page.add(LineItem{x0, y0, x1, y1, tpl.story_rule_weight, tpl.story_rule_color});
  };
  for (const SlotReport* a : filled) {
    for (const SlotReport* b : filled) {
      // Side by side: a rule down the gutter between them, where both run.
      const double top = std::max(a->top, b->top);
      const double bottom = std::min(a->top + a->depth, b->top + b->depth);
      if (b->first_column == a->last_column + 1 && bottom > top) {
        const double x = (right_of(*a) + left_of(*b)) / 2;
        add_rule(x, top, x, bottom);
      }
      // b stacked right under a (one grid gap between them): a rule in that gap, across the
      // columns they share. A rule never bridges a hole: that is unfilled space.
      const double a_foot = a->top + a->depth;
      const bool stacked = b->top > a_foot && b->top - a_foot <= 1.5 * layout.grid_pitch;
      const double left = std::max(left_of(*a), left_of(*b));
      const double right = std::min(right_of(*a), right_of(*b));
      if (stacked && right > left)
        add_rule(left, (a_foot + b->top) / 2, right, (a_foot + b->top) / 2);
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
