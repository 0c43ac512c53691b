// The public API (include/broadsheet/engine.h) on its own: pages from in-memory text, outputs
// as bytes and streams, errors as values a caller can read.
#define BOOST_TEST_MODULE api
#include <broadsheet/engine.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <sstream>

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;

const broadsheet::Engine& engine() {
  static const broadsheet::Engine e({.fonts_dir = kSource + "/fonts"});
  return e;
}

broadsheet::PageRequest page21_request() {
  broadsheet::PageRequest request{
      .page_template = broadsheet::template_from_file(kSource + "/templates/page21.toml")};
  request.articles.push_back(
      broadsheet::article_from_file(kSource + "/tests/articles/00_page21_china_daily.txt"));
  return request;
}

/// A big-endian 32-bit number at `at` (PNG header fields).
unsigned be32(const std::string& bytes, std::size_t at) {
  unsigned value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

/// The error compose() throws for `request`, which must throw one.
broadsheet::Error compose_error(const broadsheet::PageRequest& request) {
  try {
    engine().compose(request);
  } catch (const broadsheet::Error& e) {
    return e;
  }
  BOOST_FAIL("no error");
  return broadsheet::Error("", 0, 0, "");
}

}  // namespace

BOOST_AUTO_TEST_CASE(page21_from_memory_lays_out_the_lead_story) {
  const broadsheet::Layout layout = engine().compose(page21_request());
  BOOST_TEST(layout.page_count() == 1);
  BOOST_TEST(!layout.overset());
  const auto slots = layout.slots();
  const auto lead = std::find_if(slots.begin(), slots.end(),
                                 [](const broadsheet::SlotSummary& s) { return s.slot == "lead"; });
  BOOST_TEST_REQUIRE((lead != slots.end()));
  BOOST_TEST(lead->first_column == 1);
  BOOST_TEST(lead->last_column == 4);
  BOOST_TEST(lead->headline_size == 52);
  BOOST_TEST(lead->body_lines > 50);
  BOOST_TEST(lead->overset_lines == 0);
  BOOST_TEST(layout.summary().find("lead: ") != std::string::npos, layout.summary());
  BOOST_TEST(layout.layout_json().find("\"broadsheet-layout/1\"") != std::string::npos);
  BOOST_TEST(layout.report_json().find("\"broadsheet-report/1\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pdf_bytes_stream_and_render_agree_and_repeat) {
  const broadsheet::Layout layout = engine().compose(page21_request());
  const std::string pdf = layout.pdf();
  BOOST_TEST(pdf.rfind("%PDF-", 0) == 0u);
  std::ostringstream stream;
  layout.write_pdf(stream);
  BOOST_TEST((stream.str() == pdf));
  // The same engine, a second page: the same bytes (the date is the edition's, not the clock).
  const broadsheet::RenderResult again = engine().render(page21_request());
  BOOST_TEST((again.pdf == pdf));
  BOOST_TEST(again.layout_json == layout.layout_json());
  BOOST_TEST(pdf.find("/CreationDate (20151217000000Z)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(png_preview_has_the_page_size_at_the_resolution) {
  const std::string png = engine().compose(page21_request()).png({.dpi = 40});
  BOOST_TEST(png.substr(1, 3) == "PNG");
  BOOST_TEST(be32(png, 16) == 615u);  // 390 mm at 40 dpi
  BOOST_TEST(be32(png, 20) == 859u);
}

BOOST_AUTO_TEST_CASE(a_bad_article_names_its_name_and_line) {
  broadsheet::PageRequest request = page21_request();
  request.articles = {{.text = "Headline\nDeck\nGood line\nBad \xff byte\n", .name = "a.txt"}};
  const broadsheet::Error e = compose_error(request);
  BOOST_TEST(e.file() == "a.txt");
  BOOST_TEST(e.line() == 4);
  BOOST_TEST(e.message().find("UTF-8") != std::string::npos, e.message());
  BOOST_TEST(std::string(e.what()).starts_with("a.txt:4:"), e.what());
}

BOOST_AUTO_TEST_CASE(a_bad_template_names_its_name_and_line) {
  broadsheet::PageRequest request = page21_request();
  request.page_template = {.text = "[template]\nname = 7\n", .name = "t.toml"};
  const broadsheet::Error e = compose_error(request);
  BOOST_TEST(e.file() == "t.toml");
  BOOST_TEST(e.line() == 2, e.what());
}

BOOST_AUTO_TEST_CASE(a_missing_folio_date_is_a_coded_error_naming_no_option) {
  broadsheet::PageRequest request = page21_request();
  request.articles = {{.text = "Headline\nBody line one.\nBody line two.\n",
                       .name = "undated.txt",
                       .has_deck = false}};
  const broadsheet::Error e = compose_error(request);
  BOOST_TEST(e.code() == "folio-needs-date");
  BOOST_TEST(e.message().find("--") == std::string::npos, e.message());
  request.date = broadsheet::Date{2004, 12, 9};
  request.page_number = 7;
  const std::string pdf = engine().render(request).pdf;
  BOOST_TEST(pdf.find("/CreationDate (20041209000000Z)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_explicit_fonts_folder_without_a_manifest_is_an_error) {
  try {
    broadsheet::Engine bad({.fonts_dir = kSource + "/templates"});
    BOOST_FAIL("no error");
  } catch (const broadsheet::Error& e) {
    BOOST_TEST(e.file() == kSource + "/templates/fonts.toml");
  }
}

BOOST_AUTO_TEST_CASE(files_that_cannot_be_read_are_errors_naming_them) {
  try {
    (void)broadsheet::article_from_file(kSource + "/no/such/article.txt");
    BOOST_FAIL("no error");
  } catch (const broadsheet::Error& e) {
    BOOST_TEST(e.file() == kSource + "/no/such/article.txt");
    BOOST_TEST(e.message().starts_with("cannot read file"), e.message());
  }
}
