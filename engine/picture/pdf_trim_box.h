#pragma once
// A PDF picture's or ad's size: its first page's trim box, read with qpdf. Part of the print
// module (print/pdf_parts.h): the engine calls it through print::pdf_parts().

#include <optional>
#include <string>
#include <string_view>

namespace broadsheet::picture {

/// A box in a PDF's own user space, in points (y up).
struct PdfBox {
  double x = 0, y = 0, width = 0, height = 0;
};

/// The first page's TrimBox (its MediaBox when it has none) of the PDF `bytes` (`name` names
/// them in qpdf's messages); nullopt when the PDF has no pages. Throws std::exception (qpdf's)
/// when the PDF cannot be read.
std::optional<PdfBox> pdf_trim_box(std::string_view bytes, const std::string& name);

}  // namespace broadsheet::picture
