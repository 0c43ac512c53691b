// Tagged PDF of a whole page with story furniture (page21-pictures: a lead story with its photo,
// caption, credit and a fact box, a rail story with a dateline and a pull quote): every story is
// one article element holding all of its text in reading order, the furniture and insets
// included; folios and jump lines stay outside.
#define BOOST_TEST_MODULE tagged_page
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <qpdf/QPDF.hh>
#include <string>
#include <vector>

#include "test_support.h"

using namespace broadsheet::testing;
using Object = QPDFObjectHandle;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;

/// The structure types of `element`'s children, in order ("H1", "P", ...).
std::vector<std::string> child_types(Object element) {
  std::vector<std::string> types;
  Object kids = element.getKey("/K");
  std::vector<Object> children;
  if (kids.isArray()) children = kids.getArrayAsVector();
  if (kids.isDictionary()) children.push_back(kids);
  for (Object& child : children)
    if (child.isDictionary() && child.getKey("/S").isName())
      types.push_back(child.getKey("/S").getName().substr(1));
  return types;
}

std::vector<Object> children(Object element) {
  std::vector<Object> out;
  Object kids = element.getKey("/K");
  if (kids.isArray()) {
    for (Object& kid : kids.getArrayAsVector())
      if (kid.isDictionary() && kid.hasKey("/S")) out.push_back(kid);
  } else if (kids.isDictionary()) {
    out.push_back(kids);
  }
  return out;
}

/// page21-pictures rendered with two stories (as the golden page21_pictures); the PDF's path.
const std::string& tagged_page() {
  static const std::string pdf = [] {
    const std::string out = test_out("tagged_page.pdf");
    const std::string pictures = kSource + "/tests/articles/pictures/";
    const CommandResult r =
        run_command(broadsheet_binary() + " render '" + pictures + "page21_lead_photo.txt' '" +
                    pictures + "rail_pull_quote.txt' --template '" + kSource +
                    "/templates/page21-pictures.toml' --no-deck-for '" + pictures +
                    "rail_pull_quote.txt' --slot ad='" + kSource +
                    "/tests/media/ad-350x240.pdf' -o '" + out + "'");
    BOOST_TEST_REQUIRE(r.status == 0, r.output);
    return out;
  }();
  return pdf;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_story_is_one_article_holding_its_furniture_and_insets) {
  QPDF pdf;
  pdf.processFile(tagged_page().c_str());
  Object root = pdf.getRoot().getKey("/StructTreeRoot");
  BOOST_REQUIRE(root.isDictionary());
  const std::vector<Object> articles = children(root);
  BOOST_TEST_REQUIRE(child_types(root) == std::vector<std::string>({"Art", "Art"}),
                     boost::test_tools::per_element());
  // The lead: the headline first, then the photo's caption (with its credit), the paragraphs
  // and one division for the fact box (title, bullets and source), all in its article.
  const std::vector<std::string> lead = child_types(articles[0]);
  BOOST_TEST(lead.front() == "H1");
  BOOST_TEST(std::count(lead.begin(), lead.end(), "Caption") == 1);
  BOOST_TEST(std::count(lead.begin(), lead.end(), "Div") == 1);
  BOOST_TEST(std::count(lead.begin(), lead.end(), "P") > 8);
  // The rail: its dateline opens the first paragraph; the pull quote is a block quote of the
  // article between its paragraphs.
  const std::vector<std::string> rail = child_types(articles[1]);
  BOOST_TEST(rail.front() == "H1");
  BOOST_TEST(std::count(rail.begin(), rail.end(), "BlockQuote") == 1);
  BOOST_TEST(rail.back() == "P");
}
