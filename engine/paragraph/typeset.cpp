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
  return break_paragraph(fonts, paragraph, breaker, linebreak::LineWidths{{measure}}, params);
}

BrokenParagraph break_paragraph(const font::FontRegistry& fonts, const PreparedParagraph& paragraph,
                                const linebreak::LineBreaker& breaker,
                                const linebreak::LineWidths& widths, const ItemParams& params) {
  BrokenParagraph out;
  out.breaks = breaker.break_lines(paragraph.items.list, widths);
  out.lines = set_lines(fonts, paragraph.shaped, paragraph.items, out.breaks.lines, params);
  return out;
}

}  // namespace broadsheet::paragraph
