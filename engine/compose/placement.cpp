#include "compose/placement.h"

#include "shape/shaper.h"

namespace broadsheet::compose {

void place_line(const paragraph::SetLine& line, double x, double y, const Color& color,
                DisplayPage& page) {
  for (GlyphRunItem run : line.runs) {
    run.color = color;
    for (auto& g : run.glyphs) {
      g.x += x;
      g.y += y;
    }
    page.add(std::move(run), Layer::Print);
  }
}

void add_preview_label(const ComposeContext& context, const layout_template::PageTemplate& tpl,
                       const std::string& text, double size, double x, double y, bool centred,
                       const Color& color, DisplayPage& page) {
  if (text.empty() || tpl.styles.empty()) return;
  const auto& style = tpl.styles.count("body") ? tpl.styles.at("body") : tpl.styles.begin()->second;
  const font::FontId font = context.fonts.find(style.font.family, style.font.style);
  const shape::ShapedRun run = shape::shape_text(context.fonts, font, size, text);
  double advance = 0;
  GlyphRunItem glyphs = paragraph::make_glyph_run(run, 0, 0, advance);
  glyphs.color = color;
  const double left = centred ? x - advance / 2 : x;
  for (auto& g : glyphs.glyphs) {
    g.x += left;
    g.y += y;
  }
  page.add(std::move(glyphs), Layer::Preview);
}

}  // namespace broadsheet::compose
