#include "story/smart_quotes.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

#include "text/unicode.h"

namespace broadsheet::story {

namespace {

constexpr std::string_view kOpenSingle = "\u2018", kCloseSingle = "\u2019";
constexpr std::string_view kOpenDouble = "\u201C", kCloseDouble = "\u201D";

/// After these a quote opens: nothing, white space, an opening bracket or quote, a dash.
bool opens_after(char32_t previous) {
  if (previous == 0 || text::is_white_space(previous)) return true;
  const int8_t category = u_charType(static_cast<UChar32>(previous));
  return category == U_START_PUNCTUATION || category == U_INITIAL_PUNCTUATION ||
         category == U_DASH_PUNCTUATION;
}

bool is_ascii_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

/// Curls `text`, recording the byte offset (in `text`) of every quote replaced.
std::string curl(std::string_view text, std::vector<std::size_t>* replaced) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  char32_t previous = 0;
  bool in_measure = false;  // a prime was kept in this word: 5'10"
  for (std::size_t offset = 0; offset < text.size();) {
    const text::CodePoint c = text::next_code_point(text, offset);
    const char32_t next = c.end < text.size() ? text::next_code_point(text, c.end).value : 0;
    std::string_view curled;
    if (c.value == U'\'' && is_ascii_digit(previous) && is_ascii_digit(next)) {
      in_measure = true;
    } else if (c.value == U'"' && in_measure && is_ascii_digit(previous)) {
      in_measure = false;
    } else if (c.value == U'\'') {
      curled = opens_after(previous) && !is_ascii_digit(next) ? kOpenSingle : kCloseSingle;
    } else if (c.value == U'"') {
      curled = opens_after(previous) ? kOpenDouble : kCloseDouble;
    }
    if (text::is_white_space(c.value)) in_measure = false;
    previous = c.value;
    if (curled.empty()) {
      out.append(text.substr(c.begin, c.end - c.begin));
    } else {
      out.append(curled);
      if (replaced) replaced->push_back(c.begin);
      previous = text::next_code_point(curled, 0).value;  // "“'" opens both
    }
    offset = c.end;
  }
  return out;
}

}  // namespace

std::string curl_quotes(std::string_view text) {
  return curl(text, nullptr);
}

void curl_quotes(Paragraph& paragraph) {
  std::vector<std::size_t> replaced;
  paragraph.text = curl(paragraph.text, &replaced);
  // Every replaced quote before an offset moves it two bytes on (1 byte became 3).
  auto moved = [&](std::size_t offset) {
    const auto before = std::lower_bound(replaced.begin(), replaced.end(), offset);
    return offset + 2 * static_cast<std::size_t>(before - replaced.begin());
  };
  for (InlineSpan& span : paragraph.spans) {
    span.begin = moved(span.begin);
    span.end = moved(span.end);
  }
}

void curl_quotes(Story& story) {
  for (std::optional<Paragraph>* part :
       {&story.kicker, &story.deck, &story.byline, &story.dateline, &story.contact})
    if (*part) curl_quotes(**part);
  curl_quotes(story.headline);
  for (Paragraph& p : story.body) curl_quotes(p);
  for (PullQuote& quote : story.pull_quotes) {
    quote.text = curl_quotes(quote.text);
    quote.attribution = curl_quotes(quote.attribution);
  }
  for (FactBox& box : story.fact_boxes) {
    box.title = curl_quotes(box.title);
    for (std::string& item : box.items) item = curl_quotes(item);
    box.source = curl_quotes(box.source);
  }
  for (StoryPicture& picture : story.pictures) {
    picture.caption = curl_quotes(picture.caption);
    picture.credit = curl_quotes(picture.credit);
  }
}

}  // namespace broadsheet::story
