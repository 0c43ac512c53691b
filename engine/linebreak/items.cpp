#include "linebreak/items.h"

#include <limits>

namespace broadsheet::linebreak {

void ItemList::push(const Item& item) {
  items_.push_back(item);
  const bool counts = item.kind != ItemKind::Penalty;
  width_.push_back(width_.back() + (counts ? item.width : 0));
  stretch_.push_back(stretch_.back() + (counts ? item.stretch : 0));
  shrink_.push_back(shrink_.back() + (counts ? item.shrink : 0));
}

void ItemList::add_box(double width, double stretch, double shrink) {
  push({ItemKind::Box, width, stretch, shrink, 0, false, false});
}

void ItemList::add_glue(double width, double stretch, double shrink) {
  push({ItemKind::Glue, width, stretch, shrink, 0, false, false});
}

void ItemList::add_penalty(double width, double penalty, bool flagged, bool discretionary) {
  push({ItemKind::Penalty, width, 0, 0, penalty, flagged, discretionary || (flagged && width > 0)});
}

void ItemList::add_paragraph_end() {
  add_penalty(0, kInfinitePenalty);  // no break before \parfillskip
  // \parfillskip: stretch large enough to absorb any last line, but finite so that the
  // prefix sums stay finite.
  add_glue(0, 1e6, 0);
  add_penalty(0, -kInfinitePenalty);
}

bool ItemList::is_legal_break(std::size_t i) const {
  const Item& item = items_[i];
  if (item.kind == ItemKind::Penalty) return item.penalty < kInfinitePenalty;
  if (item.kind == ItemKind::Glue) return i > 0 && items_[i - 1].kind == ItemKind::Box;
  return false;
}

std::size_t ItemList::line_start_after(std::size_t b) const {
  std::size_t i = b + 1;
  while (i < items_.size() && items_[i].kind != ItemKind::Box) {
    if (items_[i].kind == ItemKind::Penalty && items_[i].penalty <= -kInfinitePenalty) break;
    ++i;
  }
  return i;
}

BrokenLine measure_line(const ItemList& items, std::size_t start, std::size_t brk, double measure) {
  BrokenLine line;
  line.start = start;
  line.brk = brk;
  line.measure = measure;
  const Item& end = items[brk];
  double natural = items.width(start, brk);
  if (end.kind == ItemKind::Penalty) natural += end.width;
  line.natural_width = natural;
  line.hyphenated = end.kind == ItemKind::Penalty && end.flagged && end.width > 0;
  const double stretch = items.stretch(start, brk);
  const double shrink = items.shrink(start, brk);
  if (natural < measure) {
    line.ratio =
        stretch > 0 ? (measure - natural) / stretch : std::numeric_limits<double>::infinity();
  } else if (natural > measure) {
    line.ratio =
        shrink > 0 ? (measure - natural) / shrink : -std::numeric_limits<double>::infinity();
  }
  line.overfull = line.ratio < -1;
  return line;
}

}  // namespace broadsheet::linebreak
