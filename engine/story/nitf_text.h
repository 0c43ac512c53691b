#pragma once
// The text of NITF elements: inline content gathered into one paragraph with its em/strong
// spans, white space collapsed as XML text is displayed, and positions turned into lines.

#include <cstddef>
#include <functional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "story/story.h"

namespace broadsheet::story::nitf {

/// Byte offsets of an XML text turned into 1-based lines and columns (columns in bytes).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  int line_of(std::ptrdiff_t offset) const;
  int column_of(std::ptrdiff_t offset) const;
  int line_of(const pugi::xml_node& node) const { return line_of(node.offset_debug()); }

 private:
  std::vector<std::size_t> line_starts_;
};

/// Called for an element the inline reader does not know: its name and line.
using UnknownElementFn = std::function<void(const pugi::xml_node&)>;

/// The deepest element nesting the readers follow; deeper input is an error (no stack
/// overflow on hostile files).
constexpr int kMaxDepth = 64;

/// Gathers inline content: text with white space collapsed to single spaces (and none at the
/// ends), em and strong as InlineSpans over the gathered bytes. Other inline elements (person,
/// location, a, q, ...) give their text; <br/> a space. Nested em/strong take the outer style.
class InlineText {
 public:
  explicit InlineText(UnknownElementFn on_unknown) : on_unknown_(std::move(on_unknown)) {}
  /// Appends the content of `element` (not the element's own style).
  void append_children(const pugi::xml_node& element, int depth = 0);
  /// A space between two pieces, collapsed with any other.
  void separate() { pending_space_ = !text_.empty(); }
  /// The paragraph gathered so far; spans trimmed to the text and empty ones dropped.
  Paragraph take(int source_line);
  bool empty() const { return text_.empty(); }

 private:
  void append_text(std::string_view text);
  void append_element(const pugi::xml_node& element, int depth);

  UnknownElementFn on_unknown_;
  std::string text_;
  std::vector<InlineSpan> spans_;
  bool pending_space_ = false;
  bool in_span_ = false;
};

/// True for the inline elements of NITF 3.x that are read for their text.
bool is_inline_element(std::string_view name);

/// The xml:lang in force at `node` (its own or its nearest ancestor's); empty when none.
std::string language_of(const pugi::xml_node& node);

}  // namespace broadsheet::story::nitf
