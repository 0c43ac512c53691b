#define BOOST_TEST_MODULE story_reader
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "story/story.h"
#include "text/unicode.h"

using broadsheet::InputError;
using namespace broadsheet::story;

namespace {

const std::string kReference = "tests/articles/00_page21_china_daily.txt";
const ReadOptions kNoDeck{.has_deck = false};

// Runs `action`, which must throw InputError; returns the error for further checks.
std::optional<InputError> catch_input_error(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

// Every message must be one line, starting lower-case.
void check_message_style(const InputError& error) {
  const std::string& message = error.message();
  BOOST_TEST_REQUIRE(!message.empty());
  BOOST_TEST(std::islower(static_cast<unsigned char>(message.front())));
  BOOST_TEST(message.find('\n') == std::string::npos);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

// Lets Boost.Test print a Date when a comparison fails.
namespace broadsheet::story {
std::ostream& operator<<(std::ostream& out, const Date& date) {
  return out << date.year << '-' << date.month << '-' << date.day;
}
}  // namespace broadsheet::story

BOOST_AUTO_TEST_SUITE(reference_article)

BOOST_AUTO_TEST_CASE(headline_deck_body_contact_and_source) {
  const Story story = read_story(kReference);
  BOOST_TEST(story.file == kReference);
  BOOST_TEST(story.headline.text == "Internet firms eye tech tie-ups with Russian peers");
  BOOST_TEST(story.headline.source_line == 1);

  BOOST_TEST_REQUIRE(story.deck.has_value());
  BOOST_TEST(story.deck->source_line == 2);
  BOOST_TEST(story.deck->text.starts_with("Russia may well be the next big market"));

  // Lines 3..12 are the body: 14 lines minus headline, deck, contact and source line.
  BOOST_TEST_REQUIRE(story.body.size() == 10u);
  BOOST_TEST(story.body.front().source_line == 3);
  BOOST_TEST(story.body.front().text.starts_with("Jack Ma, executive chairman"));
  BOOST_TEST(story.body.back().source_line == 12);
  BOOST_TEST(story.body.back().text.starts_with("In 2010, Tencent invested $300 million"));
  for (std::size_t i = 0; i < story.body.size(); ++i) {
    BOOST_TEST(story.body[i].source_line == static_cast<int>(i) + 3);
  }

  BOOST_TEST_REQUIRE(story.contact.has_value());
  BOOST_TEST(story.contact->text ==
             "Contact the writers at mengjing@chinadaily.com.cn and masi@chinadaily.com.cn");
  BOOST_TEST(story.contact->source_line == 13);

  BOOST_TEST_REQUIRE(story.source.has_value());
  BOOST_TEST(story.source->publication == "China Daily");
  BOOST_TEST(story.source->date.value_or(Date{}) == (Date{2015, 12, 17}));
  BOOST_TEST(story.source->page.value_or(0) == 21);
  BOOST_TEST(story.source->raw == "(China Daily 12/17/2015 page21)");
  BOOST_TEST(story.source->source_line == 14);
}

BOOST_AUTO_TEST_CASE(without_deck_line_two_is_body) {
  const Story story = read_story(kReference, kNoDeck);
  BOOST_TEST(!story.deck.has_value());
  BOOST_TEST_REQUIRE(story.body.size() == 11u);
  BOOST_TEST(story.body.front().source_line == 2);
  BOOST_TEST(story.contact.has_value());
  BOOST_TEST(story.source.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sample_articles)

BOOST_AUTO_TEST_CASE(wikinews_without_deck) {
  const Story story = read_story("tests/articles/01_kmart_sears_wikinews.txt", kNoDeck);
  BOOST_TEST(story.headline.text == "Kmart to buy Sears for US$11 billion");
  BOOST_TEST(!story.deck.has_value());
  BOOST_TEST_REQUIRE(story.body.size() == 4u);
  BOOST_TEST(story.body.front().source_line == 2);
  BOOST_TEST(story.body.front().text.starts_with("Discount retailer Kmart Corp. announced"));
  BOOST_TEST(story.body.back().source_line == 5);
  BOOST_TEST(!story.contact.has_value());
  BOOST_TEST_REQUIRE(story.source.has_value());
  BOOST_TEST(story.source->publication == "Wikinews");
  BOOST_TEST(story.source->date.value_or(Date{}) == (Date{2004, 11, 17}));
  BOOST_TEST(!story.source->page.has_value());
  BOOST_TEST(story.source->source_line == 6);
}

BOOST_AUTO_TEST_CASE(voa_credit_line) {
  const Story story = read_story("tests/articles/05_nasa_moon_railway_voa.txt", kNoDeck);
  BOOST_TEST(story.headline.text == "NASA Details Plans for Railway System on the Moon");
  BOOST_TEST_REQUIRE(story.source.has_value());
  BOOST_TEST(story.source->publication == "Voice of America");
  BOOST_TEST(story.source->date.value_or(Date{}) == (Date{2024, 5, 9}));
  BOOST_TEST(story.source->source_line == 21);
  BOOST_TEST(story.body.size() == 19u);
  // Curly apostrophe (U+2019) kept as written.
  BOOST_TEST(story.body[story.body.size() - 2].text == "I\u2019m Bryan Lynn.");
}

BOOST_AUTO_TEST_CASE(no_credit_line) {
  const Story story =
      read_story("tests/articles/04_south_american_community_wikinews.txt", kNoDeck);
  BOOST_TEST(!story.source.has_value());
  BOOST_TEST(!story.contact.has_value());
  BOOST_TEST_REQUIRE(story.body.size() == 12u);
  BOOST_TEST(story.body.back().source_line == 13);
  BOOST_TEST(story.body.back().text.ends_with("held in Bolivia."));
  BOOST_TEST(contains(story.body[1].text, "Mercado Com\u00fan del Sur"));
}

BOOST_AUTO_TEST_CASE(every_sample_reads_without_deck) {
  const char* const files[] = {
      "01_kmart_sears_wikinews.txt",         "02_americans_tsunami_relief_wikinews.txt",
      "03_nobel_peace_maathai_wikinews.txt", "04_south_american_community_wikinews.txt",
      "05_nasa_moon_railway_voa.txt",        "06_space_exploration_2024_voa.txt",
      "07_national_identity_voa.txt",        "08_virtual_fences_voa.txt"};
  for (const char* name : files) {
    BOOST_TEST_CONTEXT(name) {
      const Story story = read_story(std::string("tests/articles/") + name, kNoDeck);
      BOOST_TEST(!story.headline.text.empty());
      BOOST_TEST(!story.body.empty());
      BOOST_TEST(story.body.front().source_line == 2);
      BOOST_TEST(story.source.has_value() == (std::string(name) != std::string(files[3])));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(line_handling)

BOOST_AUTO_TEST_CASE(crlf_blank_lines_and_trimming) {
  const std::string text =
      "Head line\r\n  First   paragraph  \r\n\r\n \t \r\nSecond paragraph\r\n(Paper "
      "01/02/2003)\r\n";
  const Story story = parse_story(text, "crlf.txt", kNoDeck);
  BOOST_TEST(story.headline.text == "Head line");
  BOOST_TEST_REQUIRE(story.body.size() == 2u);
  BOOST_TEST(story.body[0].text == "First   paragraph");  // inner spaces are not collapsed
  BOOST_TEST(story.body[0].source_line == 2);
  BOOST_TEST(story.body[1].text == "Second paragraph");
  BOOST_TEST(story.body[1].source_line == 5);
  BOOST_TEST_REQUIRE(story.source.has_value());
  BOOST_TEST(story.source->raw == "(Paper 01/02/2003)");
  BOOST_TEST(story.source->date.value_or(Date{}) == (Date{2003, 1, 2}));
  BOOST_TEST(story.source->source_line == 6);
}

BOOST_AUTO_TEST_CASE(byte_order_mark_is_stripped) {
  const Story story = parse_story("\xEF\xBB\xBFHeadline\nBody", "bom.txt", kNoDeck);
  BOOST_TEST(story.headline.text == "Headline");
  BOOST_TEST(story.body.at(0).text == "Body");
}

BOOST_AUTO_TEST_CASE(contact_line_anywhere_after_deck_is_kept_out_of_body) {
  const Story story = parse_story("H\nDeck\nContact the writer at a@b.c\nOne\nTwo", "contact.txt");
  BOOST_TEST_REQUIRE(story.contact.has_value());
  BOOST_TEST(story.contact->source_line == 3);
  BOOST_TEST_REQUIRE(story.body.size() == 2u);
  BOOST_TEST(story.body[0].text == "One");
  // "Contact the writership" is not a contact line.
  const Story other = parse_story("H\nContact the writership today", "c.txt", kNoDeck);
  BOOST_TEST(!other.contact.has_value());
  BOOST_TEST(other.body.size() == 1u);
}

BOOST_AUTO_TEST_CASE(source_shaped_line_that_is_not_last_is_body) {
  const Story story = parse_story("H\n(Paper 01/02/2003)\nLast", "s.txt", kNoDeck);
  BOOST_TEST(!story.source.has_value());
  BOOST_TEST_REQUIRE(story.body.size() == 2u);
  BOOST_TEST(story.body[0].text == "(Paper 01/02/2003)");
}

BOOST_AUTO_TEST_CASE(leap_day_is_a_valid_date) {
  const Story story = parse_story("H\nBody\n(Paper 02/29/2016 page 3)", "leap.txt", kNoDeck);
  BOOST_TEST_REQUIRE(story.source.has_value());
  BOOST_TEST(story.source->date.value_or(Date{}) == (Date{2016, 2, 29}));
  BOOST_TEST(story.source->page.value_or(0) == 3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(subheads)

// The body paragraphs the reader marks as subheads, by index.
std::vector<std::size_t> subhead_indices(const Story& story) {
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < story.body.size(); ++i) {
    if (story.body[i].kind == ParagraphKind::Subhead) indices.push_back(i);
  }
  return indices;
}

BOOST_AUTO_TEST_CASE(sample_articles_subheads) {
  const Story fences = read_story("tests/articles/08_virtual_fences_voa.txt", kNoDeck);
  BOOST_TEST(subhead_indices(fences) == (std::vector<std::size_t>{4, 12, 23, 26, 31}),
             boost::test_tools::per_element());
  BOOST_TEST(fences.body[4].text == "How it works");
  const Story space = read_story("tests/articles/06_space_exploration_2024_voa.txt", kNoDeck);
  BOOST_TEST(subhead_indices(space) == (std::vector<std::size_t>{1, 5, 9, 12, 16, 20, 24}),
             boost::test_tools::per_element());
  BOOST_TEST(space.body[12].text == "Europe\u2019s asteroid exploration mission");
  // The reference article has none; nor is its contact line a paragraph at all.
  BOOST_TEST(subhead_indices(read_story(kReference)).empty());
}

BOOST_AUTO_TEST_CASE(rule_parts) {
  auto kinds = [](const std::string& middle) {
    return parse_story("H\nFirst paragraph.\n" + middle + "\nLast paragraph.", "s.txt", kNoDeck)
        .body.at(1)
        .kind;
  };
  BOOST_TEST((kinds("How it works") == ParagraphKind::Subhead));
  BOOST_TEST((kinds("2024 in review") == ParagraphKind::Subhead));
  // Unicode capitals start a subhead; a lower-case letter does not.
  BOOST_TEST((kinds("\u00c9mile Zola in Paris") == ParagraphKind::Subhead));
  BOOST_TEST((kinds("\u00c4RGER IM AMT") == ParagraphKind::Subhead));
  BOOST_TEST((kinds("\u0396\u03c9\u03ae \u03c3\u03c4\u03b7\u03bd \u03c0\u03cc\u03bb\u03b7") ==
              ParagraphKind::Subhead));  // Greek
  BOOST_TEST((kinds("\u0416\u0438\u0437\u043d\u044c \u0432 \u0433\u043e\u0440\u043e\u0434\u0435") ==
              ParagraphKind::Subhead));  // Cyrillic
  BOOST_TEST((kinds("\u00e9mile in Paris") == ParagraphKind::Body));
  BOOST_TEST((kinds("how it works") == ParagraphKind::Body));
  // Closing punctuation, in any script.
  for (const std::string closed :
       {"It works.", "It works,", "It works:", "Does it work?", "It works!", "\"It works\"",
        "It (works)", "It \u201cworks\u201d", "It\u2019s \u2018work\u2019",
        "\u0394\u03bf\u03c5\u03bb\u03b5\u03cd\u03b5\u03b9;", "It \u00abworks\u00bb", "It works]"}) {
    BOOST_TEST_CONTEXT(closed) {
      BOOST_TEST((kinds(closed) == ParagraphKind::Body));
    }
  }
  // Length: 8 words and 60 characters at most; characters, not bytes.
  BOOST_TEST((kinds("One two three four five six seven eight") == ParagraphKind::Subhead));
  BOOST_TEST((kinds("One two three four five six seven eight nine") == ParagraphKind::Body));
  BOOST_TEST((kinds(std::string(60, 'A')) == ParagraphKind::Subhead));
  BOOST_TEST((kinds(std::string(61, 'A')) == ParagraphKind::Body));
  std::string accented = "\u00c9";
  for (int i = 0; i < 59; ++i) accented += "\u00e9";  // 60 characters, 120 bytes
  BOOST_TEST((kinds(accented) == ParagraphKind::Subhead));
}

BOOST_AUTO_TEST_CASE(first_and_last_body_paragraphs_are_never_subheads) {
  const Story story = parse_story(
      "H\nSubhead one\nMiddle\nSubhead two\nContact the writer at a@b.c", "s.txt", kNoDeck);
  BOOST_TEST_REQUIRE(story.body.size() == 3u);
  BOOST_TEST((story.body[0].kind == ParagraphKind::Body));
  BOOST_TEST((story.body[1].kind == ParagraphKind::Subhead));
  BOOST_TEST((story.body[2].kind == ParagraphKind::Body));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(long_lines)

// Issue 13: a regular expression overflowed the stack on a 26,000-character last line.
BOOST_AUTO_TEST_CASE(thirty_thousand_character_last_line) {
  const std::string long_text = "(" + std::string(30000, 'x') + ")";
  const Story story = parse_story("H\nBody\n" + long_text, "long.txt", kNoDeck);
  BOOST_TEST(!story.source.has_value());
  BOOST_TEST_REQUIRE(story.body.size() == 2u);
  BOOST_TEST(story.body[1].text.size() == 30002u);

  const std::string long_source = "(" + std::string(30000, 'y') + " 01/02/2003 page 7)";
  const Story with_source = parse_story("H\nBody\n" + long_source, "long.txt", kNoDeck);
  BOOST_TEST_REQUIRE(with_source.source.has_value());
  BOOST_TEST(with_source.source->publication.size() == 30000u);
  BOOST_TEST(with_source.source->page.value_or(0) == 7);
}

BOOST_AUTO_TEST_CASE(source_line_shapes) {
  auto source = [](const std::string& last) {
    return parse_story("H\nBody\n" + last, "s.txt", kNoDeck).source;
  };
  const auto spaced = source("(  The  Paper \t 1/2/2003   page 12)");
  BOOST_TEST_REQUIRE(spaced.has_value());
  BOOST_TEST(spaced->publication == "The  Paper");
  BOOST_TEST(spaced->date.value_or(Date{}) == (Date{2003, 1, 2}));
  BOOST_TEST(spaced->page.value_or(0) == 12);
  BOOST_TEST(source("(Paper 01/02/2003 page9999)")->page.value_or(0) == 9999);
  // Not the shape: each becomes a body paragraph.
  for (const std::string other :
       {"(01/02/2003)", "(Paper 01/02/03)", "(Paper 001/02/2003)", "(Paper 01/02/2003 page)",
        "(Paper 01/02/2003 page 12345)", "(Paper 01/02/2003page 1)", "(Paper 01/02/2003 page  1)",
        "(Paper 01-02-2003)", "(Paper 01/02/2003 p 3)", "Paper 01/02/2003", "(Paper01/02/2003)"}) {
    BOOST_TEST_CONTEXT(other) {
      BOOST_TEST(!source(other).has_value());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(invalid_utf8_names_line_and_column) {
  const auto error = catch_input_error([] {
    parse_story(
        "Headline\nGood line\nab\xFF"
        "cd\nMore",
        "bad.txt", kNoDeck);
  });
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(error->where().file == "bad.txt");
  BOOST_TEST(error->where().line == 3);
  BOOST_TEST(error->where().column == 3);
  BOOST_TEST(contains(error->message(), "invalid UTF-8"));
  BOOST_TEST(contains(error->message(), "0xFF"));
  check_message_style(*error);

  // An overlong "/" (C0 AF) on line 2, after a multi-byte character: columns count bytes.
  const auto overlong =
      catch_input_error([] { parse_story("H\n\u00e9x\xC0\xAF\nB", "overlong.txt", kNoDeck); });
  BOOST_TEST_REQUIRE(overlong.has_value());
  BOOST_TEST(overlong->where().line == 2);
  BOOST_TEST(overlong->where().column == 4);
}

BOOST_AUTO_TEST_CASE(empty_file) {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\n\r\n  \n"}) {
    const auto error = catch_input_error([&] { parse_story(text, "empty.txt"); });
    BOOST_TEST_REQUIRE(error.has_value());
    BOOST_TEST(error->where().line <= 1);
    BOOST_TEST(contains(error->message(), "file is empty"));
    check_message_style(*error);
  }
}

BOOST_AUTO_TEST_CASE(headline_only) {
  const auto error = catch_input_error([] { parse_story("\n  Just a headline\n", "h.txt"); });
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(error->where().line == 2);
  BOOST_TEST(error->message() == "no body text after the headline");
  check_message_style(*error);
}

BOOST_AUTO_TEST_CASE(headline_and_one_paragraph_is_body_with_a_warning) {
  const Story story = parse_story("Headline\nThe only paragraph.", "hd.txt");
  BOOST_TEST(!story.deck.has_value());
  BOOST_TEST_REQUIRE(story.body.size() == 1u);
  BOOST_TEST(story.body[0].text == "The only paragraph.");
  BOOST_TEST(story.body[0].source_line == 2);
  BOOST_TEST_REQUIRE(story.warnings.size() == 1u);
  BOOST_TEST(story.warnings[0].code == "single-paragraph");
  BOOST_TEST(contains(story.warnings[0].message, "hd.txt:2:"));
  // With a source line after it, too; and no warning when line 2 is body anyway.
  const Story sourced = parse_story("H\nBody.\n(Paper 01/02/2003)", "hs.txt");
  BOOST_TEST(sourced.body.size() == 1u);
  BOOST_TEST(sourced.source.has_value());
  BOOST_TEST(parse_story("H\nBody.", "nd.txt", kNoDeck).warnings.empty());
}

BOOST_AUTO_TEST_CASE(byline_line_after_the_headline_or_the_deck) {
  const Story after_deck = parse_story(
      "Head\nThe deck\nBy MENG JING and MA SI in Beijing\nBody one.\nBody two.", "b.txt");
  BOOST_TEST_REQUIRE(after_deck.byline.has_value());
  BOOST_TEST(after_deck.byline->text == "By MENG JING and MA SI in Beijing");
  BOOST_TEST(after_deck.byline->source_line == 3);
  BOOST_TEST(after_deck.deck->text == "The deck");
  BOOST_TEST(after_deck.body.size() == 2u);
  // Right after the headline: a byline, and line 3 is the deck.
  const Story after_head = parse_story("Head\nBy Jane Doe\nThe deck\nBody.\nMore.", "b.txt");
  BOOST_TEST_REQUIRE(after_head.byline.has_value());
  BOOST_TEST(after_head.byline->text == "By Jane Doe");
  BOOST_TEST(!after_head.deck.has_value());
  BOOST_TEST(after_head.body.size() == 3u);
  const Story no_deck = parse_story("Head\nBy Jane Doe\nBody.", "b.txt", kNoDeck);
  BOOST_TEST(no_deck.byline.has_value());
  BOOST_TEST(no_deck.body.size() == 1u);
}

BOOST_AUTO_TEST_CASE(sentences_starting_with_by_are_body) {
  for (const std::string line : {"By the end of the year, sales rose.", "By 2020 it was done.",
                                 "By Jane Doe, who wrote the report, prices rose sharply."}) {
    const Story story = parse_story("Head\n" + line + "\nBody.", "b.txt", kNoDeck);
    BOOST_TEST(!story.byline.has_value(), line);
    BOOST_TEST(story.body.front().text == line);
  }
  // A byline anywhere else is body text.
  const Story later = parse_story("Head\nBody.\nBy Jane Doe\nMore.", "b.txt", kNoDeck);
  BOOST_TEST(!later.byline.has_value());
  BOOST_TEST(later.body.size() == 3u);
}

BOOST_AUTO_TEST_CASE(headline_and_byline_only) {
  const auto error = catch_input_error([] { parse_story("Headline\nBy Jane Doe", "hb.txt"); });
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(error->where().line == 2);
  BOOST_TEST(error->message() == "no body text after the byline");
}

BOOST_AUTO_TEST_CASE(headline_with_only_source_and_contact) {
  const auto error = catch_input_error([] {
    parse_story("Headline\nContact the writer at x@y.z\n(Paper 01/02/2003)", "hs.txt", kNoDeck);
  });
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(contains(error->message(), "no body text"));
}

BOOST_AUTO_TEST_CASE(bad_date_names_the_line) {
  const auto error = catch_input_error(
      [] { parse_story("Headline\nDeck\nBody\n\n(China Daily 13/45/2015 page21)", "d.txt"); });
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(error->where().file == "d.txt");
  BOOST_TEST(error->where().line == 5);
  BOOST_TEST(contains(error->message(), "13/45/2015"));
  BOOST_TEST(contains(error->message(), "month 13"));
  check_message_style(*error);

  for (const std::string bad : {"(Paper 02/29/2015)", "(Paper 04/31/2020)", "(Paper 01/00/2020)",
                                "(Paper 01/02/2020 page0)"}) {
    BOOST_TEST_CONTEXT(bad) {
      const auto day_error =
          catch_input_error([&] { parse_story("H\nB\n" + bad, "x.txt", kNoDeck); });
      BOOST_TEST_REQUIRE(day_error.has_value());
      BOOST_TEST(day_error->where().line == 3);
      check_message_style(*day_error);
    }
  }
}

BOOST_AUTO_TEST_CASE(second_contact_line) {
  const auto error = catch_input_error([] {
    parse_story("H\nContact the writer at a\nBody\nContact the writers at b", "c.txt", kNoDeck);
  });
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(error->where().line == 4);
  check_message_style(*error);
}

BOOST_AUTO_TEST_CASE(unreadable_file) {
  for (const std::string path : {"tests/articles/no_such_article.txt", "tests/articles"}) {
    const auto error = catch_input_error([&] { read_story(path); });
    BOOST_TEST_REQUIRE(error.has_value());
    BOOST_TEST(error->where().file == path);
    BOOST_TEST(error->message().starts_with("cannot read file"));
    check_message_style(*error);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(utf8)

using broadsheet::text::count_code_points;
using broadsheet::text::find_invalid_utf8;

// The offset find_invalid_utf8 reports, or npos for valid text (optional is not printable).
std::size_t bad_offset(std::string_view s) {
  return find_invalid_utf8(s).value_or(std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(valid_text) {
  BOOST_TEST(!find_invalid_utf8("").has_value());
  BOOST_TEST(!find_invalid_utf8("plain ASCII").has_value());
  // U+00E9, U+2014, U+FFFF, U+10000, U+10FFFF, U+D7FF, U+E000: the edges of each range.
  BOOST_TEST(!find_invalid_utf8("\u00e9\u2014\uFFFF\U00010000\U0010FFFF\uD7FF\uE000").has_value());
}

BOOST_AUTO_TEST_CASE(invalid_sequences_report_their_offset) {
  BOOST_TEST(bad_offset("ab\x80") == 2u);            // stray continuation
  BOOST_TEST(bad_offset("a\xC0\xAF") == 1u);         // overlong 2
  BOOST_TEST(bad_offset("\xE0\x80\xAF") == 0u);      // overlong 3
  BOOST_TEST(bad_offset("\xF0\x80\x80\xAF") == 0u);  // overlong 4
  BOOST_TEST(bad_offset("x\xED\xA0\x80") == 1u);     // U+D800
  BOOST_TEST(bad_offset("x\xED\xBF\xBF") == 1u);     // U+DFFF
  BOOST_TEST(bad_offset("\xF4\x90\x80\x80") == 0u);  // >10FFFF
  BOOST_TEST(bad_offset("\xF5\x80\x80\x80") == 0u);
  BOOST_TEST(bad_offset("ok\xE2\x80") == 2u);  // truncated
  BOOST_TEST(bad_offset("\xE2\x80x") == 0u);   // cut short
  BOOST_TEST(bad_offset("\xFF") == 0u);
}

BOOST_AUTO_TEST_CASE(code_points) {
  BOOST_TEST(count_code_points("") == 0u);
  BOOST_TEST(count_code_points("abc") == 3u);
  BOOST_TEST(count_code_points("Com\u00fan \u2014 \U0001F600") == 9u);
}

BOOST_AUTO_TEST_SUITE_END()
