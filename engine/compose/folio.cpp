#include "compose/folio.h"

#include <array>
#include <chrono>

#include "compose/placement.h"
#include "paragraph/line_setter.h"
#include "shape/shaper.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

std::string weekday_of(const story::Date& d) {
  using namespace std::chrono;
  const year_month_day ymd{year{d.year}, month{static_cast<unsigned>(d.month)},
                           day{static_cast<unsigned>(d.day)}};
  return kWeekdays[weekday{sys_days{ymd}}.c_encoding()];
}

}  // namespace

std::string fill_folio_fields(const std::string& pattern, const FolioValues& values,
                              const SourceLocation& where) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    if (close == std::string::npos) throw InputError(where, "folio text has an unclosed '{'");
    const std::string field = pattern.substr(i + 1, close - i - 1);
    i = close;
    auto need_date = [&]() -> const story::Date& {
      if (!values.date)
        throw InputError(where,
                         "the folio needs a date ({" + field +
                             "}) but the article has no source line with one; give the date",
                         "folio-needs-date");
      return *values.date;
    };
    if (field == "publication") {
      out += values.publication;
    } else if (field == "PUBLICATION") {
      out += shape::to_upper(values.publication);
    } else if (field == "weekday") {
      out += weekday_of(need_date());
    } else if (field == "month") {
      out += kMonths[static_cast<std::size_t>(need_date().month - 1)];
    } else if (field == "day") {
      out += std::to_string(need_date().day);
    } else if (field == "year") {
      out += std::to_string(need_date().year);
    } else if (field == "page") {
      if (!values.page)
        throw InputError(where,
                         "the folio needs a page number ({page}) but the article's source "
                         "line has none; give the page number",
                         "folio-needs-page");
      out += std::to_string(*values.page);
    } else {
      throw InputError(where, "unknown folio field {" + field + "}");
    }
  }
  return out;
}

void compose_folio(const ComposeContext& context, const lt::PageTemplate& tpl,
                   const FolioValues& values, PageLayout& layout, DisplayPage& page) {
  if (!tpl.folio) return;
  const lt::Folio& folio = *tpl.folio;
  const Rect band{tpl.type_area.x, tpl.type_area.y, tpl.type_area.width, folio.depth};
  if (folio.rule_weight > 0) {
    const double y = band.bottom() - folio.rule_weight / 2;
    page.add(LineItem{band.x, y, band.right(), y, folio.rule_weight, folio.rule_color},
             Layer::Print);
  }
  const double inner_bottom = band.bottom() - folio.rule_weight;
  for (const lt::FolioItem& item : folio.items) {
    const lt::TextStyle& style = tpl.style(item.style);
    std::string text = fill_folio_fields(item.text, values, {tpl.file, item.source_line, 0});
    if (style.uppercase) text = shape::to_upper(text);
    const paragraph::ParagraphStyle ps = paragraph::paragraph_style(context.fonts, style);
    const shape::ShapedRun run =
        shape::shape_text(context.fonts, ps.font, ps.size, text, {.tracking = style.tracking});
    const double width = run.width();
    const double box_width = width + 2 * item.padding;
    // The inside edge is on the left of a right-hand page.
    const bool inside_left = tpl.page.right_hand;
    double box_x = 0;
    switch (item.anchor) {
      case lt::FolioAnchor::Center:
        box_x = band.x + (band.width - box_width) / 2 + item.offset;
        break;
      case lt::FolioAnchor::Inside:
        box_x = inside_left ? band.x + item.offset : band.right() - box_width - item.offset;
        break;
      case lt::FolioAnchor::Outside:
        box_x = inside_left ? band.right() - box_width - item.offset : band.x + item.offset;
        break;
    }
    if (item.background)
      page.add(FillRectItem{{box_x, band.y, box_width, inner_bottom - band.y}, *item.background},
               Layer::Print);
    // Capitals centred in the band.
    const double cap = context.fonts.font(ps.font).metrics().cap_height * ps.size;
    const double baseline = band.y + (inner_bottom - band.y + cap) / 2;
    paragraph::SetLine line;
    double advance = 0;
    line.runs.push_back(paragraph::make_glyph_run(run, 0, 0, advance));
    place_line(line, box_x + item.padding, baseline, style.color, page);

    PlacedLine placed;
    placed.role = LineRole::Folio;
    placed.style = item.style;
    placed.text = text;
    placed.left = box_x + item.padding;
    placed.baseline = baseline;
    placed.width = width;
    placed.measure = width;
    placed.size = ps.size;
    layout.lines.push_back(std::move(placed));
  }
}

}  // namespace broadsheet::compose
