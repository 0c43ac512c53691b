// The print pieces one by one: the [print] template keys and cmyk(...) colours, RGB to CMYK
// with Little CMS (greys in black only, the ink limit), the colour table's distinct keys, and
// the print display list (bleed, no preview furniture, marks).

#define BOOST_TEST_MODULE print_parts
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "print/cmyk_converter.h"
#include "print/color_table.h"
#include "print/content_colors.h"
#include "print/print_page.h"
#include "template/page_template.h"

using namespace broadsheet;
using namespace broadsheet::layout_template;

namespace {

const std::string kBase = R"([template]
name = "test"
[page]
width = "100mm"
height = "200mm"
bleed = "3mm"
[page.margins]
top = "10mm"
bottom = "10mm"
inside = "10mm"
outside = "10mm"
[grid]
columns = 2
gutter = "4mm"
baseline = 12
[styles]
body = { font = { family = "F", style = "Regular" }, size = 10, leading = 12 }
)";  // 17 lines; what is appended starts on line 18

/// The error parsing kBase + `extra` gives; empty when there is none.
std::string error_of(const std::string& extra, int* line = nullptr) {
  try {
    parse_template(kBase + extra, "test.toml");
  } catch (const InputError& error) {
    if (line) *line = error.where().line;
    return error.message();
  }
  return {};
}

const print::CmykConverter& converter() {
  static const print::CmykConverter c(print::read_icc_profile(print::default_cmyk_profile_path()),
                                      2.4);
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(print_keys_are_read_and_default_sensibly) {
  const PageTemplate plain = parse_template(kBase, "test.toml");
  BOOST_TEST((plain.print.output == OutputMode::Preview));
  BOOST_TEST(plain.print.ink_limit == 2.4);
  BOOST_TEST(!plain.print.overprint_black);
  BOOST_TEST(plain.print.crop_marks);
  BOOST_TEST(!plain.print.registration_marks);
  BOOST_TEST(plain.print.jpeg_quality == 92);

  const PageTemplate t = parse_template(kBase +
                                            "[print]\noutput = \"print\"\nink_limit = 260\n"
                                            "overprint = true\nregistration_marks = true\n"
                                            "crop_marks = false\nmarks_length = \"4mm\"\n"
                                            "jpeg_quality = 85\n",
                                        "test.toml");
  BOOST_TEST((t.print.output == OutputMode::Print));
  BOOST_TEST(t.print.ink_limit == 2.6);
  BOOST_TEST(t.print.overprint_black);
  BOOST_TEST(t.print.registration_marks);
  BOOST_TEST(!t.print.crop_marks);
  BOOST_TEST(t.print.marks_length == mm_to_pt(4), boost::test_tools::tolerance(1e-9));
  BOOST_TEST(t.print.jpeg_quality == 85);
}

BOOST_AUTO_TEST_CASE(bad_print_keys_name_the_line_and_the_key) {
  int line = 0;
  std::string message = error_of("[print]\nink_limit = 500\n", &line);
  BOOST_TEST(line == 19);
  BOOST_TEST(message.find("print.ink_limit") != std::string::npos, message);
  message = error_of("[print]\noutput = \"paper\"\n", &line);
  BOOST_TEST(line == 19);
  BOOST_TEST(message.find("print.output") != std::string::npos, message);
  message = error_of("[print]\nicc_profile = \"no-such-profile.icc\"\n", &line);
  BOOST_TEST(line == 19);
  BOOST_TEST(message.find("no ICC profile at") != std::string::npos, message);
  message = error_of("[print]\njpeg_quality = 30\n", &line);
  BOOST_TEST(line == 19);
  BOOST_TEST(message.find("print.jpeg_quality") != std::string::npos, message);
  BOOST_TEST(message.find("from 50 to 100, got 30") != std::string::npos, message);
  message = error_of("[print]\noverprnt = true\n", &line);
  BOOST_TEST(line == 19);
}

BOOST_AUTO_TEST_CASE(cmyk_colours_keep_their_inks_and_preview_as_rgb) {
  const PageTemplate t = parse_template(
      kBase + "[story_rule]\nweight = 1\ncolor = \"cmyk(0, 60, 100, 0)\"\n", "test.toml");
  BOOST_REQUIRE(t.story_rule_color.cmyk.has_value());
  BOOST_TEST((*t.story_rule_color.cmyk == Cmyk{0, 0.6, 1, 0}));
  BOOST_TEST(t.story_rule_color.r == 1.0);
  BOOST_TEST(t.story_rule_color.g == 0.4, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(t.story_rule_color.b == 0.0);
  int line = 0;
  const std::string message =
      error_of("[story_rule]\nweight = 1\ncolor = \"cmyk(0, 160, 0)\"\n", &line);
  BOOST_TEST(line == 20);
  BOOST_TEST(message.find("story_rule.color: expected cmyk(C, M, Y, K)") != std::string::npos,
             message);
}

BOOST_AUTO_TEST_CASE(greys_become_black_ink_only) {
  BOOST_TEST((converter().convert(Color(0, 0, 0)) == Cmyk{0, 0, 0, 1}));
  BOOST_TEST((converter().convert(Color(1, 1, 1)) == Cmyk{0, 0, 0, 0}));
  const Cmyk grey = converter().convert(Color(128 / 255.0, 128 / 255.0, 128 / 255.0));
  BOOST_TEST(grey.c == 0);
  BOOST_TEST(grey.m == 0);
  BOOST_TEST(grey.y == 0);
  BOOST_TEST(grey.k == 0.498, boost::test_tools::tolerance(0.001));
}

BOOST_AUTO_TEST_CASE(colours_go_through_the_profile_within_the_ink_limit) {
  const Cmyk blue = converter().convert(Color(0x1F / 255.0, 0x4E / 255.0, 0x9C / 255.0));
  BOOST_TEST(blue.c > 0.8);  // a blue is mostly cyan and magenta
  BOOST_TEST(blue.m > 0.5);
  BOOST_TEST(blue.y < 0.2);
  // Dark saturated colours are where a profile would go over newsprint's limit.
  for (const Color& dark : {Color(0.05, 0, 0.1), Color(0.2, 0, 0), Color(0, 0.1, 0.05),
                            Color(0.1, 0.05, 0.02), Color(0, 0, 0.3)}) {
    const Cmyk inks = converter().convert(dark);
    BOOST_TEST(print::total_ink(inks) <= 2.4 + 1e-9);
    BOOST_TEST(print::total_ink(inks) > 1.5);  // still dark
  }
  const print::CmykConverter strict(print::read_icc_profile(print::default_cmyk_profile_path()),
                                    1.8);
  BOOST_TEST(print::total_ink(strict.convert(Color(0.05, 0, 0.1))) <= 1.8 + 1e-9);
}

BOOST_AUTO_TEST_CASE(colours_with_the_same_rgb_but_other_inks_get_distinct_keys) {
  DisplayList display;
  DisplayPage& page = display.pages.emplace_back();
  page.add(FillRectItem{{0, 0, 10, 10}, Color(0, 0, 0)});
  page.add(FillRectItem{{0, 0, 10, 10}, Color(0, 0, 0, Cmyk{0.5, 0, 0, 1})});
  page.add(FillRectItem{{0, 0, 10, 10}, Color(0, 0, 0, print::kRegistration)});
  page.add(FillRectItem{{0, 0, 10, 10}, Color(0, 0, 0, Cmyk{0, 0, 0, 1})});  // = black
  const print::ColorTable table = print::assign_print_colors(display, converter());
  BOOST_TEST(table.entries().size() == 3u);
  std::vector<Cmyk> inks;
  for (const DisplayItem& item : page.items) {
    const Color& key = std::get<FillRectItem>(item.shape).color;
    BOOST_TEST(!key.cmyk.has_value());
    const auto found = table.find(key.r, key.g, key.b);
    BOOST_REQUIRE(found.has_value());
    inks.push_back(*found);
  }
  BOOST_TEST((inks[0] == Cmyk{0, 0, 0, 1}));
  BOOST_TEST((inks[1] == Cmyk{0.5, 0, 0, 1}));
  BOOST_TEST((inks[2] == print::kRegistration));
  BOOST_TEST((inks[3] == Cmyk{0, 0, 0, 1}));
}

BOOST_AUTO_TEST_CASE(a_cmyk_colour_over_the_limit_is_refused) {
  DisplayList display;
  display.pages.emplace_back().add(FillRectItem{{0, 0, 1, 1}, Color(0, 0, 0, Cmyk{1, 1, 1, 0})});
  BOOST_CHECK_THROW(print::assign_print_colors(display, converter()), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(print_display_adds_bleed_drops_preview_items_and_adds_marks) {
  DisplayList preview;
  DisplayPage& page = preview.pages.emplace_back();
  page.width = 200;
  page.height = 300;
  page.add(FillRectItem{{0, 50, 200, 20}, Color(0, 0, 1)});   // touches left and right
  page.add(FillRectItem{{20, 280, 50, 20}, Color(0, 0, 1)});  // touches the foot
  page.add(FillRectItem{{20, 20, 50, 20}, Color(0, 0, 1)});   // touches nothing
  page.add(StrokeRectItem{{10, 10, 5, 5}, 1, Color(1, 0, 0), false}, Layer::Preview);
  print::PrintPageSpec spec;
  spec.bleed = 9;
  spec.marks = {.crop = true, .registration = false, .offset = 12, .length = 15};
  const double margin = spec.margin();
  BOOST_TEST(margin == 12 + 15 + mm_to_pt(2), boost::test_tools::tolerance(1e-9));
  const DisplayList print = print::print_display(preview, spec);
  const DisplayPage& out = print.pages.at(0);
  BOOST_TEST(out.width == 200 + 2 * margin);
  BOOST_TEST(out.height == 300 + 2 * margin);
  const auto rect = [&](std::size_t i) {
    return std::get<FillRectItem>(out.items.at(i).shape).rect;
  };
  BOOST_TEST(rect(0).x == margin - 9);
  BOOST_TEST(rect(0).width == 218);
  BOOST_TEST(rect(0).y == margin + 50);
  BOOST_TEST(rect(1).height == 29);
  BOOST_TEST(rect(1).x == margin + 20);
  BOOST_TEST(rect(2).x == margin + 20);
  BOOST_TEST(rect(2).width == 50);
  int marks = 0;
  for (const DisplayItem& item : out.items) {
    BOOST_TEST((item.layer == Layer::Print));
    BOOST_TEST(!std::holds_alternative<StrokeRectItem>(item.shape));  // the preview box is gone
    if (const auto* line = std::get_if<LineItem>(&item.shape)) {
      ++marks;
      BOOST_TEST((line->color.cmyk == print::kRegistration));
      BOOST_TEST(line->weight == 0.25);
      // Outside the bleed: beyond it in x or in y, wholly.
      const bool outside_x = std::max(line->x0, line->x1) <= margin - 9 ||
                             std::min(line->x0, line->x1) >= margin + 209;
      const bool outside_y = std::max(line->y0, line->y1) <= margin - 9 ||
                             std::min(line->y0, line->y1) >= margin + 309;
      BOOST_TEST((outside_x || outside_y));
    }
  }
  BOOST_TEST(marks == 8);
}

BOOST_AUTO_TEST_CASE(ink_values_are_written_briefly) {
  BOOST_TEST(print::format_ink(1) == "1");
  BOOST_TEST(print::format_ink(0) == "0");
  BOOST_TEST(print::format_ink(0.5) == "0.5");
  BOOST_TEST(print::format_ink(0.95781) == "0.9578");
}
