#pragma once
// Hyphenation points by Liang's patterns through libhyphen and Debian's hyph_en_US dictionary.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::text {

/// Which words may be hyphenated, and where.
struct HyphenationRules {
  int min_word_letters = 6;  ///< shorter words are never hyphenated
  int min_before = 2;        ///< letters before the hyphen
  int min_after = 3;         ///< letters after the hyphen
  bool capitalized = true;   ///< allow capitalised words ("Russian"); acronyms never
};

/// A loaded hyphenation dictionary (RAII over libhyphen's HyphenDict).
class Hyphenator {
 public:
  /// Loads a libhyphen .dic file; throws InputError naming the path when it cannot.
  explicit Hyphenator(const std::string& dictionary_path);
  ~Hyphenator();
  Hyphenator(Hyphenator&&) noexcept;
  Hyphenator& operator=(Hyphenator&&) noexcept;

  /// The default dictionary: $BROADSHEET_HYPHEN_DICT, else /usr/share/hyphen/hyph_en_US.dic
  /// (Debian's hyphen-en-us).
  static std::string default_dictionary_path();

  /// Byte offsets inside `word` (a space-free token, valid UTF-8, possibly with leading or
  /// trailing punctuation such as quotes, commas, periods) where a hyphen may be inserted,
  /// increasing. Empty for words the rules exclude: too short, acronyms (two or more capitals),
  /// containing digits, URLs and e-mail addresses, capitalised words when rules.capitalized is
  /// false. Parts of a word around an explicit hyphen ("small-business") are hyphenated each on
  /// its own; no point is placed next to an explicit hyphen.
  std::vector<std::size_t> points(std::string_view word, const HyphenationRules& rules) const;

  /// The word with '-' at each point ("hy-phen-ation"), for the CLI and tests.
  std::string show(std::string_view word, const HyphenationRules& rules) const;

 private:
  struct Dict;
  std::unique_ptr<Dict> dict_;
};

}  // namespace broadsheet::text
