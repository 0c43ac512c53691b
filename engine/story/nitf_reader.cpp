// Reads NITF 3.x articles (News Industry Text Format, IPTC) with pugixml into the Story model.
// What is read, element by element, is listed at parse_nitf in story.h; whatever else the body
// holds is a warning naming the element and its line, never silently lost text.

#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/limits.h"
#include "story/nitf_text.h"
#include "story/picture_line.h"
#include "story/story.h"
#include "text/unicode.h"

namespace broadsheet::story {

namespace {

using nitf::InlineText;

/// The deepest element of the document, found without recursion.
struct DepthProbe : pugi::xml_tree_walker {
  int deepest = 0;
  std::ptrdiff_t where = -1;
  bool for_each(pugi::xml_node& node) override {
    if (depth() > deepest) {
      deepest = depth();
      where = node.offset_debug();
    }
    return true;
  }
};

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// "20151217T000000Z" or "2015-12-17...": the calendar date at its start, when it is one.
std::optional<Date> iso_date(std::string_view text) {
  std::string digits;
  for (const char c : text.substr(0, 10))
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() < 8) return std::nullopt;
  const Date date{std::stoi(digits.substr(0, 4)), std::stoi(digits.substr(4, 2)),
                  std::stoi(digits.substr(6, 2))};
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  const int length = date.month == 2 && is_leap_year(date.year) ? 29 : kDays[date.month - 1];
  if (date.day > length) return std::nullopt;
  return date;
}

class NitfReader {
 public:
  NitfReader(const std::string& text, const std::string& file) : text_(text), lines_(text) {
    story_.file = file;
  }
  Story read();

 private:
  [[noreturn]] void fail(std::ptrdiff_t offset, const std::string& message) const {
    throw InputError(SourceLocation{story_.file, lines_.line_of(offset), lines_.column_of(offset)},
                     message);
  }
  int line_of(const pugi::xml_node& node) const { return lines_.line_of(node); }
  void warn(const std::string& code, const pugi::xml_node& node, const std::string& what) {
    story_.warnings.push_back(
        {code, story_.file + ":" + std::to_string(line_of(node)) + ": " + what});
  }
  void warn_unknown(const pugi::xml_node& node) {
    warn("unknown-element", node,
         "unknown element <" + std::string(node.name()) + ">: its text is read, its meaning not");
  }
  pugi::xml_node parse(pugi::xml_document& document);
  Paragraph inline_paragraph(const pugi::xml_node& element);
  void read_metadata(const pugi::xml_node& head);
  void read_body_head(const pugi::xml_node& body_head);
  void read_hedline(const pugi::xml_node& hedline);
  void read_content(const pugi::xml_node& container, int depth);
  void read_block_element(const pugi::xml_node& element, int depth);
  void add_paragraph(const pugi::xml_node& element, ParagraphKind kind);
  void read_media(const pugi::xml_node& media);
  void read_pull_quote(const pugi::xml_node& quote);
  void read_fact_box(const pugi::xml_node& block);
  void read_body_end(const pugi::xml_node& body_end);

  const std::string& text_;
  nitf::LineIndex lines_;
  Story story_;
};

pugi::xml_node NitfReader::parse(pugi::xml_document& document) {
  if (text_.size() > limits::kArticleBytes) fail(-1, "file larger than the limit of 16 MB");
  if (const auto bad = text::find_invalid_utf8(text_))
    fail(static_cast<std::ptrdiff_t>(*bad), "invalid UTF-8: NITF articles must be UTF-8");
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
  const pugi::xml_parse_result result =
      document.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
  if (!result) fail(result.offset, std::string("malformed XML: ") + result.description());
  DepthProbe probe;
  document.traverse(probe);
  if (probe.deepest > nitf::kMaxDepth)
    fail(probe.where, "elements nested deeper than " + std::to_string(nitf::kMaxDepth) + " levels");
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "nitf")
    fail(root.offset_debug(),
         "not an NITF article: the root element is <" + std::string(root.name()) + ">, not <nitf>");
  return root;
}

Paragraph NitfReader::inline_paragraph(const pugi::xml_node& element) {
  InlineText gathered([this](const pugi::xml_node& node) { warn_unknown(node); });
  gathered.append_children(element);
  Paragraph paragraph = gathered.take(line_of(element));
  const std::string language = nitf::language_of(element);
  if (language != story_.language) paragraph.language = language;
  return paragraph;
}

/// docdata's date.issue and pubdata's name, date and page: the folio's source metadata.
void NitfReader::read_metadata(const pugi::xml_node& head) {
  const pugi::xml_node docdata = head.child("docdata");
  const pugi::xml_node pubdata = head.child("pubdata");
  SourceMeta source;
  source.source_line = line_of(docdata ? docdata : pubdata);
  source.publication = pubdata.attribute("name").value();
  std::string_view date_text = docdata.child("date.issue").attribute("norm").value();
  if (date_text.empty()) date_text = pubdata.attribute("date.publication").value();
  source.date = iso_date(date_text);
  if (!date_text.empty() && !source.date)
    warn("bad-date", docdata ? docdata : pubdata,
         "date \"" + std::string(date_text.substr(0, 40)) + "\" is not a calendar date: ignored");
  const int page = pubdata.attribute("position.sequence").as_int(0);
  if (page > 0) source.page = page;
  if (!source.publication.empty() || source.date || source.page) story_.source = source;
}

void NitfReader::read_hedline(const pugi::xml_node& hedline) {
  for (const pugi::xml_node& child : hedline.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    if (name == "hl1" && story_.headline.text.empty()) {
      story_.headline = inline_paragraph(child);
    } else if (name == "hl2" && story_.headline.text.empty() && !story_.kicker) {
      story_.kicker = inline_paragraph(child);  // a label above the headline
    } else if (name == "hl2" && !story_.deck) {
      story_.deck = inline_paragraph(child);
    } else {
      warn("unknown-element", child,
           "element <" + std::string(name) + "> in <hedline> is not read (one hl1, one hl2)");
    }
  }
}

void NitfReader::read_body_head(const pugi::xml_node& body_head) {
  for (const pugi::xml_node& child : body_head.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    if (name == "hedline") {
      read_hedline(child);
    } else if (name == "byline" && !story_.byline) {
      story_.byline = inline_paragraph(child);
    } else if (name == "dateline" && !story_.dateline) {
      story_.dateline = inline_paragraph(child);
    } else if (name == "abstract" && !story_.deck) {
      story_.deck = inline_paragraph(child);
    } else if (name != "note" && name != "rights" && name != "distributor" && name != "series") {
      warn_unknown(child);
    }
  }
}

void NitfReader::add_paragraph(const pugi::xml_node& element, ParagraphKind kind) {
  Paragraph paragraph = inline_paragraph(element);
  if (paragraph.text.empty()) return;
  paragraph.kind = kind;
  story_.body.push_back(std::move(paragraph));
}

void NitfReader::read_content(const pugi::xml_node& container, int depth) {
  for (const pugi::xml_node& child : container.children())
    if (child.type() == pugi::node_element) read_block_element(child, depth + 1);
}

/// A block whose class names it a fact box ("factbox", "fact-box" or "fact_box" among its
/// class tokens).
bool is_fact_box(const pugi::xml_node& block) {
  std::string_view classes = block.attribute("class").value();
  while (!classes.empty()) {
    const std::size_t space = classes.find(' ');
    const std::string_view token = classes.substr(0, space);
    if (token == "factbox" || token == "fact-box" || token == "fact_box") return true;
    classes = space == std::string_view::npos ? std::string_view{} : classes.substr(space + 1);
  }
  return false;
}

void NitfReader::read_block_element(const pugi::xml_node& element, int depth) {
  const std::string_view name = element.name();
  if (name == "p" || name == "li") {
    add_paragraph(element, ParagraphKind::Body);
  } else if (name == "hl2" || name == "hl1") {
    add_paragraph(element, ParagraphKind::Subhead);
  } else if (name == "block" && is_fact_box(element)) {
    read_fact_box(element);
  } else if (name == "block" || name == "bq" || name == "ul" || name == "ol") {
    if (depth < nitf::kMaxDepth) read_content(element, depth);
  } else if (name == "media") {
    read_media(element);
  } else if (name == "pq") {
    read_pull_quote(element);
  } else if (name != "hr" && name != "credit") {
    warn("unknown-element", element,
         "unknown element <" + std::string(name) + "> in the body: its text is set as a paragraph");
    add_paragraph(element, ParagraphKind::Body);
  }
}

/// <media media-type="image">: media-reference's source (against the article's folder),
/// media-caption and media-producer (the credit).
void NitfReader::read_media(const pugi::xml_node& media) {
  const std::string_view type = media.attribute("media-type").value();
  if (!type.empty() && type != "image") {
    warn("unsupported-media", media,
         "media of type \"" + std::string(type.substr(0, 40)) + "\" is not set (only images)");
    return;
  }
  const std::string source = media.child("media-reference").attribute("source").value();
  if (source.empty()) {
    warn("unsupported-media", media, "media without a media-reference source: not set");
    return;
  }
  StoryPicture picture;
  const std::filesystem::path path(source);
  picture.file =
      path.is_absolute()
          ? source
          : (std::filesystem::path(story_.file).parent_path() / path).lexically_normal().string();
  picture.caption = inline_paragraph(media.child("media-caption")).text;
  picture.credit = inline_paragraph(media.child("media-producer")).text;
  picture.source_line = line_of(media);
  // Placement: <media-metadata name="columns" value="2"/> (also "inset", "width"), as the
  // picture line's options.
  for (const pugi::xml_node& meta : media.children("media-metadata")) {
    const std::string problem = apply_picture_option(meta.attribute("name").value(),
                                                     meta.attribute("value").value(), picture);
    if (!problem.empty())
      fail(meta.offset_debug(), "media-metadata '" +
                                    std::string(meta.attribute("name").value()).substr(0, 40) +
                                    "': " + problem);
  }
  story_.pictures.push_back(std::move(picture));
}

/// <pq>: a quote from the story, its paragraphs (or its own text) joined into one.
void NitfReader::read_pull_quote(const pugi::xml_node& quote) {
  InlineText gathered([this](const pugi::xml_node& node) { warn_unknown(node); });
  bool any_paragraph = false;
  auto add = [&](const pugi::xml_node& p) {
    gathered.separate();
    gathered.append_children(p);
    any_paragraph = true;
  };
  for (const pugi::xml_node& child : quote.children()) {
    const std::string_view name = child.name();
    if (name == "p") add(child);
    if (name == "block")
      for (const pugi::xml_node& p : child.children("p")) add(p);
  }
  if (!any_paragraph) gathered.append_children(quote);
  Paragraph paragraph = gathered.take(line_of(quote));
  if (paragraph.text.empty()) return;
  PullQuote pull_quote;
  pull_quote.text = std::move(paragraph.text);
  pull_quote.after_paragraph = static_cast<int>(story_.body.size());
  pull_quote.source_line = paragraph.source_line;
  story_.pull_quotes.push_back(std::move(pull_quote));
}

/// <block class="factbox">: its hl2 the title, each li (in ul or ol) or p an item, its
/// datasource the source line. A box without items is a warning and is not set.
void NitfReader::read_fact_box(const pugi::xml_node& block) {
  FactBox box;
  box.after_paragraph = static_cast<int>(story_.body.size());
  box.source_line = line_of(block);
  auto add_item = [&](const pugi::xml_node& item) {
    std::string text = inline_paragraph(item).text;
    if (!text.empty()) box.items.push_back(std::move(text));
  };
  for (const pugi::xml_node& child : block.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    if (name == "hl2" && box.title.empty()) {
      box.title = inline_paragraph(child).text;
    } else if (name == "p") {
      add_item(child);
    } else if (name == "ul" || name == "ol") {
      for (const pugi::xml_node& item : child.children("li")) add_item(item);
    } else if (name == "datasource" && box.source.empty()) {
      box.source = inline_paragraph(child).text;
    } else {
      warn("unknown-element", child,
           "element <" + std::string(name) +
               "> in a fact box is not read (hl2, p, ul/ol with li, datasource)");
    }
  }
  if (box.items.empty()) {
    warn("empty-fact-box", block, "a fact box without items (p or li): not set");
    return;
  }
  story_.fact_boxes.push_back(std::move(box));
}

void NitfReader::read_body_end(const pugi::xml_node& body_end) {
  for (const pugi::xml_node& child : body_end.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    if (name == "tagline" && !story_.contact)
      story_.contact = inline_paragraph(child);
    else if (name != "bibliography")
      warn_unknown(child);
  }
}

Story NitfReader::read() {
  pugi::xml_document document;
  const pugi::xml_node root = parse(document);
  const pugi::xml_node body = root.child("body");
  story_.language = nitf::language_of(body ? body : root);
  if (const pugi::xml_node head = root.child("head")) read_metadata(head);
  read_body_head(body.child("body.head"));
  if (story_.headline.text.empty())
    fail(body ? body.offset_debug() : root.offset_debug(),
         "no headline: an NITF article needs body/body.head/hedline/hl1");
  for (const pugi::xml_node& content : body.children("body.content")) read_content(content, 2);
  read_body_end(body.child("body.end"));
  if (story_.body.empty())
    fail(body.offset_debug(), "no body text: body.content has no <p> with text");
  return std::move(story_);
}

}  // namespace

Story parse_nitf(const std::string& text, const std::string& file_name) {
  return NitfReader(text, file_name).read();
}

}  // namespace broadsheet::story
