#include "paragraph/typeset.h"

namespace broadsheet::paragraph {

PreparedParagraph prepare_paragraph(const font::FontRegistry& fonts,
                                    const text::Hyphenator* hyphenator, const std::string& text,
                                    const ParagraphStyle& style, bool indent_first_line,
                                    const ItemParams& params) {
  PreparedParagraph p;
  p.shaped = shape_paragraph(fonts, hyphenator, text, style);
  p.items = build_items(p.shaped, indent_first_line, params);
  return p;
}

BrokenParagraph break_paragraph(const font::FontRegistry& fonts, const PreparedParagraph& paragraph,
                                const linebreak::LineBreaker& breaker, double measure,
                                const ItemParams& params) {
  BrokenParagraph out;
  out.breaks = breaker.break_lines(paragraph.items.list, linebreak::LineWidths{{measure}});
  out.lines = set_lines(fonts, paragraph.shaped, paragraph.items, out.breaks.lines, params);
  return out;
}

}  // namespace broadsheet::paragraph
