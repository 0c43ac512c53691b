#include "compose/composer.h"

#include <algorithm>
#include <map>

#include "compose/copyfit.h"
#include "compose/folio.h"
#include "compose/story_module.h"
#include "paragraph/line_setter.h"
#include "paragraph/shaped_paragraph.h"
#include "shape/shaper.h"

namespace broadsheet::compose {

namespace lt = layout_template;

bool PageLayout::overset() const {
  return std::any_of(slots.begin(), slots.end(),
                     [](const SlotReport& s) { return s.overset_lines > 0; });
}

namespace {

const Color kPlaceholderGrey{0.55, 0.55, 0.55};

std::vector<lt::ColumnRegion> slot_columns(const lt::PageTemplate& tpl, const lt::Slot& slot) {
  return {tpl.columns.begin() + (slot.first_column - 1), tpl.columns.begin() + slot.last_column};
}

Rect slot_rect(const lt::PageTemplate& tpl, const lt::Slot& slot, double top, double bottom) {
  const auto& first = tpl.columns[static_cast<std::size_t>(slot.first_column - 1)];
  const auto& last = tpl.columns[static_cast<std::size_t>(slot.last_column - 1)];
  return {first.x, top, last.x + last.width - first.x, bottom - top};
}

/// A preview-only outlined box with a centred label.
void add_placeholder(const ComposeContext& context, const lt::PageTemplate& tpl, const Rect& rect,
                     const std::string& label, DisplayPage& page) {
  page.add(StrokeRectItem{rect, 1.0, kPlaceholderGrey, true}, Layer::Preview);
  add_preview_label(context, tpl, label, 14, rect.x + rect.width / 2, rect.y + rect.height / 2,
                    true, kPlaceholderGrey, page);
}

/// The rules between stories: a vertical rule in the gutter between filled slots side by side,
/// a horizontal one above a filled slot that sits below others.
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

/// The template's keylines, boxes and colour blocks on this page: blocks under everything else,
/// lines over it. Slot decorations follow the slot's rectangle as composed.
void add_decorations(const lt::PageTemplate& tpl, int template_page,
                     const std::map<std::string, Rect>& placed, DisplayPage& page) {
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

}  // namespace

std::vector<SlotAssignment> assign_in_order(const lt::PageTemplate& tpl,
                                            const std::vector<const story::Story*>& stories,
                                            const std::vector<SlotAssignment>& explicit_slots) {
  std::vector<SlotAssignment> out = explicit_slots;
  auto taken = [&](const std::string& name) {
    return std::any_of(explicit_slots.begin(), explicit_slots.end(),
                       [&](const SlotAssignment& a) { return a.slot == name; });
  };
  std::size_t next = 0;
  for (const lt::Slot& slot : tpl.slots) {
    if (next == stories.size()) break;
    if (slot.kind != lt::SlotKind::Story || tpl.is_continuation(slot.name) || taken(slot.name))
      continue;
    out.push_back({slot.name, stories[next++]});
  }
  if (next < stories.size())
    throw InputError({stories[next]->file, 0, 0},
                     "no story slot left for this article in template '" + tpl.name + "' (" +
                         std::to_string(out.size()) + " story slots taken)");
  return out;
}

PageLayout compose_page(const ComposeContext& context, const lt::PageTemplate& tpl,
                        const std::vector<SlotAssignment>& stories, const FolioOverrides& overrides,
                        const ComposeOptions& options) {
  PageLayout layout;
  const BaselineGrid grid{tpl.story_area.y + tpl.grid.first_baseline, tpl.grid.baseline};
  layout.grid_origin = grid.origin;
  layout.grid_pitch = grid.pitch;

  std::map<std::string, const story::Story*> by_slot;
  for (const SlotAssignment& a : stories) {
    const lt::Slot* slot = tpl.find_slot(a.slot);
    if (!slot) throw InputError({a.story->file, 0, 0}, "template has no slot '" + a.slot + "'");
    if (slot->kind != lt::SlotKind::Story)
      throw InputError({a.story->file, 0, 0}, "slot '" + a.slot + "' does not take stories");
    if (tpl.is_continuation(a.slot))
      throw InputError({a.story->file, 0, 0},
                       "slot '" + a.slot + "' only takes the continuation of another story");
    if (!by_slot.emplace(a.slot, a.story).second)
      throw InputError({a.story->file, 0, 0}, "slot '" + a.slot + "' is given two stories");
  }

  // Folio: values from the first story's source line, then the command line.
  FolioValues values;
  if (!stories.empty() && stories.front().story->source) {
    const story::SourceMeta& src = *stories.front().story->source;
    values.publication = src.publication;
    values.date = src.date;
    values.page = src.page;
  }
  if (overrides.publication) values.publication = *overrides.publication;
  if (overrides.date) values.date = overrides.date;
  if (overrides.page) values.page = overrides.page;
  if (!stories.empty()) layout.display.title = stories.front().story->headline.text;
  const int first_page_number = values.page.value_or(1);

  // Continuations waiting for their slot: the overflow and where it came from.
  std::map<std::string, std::pair<const story::Story*, StoryOverflow>> pending;
  const double gap = grid.pitch;
  for (int page_index = 0; page_index < tpl.page_count(); ++page_index) {
    const int template_page = page_index + 1;
    DisplayPage page;
    page.width = tpl.page.width;
    page.height = tpl.page.height;
    FolioValues page_values = values;
    if (values.page) page_values.page = *values.page + page_index;
    const std::size_t folio_start = layout.lines.size();
    compose_folio(context, tpl, page_values, layout, page);
    for (std::size_t i = folio_start; i < layout.lines.size(); ++i)
      layout.lines[i].page = page_index;

    // Bottom slots (advertisements) first: the others stop above them.
    double floor = tpl.story_area.bottom();
    std::map<std::string, Rect> placed;
    for (const lt::Slot& slot : tpl.slots) {
      if (slot.page != template_page || slot.place != lt::SlotPlace::Bottom) continue;
      const double depth = slot.depth > 0 ? slot.depth : slot.min_depth;
      const Rect r = slot_rect(tpl, slot, tpl.story_area.bottom() - depth, tpl.story_area.bottom());
      placed[slot.name] = r;
      floor = std::min(floor, r.y - gap);
    }

    // Top and below slots, in template order.
    double top_row_bottom = tpl.story_area.y;
    for (const lt::Slot& slot : tpl.slots) {
      if (slot.page != template_page || slot.place == lt::SlotPlace::Bottom) continue;
      double top = tpl.story_area.y;
      if (slot.place == lt::SlotPlace::Below) {
        for (const std::string& above : slot.below)
          if (auto it = placed.find(above); it != placed.end())
            top = std::max(top, it->second.bottom() + gap);
      }
      // A fixed depth (advertisements, pictures, or a story slot given one) is the slot's depth.
      const double bottom = std::min(floor, top + (slot.depth > 0 ? slot.depth : slot.max_depth));
      const ModuleRegion region{page_index, top, bottom, slot_columns(tpl, slot)};
      SlotReport report;
      const auto assigned = by_slot.find(slot.name);
      const auto waiting = pending.find(slot.name);
      if (assigned != by_slot.end()) {
        std::optional<JumpLine> continued;
        StoryOverflow overflow;
        if (!slot.continued_in.empty()) {
          const lt::Slot& target = *tpl.find_slot(slot.continued_in);
          continued =
              JumpLine{"Continued on page " + std::to_string(first_page_number + target.page - 1)};
        }
        CopyfitResult fit;
        if (options.copyfit)
          fit = find_copyfit(context, tpl, slot, *assigned->second, region, grid);
        report = compose_story(context, tpl, slot, *assigned->second, region, grid, layout, page,
                               continued, &overflow, std::nullopt, fit.options);
        report.fit = fit.summary;
        if (options.copyfit && !fit.exact)
          layout.warnings.push_back({"no-fit", "slot '" + slot.name + "': " + fit.summary});
        if (!overflow.lines.empty()) {
          overflow.from_page = first_page_number + page_index;
          report.continued_in = slot.continued_in;
          pending[slot.continued_in] = {assigned->second, std::move(overflow)};
        }
      } else if (waiting != pending.end()) {
        const JumpLine from{"From page " + std::to_string(waiting->second.second.from_page)};
        report = compose_story(context, tpl, slot, *waiting->second.first, region, grid, layout,
                               page, std::nullopt, nullptr,
                               std::make_pair(from, std::move(waiting->second.second)));
        pending.erase(waiting);
      }
      if (!report.name.empty()) {
        report.depth = std::max(report.depth, slot.min_depth);
        placed[slot.name] = slot_rect(tpl, slot, top, top + report.depth);
        if (slot.place == lt::SlotPlace::Top)
          top_row_bottom = std::max(top_row_bottom, top + report.depth);
      } else {
        report.page = page_index;
        report.name = slot.name;
        report.first_column = slot.first_column;
        report.last_column = slot.last_column;
        report.top = top;
        // An empty slot beside filled ones takes their depth; one that a filled story sits
        // below collapses to its minimum depth, leaving the room to that story; otherwise it
        // takes the room that is left.
        const bool story_below =
            std::any_of(tpl.slots.begin(), tpl.slots.end(), [&](const lt::Slot& s) {
              return by_slot.count(s.name) &&
                     std::find(s.below.begin(), s.below.end(), slot.name) != s.below.end();
            });
        double empty_bottom = bottom;
        if (slot.place == lt::SlotPlace::Top && top_row_bottom > tpl.story_area.y)
          empty_bottom = top_row_bottom;
        else if (story_below)
          empty_bottom = top + slot.min_depth;
        report.depth = std::max(slot.min_depth, empty_bottom - top);
        placed[slot.name] = slot_rect(tpl, slot, top, top + report.depth);
        if (slot.depth > 0) {
          report.depth = std::min(slot.depth, bottom - top);
          placed[slot.name] = slot_rect(tpl, slot, top, top + report.depth);
        }
        if (slot.kind == lt::SlotKind::Story)
          layout.warnings.push_back({"empty-slot", "slot '" + slot.name + "' has no story"});
        if (report.depth > 0)
          add_placeholder(context, tpl, placed[slot.name],
                          slot.label.empty() ? slot.name : slot.label, page);
      }
      layout.slots.push_back(std::move(report));
    }
    add_story_rules(tpl, layout, page_index, page);
    add_decorations(tpl, template_page, placed, page);
    for (const lt::Slot& slot : tpl.slots) {
      if (slot.page != template_page || slot.place != lt::SlotPlace::Bottom) continue;
      const Rect& r = placed[slot.name];
      SlotReport report;
      report.page = page_index;
      report.name = slot.name;
      report.first_column = slot.first_column;
      report.last_column = slot.last_column;
      report.top = r.y;
      report.depth = r.height;
      layout.slots.push_back(std::move(report));
      add_placeholder(context, tpl, r, slot.label.empty() ? slot.name : slot.label, page);
    }
    layout.display.pages.push_back(std::move(page));
  }
  // Overflow whose continuation slot never came: nothing may disappear silently.
  for (const auto& [slot_name, waiting] : pending) {
    SlotReport lost;
    lost.name = slot_name;
    lost.story = waiting.first->file;
    for (const BodyLine& l : waiting.second.lines) lost.overset_text.push_back(l.line.text);
    lost.overset_lines = static_cast<int>(lost.overset_text.size());
    layout.warnings.push_back(
        {"overset", waiting.first->file + ": " + std::to_string(lost.overset_lines) +
                        " lines jump to slot '" + slot_name + "', which was not composed"});
    layout.slots.push_back(std::move(lost));
  }
  return layout;
}

}  // namespace broadsheet::compose
