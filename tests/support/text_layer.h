#pragma once
// A PDF's text layer read back as the words of the article it was set from: line-end hyphens
// rejoined, so tests can compare it with the source word for word.

#include <algorithm>
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

/// Word boxes read back as the source's words, in reading order: column by column (`column_of`
/// numbers a box's column), top to bottom, left to right. A word ending a line in a hyphen joins
/// the next line's first word: the hyphen stays when only the hyphenated form is a word of
/// `source` (the compound's own, "tie-|ups"), else it was the breaker's ("hy-|phen"). A line
/// ends where the next box's bottom is more than 2 pt away or the column changes.
template <class ColumnOf>
std::vector<std::string> reading_order(std::vector<PdfWord> words, ColumnOf column_of,
                                       const std::vector<std::string>& source) {
  std::stable_sort(words.begin(), words.end(), [&](const PdfWord& a, const PdfWord& b) {
    if (column_of(a) != column_of(b)) return column_of(a) < column_of(b);
    if (std::abs(a.y1 - b.y1) > 2) return a.y1 < b.y1;
    return a.x0 < b.x0;
  });
  const std::set<std::string> source_words(source.begin(), source.end());
  std::vector<std::string> out;
  bool joining = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    if (joining) {
      const std::string stem = out.back().substr(0, out.back().size() - 1);
      const bool compound =
          source_words.count(stem + "-" + w) > 0 && source_words.count(stem + w) == 0;
      out.back() = compound ? stem + "-" + w : stem + w;
      joining = false;
    } else {
      out.push_back(w);
    }
    const bool line_end = i + 1 == words.size() || std::abs(words[i + 1].y1 - words[i].y1) > 2 ||
                          column_of(words[i + 1]) != column_of(words[i]);
    joining = line_end && w.size() > 1 && w.back() == '-';
  }
  return out;
}

}  // namespace broadsheet::testing
