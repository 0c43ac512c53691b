// [print]: how the print-ready PDF is made from a template.

#include "template/template_print.h"

#include <filesystem>

namespace broadsheet::layout_template::detail {

PrintOptions read_print(const Field& field, const std::string& template_file) {
  const TableView table = open_table(
      field, {"output", "icc_profile", "output_condition", "ink_limit", "overprint", "crop_marks",
              "registration_marks", "marks_length", "marks_offset", "jpeg_quality"});
  PrintOptions print;
  print.source_line = field.where.line;
  if (auto output = table.find("output"))
    print.output = read_enum<OutputMode>(
        *output, {{"preview", OutputMode::Preview}, {"print", OutputMode::Print}});
  if (auto profile = table.find("icc_profile")) {
    std::filesystem::path path = read_name(*profile);
    if (path.is_relative()) path = std::filesystem::path(template_file).parent_path() / path;
    if (!std::filesystem::is_regular_file(path))
      fail(*profile, "no ICC profile at '" + path.string() + "'");
    print.icc_profile = path.string();
  }
  if (auto condition = table.find("output_condition"))
    print.output_condition = read_name(*condition);
  if (auto limit = table.find("ink_limit")) {
    const double percent = read_number(*limit);
    if (percent < 100 || percent > 400)
      fail(*limit,
           "expected a total ink percentage from 100 to 400, got " + format_number(percent));
    print.ink_limit = percent / 100;
  }
  if (auto overprint = table.find("overprint")) print.overprint_black = read_bool(*overprint);
  if (auto crop = table.find("crop_marks")) print.crop_marks = read_bool(*crop);
  if (auto registration = table.find("registration_marks"))
    print.registration_marks = read_bool(*registration);
  if (auto length = table.find("marks_length")) print.marks_length = read_positive_length(*length);
  if (auto offset = table.find("marks_offset")) print.marks_offset = read_positive_length(*offset);
  if (auto quality = table.find("jpeg_quality")) {
    print.jpeg_quality = read_integer(*quality);
    if (print.jpeg_quality < 50 || print.jpeg_quality > 100)
      fail(*quality,
           "expected a JPEG quality from 50 to 100, got " + std::to_string(print.jpeg_quality));
  }
  return print;
}

}  // namespace broadsheet::layout_template::detail
