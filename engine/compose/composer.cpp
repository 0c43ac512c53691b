#include "compose/composer.h"

#include <algorithm>
#include <map>

#include "compose/copyfit.h"
#include "compose/folio.h"
#include "compose/page_furniture.h"
#include "compose/placed_slots.h"
#include "compose/slot_frames.h"
#include "compose/story_module.h"
#include "compose/story_text.h"
#include "compose/unfilled_space.h"

namespace broadsheet::compose {

namespace lt = layout_template;

bool PageLayout::overset() const {
  return std::any_of(slots.begin(), slots.end(),
                     [](const SlotReport& s) { return s.overset_lines > 0; });
}

namespace {

using SlotStories = std::map<std::string, const story::Story*>;

/// The assignments by slot, each checked against the template.
SlotStories check_assignments(const lt::PageTemplate& tpl,
                              const std::vector<SlotAssignment>& stories) {
  SlotStories by_slot;
  for (const SlotAssignment& a : stories) {
    const lt::Slot* slot = tpl.find_slot(a.slot);
    const SourceLocation where{a.story->file, 0, 0};
    if (!slot) throw InputError(where, "template has no slot '" + a.slot + "'");
    if (slot->kind != lt::SlotKind::Story)
      throw InputError(where, "slot '" + a.slot + "' does not take stories");
    if (tpl.is_continuation(a.slot))
      throw InputError(where, "slot '" + a.slot + "' only takes the continuation of another story");
    if (!by_slot.emplace(a.slot, a.story).second)
      throw InputError(where, "slot '" + a.slot + "' is given two stories");
  }
  return by_slot;
}

/// Folio values from the first story's source line, then the caller's overrides.
FolioValues folio_values(const std::vector<SlotAssignment>& stories,
                         const FolioOverrides& overrides) {
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
  return values;
}

/// The depth and rectangle of a slot that has no story. An empty slot beside filled ones takes
/// their depth; one that a filled story sits below collapses to its minimum depth, leaving the
/// room to that story; otherwise it takes the room that is left. A fixed depth holds.
SlotReport empty_slot_report(const lt::PageTemplate& tpl, const SlotFrame& frame,
                             const ModuleRegion& region, double top_row_bottom, bool story_below) {
  const lt::Slot& slot = *frame.slot;
  SlotReport report = slot_report(slot, region.page, region.top);
  double bottom = region.bottom;
  if (slot.place == lt::SlotPlace::Top && top_row_bottom > tpl.story_area.y)
    bottom = top_row_bottom;
  else if (story_below)
    bottom = region.top + slot.min_depth;
  report.depth = std::max(slot.min_depth, bottom - region.top);
  if (slot.depth > 0) report.depth = std::min(slot.depth, region.bottom - region.top);
  return report;
}

/// Composes a layout page by page. The stories waiting for their continuation slots are the
/// work carried from one page to the next.
class PageComposer {
 public:
  PageComposer(const ComposeContext& context, const lt::PageTemplate& tpl,
               const SlotStories& by_slot, const FolioValues& values, const ComposeOptions& options)
      : context_(context),
        tpl_(tpl),
        by_slot_(by_slot),
        values_(values),
        options_(options),
        grid_{tpl.story_area.y + tpl.grid.first_baseline, tpl.grid.baseline} {
    layout_.grid_origin = grid_.origin;
    layout_.grid_pitch = grid_.pitch;
  }

  PageLayout run() && {
    for (int page_index = 0; page_index < tpl_.page_count(); ++page_index)
      layout_.display.pages.push_back(compose_page_at(page_index));
    report_lost_jumps();
    return std::move(layout_);
  }

 private:
  int first_page_number() const { return values_.page.value_or(1); }

  DisplayPage compose_page_at(int page_index) {
    DisplayPage page;
    page.width = tpl_.page.width;
    page.height = tpl_.page.height;
    add_folio(page_index, page);
    const PageFrames frames = resolve_page_frames(tpl_, page_index, grid_.pitch);
    PlacedRects placed = frames.bottom_rects;
    double top_row_bottom = tpl_.story_area.y;
    for (const SlotFrame& frame : frames.flow) {
      const ModuleRegion region = region_for(frames, frame, tpl_, placed);
      SlotReport report = compose_slot(frame, region, page);
      const lt::Slot& slot = *frame.slot;
      if (!report.name.empty()) {
        report.depth = std::max(report.depth, slot.min_depth);
        if (slot.place == lt::SlotPlace::Top)
          top_row_bottom = std::max(top_row_bottom, region.top + report.depth);
      } else {
        report = empty_slot_report(tpl_, frame, region, top_row_bottom,
                                   !slot_with_story_below(*frame.slot).empty());
        if (slot.kind == lt::SlotKind::Story)
          layout_.warnings.push_back({"empty-slot", "slot '" + slot.name + "' has no story"});
        const Rect rect = frame.rect(region.top, region.top + report.depth);
        if (report.depth > 0 && !place_file(slot, rect, page_index, page))
          add_placeholder(context_, tpl_, rect, slot.label.empty() ? slot.name : slot.label, page);
      }
      placed[slot.name] = frame.rect(region.top, region.top + report.depth);
      layout_.slots.push_back(std::move(report));
    }
    add_story_rules(tpl_, layout_, page_index, page);
    add_decorations(tpl_, frames.template_page, placed, page);
    add_bottom_slots(frames, page);
    report_unfilled_space(placed, page_index);
    return page;
  }

  void add_folio(int page_index, DisplayPage& page) {
    FolioValues values = values_;
    if (values_.page) values.page = *values_.page + page_index;
    const std::size_t first = layout_.lines.size();
    compose_folio(context_, tpl_, values, layout_, page);
    for (std::size_t i = first; i < layout_.lines.size(); ++i) layout_.lines[i].page = page_index;
  }

  /// The story assigned to the slot, or the continuation waiting for it; an empty report when
  /// the slot has neither.
  SlotReport compose_slot(const SlotFrame& frame, const ModuleRegion& region, DisplayPage& page) {
    const lt::Slot& slot = *frame.slot;
    if (const auto assigned = by_slot_.find(slot.name); assigned != by_slot_.end())
      return compose_work(slot, StoryWork::start_of(*assigned->second), region, page);
    const auto waiting = pending_.find(slot.name);
    if (waiting == pending_.end()) return {};
    const StoryWork work = std::move(waiting->second);
    pending_.erase(waiting);
    return compose_work(slot, work, region, page);
  }

  /// Sets `work` in the slot; when the slot jumps, the rest waits for its continuation (which
  /// may jump again: a story runs on over any number of pages).
  SlotReport compose_work(const lt::Slot& slot, const StoryWork& work, const ModuleRegion& region,
                          DisplayPage& page) {
    std::optional<std::string> continued_on;
    if (!slot.continued_in.empty()) {
      const int target_page = tpl_.find_slot(slot.continued_in)->page;
      continued_on = "Continued on page " + std::to_string(first_page_number() + target_page - 1);
    }
    // Every text of the story in its language and direction; its columns in its order.
    ComposeContext context = story_context(context_, tpl_, slot, *work.story);
    ModuleRegion story_region = region;
    story_region.fills_from_right = columns_fill_from_right(context, slot);
    CopyfitResult fit;
    // Copyfit leaves a story with another under it as set (unless its slot has a fixed depth):
    // the lower story is the one fitted to the foot.
    const std::string under = slot.depth > 0 ? std::string() : slot_with_story_below(slot);
    const bool copyfit = options_.copyfit && !work.is_continuation() && under.empty();
    // The trials shape each paragraph once; the story is then set from the same shaped
    // paragraphs (the cache gives what shaping gives, bit for bit).
    paragraph::ParagraphCache shaped_in_trials;
    if (copyfit && context.cache == nullptr) context.cache = &shaped_in_trials;
    if (copyfit) fit = find_copyfit(context, tpl_, slot, *work.story, story_region, grid_);
    if (options_.copyfit && !work.is_continuation() && !under.empty())
      fit.summary = "kept as set: the story of slot '" + under + "' below it fills the rest";
    ModuleResult module =
        compose_module(context, tpl_, slot, work, story_region, grid_, continued_on, fit.options);
    module.report.fit = fit.summary;
    if (copyfit && !fit.exact)
      module.warnings.push_back({"no-fit", "slot '" + slot.name + "': " + fit.summary});
    if (module.rest) {
      module.rest->from_page = first_page_number() + region.page;
      module.report.continued_in = slot.continued_in;
      pending_[slot.continued_in] = std::move(*module.rest);
    }
    // A fixed depth holds: the module's region ends there, and so does its slot.
    if (slot.depth > 0) module.report.depth = std::min(slot.depth, region.bottom - region.top);
    return commit(std::move(module), page);
  }

  /// A slot placed below `slot` on its page with a story (or a continuation) to set; empty
  /// when none.
  std::string slot_with_story_below(const lt::Slot& slot) const {
    for (const lt::Slot& other : tpl_.slots) {
      if (other.place != lt::SlotPlace::Below || other.page != slot.page) continue;
      if (std::find(other.below.begin(), other.below.end(), slot.name) == other.below.end())
        continue;
      if (by_slot_.count(other.name) > 0 || pending_.count(other.name) > 0) return other.name;
    }
    return {};
  }

  /// Puts a module's drawing, lines and warnings on the page and the layout.
  SlotReport commit(ModuleResult module, DisplayPage& page) {
    // Tagged PDF: each story on a page is one article element, numbered in drawing order.
    const int story = stories_on_page(page);
    for (DisplayItem& item : module.placement.drawing.items) {
      if (auto* run = std::get_if<GlyphRunItem>(&item.shape); run && !run->tag.empty())
        run->story = story;
      page.items.push_back(std::move(item));
    }
    for (PlacedLine& line : module.placement.lines) layout_.lines.push_back(std::move(line));
    for (Warning& w : module.warnings) layout_.warnings.push_back(std::move(w));
    return std::move(module.report);
  }

  /// How many stories are on the page so far: the next one's number.
  static int stories_on_page(const DisplayPage& page) {
    int highest = -1;
    for (const DisplayItem& item : page.items)
      if (const auto* run = std::get_if<GlyphRunItem>(&item.shape))
        highest = std::max(highest, run->story);
    return highest + 1;
  }

  /// Bottom slots keep their fixed rectangles: a story slot there is set within it, any other
  /// is a placeholder in previews.
  void add_bottom_slots(const PageFrames& frames, DisplayPage& page) {
    for (const SlotFrame& frame : frames.bottom) {
      const lt::Slot& slot = *frame.slot;
      const Rect& r = frames.bottom_rects.at(slot.name);
      const ModuleRegion region{frames.page_index, r.y, r.bottom(), frame.columns};
      SlotReport report =
          slot.kind == lt::SlotKind::Story ? compose_slot(frame, region, page) : SlotReport{};
      if (report.name.empty()) {
        report = slot_report(slot, frames.page_index, r.y);
        if (slot.kind == lt::SlotKind::Story)
          layout_.warnings.push_back({"empty-slot", "slot '" + slot.name + "' has no story"});
        if (!place_file(slot, r, frames.page_index, page))
          add_placeholder(context_, tpl_, r, slot.label.empty() ? slot.name : slot.label, page);
      }
      report.depth = r.height;
      layout_.slots.push_back(std::move(report));
    }
  }

  /// A picture or advertisement slot's file in `rect`; false when it has none (or is a story slot).
  bool place_file(const lt::Slot& slot, const Rect& rect, int page_index, DisplayPage& page) {
    return slot.kind != lt::SlotKind::Story &&
           compose_placed_slot(context_, tpl_, slot, rect, page_index, options_.slot_files, layout_,
                               page);
  }

  /// Holes taller than two grid lines between stacked slots: warned of and listed in the report.
  void report_unfilled_space(const PlacedRects& placed, int page_index) {
    for (UnfilledSpace& hole : find_unfilled_space(placed, tpl_.columns, tpl_.story_area,
                                                   grid_.pitch, 2 * grid_.pitch, page_index)) {
      layout_.warnings.push_back({"unfilled", describe(hole)});
      layout_.unfilled.push_back(std::move(hole));
    }
  }

  /// Overflow whose continuation slot never came: nothing may disappear silently.
  void report_lost_jumps() {
    for (const auto& [slot_name, work] : pending_) {
      SlotReport lost;
      lost.name = slot_name;
      lost.story = work.story->file;
      for (const BodyLine& l : work.lines) lost.overset_text.push_back(l.line.text);
      lost.overset_lines = static_cast<int>(lost.overset_text.size());
      layout_.warnings.push_back(
          {"overset", work.story->file + ": " + std::to_string(lost.overset_lines) +
                          " lines jump to slot '" + slot_name + "', which was not composed"});
      layout_.slots.push_back(std::move(lost));
    }
  }

  const ComposeContext& context_;
  const lt::PageTemplate& tpl_;
  const SlotStories& by_slot_;
  const FolioValues& values_;
  const ComposeOptions& options_;
  const BaselineGrid grid_;
  PageLayout layout_;
  std::map<std::string, StoryWork> pending_;  ///< continuation slot -> the rest of its story
};

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
  const SlotStories by_slot = check_assignments(tpl, stories);
  check_slot_files(tpl, options.slot_files);
  const FolioValues values = folio_values(stories, overrides);
  PageLayout layout = PageComposer(context, tpl, by_slot, values, options).run();
  if (!stories.empty()) layout.display.title = stories.front().story->headline.text;
  return layout;
}

}  // namespace broadsheet::compose
