#include "text/unicode.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>

#include "core/c_handle.h"

namespace broadsheet::text {

namespace {

// ICU indexes strings with int32_t.
int32_t checked_length(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw std::length_error("UTF-8 text longer than 2 GiB");
  }
  return static_cast<int32_t>(text.size());
}

UChar32 icu(char32_t c) {
  return static_cast<UChar32>(c);
}

void throw_if_failed(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
  }
}

icu::UnicodeString to_icu_string(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), checked_length(text)));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

/// An ICU locale id ("de", "tr_TR") or a BCP 47 tag ("zh-Hant", "az-Latn"), as stories give it.
icu::Locale to_locale(std::string_view locale) {
  if (locale.empty()) return icu::Locale::getRoot();
  if (locale.find('-') != std::string_view::npos) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale tagged = icu::Locale::forLanguageTag(
        icu::StringPiece(locale.data(), checked_length(locale)), status);
    if (U_SUCCESS(status)) return tagged;
  }
  return icu::Locale(std::string(locale).c_str());
}

}  // namespace

CodePoint next_code_point(std::string_view text, std::size_t offset) {
  const int32_t length = checked_length(text);
  auto index = static_cast<int32_t>(offset);
  UChar32 c = 0;
  U8_NEXT_OR_FFFD(text.data(), index, length, c);
  return {static_cast<char32_t>(c), offset, static_cast<std::size_t>(index)};
}

CodePoint previous_code_point(std::string_view text, std::size_t end) {
  checked_length(text);
  auto index = static_cast<int32_t>(end);
  UChar32 c = 0;
  U8_PREV_OR_FFFD(text.data(), 0, index, c);
  return {static_cast<char32_t>(c), static_cast<std::size_t>(index), end};
}

std::vector<CodePoint> decode_utf8(std::string_view text) {
  std::vector<CodePoint> code_points;
  for (std::size_t offset = 0; offset < text.size();) {
    code_points.push_back(next_code_point(text, offset));
    offset = code_points.back().end;
  }
  return code_points;
}

void append_utf8(std::string& out, char32_t c) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(bytes, length, U8_MAX_LENGTH, icu(c), error);
  if (error) {
    length = 0;
    U8_APPEND_UNSAFE(bytes, length, icu(kReplacementCharacter));
  }
  out.append(bytes, static_cast<std::size_t>(length));
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const int32_t length = checked_length(text);
  int32_t index = 0;
  while (index < length) {
    const int32_t start = index;
    UChar32 c = 0;
    U8_NEXT(text.data(), index, length, c);  // c < 0 for an ill-formed sequence
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char byte : text) {
    if (!U8_IS_TRAIL(static_cast<uint8_t>(byte))) ++count;
  }
  return count;
}

bool is_letter(char32_t c) {
  return u_isUAlphabetic(icu(c));
}
bool is_uppercase(char32_t c) {
  return u_isUUppercase(icu(c)) || u_istitle(icu(c));
}
bool is_digit(char32_t c) {
  return u_charType(icu(c)) == U_DECIMAL_DIGIT_NUMBER;
}
bool is_mark(char32_t c) {
  return (U_GET_GC_MASK(icu(c)) & U_GC_M_MASK) != 0;
}
bool is_white_space(char32_t c) {
  return u_isUWhiteSpace(icu(c));
}
bool is_word_separator(char32_t c) {
  return is_white_space(c) && u_getIntPropertyValue(icu(c), UCHAR_LINE_BREAK) != U_LB_GLUE;
}
bool is_closing_punctuation(char32_t c) {
  const int32_t category = u_charType(icu(c));
  return u_hasBinaryProperty(icu(c), UCHAR_TERMINAL_PUNCTUATION) ||
         u_hasBinaryProperty(icu(c), UCHAR_QUOTATION_MARK) || category == U_END_PUNCTUATION ||
         category == U_FINAL_PUNCTUATION;
}

bool is_cjk_solid(char32_t c) {
  // East Asian Width Wide or Fullwidth: ideographs, kana, CJK punctuation, full-width forms.
  const auto width =
      static_cast<UEastAsianWidth>(u_getIntPropertyValue(icu(c), UCHAR_EAST_ASIAN_WIDTH));
  if (width != U_EA_WIDE && width != U_EA_FULLWIDTH) return false;
  // Hangul is set with spaces between words (and keep-all breaking), not solid.
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(icu(c), &status) != USCRIPT_HANGUL;
}

char32_t simple_lower(char32_t c) {
  return static_cast<char32_t>(u_tolower(icu(c)));
}

std::string to_upper(std::string_view text, std::string_view locale) {
  return to_utf8(to_icu_string(text).toUpper(to_locale(locale)));
}

std::string to_lower(std::string_view text, std::string_view locale) {
  return to_utf8(to_icu_string(text).toLower(to_locale(locale)));
}

std::vector<TextRange> split_at_word_separators(std::string_view text) {
  std::vector<TextRange> runs;
  std::size_t run_start = 0;
  bool in_run = false;
  for (std::size_t offset = 0; offset < text.size();) {
    const CodePoint c = next_code_point(text, offset);
    const bool separator = is_word_separator(c.value);
    if (separator && in_run) runs.push_back({run_start, c.begin});
    if (!separator && !in_run) run_start = c.begin;
    in_run = !separator;
    offset = c.end;
  }
  if (in_run) runs.push_back({run_start, text.size()});
  return runs;
}

std::vector<WordSegment> word_boundaries(std::string_view text, std::string_view locale) {
  std::vector<WordSegment> segments;
  if (text.empty()) return segments;
  UErrorCode status = U_ZERO_ERROR;
  const CHandle<UText, utext_close> utf8_text(
      utext_openUTF8(nullptr, text.data(), checked_length(text), &status));
  throw_if_failed(status, "utext_openUTF8");
  const std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(to_locale(locale), status));
  throw_if_failed(status, "createWordInstance");
  words->setText(utf8_text.get(), status);
  throw_if_failed(status, "setText");
  // With a UTF-8 UText, ICU's native indices are byte offsets.
  int32_t begin = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
    const bool is_word = words->getRuleStatus() != UBRK_WORD_NONE;
    segments.push_back({{static_cast<std::size_t>(begin), static_cast<std::size_t>(end)}, is_word});
    begin = end;
  }
  return segments;
}

std::string_view trim_white_space(std::string_view text) {
  while (!text.empty()) {
    const CodePoint c = next_code_point(text, 0);
    if (!is_white_space(c.value)) break;
    text.remove_prefix(c.end);
  }
  while (!text.empty()) {
    const CodePoint c = previous_code_point(text, text.size());
    if (!is_white_space(c.value)) break;
    text.remove_suffix(text.size() - c.begin);
  }
  return text;
}

}  // namespace broadsheet::text
