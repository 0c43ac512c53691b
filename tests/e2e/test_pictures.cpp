// Pictures and ads end to end through the CLI: the page21-pictures demo (a lead photo with
// caption and credit, a PDF ad) read back with pdfimages and pdftotext; the photo's frame and
// crop from the layout; the low-resolution warning; errors for a missing picture and an ad of
// the wrong size; scale_to_fit; byte-identical renders.
#define BOOST_TEST_MODULE pictures
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "compose/composer.h"
#include "linebreak/knuth_plass.h"
#include "story/story.h"
#include "template/page_template.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kTemplate = kSource + "/templates/page21-pictures.toml";
const std::string kLead = kSource + "/tests/articles/pictures/page21_lead_photo.txt";
const std::string kAd = kSource + "/tests/media/ad-350x240.pdf";
const std::string kPhoto = kSource + "/tests/media/lake.jpg";
const std::string kRail = kSource + "/tests/articles/pictures/rail_byline.txt";
const std::string kSecond = kSource + "/tests/articles/pictures/second_pull_quote.txt";
// The rail and the second story, in slot order after the lead (scripts/page21-pictures.sh).
const std::string kRailOptions = " '" + kRail + "' '" + kSecond + "' --no-deck-for '" + kRail +
                                 "' --no-deck-for '" + kSecond + "'";

CommandResult render(const std::string& article, const std::string& pdf,
                     const std::string& options) {
  return run_command(broadsheet_binary() + " render '" + article + "' -t '" + kTemplate + "' -o '" +
                     pdf + "' " + options);
}

/// The demo page, rendered once.
const std::string& demo_pdf() {
  static const std::string pdf = [] {
    const std::string out = test_out("pictures_demo.pdf");
    const CommandResult r = render(kLead, out, kRailOptions + " --slot ad=" + kAd);
    if (r.status != 0) throw std::runtime_error("render failed: " + r.output);
    return out;
  }();
  return pdf;
}

/// An article whose picture line names `picture`, written under test-out.
std::string article_with_picture(const std::string& name, const std::string& picture) {
  const std::string path = test_out(name);
  std::ofstream(path)
      << "A headline for a picture\nA deck.\nPicture: " << picture
      << " | A caption. | A CREDIT\nOne paragraph of body text that is long "
         "enough to be set.\nAnother paragraph follows it here.\n(China Daily 12/17/2015 page21)\n";
  return path;
}

/// The lead's picture as composed (library level): its frame and placement.
ImageItem lead_picture() {
  const layout_template::PageTemplate tpl = layout_template::load_template(kTemplate);
  const story::Story story = story::read_story(kLead);
  const linebreak::KnuthPlassBreaker breaker;
  const compose::ComposeContext context{test_fonts(), &test_hyphenator(), breaker, nullptr};
  const compose::PageLayout layout = compose::compose_page(context, tpl, {{"lead", &story}});
  for (const DisplayItem& item : layout.display.pages.at(0).items)
    if (const auto* image = std::get_if<ImageItem>(&item.shape)) return *image;
  throw std::runtime_error("no picture on the page");
}

}  // namespace

BOOST_AUTO_TEST_CASE(pdfimages_shows_the_photo_as_the_original_jpeg) {
  const CommandResult list = run_command("pdfimages -list '" + demo_pdf() + "'");
  BOOST_REQUIRE_EQUAL(list.status, 0);
  BOOST_TEST_MESSAGE(list.output);
  static const std::regex row(R"(\n\s*1\s+\d+\s+image\s+2000\s+1250\s+rgb\s+3\s+8\s+jpeg\s)");
  BOOST_TEST(std::regex_search(list.output, row), list.output);
  // The embedded stream is the file itself, byte for byte.
  const std::string prefix = test_out("pictures_demo_image");
  BOOST_REQUIRE_EQUAL(run_command("pdfimages -j '" + demo_pdf() + "' '" + prefix + "'").status, 0);
  const std::string embedded = slurp(prefix + "-000.jpg");
  BOOST_TEST(embedded.size() == slurp(kPhoto).size());
  BOOST_TEST((embedded == slurp(kPhoto)));
}

BOOST_AUTO_TEST_CASE(pdftotext_gives_back_caption_credit_and_the_ads_text) {
  const CommandResult text = run_command("pdftotext '" + demo_pdf() + "' -");
  BOOST_REQUIRE_EQUAL(text.status, 0);
  std::string flat = std::regex_replace(text.output, std::regex(R"(\s+)"), " ");
  BOOST_TEST(flat.find("Evening over a lake outside Moscow") != std::string::npos);
  BOOST_TEST(flat.find("WU ZHIYI / CHINA DAILY") != std::string::npos);
  BOOST_TEST(flat.find("HARBOUR LINE FERRIES") != std::string::npos);
  BOOST_TEST(flat.find("Cross the bay in twelve minutes") != std::string::npos);
  // The ad stays vectors: no image of it in the PDF, only the photo.
  const CommandResult list = run_command("pdfimages -list '" + demo_pdf() + "'");
  BOOST_TEST(count_of(list.output, " image ") == 1u);
}

BOOST_AUTO_TEST_CASE(the_photo_fills_four_columns_26_grid_lines_deep_cropped_around_its_focus) {
  const layout_template::PageTemplate tpl = layout_template::load_template(kTemplate);
  const ImageItem picture = lead_picture();
  const double measure = tpl.columns[3].x + tpl.columns[3].width - tpl.columns[0].x;
  BOOST_TEST(picture.frame.x == tpl.columns[0].x, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(picture.frame.width == measure, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(picture.frame.height == 26 * 11.0, boost::test_tools::tolerance(1e-6));
  // Under the headline and deck, above the middle of the page.
  BOOST_TEST(picture.frame.y > tpl.story_area.y + 100);
  BOOST_TEST(picture.frame.y < tpl.page.height / 2);
  // 2000 px across the measure (the width decides: the photo is wider in proportion than the
  // frame is deep); the crop keeps the height around the focus at 45 % down.
  const double scale = measure / 2000;
  BOOST_TEST(picture.scale == scale, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(picture.x == picture.frame.x, boost::test_tools::tolerance(1e-6));
  const double shown = picture.frame.height / scale;  // px of height in view
  const double expected_top = std::clamp(0.45 * 1250 - shown / 2, 0.0, 1250 - shown);
  BOOST_TEST(picture.y == picture.frame.y - expected_top * scale,
             boost::test_tools::tolerance(1e-6));
  BOOST_TEST(picture.alt.find("Evening over a lake") == 0u);
}

BOOST_AUTO_TEST_CASE(caption_and_credit_sit_under_the_photo_credit_right_aligned) {
  const std::string layout = test_out("pictures_demo.layout.json");
  BOOST_REQUIRE_EQUAL(
      render(kLead, test_out("pictures_layout.pdf"), "--slot ad=" + kAd + " --layout " + layout)
          .status,
      0);
  const ImageItem picture = lead_picture();
  const std::string json = slurp(layout);
  static const std::regex credit(
      R"re("role":"credit"[^}]*"text":"WU ZHIYI / CHINA DAILY","left":([\d.]+),"baseline":([\d.]+),"width":([\d.]+))re");
  std::smatch m;
  BOOST_REQUIRE_MESSAGE(std::regex_search(json, m, credit), "no credit line in the layout dump");
  const double right = std::stod(m[1]) + std::stod(m[3]);
  BOOST_TEST(right == picture.frame.right(), boost::test_tools::tolerance(0.5));
  BOOST_TEST(std::stod(m[2]) > picture.frame.bottom());
  BOOST_TEST(std::stod(m[2]) < picture.frame.bottom() + 12);
  BOOST_TEST(json.find(R"("role":"caption")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_picture_under_150_dpi_is_a_warning) {
  const std::string article =
      article_with_picture("small_picture.txt", kSource + "/tests/media/lake-small.jpg");
  const CommandResult r = render(article, test_out("small_picture.pdf"), "--allow-overset");
  BOOST_TEST(r.status == 0, r.output);
  // 480 px across 657 pt of four columns: 52 dpi.
  BOOST_TEST(r.output.find("lake-small.jpg: 52 dpi") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("under 150") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_picture_is_an_error_naming_it) {
  const std::string article = article_with_picture("missing_picture.txt", "no-such-photo.jpg");
  const CommandResult r = render(article, test_out("missing_picture.pdf"), "");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output.find("no-such-photo.jpg") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("missing_picture.txt:3") != std::string::npos, r.output);
  BOOST_TEST(!std::filesystem::exists(test_out("missing_picture.pdf")));
}

BOOST_AUTO_TEST_CASE(an_ad_of_another_size_is_an_error_naming_both_sizes) {
  const CommandResult r = render(kLead, test_out("wrong_ad.pdf"),
                                 "--slot ad=" + kSource + "/tests/media/ad-300x200.pdf");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(
      r.output.find("ad-300x200.pdf: advertisement is 300.0 x 200.0 mm") != std::string::npos,
      r.output);
  BOOST_TEST(r.output.find("slot 'ad' is 350.0 x 240.0 mm") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("scale_to_fit") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(scale_to_fit_scales_an_ad_of_another_size) {
  std::string tpl = slurp(kTemplate);
  const std::string label = "label = \"Advertisement 350 × 240 mm\"";
  BOOST_REQUIRE(tpl.find(label) != std::string::npos);
  tpl.replace(tpl.find(label), label.size(), label + "\nscale_to_fit = true");
  const std::string tpl_path = test_out("scale_to_fit.toml");
  std::ofstream(tpl_path) << tpl;
  const CommandResult r = run_command(broadsheet_binary() + " render '" + kLead + "' -t '" +
                                      tpl_path + "' -o '" + test_out("scaled_ad.pdf") +
                                      "' --slot ad=" + kSource + "/tests/media/ad-300x200.pdf");
  std::filesystem::remove(tpl_path);
  BOOST_TEST(r.status == 0, r.output);
  const CommandResult text = run_command("pdftotext '" + test_out("scaled_ad.pdf") + "' -");
  BOOST_TEST(text.output.find("HARBOUR LINE FERRIES") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_same_inputs_give_the_same_bytes) {
  const std::string again = test_out("pictures_demo_again.pdf");
  BOOST_REQUIRE_EQUAL(render(kLead, again, kRailOptions + " --slot ad=" + kAd).status, 0);
  BOOST_TEST((slurp(again) == slurp(demo_pdf())));
}

BOOST_AUTO_TEST_CASE(a_pull_quote_sits_in_one_column_of_the_second_story_between_rules) {
  const std::string layout = test_out("pull_quote.layout.json");
  const CommandResult r = render(kLead, test_out("pull_quote.pdf"),
                                 kRailOptions + " --slot ad=" + kAd + " --layout " + layout);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.output);
  const std::string json = slurp(layout);
  static const std::regex quote_line(
      R"re("slot":"second","role":"pull_quote","style":"(pull_quote|caption)"[^}]*"column":(\d+),"text":"([^"]*)")re");
  std::string text;
  std::set<std::string> columns;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), quote_line);
       it != std::sregex_iterator(); ++it) {
    columns.insert((*it)[2]);
    text += (*it)[3].str() + " ";
  }
  BOOST_TEST(columns.size() == 1u, "the quote is split over columns");
  BOOST_TEST(text.find("generous pledges so far") != std::string::npos, text);
  BOOST_TEST(text.find("Jan Egeland, UN emergency relief chief") != std::string::npos, text);
  // Body text comes after it: the story goes on around the quote.
  const CommandResult pdf_text = run_command("pdftotext '" + test_out("pull_quote.pdf") + "' -");
  BOOST_TEST(pdf_text.output.find("Jan Egeland, UN emergency relief chief") != std::string::npos);
}

// A PDF ad is read (qpdf), placed (qpdf) and previewed (poppler) by the print module
// (print/pdf_parts.h): a page with one loads it; without it the render fails naming where it
// looked, and no PDF is left behind.
BOOST_AUTO_TEST_CASE(a_pdf_ad_loads_the_print_module_with_qpdf_and_poppler) {
  const CommandResult r =
      run_command("LD_DEBUG=files " + broadsheet_binary() + " render '" + kLead + "' -t '" +
                  kTemplate + "' -o '" + test_out("pictures_loads.pdf") + "' --png '" +
                  test_out("pictures_loads.png") + "' --slot ad=" + kAd);
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  BOOST_TEST(r.output.find("broadsheet_pdfparts") != std::string::npos);
  BOOST_TEST(r.output.find("libqpdf") != std::string::npos);
  BOOST_TEST(r.output.find("libpoppler") != std::string::npos);

  const std::string pdf = test_out("pictures_no_module.pdf");
  const CommandResult m = run_command("BROADSHEET_MODULE_DIR=" + test_out("no_module_here") + " " +
                                      broadsheet_binary() + " render '" + kLead + "' -t '" +
                                      kTemplate + "' -o '" + pdf + "' --slot ad=" + kAd);
  BOOST_TEST(m.status == 1);
  BOOST_TEST(m.output.find("broadsheet_pdfparts") != std::string::npos, m.output);
  BOOST_TEST(!std::filesystem::exists(pdf));
}
