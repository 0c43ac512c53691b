#pragma once
// A PDF's text layer read back as the words of the article it was set from: line-end hyphens
// rejoined, so tests can compare it with the source word for word.

#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace broadsheet::testing {

/// The words of `text`, split at white space.
inline std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

/// Word boxes in reading order read back as the source's words. A word ending a line in a
/// hyphen joins the next line's first word: the hyphen stays when only the hyphenated form is a
/// word of `source` (the compound's own, "tie-|ups"), else it was the breaker's ("hy-|phen"). A
/// line ends where the next box's bottom is more than 2 pt away.
inline std::vector<std::string> rejoined_words(const std::vector<PdfWord>& ordered,
                                               const std::vector<std::string>& source) {
  const std::set<std::string> source_words(source.begin(), source.end());
  std::vector<std::string> out;
  bool joining = false;
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    const std::string& w = ordered[i].text;
    if (joining) {
      const std::string stem = out.back().substr(0, out.back().size() - 1);
      const bool compound =
          source_words.count(stem + "-" + w) > 0 && source_words.count(stem + w) == 0;
      out.back() = compound ? stem + "-" + w : stem + w;
      joining = false;
    } else {
      out.push_back(w);
    }
    const bool line_end =
        i + 1 == ordered.size() || std::abs(ordered[i + 1].y1 - ordered[i].y1) > 2;
    joining = line_end && w.size() > 1 && w.back() == '-';
  }
  return out;
}

}  // namespace broadsheet::testing
