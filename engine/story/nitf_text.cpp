#include "story/nitf_text.h"

#include <algorithm>
#include <array>

namespace broadsheet::story::nitf {

LineIndex::LineIndex(std::string_view text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

int LineIndex::line_of(std::ptrdiff_t offset) const {
  if (offset < 0) return 0;
  const auto after =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(offset));
  return static_cast<int>(after - line_starts_.begin());
}

int LineIndex::column_of(std::ptrdiff_t offset) const {
  const int line = line_of(offset);
  if (line <= 0) return 0;
  return static_cast<int>(static_cast<std::size_t>(offset) - line_starts_[std::size_t(line - 1)]) +
         1;
}

bool is_inline_element(std::string_view name) {
  static constexpr std::array<std::string_view, 34> kInline = {"a",
                                                               "alt-code",
                                                               "br",
                                                               "byttl",
                                                               "chron",
                                                               "city",
                                                               "classifier",
                                                               "copyrite",
                                                               "country",
                                                               "delivery.office",
                                                               "delivery.point",
                                                               "em",
                                                               "event",
                                                               "frac",
                                                               "frac-den",
                                                               "frac-num",
                                                               "function",
                                                               "lang",
                                                               "location",
                                                               "money",
                                                               "name.family",
                                                               "name.given",
                                                               "num",
                                                               "object.title",
                                                               "org",
                                                               "person",
                                                               "postaddr",
                                                               "postcode",
                                                               "pronounce",
                                                               "q",
                                                               "region",
                                                               "sublocation",
                                                               "story.date",
                                                               "strong"};
  return std::find(kInline.begin(), kInline.end(), name) != kInline.end() || name == "state" ||
         name == "sub" || name == "sup" || name == "virtloc";
}

std::string language_of(const pugi::xml_node& node) {
  for (pugi::xml_node n = node; n; n = n.parent())
    if (const pugi::xml_attribute lang = n.attribute("xml:lang")) return lang.value();
  return {};
}

void InlineText::append_text(std::string_view text) {
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space_ = !text_.empty();
      continue;
    }
    if (pending_space_) text_ += ' ';
    pending_space_ = false;
    text_ += c;
  }
}

void InlineText::append_children(const pugi::xml_node& element, int depth) {
  if (depth > kMaxDepth) return;  // the reader refuses deeper documents before this
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
      append_text(child.value());
    else if (child.type() == pugi::node_element)
      append_element(child, depth + 1);
  }
}

void InlineText::append_element(const pugi::xml_node& element, int depth) {
  const std::string_view name = element.name();
  if (name == "br") {
    separate();
    return;
  }
  if (!is_inline_element(name)) on_unknown_(element);
  const bool styled = (name == "em" || name == "strong") && !in_span_;
  if (name == "byttl") separate();  // "MENG JING" "China Daily": two pieces
  if (!styled) {
    append_children(element, depth);
    if (name == "byttl") separate();
    return;
  }
  std::size_t begin = text_.size();
  in_span_ = true;
  append_children(element, depth);
  in_span_ = false;
  if (begin < text_.size() && text_[begin] == ' ') ++begin;  // a collapsed space before it
  const InlineStyle style = name == "em" ? InlineStyle::Emphasis : InlineStyle::Strong;
  if (text_.size() > begin) spans_.push_back({begin, text_.size(), style});
}

Paragraph InlineText::take(int source_line) {
  Paragraph paragraph;
  paragraph.text = std::move(text_);
  paragraph.source_line = source_line;
  paragraph.spans = std::move(spans_);
  text_.clear();
  spans_.clear();
  pending_space_ = false;
  return paragraph;
}

}  // namespace broadsheet::story::nitf
