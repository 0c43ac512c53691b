#pragma once
// The one fake "font" of the breaker tests: every character is one unit wide, so line widths
// are character counts and expected breaks can be worked out by hand.

#include <string>
#include <string_view>
#include <vector>

#include "linebreak/items.h"

namespace broadsheet::testing {

/// Items of a constant-width paragraph, with the text each item stands for.
struct ConstantWidthParagraph {
  linebreak::ItemList items;
  std::vector<std::string> text;  ///< per item: the fragment, " " for glue, "" otherwise
};

/// Every character is a 1-unit box, a space is glue of 1 (stretch 0.5, shrink 0.33), and '-'
/// inside a word marks a discretionary hyphen (penalty: width 1, 50, flagged).
inline ConstantWidthParagraph constant_width_paragraph(std::string_view words) {
  ConstantWidthParagraph p;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t end = words.find(' ', i);
    if (end == std::string_view::npos) end = words.size();
    if (!p.text.empty()) {
      p.items.add_glue(1, 0.5, 0.33);
      p.text.emplace_back(" ");
    }
    std::string_view word = words.substr(i, end - i);
    for (std::size_t hyphen; (hyphen = word.find('-')) != std::string_view::npos;) {
      p.items.add_box(static_cast<double>(hyphen));
      p.text.emplace_back(word.substr(0, hyphen));
      p.items.add_penalty(1, 50, true);
      p.text.emplace_back();
      word.remove_prefix(hyphen + 1);
    }
    p.items.add_box(static_cast<double>(word.size()));
    p.text.emplace_back(word);
    i = end + 1;
  }
  p.items.add_paragraph_end();
  p.text.resize(p.items.size());
  return p;
}

/// The text of each line a breaker chose, with "-" where it ends at a hyphen.
inline std::vector<std::string> line_texts(const ConstantWidthParagraph& p,
                                           const std::vector<linebreak::BrokenLine>& lines) {
  std::vector<std::string> out;
  for (const linebreak::BrokenLine& line : lines) {
    std::string s;
    for (std::size_t i = line.start; i < line.brk; ++i) s += p.text[i];
    out.push_back(s + (line.hyphenated ? "-" : ""));
  }
  return out;
}

}  // namespace broadsheet::testing
