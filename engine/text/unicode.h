#pragma once
// Unicode work in one place, on ICU: the one UTF-8 decoder, letter classes, case mapping and
// word segmentation. Nothing else in the engine decodes UTF-8 by hand or tests letters as ASCII.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::text {

/// One code point of a UTF-8 text and the bytes [begin, end) it occupies. A malformed sequence
/// decodes as U+FFFD (ICU's maximal-subpart rule), which no letter class matches.
struct CodePoint {
  char32_t value = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

constexpr char32_t kReplacementCharacter = U'\uFFFD';

/// The code point starting at byte `offset` (< text.size()).
CodePoint next_code_point(std::string_view text, std::size_t offset);
/// The code point ending at byte `end` (> 0).
CodePoint previous_code_point(std::string_view text, std::size_t end);
/// Every code point of `text`, in order.
std::vector<CodePoint> decode_utf8(std::string_view text);
/// `c` as UTF-8, appended to `out`.
void append_utf8(std::string& out, char32_t c);

/// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
/// points above U+10FFFF are invalid), or nullopt when `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);
/// Number of code points; each malformed byte counts as one.
std::size_t count_code_points(std::string_view text);

// Letter classes (Unicode properties, not ASCII ranges).
bool is_letter(char32_t c);       ///< Alphabetic: "É", "ß", "Ω", "Ж", "中"
bool is_uppercase(char32_t c);    ///< Uppercase or titlecase: "É", "Ä", "Ω", "Ж", "ǅ"
bool is_digit(char32_t c);        ///< decimal digit (general category Nd)
bool is_mark(char32_t c);         ///< combining mark (general category M)
bool is_white_space(char32_t c);  ///< White_Space, including no-break spaces
/// A space that separates words: White_Space that is not a no-break space (U+00A0, U+2007,
/// U+202F, whose line-break class is GL "glue").
bool is_word_separator(char32_t c);
/// Punctuation that closes a sentence or a phrase: Terminal_Punctuation (. , ; : ! ? and their
/// counterparts in other scripts), quotation marks, closing brackets and final quotes.
bool is_closing_punctuation(char32_t c);

/// Set solid in Chinese and Japanese (no spaces between words): an ideograph, kana, CJK
/// punctuation or a full-width form (East Asian Width W or F), Hangul excepted.
bool is_cjk_solid(char32_t c);

/// Simple (one code point to one code point) lowercase mapping, for code-point-aligned work.
char32_t simple_lower(char32_t c);

/// Full case mapping of `text` (valid UTF-8) in `locale` (an ICU locale id such as "en", "tr",
/// "de", or a story's BCP 47 language such as "tr-TR", "el"; empty for the root locale):
/// "straße" -> "STRASSE", Turkish "istanbul" -> "İSTANBUL", Greek accents dropped in capitals.
std::string to_upper(std::string_view text, std::string_view locale = "en");
std::string to_lower(std::string_view text, std::string_view locale = "en");

/// A byte range [begin, end) of a text.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

/// The runs of `text` between word separators (see is_word_separator): what a reader sees as
/// words with their punctuation attached ("Jupiter’s", "tie-ups,"). A no-break space stays
/// inside its run.
std::vector<TextRange> split_at_word_separators(std::string_view text);

/// A segment of UAX #29 word segmentation.
struct WordSegment {
  TextRange range;
  bool is_word = false;  ///< letters, numbers or ideographs; false for spaces and punctuation
};

/// UAX #29 word boundaries of `text` (ICU's word BreakIterator in `locale`): the segments
/// between consecutive boundaries, covering the whole text.
std::vector<WordSegment> word_boundaries(std::string_view text, std::string_view locale = "en");

/// `text` without leading and trailing White_Space.
std::string_view trim_white_space(std::string_view text);

}  // namespace broadsheet::text
