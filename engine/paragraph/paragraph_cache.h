#pragma once
// Prepared paragraphs kept for re-use: a copyfit composes one story dozens of times with other
// headline sizes or looseness, and must not reshape text that has not changed. Two levels: the
// shaped paragraph (words, glyphs, break points) depends only on the text, face, size, tracking
// and hyphenation; the items also on justification, alignment and indent. A new looseness
// builds new items from the shaped paragraph it already has, a new tracking derives its shaped
// paragraph from the untracked one.

#include <map>
#include <string>

#include "paragraph/typeset.h"

namespace broadsheet::paragraph {

class ParagraphCache {
 public:
  /// The prepared paragraph for this text, style and indent, shaping it on first use. The
  /// reference stays valid as long as the cache.
  const PreparedParagraph& get(const font::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                               const std::string& text, const ParagraphStyle& style,
                               bool indent_first_line);
  std::size_t size() const { return entries_.size(); }

 private:
  /// The shaped paragraph for this text and style, made on first use.
  const ShapedParagraph& shaped(const font::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                                const std::string& text, const ParagraphStyle& style);

  std::map<std::string, PreparedParagraph> entries_;
  std::map<std::string, ShapedParagraph> shaped_;
};

}  // namespace broadsheet::paragraph
