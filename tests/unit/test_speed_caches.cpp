// The caches that make a render cheap: the compiled hyphenation patterns (text/
// hyphen_patterns_cache.h) must hyphenate exactly as the parsed dictionary, survive corrupt or
// stale files; the word-shape cache (shape/word_shape_cache.h) must give what shaping gives.

#define BOOST_TEST_MODULE speed_caches
#include <hyphen.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "shape/shaper.h"
#include "shape/word_shape_cache.h"
#include "test_support.h"
#include "text/hyphen_patterns_cache.h"
#include "text/hyphenator.h"

namespace fs = std::filesystem;
using namespace broadsheet;

namespace {

/// A fresh folder under test-out with a copy of the dictionary (so its time can change).
struct Scratch {
  fs::path folder;
  std::string dictionary;
  std::string cache;
  explicit Scratch(const std::string& name)
      : folder(broadsheet::testing::test_out(name)),
        dictionary((folder / "hyph_test.dic").string()),
        cache((folder / "cache").string()) {
    fs::remove_all(folder);
    fs::create_directories(folder);
    fs::copy_file(text::Hyphenator::default_dictionary_path(), dictionary);
  }
  std::vector<fs::path> cache_files() const {
    std::vector<fs::path> files;
    if (fs::exists(cache))
      for (const auto& entry : fs::directory_iterator(cache)) files.push_back(entry.path());
    return files;
  }
};

/// Every word of the sample articles, lower-cased ASCII letters only.
std::vector<std::string> sample_words() {
  std::vector<std::string> words;
  for (const auto& entry :
       fs::directory_iterator(std::string(BROADSHEET_SOURCE_DIR) + "/tests/articles")) {
    std::ifstream in(entry.path());
    for (std::string word; in >> word;) {
      std::string letters;
      for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c)))
          letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (letters.size() >= 4) words.push_back(letters);
    }
  }
  return words;
}

/// The hyphenation vectors libhyphen gives for `words` with `dict`.
std::vector<std::string> hyphenate_all(HyphenDict* dict, const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& word : words) {
    std::vector<char> hyphens(word.size() + 5, '\0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(),
                          nullptr, &rep, &pos, &cut);
    out.emplace_back(hyphens.data());
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(compiled_patterns_hyphenate_as_the_parsed_dictionary) {
  const Scratch scratch("hyphen_cache_same");
  const text::HyphenPatterns parsed = text::HyphenPatterns::load(scratch.dictionary, "");
  const text::HyphenPatterns first = text::HyphenPatterns::load(scratch.dictionary, scratch.cache);
  BOOST_TEST(!first.from_cache());
  BOOST_TEST(scratch.cache_files().size() == 1u);
  const text::HyphenPatterns second = text::HyphenPatterns::load(scratch.dictionary, scratch.cache);
  BOOST_REQUIRE(second.from_cache());
  const std::vector<std::string> words = sample_words();
  BOOST_REQUIRE_GT(words.size(), 3000u);
  const auto expected = hyphenate_all(parsed.get(), words);
  BOOST_TEST((hyphenate_all(second.get(), words) == expected));
  // Some words really are hyphenated (odd digits mark the points).
  BOOST_TEST(hyphenate_all(second.get(), {"hyphenation"})[0].find_first_of("13579") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_compiled_file_is_used_in_place_or_moved_and_hyphenates_alike) {
  const Scratch scratch("hyphen_cache_mapped");
  const text::HyphenPatterns parsed = text::HyphenPatterns::load(scratch.dictionary, "");
  text::HyphenPatterns::load(scratch.dictionary, scratch.cache);  // writes the compiled file
  const text::HyphenPatterns in_place =
      text::HyphenPatterns::load(scratch.dictionary, scratch.cache);
  BOOST_REQUIRE(in_place.from_cache());
  BOOST_TEST(in_place.mapped_in_place());
  // While the first is loaded its address is taken: the second copies the states and moves
  // their pointers.
  const text::HyphenPatterns moved = text::HyphenPatterns::load(scratch.dictionary, scratch.cache);
  BOOST_REQUIRE(moved.from_cache());
  BOOST_TEST(!moved.mapped_in_place());
  const std::vector<std::string> words = sample_words();
  const auto expected = hyphenate_all(parsed.get(), words);
  BOOST_TEST((hyphenate_all(in_place.get(), words) == expected));
  BOOST_TEST((hyphenate_all(moved.get(), words) == expected));
}

BOOST_AUTO_TEST_CASE(a_corrupt_cache_is_replaced_and_never_trusted) {
  const Scratch scratch("hyphen_cache_corrupt");
  text::HyphenPatterns::load(scratch.dictionary, scratch.cache);
  const fs::path file = scratch.cache_files().at(0);
  const auto size = fs::file_size(file);
  for (const auto cut : {std::uintmax_t{10}, size / 2, size - 1}) {
    fs::resize_file(file, cut);
    const text::HyphenPatterns loaded =
        text::HyphenPatterns::load(scratch.dictionary, scratch.cache);
    BOOST_TEST(!loaded.from_cache());
    BOOST_TEST(static_cast<bool>(loaded));
    BOOST_TEST(fs::file_size(file) == size);  // written again, whole
  }
  {  // same size, scrambled tables: bounds checks refuse it
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 3));
    const std::string junk(4096, '\x7f');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  BOOST_TEST(!text::HyphenPatterns::load(scratch.dictionary, scratch.cache).from_cache());
}

BOOST_AUTO_TEST_CASE(a_changed_dictionary_is_parsed_again) {
  const Scratch scratch("hyphen_cache_stale");
  text::HyphenPatterns::load(scratch.dictionary, scratch.cache);
  fs::last_write_time(scratch.dictionary,
                      fs::last_write_time(scratch.dictionary) + std::chrono::seconds(10));
  BOOST_TEST(!text::HyphenPatterns::load(scratch.dictionary, scratch.cache).from_cache());
  BOOST_TEST(text::HyphenPatterns::load(scratch.dictionary, scratch.cache).from_cache());
}

BOOST_AUTO_TEST_CASE(a_missing_dictionary_loads_nothing) {
  const Scratch scratch("hyphen_cache_missing");
  BOOST_TEST(!text::HyphenPatterns::load(scratch.dictionary + ".nope", scratch.cache));
  BOOST_TEST(scratch.cache_files().empty());
}

BOOST_AUTO_TEST_CASE(cached_words_are_the_words_shaping_gives) {
  const font::FontRegistry& fonts = broadsheet::testing::test_fonts();
  shape::WordShapeCache& cache = *fonts.word_shapes();
  const std::size_t hits = cache.hits();
  const shape::ShapedRun first = shape::shape_text(fonts, 0, 9.5, "officially");
  const shape::ShapedRun again = shape::shape_text(fonts, 0, 9.5, "officially");
  BOOST_TEST(cache.hits() == hits + 1);
  BOOST_REQUIRE_EQUAL(first.glyphs.size(), again.glyphs.size());
  BOOST_TEST(first.glyphs.size() < std::string("officially").size());  // the "ffi" ligature
  for (std::size_t i = 0; i < first.glyphs.size(); ++i) {
    BOOST_TEST(first.glyphs[i].id == again.glyphs[i].id);
    BOOST_TEST(first.glyphs[i].advance == again.glyphs[i].advance);
  }
  // Another size, or letter spacing, is the same word scaled and tracked, not shaped again (a
  // copyfit tries many of both); features off is another word.
  const shape::ShapedRun bigger = shape::shape_text(fonts, 0, 19, "officially");
  BOOST_TEST(cache.hits() == hits + 2);
  BOOST_TEST(bigger.size == 19);
  BOOST_TEST(bigger.width() == first.width() * 2, boost::test_tools::tolerance(1e-9));
  const shape::ShapedRun tracked =
      shape::shape_text(fonts, 0, 9.5, "officially", {.tracking = 0.02});
  BOOST_TEST(cache.hits() == hits + 3);
  BOOST_REQUIRE_EQUAL(tracked.glyphs.size(), first.glyphs.size());
  for (std::size_t i = 0; i < first.glyphs.size(); ++i)
    BOOST_TEST(tracked.glyphs[i].advance == first.glyphs[i].advance + 0.02 * 9.5,
               boost::test_tools::tolerance(1e-12));
  const shape::ShapedRun no_ligatures =
      shape::shape_text(fonts, 0, 9.5, "officially", {.ligatures = false});
  BOOST_TEST(no_ligatures.glyphs.size() == std::string("officially").size());
  BOOST_TEST(cache.hits() == hits + 3);
  // Cached words are scaled and tracked as shaping did it: font units times size / units per
  // em, plus tracking times size (the words at 1000 pt are the font's units: upem is 1000).
  BOOST_REQUIRE_EQUAL(fonts.font(0).units_per_em(), 1000u);
  const shape::ShapedRun units = shape::shape_text(fonts, 0, 1000, "Wavering");
  for (const double size : {7.0, 9.5, 36.5, 52.0}) {
    const shape::ShapedRun run = shape::shape_text(fonts, 0, size, "Wavering", {.tracking = 0.01});
    BOOST_REQUIRE_EQUAL(run.glyphs.size(), units.glyphs.size());
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
      BOOST_TEST(run.glyphs[i].advance ==
                 units.glyphs[i].advance * (size / 1000.0) + 0.01 * size);  // exactly
      BOOST_TEST(run.glyphs[i].x_offset == units.glyphs[i].x_offset * (size / 1000.0));
    }
  }
}
