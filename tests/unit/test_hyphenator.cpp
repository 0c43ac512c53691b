#define BOOST_TEST_MODULE hyphenator
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "text/hyphenator.h"

using broadsheet::InputError;
using broadsheet::text::HyphenationRules;
using broadsheet::text::Hyphenator;
using Points = std::vector<std::size_t>;

namespace {

/// One dictionary for the whole module: loading it takes a few milliseconds.
const Hyphenator& english() {
  static const Hyphenator hyphenator(Hyphenator::default_dictionary_path());
  return hyphenator;
}

/// The word with its points shown, logged so that a dictionary update is easy to review.
std::string shown(const std::string& word, const HyphenationRules& rules = {}) {
  std::string result = english().show(word, rules);
  BOOST_TEST_MESSAGE(word << " -> " << result);
  return result;
}

Points points(const std::string& word, const HyphenationRules& rules = {}) {
  return english().points(word, rules);
}

}  // namespace

// Points as given by Debian's hyph_en_US (Liang's US patterns plus its exception list).
BOOST_AUTO_TEST_CASE(dictionary_words) {
  BOOST_TEST(shown("hyphenation") == "hy-phen-ation");
  BOOST_TEST(points("hyphenation") == (Points{2, 6}), boost::test_tools::per_element());
  BOOST_TEST(shown("international") == "in-ter-na-tional");
  BOOST_TEST(shown("infrastructure") == "in-fra-struc-ture");
  BOOST_TEST(shown("cooperation") == "co-op-er-a-tion");
  BOOST_TEST(shown("entrepreneur") == "en-tre-pre-neur");
  // The plural is not in the exception list and the patterns alone find only one point.
  BOOST_TEST(shown("entrepreneurs") == "en-trepreneurs");
  BOOST_TEST(shown("government") == "gov-ern-ment");
  BOOST_TEST(shown("administration") == "ad-min-is-tra-tion");
}

BOOST_AUTO_TEST_CASE(six_letter_words_are_long_enough_by_default) {
  BOOST_TEST(shown("market") == "mar-ket");
  BOOST_TEST(shown("Russia") == "Rus-sia");
  HyphenationRules seven;
  seven.min_word_letters = 7;
  BOOST_TEST(points("market", seven).empty());
  BOOST_TEST(points("Russia", seven).empty());
  BOOST_TEST(shown("small").find('-') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(acronyms_are_never_hyphenated) {
  // Two or more capitals anywhere make a word an acronym or a brand to leave alone.
  BOOST_TEST(points("NASA").empty());
  BOOST_TEST(points("UNESCO's").empty());
  BOOST_TEST(points("AliExpress").empty());
  BOOST_TEST(points("INTERNATIONAL").empty());
}

BOOST_AUTO_TEST_CASE(numbers_and_addresses_are_never_hyphenated) {
  BOOST_TEST(points("2015").empty());
  BOOST_TEST(points("international2015").empty());
  BOOST_TEST(points("mengjing@chinadaily.com.cn").empty());
  BOOST_TEST(points("chinadaily.com.cn,").empty());
  BOOST_TEST(points("https://international.example.org").empty());
}

BOOST_AUTO_TEST_CASE(possessives_hyphenate_the_stem_only) {
  const Points stem = points("Alibaba");
  BOOST_TEST(shown("Alibaba") == "Al-ibaba");
  BOOST_TEST(points("Alibaba's") == stem, boost::test_tools::per_element());
  BOOST_TEST(points("Alibaba\u2019s") == stem, boost::test_tools::per_element());
  BOOST_TEST(shown("administration\u2019s") == "ad-min-is-tra-tion\u2019s");
  BOOST_TEST(shown("companies\u2019") == "com-pa-nies\u2019");
}

BOOST_AUTO_TEST_CASE(compounds_hyphenate_each_part) {
  // "small" is too short on its own; no point next to the explicit hyphen.
  BOOST_TEST(shown("small-business") == "small-busi-ness");
  BOOST_TEST(points("small-business") == (Points{10}), boost::test_tools::per_element());
  BOOST_TEST(shown("e-commerce") == "e-com-merce");
  BOOST_TEST(shown("state-owned") == "state-owned");
  BOOST_TEST(shown("development\u2014and") == "de-vel-op-ment\u2014and");
  for (const std::string word : {"small-business", "e-commerce", "cooperation-oriented"}) {
    for (std::size_t point : points(word)) {
      BOOST_TEST(word[point - 1] != '-');
      BOOST_TEST(word[point] != '-');
    }
  }
}

BOOST_AUTO_TEST_CASE(punctuation_and_quotes_are_stripped_offsets_stay_in_the_word) {
  // "“" is 3 bytes, so "entertainment" starts at byte 3: en-ter-tain-ment -> 5, 8, 12.
  const std::string quoted = "\u201Centertainment,\u201D";
  BOOST_TEST(shown(quoted) == "\u201Cen-ter-tain-ment,\u201D");
  BOOST_TEST(points(quoted) == (Points{5, 8, 12}), boost::test_tools::per_element());
  BOOST_TEST(shown("(government).") == "(gov-ern-ment).");
  BOOST_TEST(shown("hyphenation?!") == "hy-phen-ation?!");
}

BOOST_AUTO_TEST_CASE(utf8_words_use_code_points) {
  // libhyphen reports UTF-8 results per character; points land between code points.
  BOOST_TEST(shown("r\u00E9sum\u00E9") == "r\u00E9-sum\u00E9");
  BOOST_TEST(points("r\u00E9sum\u00E9") == (Points{3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(min_before_and_min_after_are_respected) {
  HyphenationRules rules;
  rules.min_before = 3;
  BOOST_TEST(shown("hyphenation", rules) == "hyphen-ation");
  rules = {};
  rules.min_after = 5;
  BOOST_TEST(shown("cooperation", rules) == "co-op-er-ation");
  rules.min_after = 6;
  BOOST_TEST(shown("hyphenation", rules) == "hy-phenation");
}

BOOST_AUTO_TEST_CASE(capitalised_words_can_be_excluded) {
  HyphenationRules no_capitals;
  no_capitals.capitalized = false;
  BOOST_TEST(shown("Russian") == "Rus-sian");
  BOOST_TEST(points("Russian", no_capitals).empty());
  BOOST_TEST(points("Medvedev", no_capitals).empty());
  // The patterns find nothing in "Medvedev" anyway.
  BOOST_TEST(points("Medvedev").empty());
  BOOST_TEST(shown("\u201CRussian", no_capitals) == "\u201CRussian");
  BOOST_TEST(shown("Sino-Russian") == "Sino-Rus-sian");
  BOOST_TEST(shown("anti-government", no_capitals) == "anti-gov-ern-ment");
}

BOOST_AUTO_TEST_CASE(missing_dictionary_throws_input_error) {
  const std::string path = "/nonexistent/hyph_xx.dic";
  try {
    Hyphenator hyphenator(path);
    BOOST_FAIL("no exception");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().file == path);
    BOOST_TEST(error.message() == "cannot load hyphenation dictionary");
  }
}

BOOST_AUTO_TEST_CASE(moved_hyphenator_keeps_working) {
  Hyphenator first(Hyphenator::default_dictionary_path());
  Hyphenator second(std::move(first));
  BOOST_TEST(second.show("hyphenation", {}) == "hy-phen-ation");
  Hyphenator third(Hyphenator::default_dictionary_path());
  third = std::move(second);
  BOOST_TEST(third.show("market", {}) == "mar-ket");
}

BOOST_AUTO_TEST_CASE(dictionary_path_from_environment) {
  const char* saved = std::getenv("BROADSHEET_HYPHEN_DICT");
  const std::string previous = saved != nullptr ? saved : "";
  ::setenv("BROADSHEET_HYPHEN_DICT", "/tmp/custom.dic", 1);
  BOOST_TEST(Hyphenator::default_dictionary_path() == "/tmp/custom.dic");
  ::unsetenv("BROADSHEET_HYPHEN_DICT");
  BOOST_TEST(Hyphenator::default_dictionary_path() == "/usr/share/hyphen/hyph_en_US.dic");
  if (saved != nullptr) ::setenv("BROADSHEET_HYPHEN_DICT", previous.c_str(), 1);
}
