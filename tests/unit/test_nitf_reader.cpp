#define BOOST_TEST_MODULE nitf_reader
#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "story/story.h"

using broadsheet::InputError;
using namespace broadsheet::story;

namespace {

const std::string kSample = "tests/articles/09_virtual_fences_voa.nitf";

// A whole article with every element the reader knows, on known lines.
const std::string kFull = R"(<?xml version="1.0" encoding="UTF-8"?>
<nitf xml:lang="en">
<head><docdata><date.issue norm="20151217T000000Z"/></docdata>
<pubdata name="China Daily" position.sequence="21"/></head>
<body>
<body.head>
<hedline><hl2>Technology</hl2><hl1>Internet firms eye <em>tech</em> tie-ups</hl1>
<hl2>Russia may well be the next big market</hl2></hedline>
<byline>By <person>MENG JING</person> and <person>MA SI</person> in Beijing</byline>
<dateline><location>BEIJING</location></dateline>
</body.head>
<body.content>
<p>Jack Ma,   executive <em>chairman</em> of <strong>Alibaba</strong>, said so.</p>
<hl2>A new market</hl2>
<p xml:lang="ru">Привет, <em> мир </em>!</p>
<block><media media-type="image"><media-reference source="pictures/ma.jpg" mime-type="image/jpeg"/>
<media-caption>Jack Ma in <em>Moscow</em>.</media-caption>
<media-producer>WU ZHIYI / CHINA DAILY</media-producer></media>
<p>In a block.</p></block>
<pq><block><p>“Russia is next.”</p></block></pq>
</body.content>
<body.end><tagline>Contact the writers at mengjing@chinadaily.com.cn</tagline></body.end>
</body></nitf>)";

std::optional<InputError> error_of(const std::string& text, const std::string& name = "a.xml") {
  try {
    parse_nitf(text, name);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

std::string span_text(const Paragraph& p, std::size_t i) {
  return p.text.substr(p.spans.at(i).begin, p.spans.at(i).end - p.spans.at(i).begin);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_element_lands_in_the_story) {
  const Story story = parse_nitf(kFull, "articles/ma.xml");
  BOOST_TEST(story.language == "en");
  BOOST_TEST_REQUIRE(story.kicker.has_value());
  BOOST_TEST(story.kicker->text == "Technology");
  BOOST_TEST(story.headline.text == "Internet firms eye tech tie-ups");
  BOOST_TEST(story.headline.source_line == 7);
  BOOST_TEST_REQUIRE(story.deck.has_value());
  BOOST_TEST(story.deck->text == "Russia may well be the next big market");
  BOOST_TEST_REQUIRE(story.byline.has_value());
  BOOST_TEST(story.byline->text == "By MENG JING and MA SI in Beijing");
  BOOST_TEST(story.byline->source_line == 9);
  BOOST_TEST_REQUIRE(story.dateline.has_value());
  BOOST_TEST(story.dateline->text == "BEIJING");
  BOOST_TEST_REQUIRE(story.body.size() == 4u);
  BOOST_TEST(story.body[0].text == "Jack Ma, executive chairman of Alibaba, said so.");
  BOOST_TEST(story.body[0].source_line == 13);
  BOOST_TEST((story.body[1].kind == ParagraphKind::Subhead));
  BOOST_TEST(story.body[1].text == "A new market");
  BOOST_TEST((story.body[0].kind == ParagraphKind::Body));
  BOOST_TEST(story.body[3].text == "In a block.");
  BOOST_TEST_REQUIRE(story.contact.has_value());
  BOOST_TEST(story.contact->text == "Contact the writers at mengjing@chinadaily.com.cn");
  BOOST_TEST_REQUIRE(story.pull_quotes.size() == 1u);
  BOOST_TEST(story.pull_quotes[0].text == "“Russia is next.”");
  BOOST_TEST_REQUIRE(story.source.has_value());
  BOOST_TEST(story.source->publication == "China Daily");
  BOOST_TEST_REQUIRE(story.source->date.has_value());
  BOOST_TEST((*story.source->date == Date{2015, 12, 17}));
  BOOST_TEST(story.source->page.value_or(0) == 21);
  BOOST_TEST(story.warnings.empty());
}

BOOST_AUTO_TEST_CASE(em_and_strong_are_byte_ranges_of_the_collapsed_text) {
  const Story story = parse_nitf(kFull, "a.xml");
  const Paragraph& p = story.body[0];
  BOOST_TEST_REQUIRE(p.spans.size() == 2u);
  BOOST_TEST((p.spans[0] == InlineSpan{19, 27, InlineStyle::Emphasis}));
  BOOST_TEST(span_text(p, 0) == "chairman");
  BOOST_TEST((p.spans[1] == InlineSpan{31, 38, InlineStyle::Strong}));
  BOOST_TEST(span_text(p, 1) == "Alibaba");
  // White space inside the span is left outside it; offsets are bytes of UTF-8.
  const Paragraph& russian = story.body[2];
  BOOST_TEST(russian.text == "Привет, мир !");
  BOOST_TEST(russian.language == "ru");
  BOOST_TEST(story.body[0].language.empty());  // the story's own language
  BOOST_TEST_REQUIRE(russian.spans.size() == 1u);
  BOOST_TEST(span_text(russian, 0) == "мир");
  BOOST_TEST(russian.spans[0].begin == 14u);
  BOOST_TEST(story.headline.spans.size() == 1u);
  BOOST_TEST(span_text(story.headline, 0) == "tech");
}

BOOST_AUTO_TEST_CASE(media_is_a_picture_resolved_against_the_article_folder) {
  const Story story = parse_nitf(kFull, "articles/ma.xml");
  BOOST_TEST_REQUIRE(story.pictures.size() == 1u);
  BOOST_TEST(story.pictures[0].file == "articles/pictures/ma.jpg");
  BOOST_TEST(story.pictures[0].caption == "Jack Ma in Moscow.");
  BOOST_TEST(story.pictures[0].credit == "WU ZHIYI / CHINA DAILY");
  BOOST_TEST(story.pictures[0].source_line == 16);
  const Story absolute = parse_nitf(
      "<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>B</p>"
      "<media><media-reference source='/srv/p.jpg'/></media><media media-type='video'>"
      "<media-reference source='v.mp4'/></media></body.content></body></nitf>",
      "x.nitf");
  BOOST_TEST_REQUIRE(absolute.pictures.size() == 1u);
  BOOST_TEST(absolute.pictures[0].file == "/srv/p.jpg");
  BOOST_TEST(absolute.pictures[0].caption.empty());
  BOOST_TEST_REQUIRE(absolute.warnings.size() == 1u);
  BOOST_TEST(absolute.warnings[0].code == "unsupported-media");
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_line_and_column) {
  const std::string text = "<nitf>\n<body>\n  <body.head><hl1>H</hl2>\n</body></nitf>";
  const auto error = error_of(text, "bad.nitf");
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(error->where().file == "bad.nitf");
  BOOST_TEST(error->where().line == 3);
  BOOST_TEST(error->where().column == 22);  // at the mismatched end tag's name
  BOOST_TEST(error->message().rfind("malformed XML: ", 0) == 0u, error->message());
  const auto unclosed = error_of("<nitf>\n<body>\n", "u.xml");
  BOOST_TEST_REQUIRE(unclosed.has_value());
  BOOST_TEST(unclosed->where().line >= 2);
}

BOOST_AUTO_TEST_CASE(documents_that_are_not_articles) {
  const auto other = error_of("<html><body/></html>");
  BOOST_TEST_REQUIRE(other.has_value());
  BOOST_TEST(other->message().find("<html>") != std::string::npos);
  const auto no_head =
      error_of("<nitf>\n<body><body.content><p>B</p></body.content></body></nitf>");
  BOOST_TEST_REQUIRE(no_head.has_value());
  BOOST_TEST(no_head->message().find("no headline") != std::string::npos);
  const auto no_body = error_of(
      "<nitf><body><body.head><hedline><hl1>H</hl1></hedline>"
      "</body.head></body></nitf>");
  BOOST_TEST_REQUIRE(no_body.has_value());
  BOOST_TEST(no_body->message().find("no body text") != std::string::npos);
  const auto bad_utf8 = error_of("<nitf>\n <x>\xC3(</x></nitf>");
  BOOST_TEST_REQUIRE(bad_utf8.has_value());
  BOOST_TEST(bad_utf8->where().line == 2);
  BOOST_TEST(bad_utf8->where().column == 5);
  std::string deep =
      "<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head>"
      "<body.content><p>";
  for (int i = 0; i < 1000; ++i) deep += "<em>";
  const auto too_deep = error_of(deep + "x" + "</p></body.content></body></nitf>");
  BOOST_TEST_REQUIRE(too_deep.has_value());  // malformed or too deep: an error, not a crash
}

BOOST_AUTO_TEST_CASE(unknown_elements_are_warnings_naming_element_and_line) {
  const Story story = parse_nitf(
      "<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head>\n"
      "<body.content><p>One <blink>two</blink> three.</p>\n"
      "<table><tr><td>cell</td></tr></table></body.content></body></nitf>",
      "w.xml");
  BOOST_TEST_REQUIRE(story.body.size() == 2u);
  BOOST_TEST(story.body[0].text == "One two three.");  // the text is kept
  BOOST_TEST(story.body[1].text == "cell");
  BOOST_TEST_REQUIRE(story.warnings.size() >= 2u);
  BOOST_TEST(story.warnings[0].code == "unknown-element");
  BOOST_TEST(story.warnings[0].message.find("w.xml:2: unknown element <blink>") == 0u,
             story.warnings[0].message);
  BOOST_TEST(story.warnings[1].message.find("w.xml:3: unknown element <table>") == 0u,
             story.warnings[1].message);
}

BOOST_AUTO_TEST_CASE(format_by_extension_and_by_content) {
  BOOST_TEST((article_format("", "a.xml") == ArticleFormat::Nitf));
  BOOST_TEST((article_format("", "A.NITF") == ArticleFormat::Nitf));
  BOOST_TEST((article_format("\xEF\xBB\xBF  <?xml version='1.0'?><nitf/>", "a.txt") ==
              ArticleFormat::Nitf));
  BOOST_TEST((article_format("\n<nitf>", "article") == ArticleFormat::Nitf));
  BOOST_TEST((article_format("Headline\nBody", "a.txt") == ArticleFormat::PlainText));
  BOOST_TEST((article_format("<b>Headline</b>\nBody", "a.txt") == ArticleFormat::PlainText));
  const Story story = read_story(kSample);
  BOOST_TEST(story.headline.text == "Virtual Fences for Cows Show Benefits");
  const Story plain = parse_article("Head\nDeck.\nBody one.\nBody two.", "a.txt");
  BOOST_TEST(plain.deck.has_value());
  BOOST_TEST(plain.body.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_sample_article) {
  const Story story = read_story(kSample);
  BOOST_TEST(story.byline->text == "By ANDREW SMITH");
  BOOST_TEST(story.dateline->text == "WASHINGTON");
  BOOST_TEST(story.kicker->text == "Agriculture");
  int subheads = 0;
  for (const Paragraph& p : story.body) subheads += p.kind == ParagraphKind::Subhead ? 1 : 0;
  BOOST_TEST(subheads == 2);
  BOOST_TEST(story.body.size() == 16u);
  BOOST_TEST(story.pull_quotes.size() == 1u);
  BOOST_TEST(story.warnings.empty());
  BOOST_TEST(story.source->publication == "Voice of America");
}
