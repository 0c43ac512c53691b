// text/unicode.h: the one UTF-8 decoder, letter classes, case mapping and word segmentation,
// on non-ASCII text.
#define BOOST_TEST_MODULE unicode
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "text/unicode.h"

using namespace broadsheet::text;

namespace {

// The words (segments with letters or digits) of `text`, as strings.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (const WordSegment& s : word_boundaries(text)) {
    if (s.is_word) words.emplace_back(text.substr(s.range.begin, s.range.end - s.range.begin));
  }
  return words;
}

std::vector<std::string> runs_of(std::string_view text) {
  std::vector<std::string> runs;
  for (const TextRange& r : split_at_word_separators(text)) {
    runs.emplace_back(text.substr(r.begin, r.end - r.begin));
  }
  return runs;
}

}  // namespace

BOOST_AUTO_TEST_CASE(decoder_gives_code_points_and_byte_ranges) {
  const std::string text = "\u00c9a\u20ac\U0001F600";  // 2 + 1 + 3 + 4 bytes
  const std::vector<CodePoint> cps = decode_utf8(text);
  BOOST_TEST_REQUIRE(cps.size() == 4u);
  BOOST_TEST((cps[0].value == U'\u00c9'));
  BOOST_TEST((cps[2].value == U'\u20ac'));
  BOOST_TEST((cps[3].value == U'\U0001F600'));
  BOOST_TEST(cps[2].begin == 3u);
  BOOST_TEST(cps[2].end == 6u);
  BOOST_TEST(cps[3].end == 10u);
  const CodePoint last = previous_code_point(text, text.size());
  BOOST_TEST((last.value == U'\U0001F600'));
  BOOST_TEST(last.begin == 6u);
  BOOST_TEST((previous_code_point(text, 6).value == U'\u20ac'));
  BOOST_TEST((next_code_point(text, 3).value == U'\u20ac'));
}

BOOST_AUTO_TEST_CASE(malformed_bytes_decode_as_replacement_characters) {
  const std::vector<CodePoint> cps = decode_utf8(
      "a\xFF"
      "b\xE2\x82");
  BOOST_TEST_REQUIRE(cps.size() == 4u);
  BOOST_TEST((cps[1].value == kReplacementCharacter));
  BOOST_TEST((cps[2].value == U'b'));
  BOOST_TEST((cps[3].value == kReplacementCharacter));
  BOOST_TEST(cps[3].end == 5u);
  BOOST_TEST(!is_letter(kReplacementCharacter));
}

BOOST_AUTO_TEST_CASE(append_utf8_round_trips) {
  std::string out;
  for (char32_t c : {U'A', U'\u00df', U'\u0416', U'\u4e2d', U'\U0001F600'}) append_utf8(out, c);
  BOOST_TEST(out == "A\u00df\u0416\u4e2d\U0001F600");
}

BOOST_AUTO_TEST_CASE(letter_classes_beyond_ascii) {
  for (char32_t c : {U'\u00c9', U'\u00c4', U'\u0394', U'\u0416', U'\u01c5'}) {
    BOOST_TEST(is_uppercase(c));
    BOOST_TEST(is_letter(c));
  }
  for (char32_t c : {U'\u00e9', U'\u00df', U'\u03b4', U'\u0436', U'\u4e2d', U'7'}) {
    BOOST_TEST(!is_uppercase(c));
  }
  BOOST_TEST(is_letter(U'\u4e2d'));
  BOOST_TEST(!is_letter(U'\u2019'));
  BOOST_TEST(!is_letter(U'\u2014'));
  BOOST_TEST(is_digit(U'7'));
  BOOST_TEST(is_digit(U'\u0663'));  // Arabic-Indic three
  BOOST_TEST(!is_digit(U'x'));
  BOOST_TEST(is_mark(U'\u0301'));
  BOOST_TEST(is_white_space(U'\u00a0'));
  BOOST_TEST(!is_word_separator(U'\u00a0'));  // no-break space glues
  BOOST_TEST(!is_word_separator(U'\u202f'));
  BOOST_TEST(is_word_separator(U'\u2003'));  // em space
  BOOST_TEST(is_word_separator(U'\t'));
  for (char32_t c : {U'.', U',', U'?', U')', U'\u201d', U'\u2019', U'\u00bb', U'"', U'\u3002'}) {
    BOOST_TEST(is_closing_punctuation(c));
  }
  for (char32_t c : {U'a', U'5', U'%', U'\u00e9', U'-'}) BOOST_TEST(!is_closing_punctuation(c));
  BOOST_TEST((simple_lower(U'\u00c4') == U'\u00e4'));
  BOOST_TEST((simple_lower(U'\u0416') == U'\u0436'));
}

BOOST_AUTO_TEST_CASE(case_mapping_is_full_and_locale_aware) {
  BOOST_TEST(to_upper("stra\u00dfe") == "STRASSE");
  BOOST_TEST(to_upper("Thursday, Bras\u00edlia") == "THURSDAY, BRAS\u00cdLIA");  // folio labels
  BOOST_TEST(to_upper("\u00e9mile") == "\u00c9MILE");
  BOOST_TEST(to_upper("\u0436\u0438\u0437\u043d\u044c") == "\u0416\u0418\u0417\u041d\u042c");
  // Greek drops the accent in capitals.
  BOOST_TEST(to_upper("\u03ac\u03bb\u03c6\u03b1", "el") == "\u0391\u039b\u03a6\u0391");
  BOOST_TEST(to_upper("istanbul", "tr") == "\u0130STANBUL");
  BOOST_TEST(to_upper("istanbul", "en") == "ISTANBUL");
  BOOST_TEST(to_lower("\u00c4RGER") == "\u00e4rger");
  BOOST_TEST(to_lower("\u039f\u0394\u039f\u03a3", "el") ==
             "\u03bf\u03b4\u03bf\u03c2");  // final sigma
}

BOOST_AUTO_TEST_CASE(word_segmentation_follows_uax29) {
  BOOST_TEST(words_of("\u00c9mile's caf\u00e9, \u00c4RGER!") ==
                 (std::vector<std::string>{"\u00c9mile's", "caf\u00e9", "\u00c4RGER"}),
             boost::test_tools::per_element());
  BOOST_TEST(words_of("\u0416\u0438\u0437\u043d\u044c \u2014 \u03b6\u03c9\u03ae 2015") ==
                 (std::vector<std::string>{"\u0416\u0438\u0437\u043d\u044c", "\u03b6\u03c9\u03ae",
                                           "2015"}),
             boost::test_tools::per_element());
  // The segments cover the text without gaps.
  const std::string text = "A \u00e9t\u00e9, b.";
  std::size_t covered = 0;
  for (const WordSegment& s : word_boundaries(text)) {
    BOOST_TEST(s.range.begin == covered);
    covered = s.range.end;
  }
  BOOST_TEST(covered == text.size());
  BOOST_TEST(word_boundaries("").empty());
}

BOOST_AUTO_TEST_CASE(runs_between_word_separators) {
  BOOST_TEST(runs_of("  tie-ups,\u2003Jupiter\u2019s\tmoon ") ==
                 (std::vector<std::string>{"tie-ups,", "Jupiter\u2019s", "moon"}),
             boost::test_tools::per_element());
  BOOST_TEST(runs_of("10\u00a0km away") == (std::vector<std::string>{"10\u00a0km", "away"}),
             boost::test_tools::per_element());
  BOOST_TEST(runs_of(" \t ").empty());
}

BOOST_AUTO_TEST_CASE(trimming_white_space) {
  BOOST_TEST(trim_white_space("\u3000 \u00c9t\u00e9\r\n\u2003") == "\u00c9t\u00e9");
  BOOST_TEST(trim_white_space(" \t").empty());
  BOOST_TEST(trim_white_space("a") == "a");
}
