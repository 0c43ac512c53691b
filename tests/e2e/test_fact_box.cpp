// Fact boxes: the plain-text and NITF readers (good and malformed input), the [fact_box]
// template table, the box as composed on page21-pictures (its frame around its lines, the
// bullets hanging, the body clear of it, kept in one column), its rows in a copyfit trial's
// count, a box taller than a column reported as overset, and its text in the PDF in order.
#define BOOST_TEST_MODULE fact_box
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compose/body_setting.h"
#include "compose/composer.h"
#include "compose/fact_boxes.h"
#include "core/diagnostics.h"
#include "linebreak/knuth_plass.h"
#include "story/story.h"
#include "template/page_template.h"
#include "test_support.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kTemplate = kSource + "/templates/page21-pictures.toml";
const std::string kArticle = kSource + "/tests/articles/pictures/second_fact_box.txt";

story::Story plain(const std::string& text) {
  return story::parse_story(text, "box.txt", {.has_deck = false});
}

/// The InputError message `text` gives, or "" when it reads.
std::string plain_error(const std::string& text) {
  try {
    plain(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const std::string kHead = "Headline\nFirst paragraph of the story.\n";

const layout_template::PageTemplate& pictures_template() {
  static const layout_template::PageTemplate tpl = layout_template::load_template(kTemplate);
  return tpl;
}

const linebreak::KnuthPlassBreaker& breaker() {
  static const linebreak::KnuthPlassBreaker b;
  return b;
}

compose::ComposeContext context() {
  return {test_fonts(), &test_hyphenator(), breaker(), nullptr};
}

/// Folio values for articles without a full source line.
const compose::FolioOverrides kFolio{story::Date{2024, 5, 9}, 21, std::nullopt};

compose::PageLayout compose_in(const std::string& slot, const story::Story& story) {
  return compose::compose_page(context(), pictures_template(), {{slot, &story}}, kFolio);
}

const font::FontMetrics& metrics(const layout_template::TextStyle& style) {
  return test_fonts().font(test_fonts().find(style.font.family, style.font.style)).metrics();
}

/// The article's box as composed in the lead slot of page21-pictures.
struct ComposedBox {
  compose::PageLayout layout;
  Rect frame;                     ///< the box rule's path
  std::vector<double> bullets_x;  ///< each bullet's first glyph
  std::vector<double> bullets_y;
};

const ComposedBox& composed_box() {
  static const ComposedBox box = [] {
    static const story::Story story = story::read_story(kArticle, {.has_deck = false});
    ComposedBox out{compose_in("lead", story), {}, {}, {}};
    int frames = 0;
    for (const DisplayItem& item : out.layout.display.pages.at(0).items) {
      if (const auto* rect = std::get_if<StrokeRectItem>(&item.shape);
          rect && item.layer == Layer::Print) {
        out.frame = rect->rect;
        ++frames;
      }
      if (const auto* run = std::get_if<GlyphRunItem>(&item.shape); run && run->text == "\u2022") {
        out.bullets_x.push_back(run->glyphs.front().x);
        out.bullets_y.push_back(run->glyphs.front().y);
      }
    }
    if (frames != 1)
      throw std::runtime_error("expected one box frame, got " + std::to_string(frames));
    return out;
  }();
  return box;
}

std::vector<compose::PlacedLine> lines_of(const compose::PageLayout& layout,
                                          compose::LineRole role) {
  std::vector<compose::PlacedLine> out;
  for (const compose::PlacedLine& line : layout.lines)
    if (line.role == role) out.push_back(line);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(plain_text_fact_box_lines_are_a_box_not_body) {
  const story::Story s = plain(kHead +
                               "Second paragraph.\n\nFact box: At a glance\n- One item\n"
                               "\u2022 Another item, with a bullet\nSource: The agency\n\n"
                               "- A dash line after the box is body text.\nLast paragraph.\n");
  BOOST_TEST_REQUIRE(s.fact_boxes.size() == 1u);
  const story::FactBox& box = s.fact_boxes.front();
  BOOST_TEST(box.title == "At a glance");
  BOOST_TEST((box.items == std::vector<std::string>{"One item", "Another item, with a bullet"}));
  BOOST_TEST(box.source == "Source: The agency");
  BOOST_TEST(box.after_paragraph == 2);
  BOOST_TEST(box.source_line == 5);
  BOOST_TEST_REQUIRE(s.body.size() == 4u);
  BOOST_TEST(s.body[2].text == "- A dash line after the box is body text.");
  // A box without a title or a source line.
  const story::Story bare = plain(kHead + "Fact box:\n- Only item\n");
  BOOST_TEST_REQUIRE(bare.fact_boxes.size() == 1u);
  BOOST_TEST(bare.fact_boxes.front().title.empty());
  BOOST_TEST(bare.fact_boxes.front().source.empty());
}

BOOST_AUTO_TEST_CASE(malformed_plain_text_fact_boxes_name_the_line) {
  BOOST_TEST(plain_error(kHead + "Fact box: Empty\n\nMore body.\n").find("box.txt:3") !=
             std::string::npos);
  BOOST_TEST(plain_error(kHead + "Fact box: Empty\n\nMore body.\n").find("without items") !=
             std::string::npos);
  const std::string stray = plain_error(kHead + "Fact box: T\n- item\nNot an item\n");
  BOOST_TEST(stray.find("box.txt:5") != std::string::npos, stray);
  BOOST_TEST(stray.find("no item") != std::string::npos, stray);
  const std::string empty = plain_error(kHead + "Fact box: T\n- item\n-\n");
  BOOST_TEST(empty.find("box.txt:5") != std::string::npos, empty);
  BOOST_TEST(empty.find("empty item") != std::string::npos, empty);
  const std::string after = plain_error(kHead + "Fact box: T\n- item\nSource: S\n- late\n");
  BOOST_TEST(after.find("box.txt:6") != std::string::npos, after);
}

BOOST_AUTO_TEST_CASE(nitf_factbox_blocks_read_title_items_and_datasource) {
  const std::string nitf = R"(<?xml version="1.0" encoding="UTF-8"?>
<nitf><body><body.head><hedline><hl1>Headline</hl1></hedline></body.head>
<body.content>
<p>First paragraph.</p>
<block class="sidebar factbox">
  <hl2>At a glance</hl2>
  <ul><li>One <em>item</em></li><li>Two</li></ul>
  <p>Three</p>
  <datasource>Source: The agency</datasource>
</block>
<p>Second paragraph.</p>
<block class="fact-box"><p>Only</p><table/></block>
<block class="factbox"><hl2>Nothing in it</hl2></block>
</body.content></body></nitf>
)";
  const story::Story s = story::parse_nitf(nitf, "box.xml");
  BOOST_TEST_REQUIRE(s.fact_boxes.size() == 2u);
  const story::FactBox& box = s.fact_boxes.front();
  BOOST_TEST(box.title == "At a glance");
  BOOST_TEST((box.items == std::vector<std::string>{"One item", "Two", "Three"}));
  BOOST_TEST(box.source == "Source: The agency");
  BOOST_TEST(box.after_paragraph == 1);
  BOOST_TEST(box.source_line == 5);
  BOOST_TEST(s.fact_boxes[1].after_paragraph == 2);
  BOOST_TEST(s.body.size() == 2u);  // no item is body text
  std::set<std::string> codes;
  std::string messages;
  for (const story::ReadWarning& w : s.warnings) {
    codes.insert(w.code);
    messages += w.message + "\n";
  }
  BOOST_TEST(codes.count("empty-fact-box") == 1u, messages);
  BOOST_TEST(messages.find("box.xml:12") != std::string::npos, messages);  // <table/>
  BOOST_TEST(messages.find("box.xml:13") != std::string::npos, messages);  // the empty box
}

BOOST_AUTO_TEST_CASE(the_fact_box_frame_is_read_from_the_template) {
  const layout_template::FactBoxFrame& frame = pictures_template().fact_box;
  BOOST_TEST(frame.weight == 0.75);
  BOOST_TEST(frame.padding == 5.0);
  BOOST_TEST_REQUIRE(frame.tint.has_value());
  std::string text = slurp(kTemplate);
  text.replace(text.find("padding = \"5pt\""), 15, "radius = \"5pt\"");
  try {
    layout_template::parse_template(text, "t.toml");
    BOOST_FAIL("an unknown key in [fact_box] was accepted");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("radius") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(the_frame_encloses_the_box_lines_in_one_column) {
  const ComposedBox& box = composed_box();
  const auto lines = lines_of(box.layout, compose::LineRole::FactBox);
  BOOST_TEST_REQUIRE(lines.size() >= 6u);  // title, four items (one wraps at least), source
  const double weight = pictures_template().fact_box.weight;
  std::set<int> columns;
  for (const compose::PlacedLine& line : lines) {
    const layout_template::TextStyle& style = pictures_template().style(line.style);
    columns.insert(line.column);
    BOOST_TEST(line.left >= box.frame.x + weight, line.text);
    BOOST_TEST(line.left + line.width <= box.frame.right() - weight, line.text);
    BOOST_TEST(line.baseline - metrics(style).cap_height * style.size >= box.frame.y + weight,
               line.text);
    BOOST_TEST(line.baseline + metrics(style).descender * style.size <= box.frame.bottom() - weight,
               line.text);
  }
  BOOST_TEST(columns.size() == 1u, "the box is split over columns");
  // The frame spans its column's width.
  const layout_template::ColumnRegion& column =
      pictures_template().columns.at(static_cast<std::size_t>(*columns.begin()));
  BOOST_TEST(std::abs(box.frame.x - weight / 2 - column.x) < 0.01);
  BOOST_TEST(std::abs(box.frame.right() + weight / 2 - (column.x + column.width)) < 0.01);
  // Title first, source last, in reading order down the box.
  BOOST_TEST(lines.front().style == "fact_box_title");
  BOOST_TEST(lines.front().text == "FLOAT at a glance");
  BOOST_TEST(lines.back().style == "fact_box_source");
  BOOST_TEST(lines.back().text == "Source: NASA");
  for (std::size_t i = 1; i < lines.size(); ++i)
    BOOST_TEST(lines[i].baseline > lines[i - 1].baseline);
}

BOOST_AUTO_TEST_CASE(bullets_hang_and_every_item_line_aligns_after_them) {
  const ComposedBox& box = composed_box();
  const auto lines = lines_of(box.layout, compose::LineRole::FactBox);
  std::vector<compose::PlacedLine> items;
  double title_left = 0;
  for (const compose::PlacedLine& line : lines) {
    if (line.style == "fact_box") items.push_back(line);
    if (line.style == "fact_box_title") title_left = line.left;
  }
  BOOST_TEST_REQUIRE(box.bullets_x.size() == 4u);  // one a item
  BOOST_TEST_REQUIRE(items.size() > 4u);           // some item wraps
  const double text_left = items.front().left;
  for (const compose::PlacedLine& item : items)
    BOOST_TEST(std::abs(item.left - text_left) < 0.01, item.text);  // wrapped lines too
  int first_lines = 0;
  for (std::size_t b = 0; b < box.bullets_x.size(); ++b) {
    BOOST_TEST(std::abs(box.bullets_x[b] - title_left) < 0.01);  // at the box's text edge
    BOOST_TEST(box.bullets_x[b] + 3 < text_left);                // hanging left of the text
    for (const compose::PlacedLine& item : items)
      if (std::abs(item.baseline - box.bullets_y[b]) < 0.01) ++first_lines;
  }
  BOOST_TEST(first_lines == 4);  // each bullet on its item's first line
}

BOOST_AUTO_TEST_CASE(body_lines_keep_clear_of_the_box) {
  const ComposedBox& box = composed_box();
  const layout_template::TextStyle& body = pictures_template().style("body");
  int above = 0, below = 0;
  for (const compose::PlacedLine& line : lines_of(box.layout, compose::LineRole::Body)) {
    if (line.left + line.width < box.frame.x || line.left > box.frame.right()) continue;
    const double top = line.baseline - metrics(body).ascender * body.size;
    const double bottom = line.baseline + metrics(body).descender * body.size;
    BOOST_TEST((bottom <= box.frame.y || top >= box.frame.bottom()), line.text);
    above += bottom <= box.frame.y;
    below += top >= box.frame.bottom();
  }
  BOOST_TEST(above + below > 0);  // the body flows above or below the box in its column
}

BOOST_AUTO_TEST_CASE(a_copyfit_trial_counts_the_box_rows) {
  const story::Story story = story::read_story(kArticle, {.has_deck = false});
  const layout_template::PageTemplate& tpl = pictures_template();
  const double measure = tpl.columns.front().width;
  compose::TrialBreaks memo;
  const auto flow =
      compose::count_body(context(), tpl, *tpl.find_slot("lead"), story, measure, {}, {}, memo);
  const auto rows = compose::fact_box_rows(context(), tpl, story.fact_boxes.front(), 0, measure);
  BOOST_TEST_REQUIRE(rows.size() > 6u);
  const auto counted = std::count_if(flow.begin(), flow.end(), [](const compose::FlowLine& l) {
    return l.paragraph == compose::kFactBoxParagraph;
  });
  BOOST_TEST(static_cast<std::size_t>(counted) == rows.size());
}

BOOST_AUTO_TEST_CASE(a_box_taller_than_a_column_is_overset_whole) {
  std::ostringstream text;
  text << kHead << "Second paragraph.\nFact box: Far too long\n";
  for (int i = 0; i < 200; ++i) text << "- Item number " << i << " of a list that never ends\n";
  text << "\nThe paragraph after the box.\n";
  const story::Story story = plain(text.str());
  const compose::PageLayout layout = compose_in("rail", story);
  BOOST_TEST(lines_of(layout, compose::LineRole::FactBox).empty());
  const auto report = std::find_if(layout.slots.begin(), layout.slots.end(),
                                   [](const compose::SlotReport& s) { return s.name == "rail"; });
  BOOST_TEST_REQUIRE((report != layout.slots.end()));
  BOOST_TEST(report->overset_lines > 200);
  BOOST_TEST(layout.overset());
}

BOOST_AUTO_TEST_CASE(pdftotext_gives_the_box_back_in_order) {
  const std::string pdf = test_out("fact_box.pdf");
  const CommandResult r =
      run_command(broadsheet_binary() + " render '" + kArticle + "' --no-deck --page 21 -t '" +
                  kTemplate + "' -o '" + pdf + "'");
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  const CommandResult text = run_command("pdftotext '" + pdf + "' -");
  BOOST_TEST_REQUIRE(text.status == 0);
  const std::string flat = std::regex_replace(text.output, std::regex(R"(\s+)"), " ");
  const std::vector<std::string> in_order = {
      "NASA has said it also plans",
      "FLOAT at a glance",
      "\u2022 Flexible Levitation on a Track: a railway for the moon",
      "\u2022 A small system",
      "Source: NASA",
      "Last month, NASA also"};
  std::size_t at = 0;
  for (const std::string& piece : in_order) {
    const std::size_t found = flat.find(piece, at);
    BOOST_TEST(found != std::string::npos, "\"" << piece << "\" not found in order: " << flat);
    if (found != std::string::npos) at = found;
  }
}

// A jump can move a box whole to the continuation: there, at another measure, the box is set
// again and the body goes on after it.
BOOST_AUTO_TEST_CASE(a_continuation_opening_with_the_box_sets_it_again_and_goes_on) {
  const story::Story story = story::read_story(kArticle, {.has_deck = false});
  const layout_template::PageTemplate& tpl = pictures_template();
  const layout_template::Slot& slot = *tpl.find_slot("lead");
  const double wide = tpl.columns.front().width, narrow = wide - 30;
  const compose::BodySetting whole = compose::set_body(
      context(), tpl, slot, compose::StoryWork::start_of(story), compose::constant_width(wide));
  const auto box = std::find_if(whole.lines.begin(), whole.lines.end(), [](const auto& l) {
    return l.paragraph == compose::kFactBoxParagraph;
  });
  BOOST_TEST_REQUIRE((box != whole.lines.end()));
  compose::StoryWork rest = compose::StoryWork::start_of(story);
  rest.lines.assign(box, whole.lines.end());
  rest.from_page = 1;
  const compose::BodySetting again =
      compose::set_body(context(), tpl, slot, rest, compose::constant_width(narrow));
  const auto rows = compose::fact_box_rows(context(), tpl, story.fact_boxes.front(), 0, narrow);
  BOOST_TEST_REQUIRE(again.lines.size() > rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    BOOST_TEST(again.lines[i].paragraph == compose::kFactBoxParagraph);
    BOOST_TEST(again.lines[i].line.text == rows[i].line.text);
  }
  const compose::BodyLine& next = again.lines[rows.size()];
  BOOST_TEST(next.paragraph == story.fact_boxes.front().after_paragraph);
  BOOST_TEST(next.line_in_paragraph == 0);
  BOOST_TEST(again.lines.back().paragraph == static_cast<int>(story.body.size()) - 1);
  for (std::size_t i = rows.size(); i < again.lines.size(); ++i)
    BOOST_TEST(std::abs(again.lines[i].line.measure - narrow) < 0.01);
}
