#include "compose/copyfit.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

/// What one trial composition gives.
struct Trial {
  int rows = 0;   ///< lines a column holds under the headline and deck
  int lines = 0;  ///< body lines the story needs
  int columns = 0;
  double headline_size = 0;
  int headline_lines = 0, deck_lines = 0;
  bool display_fits = true;  ///< headline and deck took the lines asked of them
};

class Trials {
 public:
  Trials(const ComposeContext& context, const lt::PageTemplate& tpl, const lt::Slot& slot,
         const story::Story& story, const ModuleRegion& region, const BaselineGrid& grid)
      : context_(context), tpl_(tpl), slot_(slot), story_(story), region_(region), grid_(grid) {}

  Trial run(const StoryOptions& options) const {
    PageLayout scratch;
    DisplayPage page;
    const SlotReport r = compose_story(context_, tpl_, slot_, story_, region_, grid_, scratch, page,
                                       std::nullopt, nullptr, std::nullopt, options);
    Trial t;
    t.rows = r.rows;
    t.columns = static_cast<int>(r.lines_per_column.size());
    for (int n : r.lines_per_column) t.lines += n;
    t.lines += r.overset_lines;
    t.headline_size = r.headline_size;
    t.headline_lines = r.headline_lines;
    t.deck_lines = r.deck_lines;
    for (const Warning& w : scratch.warnings)
      if (w.code == "headline-too-long" || w.code == "deck-too-long") t.display_fits = false;
    if (options.headline_lines && t.headline_lines != *options.headline_lines)
      t.display_fits = false;
    if (options.deck_lines && t.deck_lines != *options.deck_lines) t.display_fits = false;
    return t;
  }

 private:
  const ComposeContext& context_;
  const lt::PageTemplate& tpl_;
  const lt::Slot& slot_;
  const story::Story& story_;
  const ModuleRegion& region_;
  const BaselineGrid& grid_;
};

/// Full columns, the last allowed one line short (as balancing allows).
int shortfall(const Trial& t) {
  return t.rows * t.columns - t.lines;
}
bool fills(const Trial& t) {
  return t.display_fits && (shortfall(t) == 0 || shortfall(t) == 1);
}

std::string describe(const Trial& base, const Trial& chosen, const StoryOptions& o) {
  std::ostringstream s;
  s << "headline " << chosen.headline_size << " pt in " << chosen.headline_lines << " lines";
  if (chosen.headline_size != base.headline_size || chosen.headline_lines != base.headline_lines)
    s << " (was " << base.headline_size << " pt in " << base.headline_lines << ")";
  if (o.deck_lines) s << ", deck " << chosen.deck_lines << " lines (was " << base.deck_lines << ")";
  const int looser = static_cast<int>(std::count(o.looseness.begin(), o.looseness.end(), 1));
  const int tighter = static_cast<int>(std::count(o.looseness.begin(), o.looseness.end(), -1));
  if (looser) s << ", looseness +1 in " << looser << " paragraphs";
  if (tighter) s << ", looseness -1 in " << tighter << " paragraphs";
  if (o.tracking != 0)
    s << ", letter spacing " << (o.tracking > 0 ? "+" : "") << o.tracking * 100 << " %";
  s << "; " << chosen.lines << " lines fill " << chosen.columns << " columns of " << chosen.rows;
  return s.str();
}

}  // namespace

CopyfitResult find_copyfit(const ComposeContext& context, const lt::PageTemplate& tpl,
                           const lt::Slot& slot, const story::Story& story,
                           const ModuleRegion& region, const BaselineGrid& grid) {
  // Every trial re-composes the story: shape each paragraph once for all of them.
  paragraph::ParagraphCache cache;
  ComposeContext cached = context;
  cached.cache = &cache;
  const Trials trials(cached, tpl, slot, story, region, grid);
  const Trial base = trials.run({});
  CopyfitResult result;
  if (fills(base)) {
    result.exact = true;
    result.summary = "fits as set: " + describe(base, base, {});
    return result;
  }

  // The display choices in order of preference: the largest headline first, in as few lines as
  // it takes; then the deck's line count.
  const lt::TextStyle& headline_style = tpl.style(slot.headline_style);
  const double max_size = slot.headline_max_size > 0 ? slot.headline_max_size : headline_style.size;
  const double min_size = slot.headline_min_size > 0 ? slot.headline_min_size : max_size;
  std::vector<StoryOptions> display;
  for (double size = max_size; size >= min_size - 1e-9; size -= 0.5)
    for (int lines = 1; lines <= slot.headline_max_lines; ++lines)
      display.push_back({size, lines, std::nullopt, {}, 0});
  const int deck_max = story.deck ? slot.deck_max_lines : 0;
  std::vector<std::pair<StoryOptions, Trial>> tried;
  for (const auto& o : display) {
    const Trial t = trials.run(o);
    if (!t.display_fits) continue;
    tried.emplace_back(o, t);
    if (fills(t)) return {o, true, describe(base, t, o)};
  }
  for (int deck = 1; deck <= deck_max; ++deck) {
    for (const auto& [o0, t0] : std::vector(tried)) {
      StoryOptions o = o0;
      o.deck_lines = deck;
      const Trial t = trials.run(o);
      if (!t.display_fits) continue;
      if (fills(t)) return {o, true, describe(base, t, o)};
      tried.emplace_back(o, t);
    }
  }

  // Looseness: how many lines each paragraph gains at +1 or loses at -1.
  const int paragraphs = static_cast<int>(story.body.size());
  std::vector<int> gain(static_cast<std::size_t>(paragraphs)), loss(gain.size());
  for (int p = 0; p < paragraphs; ++p) {
    StoryOptions o;
    o.looseness.assign(gain.size(), 0);
    o.looseness[static_cast<std::size_t>(p)] = 1;
    gain[static_cast<std::size_t>(p)] = trials.run(o).lines - base.lines;
    o.looseness[static_cast<std::size_t>(p)] = -1;
    loss[static_cast<std::size_t>(p)] = base.lines - trials.run(o).lines;
  }
  auto with_looseness = [&](StoryOptions o, int needed) -> std::optional<StoryOptions> {
    o.looseness.assign(gain.size(), 0);
    // Change the last paragraphs first: the reader meets the change late, if at all.
    for (int p = paragraphs - 1; p >= 0 && needed != 0; --p) {
      const auto i = static_cast<std::size_t>(p);
      if (needed > 0 && gain[i] == 1) {
        o.looseness[i] = 1;
        --needed;
      }
      if (needed < 0 && loss[i] == 1) {
        o.looseness[i] = -1;
        ++needed;
      }
    }
    if (needed != 0) return std::nullopt;
    return o;
  };
  auto try_adjusted = [&](double tracking) -> std::optional<CopyfitResult> {
    for (const auto& [o0, t0] : tried) {
      StoryOptions o = o0;
      o.tracking = tracking;
      const Trial t = tracking == 0 ? t0 : trials.run(o);
      if (fills(t)) return CopyfitResult{o, true, describe(base, t, o)};
      for (int target : {t.rows * t.columns, t.rows * t.columns - 1}) {
        if (auto loose = with_looseness(o, target - t.lines)) {
          const Trial check = trials.run(*loose);
          if (fills(check)) return CopyfitResult{*loose, true, describe(base, check, *loose)};
        }
      }
    }
    return std::nullopt;
  };
  if (auto fit = try_adjusted(0)) return *fit;
  // Letter spacing last, within the style's limits, the smallest change first.
  const auto& j = tpl.style(slot.body_style).justification;
  for (double step : {0.005, -0.005, 0.01, -0.01}) {
    if (step > j.letter_space_max || step < j.letter_space_min) continue;
    if (auto fit = try_adjusted(step)) return *fit;
  }
  result.summary = "no exact fit: " + std::to_string(std::abs(shortfall(base))) + " lines " +
                   (shortfall(base) > 0 ? "short of" : "over") + " the slot as set";
  return result;
}

}  // namespace broadsheet::compose
