#include "compose/placement.h"

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

}  // namespace broadsheet::compose
