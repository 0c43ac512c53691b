// Printer's marks: crop marks at the corners of the trim, registration targets on its sides,
// all outside the bleed and in the registration colour (every ink).

#include "print/color_table.h"
#include "print/print_page.h"

namespace broadsheet::print {

namespace {

const Color kMarkColor(0, 0, 0, kRegistration);

void add_line(DisplayPage& page, double x0, double y0, double x1, double y1, double weight) {
  page.add(LineItem{x0, y0, x1, y1, weight, kMarkColor});
}

/// A registration target centred at (x, y): a square with a cross through it.
void add_target(DisplayPage& page, double x, double y, double size, double weight) {
  const double half = size / 2;
  page.add(StrokeRectItem{{x - half / 2, y - half / 2, half, half}, weight, kMarkColor, false});
  add_line(page, x - half, y, x + half, y, weight);
  add_line(page, x, y - half, x, y + half, weight);
}

}  // namespace

void add_printer_marks(DisplayPage& page, double trim_width, double trim_height, double margin,
                       const Marks& marks) {
  const double left = margin, top = margin;
  const double right = margin + trim_width, bottom = margin + trim_height;
  const double near = marks.offset, far = marks.offset + marks.length;
  if (marks.crop) {
    for (const double x : {left, right}) {  // vertical marks above and below the trim
      add_line(page, x, top - far, x, top - near, marks.weight);
      add_line(page, x, bottom + near, x, bottom + far, marks.weight);
    }
    for (const double y : {top, bottom}) {  // horizontal marks left and right of the trim
      add_line(page, left - far, y, left - near, y, marks.weight);
      add_line(page, right + near, y, right + far, y, marks.weight);
    }
  }
  if (marks.registration) {
    const double middle = (near + far) / 2;
    const double centre_x = margin + trim_width / 2, centre_y = margin + trim_height / 2;
    add_target(page, centre_x, top - middle, marks.length, marks.weight);
    add_target(page, centre_x, bottom + middle, marks.length, marks.weight);
    add_target(page, left - middle, centre_y, marks.length, marks.weight);
    add_target(page, right + middle, centre_y, marks.length, marks.weight);
  }
}

}  // namespace broadsheet::print
