#include "text/line_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/c_handle.h"
#include "text/unicode.h"

namespace broadsheet::text {

namespace {

using UTextPtr = CHandle<UText, utext_close>;

void throw_if_failed(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU line breaking: ") + what + ": " +
                             u_errorName(status));
  }
}

/// The code point that ends just before byte `offset` (U+FFFD for malformed UTF-8), nullopt
/// at the start of the text.
std::optional<char32_t> code_point_before(std::string_view text, std::size_t offset) {
  if (offset == 0) return std::nullopt;
  return previous_code_point(text, offset).value;
}

/// Hyphens and dashes after which a line may end with nothing added. The em dash (U+2014) and
/// the horizontal bar (U+2015) are deliberately absent: BreakKind documents them as Other.
bool is_hyphen_like(char32_t c) {
  switch (c) {
    case U'-':
    case 0x058A:  // Armenian hyphen
    case 0x2010:  // hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0xFE63:  // small hyphen-minus
    case 0xFF0D:  // fullwidth hyphen-minus
      return true;
    default:
      return false;
  }
}

BreakKind classify(std::string_view text, std::size_t offset) {
  const std::optional<char32_t> before = code_point_before(text, offset);
  if (!before) return BreakKind::Other;
  if (is_white_space(*before)) return BreakKind::Space;
  if (*before == 0x00AD) return BreakKind::Soft;
  if (is_hyphen_like(*before)) return BreakKind::Hyphen;
  return BreakKind::Other;
}

bool is_leading_punctuation(char32_t c) {
  switch (c) {
    case U'(':
    case U'[':
    case U'{':
    case U'<':
    case U'"':
    case U'\'':
    case 0x2018:  // ‘
    case 0x201C:  // “
    case 0x00AB:  // «
      return true;
    default:
      return false;
  }
}

bool is_trailing_punctuation(char32_t c) {
  switch (c) {
    case U'.':
    case U',':
    case U';':
    case U':':
    case U'!':
    case U'?':
    case U')':
    case U']':
    case U'}':
    case U'>':
    case U'"':
    case U'\'':
    case 0x2019:  // ’
    case 0x201D:  // ”
    case 0x00BB:  // »
    case 0x2026:  // …
      return true;
    default:
      return false;
  }
}

/// Byte range [begin, end) of a token without its leading and trailing punctuation.
TextRange strip_punctuation(std::string_view token) {
  TextRange core{0, token.size()};
  while (core.begin < core.end) {
    const CodePoint c = next_code_point(token.substr(0, core.end), core.begin);
    if (!is_leading_punctuation(c.value)) break;
    core.begin = c.end;
  }
  while (core.end > core.begin) {
    const CodePoint c = previous_code_point(token.substr(core.begin), core.end - core.begin);
    if (!is_trailing_punctuation(c.value)) break;
    core.end = core.begin + c.begin;
  }
  return core;
}

// Host names and e-mail local parts are ASCII by definition (letters, digits, hyphen; an
// internationalised name travels as punycode), so these tests are ASCII on purpose.
bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower_ascii(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

/// Splits "a.b.c" into labels; false when a label is empty or holds anything but ASCII letters,
/// digits and inner hyphens.
bool split_host_labels(std::string_view host, std::vector<std::string_view>& labels) {
  labels.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = host.find('.', start);
    const std::string_view label =
        host.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!is_ascii_letter(c) && !is_ascii_digit(c) && c != '-') return false;
    }
    labels.push_back(label);
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// Top-level domains that are not also everyday English words, so that "end.so" or "St.Louis"
// typed without a space do not turn into web addresses.
constexpr std::array<std::string_view, 18> kGenericTlds = {
    "com", "org", "net", "edu", "gov", "mil",  "int",    "info", "biz",
    "io",  "co",  "tv",  "app", "dev", "news", "online", "site", "xyz"};
constexpr std::array<std::string_view, 32> kCountryTlds = {
    "cn", "uk", "de", "fr", "jp", "ru", "hk", "tw", "au", "ca", "eu", "kr", "sg", "nz", "ch", "nl",
    "es", "se", "br", "mx", "za", "ae", "il", "pk", "ph", "th", "vn", "ar", "pl", "fi", "dk", "mo"};
// Second-level labels under a country code: "chinadaily.com.cn", "bbc.co.uk".
constexpr std::array<std::string_view, 7> kSecondLevel = {"com", "org", "net", "gov",
                                                          "edu", "ac",  "co"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

/// A bare host name like "chinadaily.com.cn": lowercase labels ending in a known-looking TLD.
bool looks_like_domain(std::string_view host) {
  std::vector<std::string_view> labels;
  if (!split_host_labels(host, labels) || labels.size() < 2) return false;
  for (std::string_view label : labels) {
    if (std::any_of(label.begin(), label.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return false;
    }
  }
  const std::string_view tld = labels.back();
  if (!is_lower_ascii(tld) || tld.size() < 2) return false;
  if (contains(kGenericTlds, tld) || contains(kCountryTlds, tld)) return true;
  return tld.size() == 2 && labels.size() >= 3 && contains(kSecondLevel, labels[labels.size() - 2]);
}

/// "local@host.tld" with a plain local part and a host of at least two labels.
bool looks_like_email(std::string_view core) {
  const std::size_t at = core.find('@');
  if (at == 0 || at == std::string_view::npos || core.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view local = core.substr(0, at);
  for (char c : local) {
    if (!is_ascii_letter(c) && !is_ascii_digit(c) &&
        std::string_view("._%+-").find(c) == std::string_view::npos) {
      return false;
    }
  }
  std::vector<std::string_view> labels;
  if (!split_host_labels(core.substr(at + 1), labels) || labels.size() < 2) return false;
  const std::string_view tld = labels.back();
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), is_ascii_letter);
}

/// Url opportunities inside `token` (which starts at byte `token_start` of the paragraph):
/// after '@' and '/', before '.', each leaving at least two characters on either side and
/// between consecutive breaks. Trailing punctuation is outside the token's core, so a sentence
/// period after an address never gets a break before it.
void add_url_breaks(std::string_view token, std::size_t token_start,
                    std::vector<BreakOpportunity>& out) {
  constexpr std::size_t kMinPiece = 2;  // code points
  const TextRange core = strip_punctuation(token);
  std::size_t last_piece_start = core.begin;
  for (std::size_t i = core.begin; i < core.end; ++i) {
    std::size_t candidate = 0;
    if (token[i] == '@' || token[i] == '/') {
      if (i + 1 < core.end && token[i + 1] == '/') continue;  // never split "//"
      candidate = i + 1;
    } else if (token[i] == '.') {
      candidate = i;
    } else {
      continue;
    }
    if (count_code_points(token.substr(last_piece_start, candidate - last_piece_start)) <
            kMinPiece ||
        count_code_points(token.substr(candidate, core.end - candidate)) < kMinPiece) {
      continue;
    }
    out.push_back({token_start + candidate, BreakKind::Url, false});
    last_piece_start = candidate;
  }
}

/// ICU's line break iterator for `locale`, made once per thread and locale and given each
/// paragraph in turn: making one costs more than breaking a paragraph with it.
icu::BreakIterator* line_iterator(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
  std::unique_ptr<icu::BreakIterator>& iterator = iterators[locale];
  if (!iterator) {
    UErrorCode status = U_ZERO_ERROR;
    iterator.reset(
        icu::BreakIterator::createLineInstance(icu::Locale::createCanonical(locale.c_str()), status));
    if (U_FAILURE(status)) iterator.reset();
    throw_if_failed(status, "createLineInstance");
  }
  return iterator.get();
}

}  // namespace

bool looks_like_url_or_email(std::string_view token) {
  const TextRange range = strip_punctuation(token);
  const std::string_view core = token.substr(range.begin, range.end - range.begin);
  if (core.empty()) return false;
  if (split_at_word_separators(core).size() != 1) return false;
  if (core.find('@') != std::string_view::npos) return looks_like_email(core);
  for (std::string_view scheme : {"http://", "https://", "ftp://"}) {
    if (starts_with_ignoring_case(core, scheme)) return core.size() > scheme.size();
  }
  if (starts_with_ignoring_case(core, "www.")) {
    return core.size() > 4 && core.find('.', 4) != std::string_view::npos;
  }
  return looks_like_domain(core.substr(0, core.find('/')));
}

bool may_not_start_a_line(char32_t c) {
  if (c == U'\u2014' || c == U'\u2015') return true;
  if (c == U'\u00BB' || c == U'\u203A') return false;  // they open quotations in German
  const int8_t category = u_charType(static_cast<UChar32>(c));
  return category == U_END_PUNCTUATION || category == U_FINAL_PUNCTUATION;
}

std::string line_break_locale(std::string_view language) {
  const std::string primary(language.substr(0, language.find_first_of("-_")));
  if (primary.empty()) return "en_US";
  if (primary == "ja" || primary == "zh") return std::string(language) + "@lb=strict";
  return std::string(language);
}

namespace {

/// Korean keep-all: no break between two letters (Hangul syllables, or Hangul beside another
/// letter); Korean lines break at spaces.
void keep_words_whole(std::string_view paragraph, std::vector<BreakOpportunity>& breaks) {
  std::erase_if(breaks, [&](const BreakOpportunity& b) {
    if (b.kind != BreakKind::Other || b.offset == 0 || b.offset >= paragraph.size()) return false;
    const char32_t before = previous_code_point(paragraph, b.offset).value;
    const char32_t after = next_code_point(paragraph, b.offset).value;
    return is_letter(before) && is_letter(after);
  });
}

}  // namespace

std::vector<BreakOpportunity> find_line_breaks(std::string_view paragraph,
                                               std::string_view language) {
  std::vector<BreakOpportunity> breaks;
  if (paragraph.empty()) return breaks;
  if (paragraph.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw std::length_error("find_line_breaks: paragraph longer than 2 GiB");
  }

  UErrorCode status = U_ZERO_ERROR;
  UTextPtr text(
      utext_openUTF8(nullptr, paragraph.data(), static_cast<int64_t>(paragraph.size()), &status));
  throw_if_failed(status, "utext_openUTF8");
  icu::BreakIterator* iterator = line_iterator(line_break_locale(language));
  iterator->setText(text.get(), status);
  throw_if_failed(status, "setText");

  // With a UTF-8 UText, ICU's native indices are byte offsets.
  for (int32_t offset = iterator->next(); offset != icu::BreakIterator::DONE;
       offset = iterator->next()) {
    const int32_t rule_status = iterator->getRuleStatus();
    const auto position = static_cast<std::size_t>(offset);
    const bool mandatory = rule_status >= UBRK_LINE_HARD && rule_status < UBRK_LINE_HARD_LIMIT;
    if (!mandatory && position < paragraph.size() &&
        may_not_start_a_line(next_code_point(paragraph, position).value))
      continue;  // "word —|next": the dash ends the line instead
    breaks.push_back({position, classify(paragraph, position), mandatory});
  }

  if (language.substr(0, language.find_first_of("-_")) == "ko") keep_words_whole(paragraph, breaks);

  // Inside addresses, replace ICU's opportunities with our own.
  std::vector<BreakOpportunity> url_breaks;
  for (const TextRange& token : split_at_word_separators(paragraph)) {
    const std::string_view word = paragraph.substr(token.begin, token.end - token.begin);
    if (!looks_like_url_or_email(word)) continue;
    std::erase_if(breaks, [&](const BreakOpportunity& b) {
      return b.offset > token.begin && b.offset < token.end;
    });
    add_url_breaks(word, token.begin, url_breaks);
  }
  breaks.insert(breaks.end(), url_breaks.begin(), url_breaks.end());

  // Sort by offset; at equal offsets a Url break is preferred over Other and mandatory wins.
  std::sort(breaks.begin(), breaks.end(), [](const BreakOpportunity& a, const BreakOpportunity& b) {
    return a.offset < b.offset;
  });
  std::vector<BreakOpportunity> merged;
  for (const BreakOpportunity& b : breaks) {
    if (!merged.empty() && merged.back().offset == b.offset) {
      BreakOpportunity& kept = merged.back();
      if (kept.kind == BreakKind::Other && b.kind == BreakKind::Url) kept.kind = BreakKind::Url;
      kept.mandatory = kept.mandatory || b.mandatory;
      continue;
    }
    merged.push_back(b);
  }

  // The end of the text always ends a line.
  if (merged.empty() || merged.back().offset != paragraph.size()) {
    merged.push_back({paragraph.size(), classify(paragraph, paragraph.size()), true});
  }
  merged.back().mandatory = true;
  return merged;
}

}  // namespace broadsheet::text
