#include "compose/display_blocks.h"

#include <cmath>

#include "compose/story_text.h"
#include "linebreak/balanced_breaker.h"
#include "linebreak/greedy_breaker.h"
#include "paragraph/typeset.h"
#include "text/unicode.h"

namespace broadsheet::compose {

namespace lt = layout_template;

std::string styled_text(const lt::TextStyle& style, const std::string& text,
                        const std::string& language) {
  if (!style.uppercase) return text;
  return text::to_upper(text, language.empty() ? std::string_view("en") : language);
}

namespace {

/// set_display_block, or with `set` false the same lines broken but not set (empty lines of
/// the right count): what a copyfit trial needs of the blocks that fit_display_blocks stacks.
DisplayBlock break_display_block(const ComposeContext& context, const lt::TextStyle& style,
                                 LineRole role, const std::string& source_text, double size,
                                 double measure, int max_lines, int min_lines,
                                 const std::string& language, bool set) {
  paragraph::ParagraphStyle ps = story_text_style(context, style);
  // A paragraph's own language (a kicker's xml:lang) over the story's.
  if (!language.empty() && style.language.empty()) ps.language = language;
  const std::string text = styled_text(style, source_text, ps.language);
  ps.size = size;
  ps.hyphenate = false;
  if (ps.align == lt::Align::Justify) ps.align = lt::Align::Left;
  // A copyfit sets the same headline at the same sizes in many trials: shape it once.
  paragraph::PreparedParagraph uncached;
  if (!context.cache)
    uncached = paragraph::prepare_paragraph(context.fonts, nullptr, text, ps, false);
  const paragraph::PreparedParagraph& prepared =
      context.cache ? context.cache->get(context.fonts, nullptr, text, ps, false) : uncached;
  DisplayBlock block;
  block.style = &style;
  block.role = role;
  block.size = size;
  block.leading = style.leading * size / style.size;
  auto balanced = linebreak::break_balanced(prepared.items.list, measure, max_lines, min_lines);
  if (!balanced) {
    block.fits = false;
    balanced = linebreak::GreedyBreaker().break_lines(prepared.items.list, {{measure}});
  }
  if (!set) {
    block.lines.resize(balanced->lines.size());
    return block;
  }
  block.lines =
      paragraph::set_lines(context.fonts, prepared.shaped, prepared.items, balanced->lines);
  return block;
}

}  // namespace

DisplayBlock set_display_block(const ComposeContext& context, const lt::TextStyle& style,
                               LineRole role, const std::string& text, double size, double measure,
                               int max_lines, int min_lines, const std::string& language) {
  return break_display_block(context, style, role, text, size, measure, max_lines, min_lines,
                             language, true);
}

namespace {

/// The largest size in the slot's range (in half points) at which the headline fits, or the size
/// and line count a copyfit asks for.
DisplayBlock fit_headline(const ComposeContext& context, const lt::TextStyle& style,
                          const lt::Slot& slot, const story::Story& story, double measure,
                          const StoryOptions& options) {
  const std::string& text = story.headline.text;
  const double max_size = slot.headline_max_size > 0 ? slot.headline_max_size : style.size;
  const double min_size = slot.headline_min_size > 0 ? slot.headline_min_size : max_size;
  const int min_lines = options.headline_lines.value_or(1);
  const int max_lines = options.headline_lines.value_or(slot.headline_max_lines);
  auto set_at = [&](double size) {
    return break_display_block(context, style, LineRole::Headline, text, size, measure, max_lines,
                               min_lines, story.language, !context.measure_only);
  };
  if (options.headline_size) return set_at(*options.headline_size);
  // Sizes step down from the largest in half points; a smaller size never needs more lines, so
  // the largest that fits is found by bisection (a few dozen settings even for a range of
  // thousands of points, where stepping would never end).
  const double steps = std::floor((max_size - min_size) / 0.5 + 1e-9);
  auto size_at = [&](double step) { return max_size - 0.5 * step; };
  DisplayBlock largest = set_at(max_size);
  if (largest.fits) return largest;
  DisplayBlock smallest = set_at(size_at(std::max(steps, 0.0)));
  if (!smallest.fits)
    return size_at(std::max(steps, 0.0)) == min_size ? smallest : set_at(min_size);
  double fails = 0, fits = steps;  // invariant: size_at(fails) does not fit, size_at(fits) does
  while (fits - fails > 1) {
    const double mid = std::floor((fails + fits) / 2);
    DisplayBlock block = set_at(size_at(mid));
    if (block.fits) {
      fits = mid;
      smallest = std::move(block);
    } else {
      fails = mid;
    }
  }
  return smallest;
}

/// Stacks `block` under `cursor`: its last baseline on a grid line, its first line's capitals
/// clear of the cursor, so the block takes a whole number of grid lines with the extra above it.
/// Returns the y under the block's last line (descender and space after included).
double stack_block(const ComposeContext& context, DisplayBlock& block, double cursor,
                   const BaselineGrid& grid) {
  const lt::TextStyle& style = *block.style;
  const font::FontMetrics& m =
      context.fonts.font(context.fonts.find(style.font.family, style.font.style)).metrics();
  const double n = static_cast<double>(block.lines.size());
  const double needed_above = m.cap_height * block.size + (n - 1) * block.leading;
  const double last_baseline =
      grid.y(grid.row_at_or_below(cursor + style.space_before + needed_above));
  block.baselines.clear();
  for (std::size_t i = 0; i < block.lines.size(); ++i)
    block.baselines.push_back(last_baseline - (n - 1 - static_cast<double>(i)) * block.leading);
  return last_baseline + m.descender * block.size + style.space_after;
}

/// A furniture style the template may leave out: `name`, else `fallback` (which must exist).
const lt::TextStyle& style_or(const lt::PageTemplate& tpl, const std::string& name,
                              const std::string& fallback) {
  return tpl.styles.count(name) ? tpl.style(name) : tpl.style(fallback);
}

/// A kicker or byline: in its style's size, in as many lines as it needs at the measure.
DisplayBlock set_furniture(const ComposeContext& context, const lt::TextStyle& style, LineRole role,
                           const story::Paragraph& text, double measure,
                           const story::Story& story) {
  constexpr int kMaxLines = 3;
  const std::string& language = text.language.empty() ? story.language : text.language;
  return break_display_block(context, style, role, text.text, style.size, measure, kMaxLines, 1,
                             language, !context.measure_only);
}

}  // namespace

DisplayBlocks fit_display_blocks(const ComposeContext& context, const lt::PageTemplate& tpl,
                                 const lt::Slot& slot, const story::Story& story, bool with_deck,
                                 const ModuleRegion& region, const BaselineGrid& grid,
                                 const StoryOptions& options) {
  const double measure = region.measure();
  DisplayBlocks blocks;
  double cursor = region.top;
  // Stacks a block under `from`; the blocks' foot is the last one's descenders.
  const auto stack = [&](DisplayBlock& block, double from) {
    const double under = stack_block(context, block, from, grid);
    blocks.foot = under - block.style->space_after;
    return under;
  };
  if (with_deck && story.kicker) {  // a continuation repeats the headline, not the kicker
    blocks.kicker = set_furniture(context, style_or(tpl, slot.kicker_style, slot.deck_style),
                                  LineRole::Kicker, *story.kicker, measure, story);
    cursor = stack(*blocks.kicker, cursor);
  }
  blocks.headline =
      fit_headline(context, tpl.style(slot.headline_style), slot, story, measure, options);
  blocks.bottom = stack(blocks.headline, cursor);
  if (!with_deck) return blocks;
  if (story.deck && slot.deck_max_lines == 0) blocks.deck_dropped = true;
  if (story.deck && slot.deck_max_lines > 0) {
    const lt::TextStyle& deck_style = tpl.style(slot.deck_style);
    blocks.deck =
        break_display_block(context, deck_style, LineRole::Deck, story.deck->text, deck_style.size,
                            measure, options.deck_lines.value_or(slot.deck_max_lines),
                            options.deck_lines.value_or(1), story.language, !context.measure_only);
    blocks.bottom = stack(*blocks.deck, blocks.bottom);
  }
  if (story.byline) {
    blocks.byline = set_furniture(context, style_or(tpl, slot.byline_style, slot.contact_style),
                                  LineRole::Byline, *story.byline, measure, story);
    blocks.bottom = stack(*blocks.byline, blocks.bottom);
  }
  return blocks;
}

}  // namespace broadsheet::compose
