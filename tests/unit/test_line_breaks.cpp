#define BOOST_TEST_MODULE line_breaks
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>

#include "text/line_breaks.h"

using broadsheet::text::BreakKind;
using broadsheet::text::BreakOpportunity;
using broadsheet::text::find_line_breaks;
using broadsheet::text::looks_like_url_or_email;

namespace {

const char* kind_name(BreakKind kind) {
  switch (kind) {
    case BreakKind::Space:
      return "Space";
    case BreakKind::Hyphen:
      return "Hyphen";
    case BreakKind::Soft:
      return "Soft";
    case BreakKind::Url:
      return "Url";
    case BreakKind::Other:
      return "Other";
  }
  return "?";
}

/// "offset:Kind" per opportunity, '!' marking mandatory ones: "4:Space 9:Other!".
std::string describe(std::string_view text) {
  std::string out;
  for (const BreakOpportunity& b : find_line_breaks(text)) {
    if (!out.empty()) out += ' ';
    out += std::to_string(b.offset) + ':' + kind_name(b.kind) + (b.mandatory ? "!" : "");
  }
  return out;
}

/// The text cut into lines at every opportunity, joined with '|': "tie-|ups".
std::string pieces(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (const BreakOpportunity& b : find_line_breaks(text)) {
    if (!out.empty()) out += '|';
    out += text.substr(start, b.offset - start);
    start = b.offset;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(empty_text_has_no_breaks) {
  BOOST_TEST(find_line_breaks("").empty());
}

BOOST_AUTO_TEST_CASE(end_of_text_is_mandatory) {
  BOOST_TEST(describe("word") == "4:Other!");
  BOOST_TEST(describe("word ") == "5:Space!");
}

BOOST_AUTO_TEST_CASE(breaks_after_spaces) {
  BOOST_TEST(describe("the quick  brown") == "4:Space 11:Space 16:Other!");
  BOOST_TEST(pieces("the quick  brown") == "the |quick  |brown");
}

BOOST_AUTO_TEST_CASE(newlines_are_mandatory) {
  BOOST_TEST(describe("one\ntwo") == "4:Space! 7:Other!");
  BOOST_TEST(describe("one\u2028two") == "6:Space! 9:Other!");
}

BOOST_AUTO_TEST_CASE(hyphen_compound_breaks_after_the_hyphen) {
  BOOST_TEST(describe("tie-ups") == "4:Hyphen 7:Other!");
  BOOST_TEST(describe("Sino-US tie-ups") == "5:Hyphen 8:Space 12:Hyphen 15:Other!");
  // UAX #14 keeps a hyphen with a following number: no break in "10-20".
  BOOST_TEST(describe("10-20") == "5:Other!");
}

BOOST_AUTO_TEST_CASE(en_dash_counts_as_hyphen) {
  BOOST_TEST(describe("Beijing\u2013Shanghai") == "10:Hyphen 18:Other!");
}

BOOST_AUTO_TEST_CASE(soft_hyphen) {
  // "hy" + U+00AD (2 bytes) + "phen"
  BOOST_TEST(describe("hy\u00ADphen") == "4:Soft 8:Other!");
}

BOOST_AUTO_TEST_CASE(em_dash_between_spaces) {
  // U+2014 is 3 bytes: "2002 " [5] + "— " [4] + "after" [5]. No line starts with the dash:
  // the break is after it only.
  BOOST_TEST(pieces("2002 \u2014 after") == "2002 \u2014 |after");
  BOOST_TEST(describe("2002 \u2014 after") == "9:Space 14:Other!");
}

BOOST_AUTO_TEST_CASE(em_dash_between_letters) {
  // A break after the dash, kind Other (no hyphen is added, none is implied); none before it.
  BOOST_TEST(describe("a\u2014b") == "4:Other 5:Other!");
}

BOOST_AUTO_TEST_CASE(email_breaks_after_at_and_before_dots) {
  const std::string text = "write to mengjing@chinadaily.com.cn today";
  BOOST_TEST(pieces(text) == "write |to |mengjing@|chinadaily|.com|.cn |today");
  BOOST_TEST(describe(text) == "6:Space 9:Space 18:Url 28:Url 32:Url 36:Space 41:Other!");
}

BOOST_AUTO_TEST_CASE(url_breaks_never_leave_a_single_character) {
  // "x@" then "y" would be a one-letter piece, so there is no break before ".com".
  BOOST_TEST(pieces("mail x@y.com") == "mail |x@|y.com");
  // After '/' but not between the slashes of "//", and not before a final one-letter part.
  BOOST_TEST(pieces("see https://example.org/a/b") == "see |https://|example|.org/|a/b");
  BOOST_TEST(pieces("www.example.com/path/x") == "www|.example|.com/|path/x");
}

BOOST_AUTO_TEST_CASE(no_break_before_sentence_period_after_address) {
  const std::string text = "reach us at x@y.com.";
  BOOST_TEST(pieces(text) == "reach |us |at |x@|y.com.");
  for (const BreakOpportunity& b : find_line_breaks(text)) {
    BOOST_TEST(b.offset != text.size() - 1);
  }
  BOOST_TEST(pieces("(mengjing@chinadaily.com.cn).") == "(mengjing@|chinadaily|.com|.cn).");
}

BOOST_AUTO_TEST_CASE(icu_breaks_inside_addresses_are_dropped) {
  // Outside addresses ICU breaks after '/', inside them only our Url breaks remain.
  BOOST_TEST(describe("ab/cd/ef") == "3:Other 6:Other 8:Other!");
  BOOST_TEST(describe("http://a.b/c//d") == "7:Url 11:Url 15:Other!");
}

BOOST_AUTO_TEST_CASE(abbreviations_are_not_addresses) {
  BOOST_TEST(!looks_like_url_or_email("U.S."));
  BOOST_TEST(!looks_like_url_or_email("Co.."));
  BOOST_TEST(!looks_like_url_or_email("e.g."));
  BOOST_TEST(!looks_like_url_or_email("i.e.,"));
  BOOST_TEST(!looks_like_url_or_email("Ph.D."));
  BOOST_TEST(!looks_like_url_or_email("St.Louis"));
  BOOST_TEST(!looks_like_url_or_email("end.so"));
  BOOST_TEST(!looks_like_url_or_email("3.5"));
  BOOST_TEST(!looks_like_url_or_email("@xinhua"));
  BOOST_TEST(!looks_like_url_or_email("www."));
  BOOST_TEST(!looks_like_url_or_email(""));
  BOOST_TEST(pieces("the U.S. and Co.. e.g. this") == "the |U.S. |and |Co.. |e.g. |this");
}

BOOST_AUTO_TEST_CASE(addresses_are_recognised) {
  BOOST_TEST(looks_like_url_or_email("mengjing@chinadaily.com.cn"));
  BOOST_TEST(looks_like_url_or_email("masi@chinadaily.com.cn,"));
  BOOST_TEST(looks_like_url_or_email("https://example.org/a"));
  BOOST_TEST(looks_like_url_or_email("HTTP://EXAMPLE.ORG"));
  BOOST_TEST(looks_like_url_or_email("www.example.com"));
  BOOST_TEST(looks_like_url_or_email("chinadaily.com.cn"));
  BOOST_TEST(looks_like_url_or_email("(chinadaily.com.cn)."));
  BOOST_TEST(looks_like_url_or_email("\u201Cbbc.co.uk\u201D"));
  BOOST_TEST(looks_like_url_or_email("xinhuanet.com/english"));
}

BOOST_AUTO_TEST_CASE(offsets_are_bytes_and_sorted_unique) {
  const std::string text = "Zhōngguó \u2014 caf\u00E9-bar, x@y.com.cn\nend";
  const auto breaks = find_line_breaks(text);
  BOOST_REQUIRE(!breaks.empty());
  BOOST_TEST(breaks.back().offset == text.size());
  BOOST_TEST(breaks.back().mandatory);
  for (std::size_t i = 1; i < breaks.size(); ++i) {
    BOOST_TEST(breaks[i - 1].offset < breaks[i].offset);
  }
  for (const BreakOpportunity& b : breaks) {
    BOOST_TEST(b.offset > 0u);
    // Never in the middle of a UTF-8 sequence.
    if (b.offset < text.size())
      BOOST_TEST((static_cast<unsigned char>(text[b.offset]) & 0xC0) != 0x80);
  }
}
