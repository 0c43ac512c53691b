// Tagged PDF: glyph runs that carry a structure tag come out as H1 and P elements inside one Art
// element per story, in drawing order; a display list without tags gives an untagged PDF.

#define BOOST_TEST_MODULE structure_tags
#include <boost/test/unit_test.hpp>
#include <qpdf/QPDF.hh>
#include <string>
#include <vector>

#include "core/display_list.h"
#include "print/print_job.h"
#include "render/cairo_renderer.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;
using Object = QPDFObjectHandle;

namespace {

GlyphRunItem run(const std::string& tag, int element, int story, double y) {
  GlyphRunItem r;
  r.font = test_fonts().find("TeX Gyre Termes", "Regular");
  r.size = 10;
  r.glyphs = {{36, 20, y}};
  r.text.push_back('A');  // (not = "A": GCC 12 warns falsely, bug 105329)
  r.clusters = {{1, 1}};
  r.tag = tag;
  r.element = element;
  r.story = story;
  return r;
}

std::string write(const DisplayList& display, const std::string& name) {
  const std::string path = test_out(name);
  render::write_pdf(display, test_fonts(), path,
                    {.creator = "test", .create_date = "2015-12-17T00:00:00Z"});
  return path;
}

/// The structure types under `element`, depth first: "Art(H1 P P)".
std::string outline(Object element) {
  std::string text;
  if (element.isDictionary() && element.getKey("/S").isName())
    text = element.getKey("/S").getName().substr(1);
  Object kids = element.getKey("/K");
  std::vector<Object> children;
  if (kids.isArray()) children = kids.getArrayAsVector();
  if (kids.isDictionary()) children.push_back(kids);
  std::string inner;
  for (Object& child : children) {
    if (!child.isDictionary() || !child.hasKey("/S")) continue;  // marked content references
    if (!inner.empty()) inner += ' ';
    inner.append(outline(child));
  }
  if (!inner.empty()) {
    text += '(';
    text.append(inner);
    text += ')';
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(tagged_runs_become_elements_in_reading_order) {
  DisplayList display;
  DisplayPage& page = display.pages.emplace_back();
  page.width = 200;
  page.height = 200;
  page.add(run("", -1, -1, 10));  // folio: untagged
  page.add(run("H1", 0, 0, 30));
  page.add(run("H1", 0, 0, 40));  // the headline's second line: the same element
  page.add(run("P", 1, 0, 60));
  page.add(run("P", 2, 0, 70));
  page.add(run("H1", 0, 1, 100));
  page.add(run("P", 1, 1, 120));
  QPDF pdf;
  pdf.processFile(write(display, "tags.pdf").c_str());
  Object root = pdf.getRoot().getKey("/StructTreeRoot");
  BOOST_REQUIRE(root.isDictionary());
  BOOST_TEST(pdf.getRoot().getKey("/MarkInfo").getKey("/Marked").getBoolValue());
  BOOST_TEST(outline(root) == "(Art(H1 P P) Art(H1 P))");
}

BOOST_AUTO_TEST_CASE(a_display_list_without_tags_gives_an_untagged_pdf) {
  DisplayList display;
  DisplayPage& page = display.pages.emplace_back();
  page.width = 200;
  page.height = 200;
  page.add(run("", -1, -1, 10));
  QPDF pdf;
  pdf.processFile(write(display, "untagged.pdf").c_str());
  BOOST_TEST(!pdf.getRoot().hasKey("/StructTreeRoot"));
  BOOST_TEST(!pdf.getRoot().hasKey("/MarkInfo"));
}

BOOST_AUTO_TEST_CASE(the_print_pass_keeps_the_structure) {
  DisplayList display;
  DisplayPage& page = display.pages.emplace_back();
  page.width = page21().page.width;
  page.height = page21().page.height;
  page.add(run("H1", 0, 0, 100));
  page.add(run("P", 1, 0, 120));
  print::PdfInfo info;
  info.title = "tagged";
  const print::PrintJob job = print::prepare_print(display, page21(), info);
  const std::string bytes = print::render_print_pdf(
      job, test_fonts(), {.creator = "test", .create_date = "2015-12-17T00:00:00Z"});
  QPDF pdf;
  pdf.processMemoryFile("print", bytes.data(), bytes.size());
  BOOST_TEST(pdf.getRoot().hasKey("/OutputIntents"));
  BOOST_TEST(outline(pdf.getRoot().getKey("/StructTreeRoot")) == "(Art(H1 P))");
}
