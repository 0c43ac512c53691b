// A story picture's placement options: the picture line's `columns=N`, `inset=left|right` and
// `width=`, NITF's media-metadata equivalents, and the template's picture_columns and
// picture_gap. Bad options are errors naming the file and line.
#define BOOST_TEST_MODULE picture_options
#include <boost/test/unit_test.hpp>
#include <string>

#include "core/diagnostics.h"
#include "story/story.h"
#include "template/page_template.h"

using broadsheet::InputError;
using namespace broadsheet;
using namespace broadsheet::story;

namespace {

Story with_picture_line(const std::string& line) {
  return parse_story("A headline\nA deck.\n" + line +
                         "\nOne paragraph of body text.\nAnother paragraph of body text.\n",
                     "/articles/story.txt");
}

std::string error_of(const std::string& line) {
  try {
    with_picture_line(line);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string nitf_with_media(const std::string& metadata) {
  return R"(<?xml version="1.0"?>
<nitf><body><body.head><hedline><hl1>A headline</hl1></hedline></body.head>
<body.content><p>One paragraph.</p>
<media media-type="image"><media-reference source="lake.jpg"/>
<media-caption>A lake.</media-caption>)" +
         metadata + R"(</media>
<p>Another paragraph.</p></body.content></body></nitf>)";
}

const std::string kTemplateHead = R"([template]
name = "t"
[page]
width = "280mm"
height = "430mm"
[page.margins]
top = "12mm"
bottom = "15mm"
inside = "15mm"
outside = "12mm"
[grid]
columns = 5
gutter = "4mm"
baseline = 11
[styles.body]
font = { family = "TeX Gyre Termes", style = "Regular" }
size = 9.5
leading = 11
[[slot]]
name = "lead"
columns = [1, 4]
deck_style = "body"
headline_style = "body"
contact_style = "body"
)";

}  // namespace

BOOST_AUTO_TEST_CASE(a_picture_line_without_options_spans_the_slots_default) {
  const Story story = with_picture_line("Picture: lake.jpg | A lake. | A CREDIT");
  BOOST_REQUIRE_EQUAL(story.pictures.size(), 1u);
  const StoryPicture& p = story.pictures.front();
  BOOST_TEST(p.file == "/articles/lake.jpg");
  BOOST_TEST(p.caption == "A lake.");
  BOOST_TEST(p.credit == "A CREDIT");
  BOOST_TEST(p.columns == 0);
  BOOST_TEST((p.inset == PictureInset::None));
  BOOST_TEST(story.body.size() == 2u);
}

BOOST_AUTO_TEST_CASE(columns_and_inset_options_follow_the_credit) {
  const Story two = with_picture_line("Picture: lake.jpg | A lake. | A CREDIT | columns=2");
  BOOST_TEST(two.pictures.front().columns == 2);
  BOOST_TEST(two.pictures.front().credit == "A CREDIT");
  const Story inset = with_picture_line("Picture: lake.jpg | A lake. | | inset=right, width=40%");
  BOOST_TEST((inset.pictures.front().inset == PictureInset::Right));
  BOOST_TEST(inset.pictures.front().width == 0.4, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(inset.pictures.front().credit.empty());
  const Story left = with_picture_line("Picture: lake.jpg | | | inset=left | width=0.5");
  BOOST_TEST((left.pictures.front().inset == PictureInset::Left));
  BOOST_TEST(left.pictures.front().width == 0.5, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(a_bad_option_is_an_error_naming_the_file_line_and_option) {
  const std::string unknown = error_of("Picture: lake.jpg | A lake. | A CREDIT | colums=2");
  BOOST_TEST(unknown.find("/articles/story.txt:3") != std::string::npos, unknown);
  BOOST_TEST(unknown.find("colums=2") != std::string::npos, unknown);
  BOOST_TEST(unknown.find("unknown option") != std::string::npos, unknown);
  for (const std::string bad :
       {"columns=0", "columns=two", "inset=top", "width=150%", "width=0", "columns"})
    BOOST_TEST(!error_of("Picture: lake.jpg | | | " + bad).empty(), bad);
}

BOOST_AUTO_TEST_CASE(nitf_media_metadata_gives_the_same_options) {
  const Story story = parse_nitf(nitf_with_media(R"(<media-metadata name="columns" value="3"/>
<media-metadata name="width" value="30%"/>)"),
                                 "/articles/story.nitf");
  BOOST_REQUIRE_EQUAL(story.pictures.size(), 1u);
  BOOST_TEST(story.pictures.front().columns == 3);
  BOOST_TEST(story.pictures.front().width == 0.3, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(story.pictures.front().caption == "A lake.");
  try {
    parse_nitf(nitf_with_media(R"(<media-metadata name="inset" value="middle"/>)"),
               "/articles/story.nitf");
    BOOST_FAIL("a bad inset was accepted");
  } catch (const InputError& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("/articles/story.nitf:5:") != std::string::npos, what);
    BOOST_TEST(what.find("inset") != std::string::npos, what);
  }
}

BOOST_AUTO_TEST_CASE(a_story_slot_takes_picture_columns_and_picture_gap) {
  const auto tpl = layout_template::parse_template(
      kTemplateHead + "picture_columns = 2\npicture_gap = \"2mm\"\n", "t.toml");
  BOOST_TEST(tpl.slots.front().picture.columns == 2);
  BOOST_TEST(tpl.slots.front().picture.gap == 2 * 72 / 25.4, boost::test_tools::tolerance(1e-9));
  const auto plain = layout_template::parse_template(kTemplateHead, "t.toml");
  BOOST_TEST(plain.slots.front().picture.columns == 0);
  BOOST_TEST(plain.slots.front().picture.gap == 4.0);
}

BOOST_AUTO_TEST_CASE(picture_columns_beyond_the_slot_is_an_error_naming_the_key) {
  try {
    layout_template::parse_template(kTemplateHead + "picture_columns = 5\n", "t.toml");
    BOOST_FAIL("picture_columns = 5 in a 4-column slot was accepted");
  } catch (const InputError& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("t.toml:") != std::string::npos, what);
    BOOST_TEST(what.find("picture_columns") != std::string::npos, what);
    BOOST_TEST(what.find("1 to 4") != std::string::npos, what);
  }
}

BOOST_AUTO_TEST_CASE(a_fact_box_title_line_takes_columns) {
  const Story story = parse_story(
      "A headline\nA deck.\nOne paragraph of body text.\nFact box: Key facts | columns=2\n- One\n"
      "- Two\n\nAnother paragraph of body text.\n",
      "/articles/story.txt");
  BOOST_REQUIRE_EQUAL(story.fact_boxes.size(), 1u);
  BOOST_TEST(story.fact_boxes.front().title == "Key facts");
  BOOST_TEST(story.fact_boxes.front().columns == 2);
  try {
    parse_story(
        "A headline\nA deck.\nOne paragraph.\nFact box: Key facts | colums=2\n- One\n\n"
        "Another paragraph.\n",
        "/articles/story.txt");
    BOOST_FAIL("a bad fact box option was accepted");
  } catch (const InputError& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("/articles/story.txt:4") != std::string::npos, what);
    BOOST_TEST(what.find("colums=2") != std::string::npos, what);
  }
}
