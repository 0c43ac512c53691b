#pragma once
// Line-break opportunities in a paragraph: ICU's UAX #14 line breaker, plus breaks inside URLs
// and e-mail addresses (after '@' and '/', before '.'), which UAX #14 does not offer.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::text {

enum class BreakKind {
  Space,   ///< after a run of spaces: the spaces vanish at the line end
  Hyphen,  ///< after an explicit hyphen or dash in the text ("tie-|ups"): nothing is added
  Soft,    ///< at a soft hyphen (U+00AD): a visible hyphen is added when broken here
  Url,     ///< inside a URL or e-mail address: nothing is added
  Other,   ///< any other UAX #14 opportunity (after an em dash, between ideographs, ...)
};

/// A place where a line may end.
struct BreakOpportunity {
  std::size_t offset = 0;  ///< byte offset where the next line would start
  BreakKind kind = BreakKind::Space;
  bool mandatory = false;  ///< a hard line break (U+2028, '\n')
};

/// A character no line may start with, though UAX #14 may allow a break before it: an em dash
/// or a horizontal bar (newspapers break after the dash instead), closing brackets and closing
/// quotes (Pe, Pf; not » and ›, which open quotations in German).
bool may_not_start_a_line(char32_t c);

/// Every break opportunity of `paragraph` (valid UTF-8), in increasing offset, without the
/// trivial one at offset 0; the end of the text is reported as a mandatory break. `language`
/// (BCP 47) picks ICU's rules: Chinese and Japanese strict kinsoku (lb=strict), Korean
/// keep-all (no break inside a word of Hangul: Korean breaks at spaces).
std::vector<BreakOpportunity> find_line_breaks(std::string_view paragraph,
                                               std::string_view language = {});

/// The ICU locale id the line breaker uses for `language` ("en_US" for none, "ja@lb=strict").
std::string line_break_locale(std::string_view language);

/// True for a token that looks like a URL or an e-mail address ("masi@chinadaily.com.cn",
/// "https://example.org/a", "www.example.com", "chinadaily.com.cn"), trailing punctuation aside.
bool looks_like_url_or_email(std::string_view token);

}  // namespace broadsheet::text
