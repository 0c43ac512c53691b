// Knuth-Plass total-fit line breaking, after D. E. Knuth and M. F. Plass, "Breaking Paragraphs
// into Lines", Software--Practice and Experience 11 (1981) 1119-1184, and TeX's line_break
// (TeX: The Program, parts 38-39).
//
// Control flow:
//   break_lines_traced
//     for each pass (1: no discretionary hyphens, pretolerance; 2: hyphens, tolerance;
//                    3: tolerance + emergency stretch; 4: final rescue, any non-overfull line):
//       PassRunner::run
//         active list := { node at the paragraph start }
//         for each legal break b (pass 1 skips discretionary hyphens):
//           try_break(b): for each active node a
//             - measure the line a..b in O(1) from the item list's prefix sums
//             - overfull (r < -1): deactivate a (remember it for the final pass's rescue)
//             - forced break: deactivate a after considering it
//             - badness <= threshold: candidate (demerits per TeX, hyphen limit, runt rule),
//               the best kept per (line class, fitness, consecutive-hyphen count)
//           final pass only: if the active list emptied with no candidate, break at b from the
//             least overfull node (TeX keeps the last active node the same way)
//           candidates within adj_demerits of their group's best become active nodes
//           no active node left: the pass fails
//         choose the final node (least demerits, or the line count nearest the looseness)
//       accept unless: no solution; pass 1 ending in a runt; looseness missed before pass 3
//     walk the chosen node's parents back to the start to produce the lines
//
// Nodes live in an arena (std::vector) and refer to their parent by index, so a pass never
// allocates per node and the whole state is freed with the vectors.

#include "linebreak/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>

namespace broadsheet::linebreak {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr double kInfiniteBadness = 10000;  // TeX's inf_bad
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kDecent = 1;

struct PassSettings {
  int number = 1;  // 1, 2, 3 or 4 (final)
  double threshold = 0;
  double emergency_stretch = 0;
  bool hyphenate = false;  // consider discretionary hyphens
  bool final = false;      // rescue overfull lines, ignore the consecutive-hyphen limit
};

struct Node {
  std::size_t brk = kNone;  // the break item; kNone at the paragraph start
  std::size_t start = 0;    // first item of the line after this break
  int line = 0;             // lines ended so far
  int fitness = kDecent;    // of the line ending here
  int hyphen_run = 0;       // consecutive flagged line ends up to here
  double total = 0;         // total demerits
  std::size_t parent = kNone;
};

// The best way found so far to break at the current item with a given future-relevant state.
struct Candidate {
  int line_class = 0, fitness = 0, hyphen_run = 0, line = 0;
  double total = 0;
  std::size_t parent = kNone;
};

struct Solution {
  std::size_t node = kNone;
  bool runt = false;
  int looseness = 0;  // lines above the fewest-demerits solution's
};

// Words on a line: boxes preceded by glue of positive width (ragged text's zero-width fillers,
// also found inside hyphenated words, do not separate words).
int count_words(const ItemList& items, std::size_t from, std::size_t to) {
  int words = 0;
  bool after_space = true;
  for (std::size_t i = from; i < to; ++i) {
    const Item& item = items[i];
    if (item.kind == ItemKind::Box) {
      if (after_space) ++words;
      after_space = false;
    } else if (item.kind == ItemKind::Glue && item.width > 0) {
      after_space = true;
    }
  }
  return words;
}

class PassRunner {
 public:
  PassRunner(const ItemList& items, const LineWidths& widths, const KnuthPlassParams& params,
             BreakTrace* trace)
      : items_(items), widths_(widths), params_(params), trace_(trace) {
    const int limit = params.max_consecutive_hyphens;
    hyphen_state_cap_ = limit > 0 ? limit : 1;  // "previous line flagged" is all demerits need
    last_width_line_ = widths.widths.empty() ? 0 : static_cast<int>(widths.widths.size()) - 1;
  }

  std::optional<Solution> run(const PassSettings& settings) {
    settings_ = settings;
    arena_.clear();
    active_.clear();
    arena_.push_back(Node{kNone, items_.line_start_after(kNone), 0, kDecent, 0, 0.0, kNone});
    active_.push_back(0);
    for (std::size_t b = 0; b < items_.size(); ++b) {
      if (!items_.is_legal_break(b)) continue;
      const Item& item = items_[b];
      const bool discretionary = item.kind == ItemKind::Penalty && item.discretionary;
      if (discretionary && !settings.hyphenate) continue;
      try_break(b);
      if (active_.empty()) return std::nullopt;
    }
    return choose_final();
  }

  // The lines of a solution, first to last.
  std::vector<BrokenLine> lines(std::size_t final_node) const {
    std::vector<BrokenLine> out;
    for (std::size_t n = final_node; arena_[n].parent != kNone; n = arena_[n].parent) {
      const Node& node = arena_[n];
      const Node& parent = arena_[node.parent];
      BrokenLine line =
          measure_line(items_, parent.start, node.brk, widths_.at(line_index(parent)));
      line.demerits = node.total - parent.total;
      line.fitness = node.fitness;
      out.push_back(line);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  static std::size_t line_index(const Node& node) { return static_cast<std::size_t>(node.line); }

  bool is_runt(const Node& from, std::size_t brk) const {
    if (from.line == 0) return false;  // a one-line paragraph
    const double measure = widths_.at(line_index(from));
    return items_.width(from.start, brk) < params_.runt_min_fraction * measure &&
           count_words(items_, from.start, brk) < params_.runt_min_words;
  }

  void try_break(std::size_t b) {
    const Item& item = items_[b];
    const bool is_penalty = item.kind == ItemKind::Penalty;
    const bool forced = is_penalty && item.penalty <= -kInfinitePenalty;
    const bool is_end = forced && b + 1 == items_.size();
    candidates_.clear();
    std::size_t rescue = kNone;
    double rescue_excess = kInf;
    std::size_t kept = 0;
    for (const std::size_t index : active_) {
      const Node& a = arena_[index];
      if (b < a.start) {  // b lies among the discardable items after a's own break
        active_[kept++] = index;
        continue;
      }
      const double measure = widths_.at(line_index(a));
      const double natural = items_.width(a.start, b) + (is_penalty ? item.width : 0);
      const double shortfall = measure - natural;
      double ratio = 0;      // the real adjustment ratio
      double effective = 0;  // with emergency stretch: what badness and fitness use
      if (shortfall > 0) {
        const double stretch = items_.stretch(a.start, b);
        const double with_emergency = stretch + settings_.emergency_stretch;
        ratio = stretch > 0 ? shortfall / stretch : kInf;
        effective = with_emergency > 0 ? shortfall / with_emergency : kInf;
      } else if (shortfall < 0) {
        const double shrink = items_.shrink(a.start, b);
        ratio = effective = shrink > 0 ? shortfall / shrink : -kInf;
        if (ratio < -1) {
          // Overfull, and so is every later break from a: deactivate.
          const double excess = -shortfall - shrink;
          if (excess < rescue_excess ||
              (excess == rescue_excess && a.total < arena_[rescue].total)) {
            rescue = index;
            rescue_excess = excess;
          }
          continue;
        }
      }
      if (!forced) active_[kept++] = index;
      const double bad = badness(effective);
      if (bad > settings_.threshold) continue;
      consider(index, b, ratio, effective, bad, is_end);
    }
    active_.resize(kept);
    if (settings_.final && candidates_.empty() && active_.empty() && rescue != kNone) {
      // TeX's artificial_demerits: the break is forced on the least overfull line, at no cost.
      const Node& a = arena_[rescue];
      const BrokenLine line = measure_line(items_, a.start, b, widths_.at(line_index(a)));
      add_candidate(a, rescue, b, line.ratio, fitness_class(line.ratio), next_hyphen_run(a, b),
                    a.total);
    }
    commit(b);
  }

  int next_hyphen_run(const Node& from, std::size_t b) const {
    const Item& item = items_[b];
    return item.kind == ItemKind::Penalty && item.flagged ? from.hyphen_run + 1 : 0;
  }

  void consider(std::size_t index, std::size_t b, double ratio, double effective, double bad,
                bool is_end) {
    const Node& a = arena_[index];
    const Item& item = items_[b];
    const bool flagged = item.kind == ItemKind::Penalty && item.flagged;
    const int run = next_hyphen_run(a, b);
    const int limit = params_.max_consecutive_hyphens;
    if (limit > 0 && run > limit && !settings_.final) return;
    const int fitness = fitness_class(effective);

    // Demerits as in TeX (and the paper): (l + b)^2 +- p^2, plus the pair terms.
    const double base = params_.line_penalty + bad;
    double d = base * base;
    if (item.kind == ItemKind::Penalty) {
      const double p = item.penalty;
      if (p >= 0) {
        d += p * p;
      } else if (p > -kInfinitePenalty) {
        d -= p * p;
      }
    }
    const bool previous_flagged = a.hyphen_run > 0;
    if (flagged && previous_flagged) d += params_.double_hyphen_demerits;
    if (is_end && previous_flagged) d += params_.final_hyphen_demerits;
    if (std::abs(fitness - a.fitness) > 1) d += params_.adj_demerits;
    if (is_end && is_runt(a, b)) d += params_.runt_demerits;
    add_candidate(a, index, b, ratio, fitness, run, a.total + d);
  }

  void add_candidate(const Node& from, std::size_t from_index, std::size_t b, double ratio,
                     int fitness, int run, double total) {
    const int line = from.line + 1;
    const int line_class = params_.looseness != 0 ? line : std::min(line, last_width_line_);
    const int run_state = std::min(run, hyphen_state_cap_);
    if (trace_ != nullptr)
      trace_->feasible.push_back({b, line, ratio, fitness, total, from.brk, settings_.number});
    for (Candidate& c : candidates_) {
      if (c.line_class == line_class && c.fitness == fitness && c.hyphen_run == run_state) {
        if (total < c.total) c = Candidate{line_class, fitness, run_state, line, total, from_index};
        return;
      }
    }
    candidates_.push_back(Candidate{line_class, fitness, run_state, line, total, from_index});
  }

  // New active nodes for the candidates at b. A candidate more than adj_demerits worse than the
  // best with the same line class and hyphen state can never win (TeX's rule), so it is dropped.
  void commit(std::size_t b) {
    if (candidates_.empty()) return;
    const std::size_t start = items_.line_start_after(b);
    for (const Candidate& c : candidates_) {
      double best = kInf;
      for (const Candidate& other : candidates_)
        if (other.line_class == c.line_class && other.hyphen_run == c.hyphen_run)
          best = std::min(best, other.total);
      if (c.total > best + params_.adj_demerits) continue;
      active_.push_back(arena_.size());
      arena_.push_back(Node{b, start, c.line, c.fitness, c.hyphen_run, c.total, c.parent});
    }
  }

  // After the final forced break the active list holds only nodes at the paragraph's end.
  std::optional<Solution> choose_final() const {
    const std::size_t end = items_.size() - 1;
    std::size_t best = kNone;
    for (const std::size_t index : active_)
      if (arena_[index].brk == end && (best == kNone || arena_[index].total < arena_[best].total))
        best = index;
    if (best == kNone) return std::nullopt;
    Solution solution{best, false, 0};
    if (params_.looseness != 0) {
      // TeX's choice: the line count nearest best + looseness, then the fewest demerits.
      const int best_line = arena_[best].line;
      for (const std::size_t index : active_) {
        const Node& node = arena_[index];
        if (node.brk != end) continue;
        const int diff = node.line - best_line;
        const int looseness = params_.looseness;
        if ((diff < solution.looseness && looseness <= diff) ||
            (diff > solution.looseness && looseness >= diff) ||
            (diff == solution.looseness && node.total < arena_[solution.node].total)) {
          solution.node = index;
          solution.looseness = diff;
        }
      }
    }
    const Node& last = arena_[solution.node];
    solution.runt = is_runt(arena_[last.parent], last.brk);
    return solution;
  }

  const ItemList& items_;
  const LineWidths& widths_;
  const KnuthPlassParams& params_;
  BreakTrace* trace_;
  PassSettings settings_;
  int hyphen_state_cap_ = 1;
  int last_width_line_ = 0;
  std::vector<Node> arena_;
  std::vector<std::size_t> active_;  // arena indices, in creation order
  std::vector<Candidate> candidates_;
};

}  // namespace

double badness(double ratio) {
  if (ratio < -1) return kInf;
  const double r = std::abs(ratio);
  if (r > 4.65) return kInfiniteBadness;  // 100 * 4.65^3 > 10000; also catches r = inf
  return std::min(100 * r * r * r, kInfiniteBadness);
}

int fitness_class(double ratio) {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

BreakResult KnuthPlassBreaker::break_lines(const ItemList& items, const LineWidths& widths) const {
  return break_lines_traced(items, widths, nullptr);
}

namespace {
/// The largest adjustment ratio among a paragraph's lines but its last.
double loosest(const std::vector<BrokenLine>& lines) {
  double worst = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) worst = std::max(worst, lines[i].ratio);
  return worst;
}
}  // namespace

BreakResult KnuthPlassBreaker::break_lines_traced(const ItemList& items, const LineWidths& widths,
                                                  BreakTrace* trace) const {
  BreakResult result;
  if (items.size() == 0) return result;
  // Both would otherwise lose text silently.
  if (widths.widths.empty()) throw std::invalid_argument("Knuth-Plass: no line widths");
  const Item& last = items[items.size() - 1];
  if (last.kind != ItemKind::Penalty || last.penalty > -kInfinitePenalty)
    throw std::invalid_argument("Knuth-Plass: items must end with add_paragraph_end()");
  const KnuthPlassParams& p = params_;
  std::vector<PassSettings> passes;
  if (p.pretolerance >= 0) passes.push_back({1, p.pretolerance, 0, false, false});
  passes.push_back({2, p.tolerance, 0, true, false});
  if (p.emergency_stretch > 0) passes.push_back({3, p.tolerance, p.emergency_stretch, true, false});
  const int last_regular = passes.back().number;
  passes.push_back({4, kInfiniteBadness, std::max(p.emergency_stretch, 0.0), true, true});

  PassRunner runner(items, widths, p, trace);
  for (const PassSettings& pass : passes) {
    const std::optional<Solution> solution = runner.run(pass);
    if (!solution) continue;
    const bool more_passes = !pass.final;
    // A runt from pass 1: hyphenation (pass 2) is the cheap fix. Emergency stretch is not.
    if (more_passes && solution->runt && pass.number == 1) continue;
    // Looseness gives way to the next pass up to TeX's last (emergency) pass.
    if (more_passes && solution->looseness != p.looseness && pass.number < last_regular) continue;
    result.lines = runner.lines(solution->node);
    result.pass = std::min(pass.number, 3);  // BreakResult knows passes 1-3 (TeX's)
    if (pass.number == 3 && p.emergency_retry_fraction > 0) {
      // The same pass with less emergency stretch: keep whichever loosest line is less loose.
      PassSettings retry = pass;
      retry.emergency_stretch = pass.emergency_stretch * p.emergency_retry_fraction;
      if (const std::optional<Solution> other = runner.run(retry)) {
        std::vector<BrokenLine> lines = runner.lines(other->node);
        if (loosest(lines) < loosest(result.lines) - 1e-9) result.lines = std::move(lines);
      }
    }
    return result;
  }
  return result;  // not reached: the final pass always finds a solution
}

}  // namespace broadsheet::linebreak
