#include "compose/pull_quotes.h"

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>

#include "compose/story_text.h"
#include "paragraph/typeset.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

std::vector<paragraph::SetLine> set_lines(const ComposeContext& context, const lt::TextStyle& style,
                                          const std::string& text, double measure, bool right) {
  paragraph::ParagraphStyle ps = story_text_style(context, style);
  if (right) ps.align = lt::Align::Right;
  const auto prepared =
      paragraph::prepare_paragraph(context.fonts, story_hyphenator(context), text, ps,
                                   /*indent_first_line=*/false);
  return paragraph::break_paragraph(context.fonts, prepared, context.body_breaker, measure).lines;
}

/// Appends `rows` rows: empty ones, then `line` on the last (or only empty rows without one).
void add_rows(std::vector<BodyLine>& out, int rows, const lt::TextStyle& style,
              paragraph::SetLine* line, bool rule = false) {
  for (int r = 0; r < rows; ++r) {
    BodyLine row;
    row.style = &style;
    row.role = LineRole::PullQuote;
    row.rule = rule;
    if (line && r == rows - 1) row.line = std::move(*line);
    out.push_back(std::move(row));
  }
}

}  // namespace

namespace {

struct BundleCloser {
  void operator()(UResourceBundle* bundle) const { ures_close(bundle); }
};
using Bundle = std::unique_ptr<UResourceBundle, BundleCloser>;

/// The language's quotation marks from ICU's locale data (its `delimiters`: “ ” in English,
/// « » in French, „ “ in German, 「 」 in Japanese, ” “ in Arabic); “ ” when it has none.
std::pair<std::string, std::string> quotation_marks(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  char id[ULOC_FULLNAME_CAPACITY] = "en";  // BCP 47 ("de-CH") to ICU's locale ID ("de_CH")
  if (!language.empty()) uloc_forLanguageTag(language.c_str(), id, sizeof id, nullptr, &status);
  if (U_FAILURE(status)) return {"\u201C", "\u201D"};
  const Bundle locale(ures_open(nullptr, id, &status));
  const Bundle delimiters(ures_getByKey(locale.get(), "delimiters", nullptr, &status));
  const auto mark = [&](const char* key) {
    int32_t length = 0;
    const UChar* text = ures_getStringByKey(delimiters.get(), key, &length, &status);
    std::string out;
    if (U_SUCCESS(status)) icu::UnicodeString(text, length).toUTF8String(out);
    return out;
  };
  std::string open = mark("quotationStart"), close = mark("quotationEnd");
  if (U_FAILURE(status) || open.empty() || close.empty()) return {"\u201C", "\u201D"};
  return {std::move(open), std::move(close)};
}

}  // namespace

/// The quote between its language's quotation marks, unless it brings its own (a NITF <pq>
/// often does: “It has exceeded…”), which would double them: a text opening with any of
/// Unicode's quotation marks (“ „ « » ‹ 「 『 ＂ ...) is set as it is. An apostrophe (’Tis,
/// ’90s) is no opening mark.
std::string pull_quote_text(const std::string& text, const std::string& language) {
  UChar32 first = -1;
  int32_t at = 0;
  U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), first);
  if (first > 0 && first != U'\'' && first != 0x2019 &&
      u_hasBinaryProperty(first, UCHAR_QUOTATION_MARK))
    return text;
  const auto [open, close] = quotation_marks(language);
  return open + text + close;
}

std::vector<BodyLine> pull_quote_rows(const ComposeContext& context, const lt::PageTemplate& tpl,
                                      const story::PullQuote& quote, int index, double measure) {
  if (!tpl.styles.count("pull_quote")) return {};
  const lt::TextStyle& style = tpl.styles.at("pull_quote");
  const lt::TextStyle& small =
      tpl.styles.count("caption") ? tpl.styles.at("caption") : tpl.style("body");
  const double pitch = tpl.grid.baseline;
  const int rows_per_line = std::max(1, static_cast<int>(std::ceil(style.leading / pitch - 1e-9)));
  std::vector<BodyLine> out;
  add_rows(out, 1, style, nullptr, /*rule=*/true);
  for (paragraph::SetLine& line :
       set_lines(context, style, pull_quote_text(quote.text, context.language), measure, false))
    add_rows(out, rows_per_line, style, &line);
  if (!quote.attribution.empty())
    for (paragraph::SetLine& line : set_lines(context, small, quote.attribution, measure, true))
      add_rows(out, 1, small, &line);
  add_rows(out, 1, style, nullptr, /*rule=*/true);
  keep_rows_together(out, kPullQuoteParagraph + index);
  return out;
}

}  // namespace broadsheet::compose
