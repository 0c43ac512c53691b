#pragma once
// A hyphenation dictionary per language: Debian's hyphen-* packages install libhyphen
// dictionaries as /usr/share/hyphen/hyph_<ll>[_<CC>].dic (hyphen-de, hyphen-fr, hyphen-ru,
// hyphen-en-us). English (and text of no language) uses the engine's configured dictionary;
// other languages load theirs on first use. A language without a dictionary is not hyphenated
// (English patterns would break a German word in the wrong places).

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "text/hyphenator.h"

namespace broadsheet::text {

class HyphenatorSet {
 public:
  /// `english` serves "", "en" and "en-*"; others are looked up in `folder`.
  HyphenatorSet(const Hyphenator* english, std::string folder = "/usr/share/hyphen");

  /// The dictionary for `language` (BCP 47), or null when there is none. Thread-safe.
  const Hyphenator* for_language(std::string_view language) const;

  /// The .dic file for `language` in the folder, empty when there is none.
  std::string dictionary_path(std::string_view language) const;

  /// The minimum letters before and after a hyphen customary for `language`: German and
  /// Russian two and two; English and French at least two and three; others as `rules` say.
  static HyphenationRules rules_for(std::string_view language, HyphenationRules rules);

 private:
  const Hyphenator* english_;
  std::string folder_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<Hyphenator>> loaded_;  ///< by primary subtag
};

}  // namespace broadsheet::text
