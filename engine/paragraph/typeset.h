#pragma once
// One call from text to set lines: shape once, build items, break, set.

#include <string>
#include <vector>

#include "linebreak/items.h"
#include "paragraph/line_setter.h"

namespace broadsheet::paragraph {

/// A paragraph shaped and itemised once, ready to be broken at any measure.
struct PreparedParagraph {
  ShapedParagraph shaped;
  ParagraphItems items;
};

PreparedParagraph prepare_paragraph(const font::FontRegistry& fonts,
                                    const text::Hyphenator* hyphenator, const std::string& text,
                                    const ParagraphStyle& style, bool indent_first_line,
                                    const ItemParams& params = {});

/// The lines of a prepared paragraph broken by `breaker` at `measure`.
struct BrokenParagraph {
  linebreak::BreakResult breaks;
  std::vector<SetLine> lines;
};

BrokenParagraph break_paragraph(const font::FontRegistry& fonts, const PreparedParagraph& paragraph,
                                const linebreak::LineBreaker& breaker, double measure,
                                const ItemParams& params = {});

/// The same with a width per line (TeX's \parshape): line i is set at `widths.at(i)`.
BrokenParagraph break_paragraph(const font::FontRegistry& fonts, const PreparedParagraph& paragraph,
                                const linebreak::LineBreaker& breaker,
                                const linebreak::LineWidths& widths, const ItemParams& params = {});

}  // namespace broadsheet::paragraph
