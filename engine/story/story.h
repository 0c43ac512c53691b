#pragma once
// The Story model: what an article file says, with where each part came from.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::story {

/// What a body paragraph is: running text, or a subhead between paragraphs. The reader decides;
/// the composer only sets each kind in its style.
enum class ParagraphKind { Body, Subhead };

/// An inline style inside a paragraph (NITF <em>/<strong>): the paragraph's style's italic or
/// bold face for that stretch of text.
enum class InlineStyle { Emphasis, Strong };

/// A stretch of a paragraph in an inline style: byte offsets [begin, end) into Paragraph::text,
/// on UTF-8 character boundaries. Spans are sorted and do not overlap.
struct InlineSpan {
  std::size_t begin = 0, end = 0;
  InlineStyle style = InlineStyle::Emphasis;
  friend bool operator==(const InlineSpan&, const InlineSpan&) = default;
};

/// One paragraph of text (UTF-8, validated), with the input line it came from.
struct Paragraph {
  std::string text;
  int source_line = 0;  ///< 1-based line in the article file
  ParagraphKind kind = ParagraphKind::Body;
  std::vector<InlineSpan> spans{};  ///< inline styles; empty: all in the paragraph's style
  std::string language{};           ///< BCP 47 (xml:lang); empty: the story's language
};

/// Where a story's picture sits: at the head of its columns, or inset in a column with the
/// body lines beside it shortened (on the column's left or right).
enum class PictureInset { None, Left, Right };

/// A picture that belongs to a story (NITF <media>, or the plain-text picture line).
struct StoryPicture {
  std::string file;     ///< path as resolved against the article's folder
  std::string caption;  ///< may be empty
  std::string credit;   ///< "WU ZHIYI / CHINA DAILY"; may be empty
  int source_line = 0;
  int columns = 0;  ///< story columns the picture spans (`columns=N`); 0: the slot's default
  PictureInset inset = PictureInset::None;  ///< `inset=left|right`
  double width = 0;  ///< an inset's width, a fraction of the column (`width=40%`); 0: half
};

/// A pull quote: a line from the story set large in its columns, the body flowing around it
/// (NITF <pq>; the plain-text pull-quote line).
struct PullQuote {
  std::string text;         ///< the quotation, as it is to be set
  std::string attribution;  ///< "Jack Ma, Alibaba"; may be empty
  int after_paragraph = 0;  ///< set after this many body paragraphs (0: before the first)
  int source_line = 0;
};

/// A fact box: a boxed sidebar inside a story (a title, bullet items, a source line), set across
/// a column with the body flowing around it like a pull quote (NITF <block class="factbox">;
/// the plain-text "Fact box:" lines, story/fact_box_lines.h).
struct FactBox {
  std::string title;               ///< may be empty
  std::vector<std::string> items;  ///< one bullet each; never empty
  std::string source;              ///< "Source: National Bureau of Statistics"; may be empty
  int after_paragraph = 0;         ///< set after this many body paragraphs (0: before the first)
  int source_line = 0;
  /// Story columns the box spans ("Fact box: TITLE | columns=2"); 2 or more sets it at the head
  /// of the story's first columns instead of in the flow. 0: one column, in the flow.
  int columns = 0;
};

/// A calendar date from a source/credit line.
struct Date {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const Date&, const Date&) = default;
};

/// The article's source line, e.g. "(China Daily 12/17/2015 page21)". Not body text: it feeds
/// the folio (publication, date, page).
struct SourceMeta {
  std::string publication;  ///< "China Daily"
  std::optional<Date> date;
  std::optional<int> page;  ///< 21 for "page21"
  std::string raw;          ///< the line as written
  int source_line = 0;
};

/// Something a reader noticed but could go on with (an unknown NITF element, a story with only
/// one paragraph): passed on to the page's warnings.
struct ReadWarning {
  std::string code;     ///< "unknown-element", "single-paragraph", ...
  std::string message;  ///< names the file and line
};

/// An article as read from a file.
struct Story {
  std::string file;                 ///< the path it was read from (for messages)
  std::string language;             ///< BCP 47 ("en", "zh-Hans"); empty: the template's default
  std::optional<Paragraph> kicker;  ///< a label above the headline
  Paragraph headline;
  std::optional<Paragraph> deck;       ///< the standfirst, when the format has one
  std::optional<Paragraph> byline;     ///< "By MENG JING and MA SI in Beijing"
  std::optional<Paragraph> dateline;   ///< "BEIJING —"
  std::vector<Paragraph> body;         ///< in order; never empty
  std::optional<Paragraph> contact;    ///< "Contact the writer(s) at ..."
  std::optional<SourceMeta> source;    ///< the last line, when it is a source line
  std::vector<StoryPicture> pictures;  ///< in reading order; the first leads the story
  std::vector<PullQuote> pull_quotes;  ///< in reading order
  std::vector<ReadWarning> warnings;   ///< what the reader noticed, in file order
  std::vector<FactBox> fact_boxes;     ///< in reading order
};

/// How to read the plain-text article format.
struct ReadOptions {
  /// Line 2 is a deck (the reference format). The sample articles have none: line 2 is body.
  bool has_deck = true;
};

/// Parses the plain-text article format:
///   an optional header line "Language: TAG" (BCP 47, e.g. "Language: zh-Hant") before the
///   headline gives the story's language (a malformed or unknown tag is an InputError naming
///   the line); then line 1 headline; line 2 deck (if options.has_deck); then one paragraph per
///   line. A byline line ("By MENG JING and MA SI in Beijing": "By " and a capital, at most 16
///   words, no closing full stop) right after the headline or the deck is the byline, not a
///   paragraph. A story with only one paragraph after the headline sets it as body, not as a deck,
///   with a "single-paragraph" warning. A paragraph beginning "Contact the writer" is the contact
///   line. A last line of the form
///   "(Publication MM/DD/YYYY[ pageN])" is source metadata, not body text. A body paragraph
///   between two others that is short (at most 60 characters and 8 words), starts with a capital
///   letter or a digit and does not end in closing punctuation (Terminal_Punctuation, a quotation
///   mark, a closing bracket or quote) is a subhead (ParagraphKind::Subhead). A body line
///   "Picture: FILE | caption | credit" is a picture (story/picture_line.h), not body text; a
///   "Fact box: TITLE" line, its "- item" lines and a "Source: ..." line up to a blank line are a
///   fact box (story/fact_box_lines.h).
/// Blank lines are ignored; "\r\n" is accepted. Throws broadsheet::InputError naming
/// `file_name` and the line for invalid UTF-8, an empty file, or a file with no body.
Story parse_story(const std::string& text, const std::string& file_name,
                  const ReadOptions& options = {});

/// Parses NITF 3.x XML (nitf_reader.cpp): hedline/hl1 headline, hl2 deck (an hl2 before hl1 is
/// the kicker), byline, dateline, body.content's p, hl2 (subheads), em/strong (InlineSpans),
/// media (pictures, their files resolved against the article's folder), pq (pull quotes),
/// block class="factbox" (fact boxes: hl2 title, li or p items, datasource the source line),
/// body.end's tagline (contact line), xml:lang and docdata's date. Malformed XML is an
/// InputError with line and column; unknown elements are warnings naming element and line.
Story parse_nitf(const std::string& text, const std::string& file_name);

enum class ArticleFormat { PlainText, Nitf };

/// The format of an article: NITF for a ".xml" or ".nitf" name or text that opens (after a
/// byte-order mark and white space) with "<?xml" or "<nitf"; plain text otherwise.
ArticleFormat article_format(std::string_view text, std::string_view file_name);

/// Parses an article in the format `article_format` picks (`options` apply to plain text).
Story parse_article(const std::string& text, const std::string& file_name,
                    const ReadOptions& options = {});

/// Reads and parses a file in its format; an unreadable file is an InputError too.
Story read_story(const std::string& path, const ReadOptions& options = {});

}  // namespace broadsheet::story
