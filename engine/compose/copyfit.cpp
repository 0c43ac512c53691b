#include "compose/copyfit.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

/// What one trial composition gives.
struct Trial {
  int rows = 0;   ///< lines a column holds under the headline and deck
  int lines = 0;  ///< body lines the story needs
  int columns = 0;
  int capacity = 0;  ///< lines all columns hold (fewer under a picture across some of them)
  double headline_size = 0;
  int headline_lines = 0, deck_lines = 0;
  bool display_fits = true;  ///< headline and deck took the lines asked, the head fits the slot
  bool head_fits = true;     ///< the head ends inside the slot (else nothing of it is set)
};

class Trials {
 public:
  Trials(const ComposeContext& context, const lt::PageTemplate& tpl, const lt::Slot& slot,
         const story::Story& story, const ModuleRegion& region, const BaselineGrid& grid)
      : context_(context), tpl_(tpl), slot_(slot), story_(story), region_(region), grid_(grid) {}

  /// Line counts only: no line is set or placed for a trial.
  Trial run(const StoryOptions& options) const {
    const SlotReport r =
        measure_module(context_, tpl_, slot_, story_, region_, grid_, options, memo_);
    Trial t;
    t.rows = r.rows;
    t.columns = static_cast<int>(r.lines_per_column.size());
    t.capacity = t.rows * t.columns;
    if (!r.column_rows.empty())  // a picture across some columns shortens them
      t.capacity = std::accumulate(r.column_rows.begin(), r.column_rows.end(), 0);
    for (int n : r.lines_per_column) t.lines += n;
    t.lines += r.overset_lines;
    t.headline_size = r.headline_size;
    t.headline_lines = r.headline_lines;
    t.deck_lines = r.deck_lines;
    t.head_fits = r.head_fits;
    t.display_fits = r.headline_fits && r.deck_fits && r.head_fits;
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
  mutable ModuleTrials memo_;  ///< what the trials share
};

/// Full columns, the last allowed one line short (as balancing allows).
int shortfall(const Trial& t) {
  return t.capacity - t.lines;
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

/// The search over copyfit choices, in order of preference: display sizes and lines, deck lines,
/// paragraph looseness, letter spacing. Every trial measures the story on scratch values.
class CopyfitSearch {
 public:
  CopyfitSearch(const Trials& trials, const lt::PageTemplate& tpl, const lt::Slot& slot,
                const story::Story& story)
      : trials_(trials), tpl_(tpl), slot_(slot), story_(story), base_(trials.run({})) {}

  CopyfitResult run() {
    if (fills(base_)) return {{}, true, "fits as set: " + describe(base_, base_, {})};
    if (auto fit = try_display_choices()) return *fit;
    if (auto fit = try_deck_lines()) return *fit;
    measure_looseness();
    if (auto fit = try_adjusted(0)) return *fit;
    // Letter spacing last, within the style's limits, the smallest change first.
    const auto& j = tpl_.style(slot_.body_style).justification;
    for (double step : {0.005, -0.005, 0.01, -0.01}) {
      if (step > j.letter_space_max || step < j.letter_space_min) continue;
      if (auto fit = try_adjusted(step)) return *fit;
    }
    const std::string gap = "no exact fit: " + std::to_string(std::abs(shortfall(base_))) +
                            " lines " + (shortfall(base_) > 0 ? "short of" : "over") +
                            " the slot as set";
    // A head that does not fit as set would lose the whole story: of the display choices that
    // let it into the slot, the one that sets the most body lines is kept (the larger headline
    // of equals), fill or not.
    if (!base_.head_fits && !tried_.empty()) {
      const auto set_lines = [](const Trial& t) { return std::min(t.lines, t.capacity); };
      const auto& [o, t] = *std::max_element(
          tried_.begin(), tried_.end(),
          [&](const auto& a, const auto& b) { return set_lines(a.second) < set_lines(b.second); });
      std::ostringstream s;
      s << gap << "; the head fits the slot with the headline at " << t.headline_size << " pt in "
        << t.headline_lines << " lines";
      return {o, false, s.str()};
    }
    return {{}, false, gap};
  }

 private:
  CopyfitResult found(const StoryOptions& o, const Trial& t) const {
    return {o, true, describe(base_, t, o)};
  }

  /// The largest headline first, in as few lines as it takes. Sizes above the one the module
  /// chose do not fit; at most kHeadlineSteps half points below it are tried (a copyfit does
  /// not shrink a headline by more than 32 pt).
  std::optional<CopyfitResult> try_display_choices() {
    constexpr int kHeadlineSteps = 64;
    const lt::TextStyle& style = tpl_.style(slot_.headline_style);
    const double max_size = slot_.headline_max_size > 0 ? slot_.headline_max_size : style.size;
    const double min_size = slot_.headline_min_size > 0 ? slot_.headline_min_size : max_size;
    const double start = std::min(max_size, base_.headline_size);
    for (int step = 0; step <= kHeadlineSteps; ++step) {
      const double size = start - 0.5 * step;
      if (size < min_size - 1e-9) break;
      for (int lines = 1; lines <= slot_.headline_max_lines; ++lines) {
        const StoryOptions o{size, lines, std::nullopt, {}, 0};
        const Trial t = trials_.run(o);
        if (!t.display_fits) continue;
        tried_.emplace_back(o, t);
        if (fills(t)) return found(o, t);
      }
    }
    return std::nullopt;
  }

  /// Each display choice with the deck in 1, 2, ... lines.
  std::optional<CopyfitResult> try_deck_lines() {
    const int deck_max = story_.deck ? slot_.deck_max_lines : 0;
    for (int deck = 1; deck <= deck_max; ++deck) {
      for (const auto& [o0, t0] : std::vector(tried_)) {
        StoryOptions o = o0;
        o.deck_lines = deck;
        const Trial t = trials_.run(o);
        if (!t.display_fits) continue;
        if (fills(t)) return found(o, t);
        tried_.emplace_back(o, t);
      }
    }
    return std::nullopt;
  }

  /// How many lines each paragraph gains at looseness +1 and loses at -1.
  void measure_looseness() {
    const std::size_t paragraphs = story_.body.size();
    gain_.assign(paragraphs, 0);
    loss_.assign(paragraphs, 0);
    for (std::size_t p = 0; p < paragraphs; ++p) {
      StoryOptions o;
      o.looseness.assign(paragraphs, 0);
      o.looseness[p] = 1;
      gain_[p] = trials_.run(o).lines - base_.lines;
      o.looseness[p] = -1;
      loss_[p] = base_.lines - trials_.run(o).lines;
    }
  }

  /// `o` with looseness on the paragraphs that together gain (or lose) `needed` lines.
  std::optional<StoryOptions> with_looseness(StoryOptions o, int needed) const {
    o.looseness.assign(gain_.size(), 0);
    // Change the last paragraphs first: the reader meets the change late, if at all.
    for (std::size_t i = gain_.size(); i-- > 0 && needed != 0;) {
      if (needed > 0 && gain_[i] == 1) {
        o.looseness[i] = 1;
        --needed;
      }
      if (needed < 0 && loss_[i] == 1) {
        o.looseness[i] = -1;
        ++needed;
      }
    }
    if (needed != 0) return std::nullopt;
    return o;
  }

  /// Every display choice tried so far at `tracking`, then with looseness to close the gap.
  std::optional<CopyfitResult> try_adjusted(double tracking) const {
    for (const auto& [o0, t0] : tried_) {
      StoryOptions o = o0;
      o.tracking = tracking;
      const Trial t = tracking == 0 ? t0 : trials_.run(o);
      if (fills(t)) return found(o, t);
      for (int target : {t.capacity, t.capacity - 1}) {
        if (auto loose = with_looseness(o, target - t.lines)) {
          const Trial check = trials_.run(*loose);
          if (fills(check)) return found(*loose, check);
        }
      }
    }
    return std::nullopt;
  }

  const Trials& trials_;
  const lt::PageTemplate& tpl_;
  const lt::Slot& slot_;
  const story::Story& story_;
  const Trial base_;
  std::vector<std::pair<StoryOptions, Trial>> tried_;
  std::vector<int> gain_, loss_;
};

}  // namespace

CopyfitResult find_copyfit(const ComposeContext& context, const lt::PageTemplate& tpl,
                           const lt::Slot& slot, const story::Story& story,
                           const ModuleRegion& region, const BaselineGrid& grid) {
  // Every trial re-composes the story: shape each paragraph once for all of them (in the
  // caller's cache when it gives one). Trials only count lines: the blocks above the story are
  // broken into lines, not set.
  paragraph::ParagraphCache own_cache;
  ComposeContext measuring = context;
  if (measuring.cache == nullptr) measuring.cache = &own_cache;
  measuring.measure_only = true;
  const Trials trials(measuring, tpl, slot, story, region, grid);
  return CopyfitSearch(trials, tpl, slot, story).run();
}

}  // namespace broadsheet::compose
