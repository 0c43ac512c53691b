#include "text/hyphenator.h"

#include <hyphen.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "text/hyphen_patterns_cache.h"
#include "text/line_breaks.h"
#include "text/unicode.h"

namespace broadsheet::text {

namespace {

/// The rep/pos/cut arrays hnj_hyphen_hyphenate2 may malloc for non-standard hyphenation
/// ("Schiffahrt" -> "Schiff=fahrt"); freed with std::free as libhyphen expects.
class NonStandardHyphenation {
 public:
  explicit NonStandardHyphenation(int word_size) : word_size_(word_size) {}
  NonStandardHyphenation(const NonStandardHyphenation&) = delete;
  NonStandardHyphenation& operator=(const NonStandardHyphenation&) = delete;
  ~NonStandardHyphenation() {
    if (rep != nullptr) {
      for (int i = 0; i < word_size_; ++i) std::free(rep[i]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }

  /// True when the point after character `index` needs a spelling change, which a plain
  /// inserted hyphen cannot express.
  bool changes_spelling_at(int index) const { return rep != nullptr && rep[index] != nullptr; }

  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;

 private:
  int word_size_;
};

/// Quotes, brackets and sentence punctuation around a word.
bool is_edge_punctuation(char32_t c) {
  switch (c) {
    case U'"':
    case U'\'':
    case U',':
    case U'.':
    case U':':
    case U';':
    case U'!':
    case U'?':
    case U'(':
    case U')':
    case U'[':
    case U']':
    case U'{':
    case U'}':
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x2026:  // …
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == 0x2019;
}

/// Explicit hyphens and dashes that join the parts of a compound ("small-business").
bool is_compound_dash(char32_t c) {
  return c == U'-' || (c >= 0x2010 && c <= 0x2015);
}

/// Checked before libhyphen reads it: a regular file whose first line names a character set
/// ("UTF-8", "ISO8859-1") and whose next line is a pattern or keyword, as libhyphen's are.
void check_dictionary_file(const std::string& path) {
  const auto fail = [&](const std::string& why) {
    throw InputError(SourceLocation{path, 0, 0}, "not a libhyphen dictionary: " + why);
  };
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InputError(SourceLocation{path, 0, 0}, "cannot load hyphenation dictionary");
  if (!std::filesystem::is_regular_file(path, ec)) fail("not a regular file");
  std::ifstream in(path, std::ios::binary);
  std::string charset, second;
  std::getline(in, charset);
  std::getline(in, second);
  if (!charset.empty() && charset.back() == '\r') charset.pop_back();
  const auto is_charset_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  };
  if (charset.empty() || charset.size() > 32 ||
      !std::all_of(charset.begin(), charset.end(), is_charset_char))
    fail("the first line must name a character set such as UTF-8");
  if (second.find_first_of(":/") != std::string::npos || second.size() > 200)
    fail("line 2 is neither a pattern nor a keyword");
}

}  // namespace

struct Hyphenator::Dict {
  HyphenPatterns handle;  ///< parsed once, then loaded from its compiled cache
};

Hyphenator::Hyphenator(const std::string& dictionary_path) : dict_(std::make_unique<Dict>()) {
  check_dictionary_file(dictionary_path);
  dict_->handle = HyphenPatterns::load(dictionary_path, default_hyphenation_cache_dir());
  if (!dict_->handle) {
    throw InputError(SourceLocation{dictionary_path, 0, 0}, "cannot load hyphenation dictionary");
  }
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

std::string Hyphenator::default_dictionary_path() {
  if (const char* path = std::getenv("BROADSHEET_HYPHEN_DICT"); path != nullptr && *path != '\0') {
    return path;
  }
  return "/usr/share/hyphen/hyph_en_US.dic";
}

namespace {

/// Recodes `word` (UTF-8) in place to the 8-bit character set `charset` (ICU's converter);
/// false when a character has no single-byte form there.
bool encode_8bit(const char* charset, std::string& word) {
  UErrorCode status = U_ZERO_ERROR;
  const CHandle<UConverter, ucnv_close> converter(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(word);
  std::string out(static_cast<std::size_t>(unicode.length()) * 4 + 4, '\0');
  const int32_t length =
      unicode.extract(out.data(), static_cast<int32_t>(out.size()), converter.get(), status);
  if (U_FAILURE(status) || length != unicode.countChar32()) return false;
  out.resize(static_cast<std::size_t>(length));
  word = std::move(out);
  return true;
}

/// Adds the points of one compound part, code points [first, last) of `word`, to `points`.
void hyphenate_part(HyphenDict* dict, const std::vector<CodePoint>& word, std::size_t first,
                    std::size_t last, const HyphenationRules& rules,
                    std::vector<std::size_t>& points) {
  int letters = 0;
  int capitals = 0;
  bool ascii_only = true;
  std::string lowered;
  for (std::size_t i = first; i < last; ++i) {
    const char32_t c = word[i].value;
    if (is_digit(c)) return;
    if (is_letter(c)) {
      ++letters;
      if (is_uppercase(c)) ++capitals;
    } else if (!is_apostrophe(c) && !is_mark(c)) {
      return;  // '&', '/', '.', symbols: not a plain word
    }
    ascii_only = ascii_only && c < 0x80;
    // Lowercasing may change a code point's byte length; libhyphen reports UTF-8 results per
    // code point, so positions still line up with `word`.
    append_utf8(lowered, simple_lower(c));
  }
  if (letters < rules.min_word_letters) return;
  if (capitals >= 2) return;  // acronyms ("NASA") and inner capitals ("AliExpress")
  if (!rules.capitalized && capitals == 1) {
    for (std::size_t i = first; i < last; ++i) {
      if (is_letter(word[i].value)) {
        if (is_uppercase(word[i].value)) return;
        break;
      }
    }
  }
  // An 8-bit dictionary (ISO8859-1 German, KOI8-R Russian) reads the word in its own character
  // set, one byte a letter; a word with a letter the set lacks is not hyphenated.
  if (!dict->utf8 && !ascii_only && !encode_8bit(dict->cset, lowered)) return;

  // hnj_hyphen_hyphenate2 also applies the dictionary's LEFT/RIGHTHYPHENMIN (2 and 3 for
  // en_US), so rules below those have no effect.
  const auto size = static_cast<int>(lowered.size());
  std::vector<char> hyphens(lowered.size() + 5, '\0');
  NonStandardHyphenation non_standard(size);
  if (hnj_hyphen_hyphenate2(dict, lowered.data(), size, hyphens.data(), nullptr, &non_standard.rep,
                            &non_standard.pos, &non_standard.cut) != 0) {
    return;
  }

  // hyphens[k] odd: a hyphen may follow character k of the part. For UTF-8 dictionaries
  // libhyphen indexes characters (code points), not bytes; for 8-bit ones a byte is a
  // character, so both agree.
  int letters_before = 0;
  for (std::size_t k = 0; first + k + 1 < last; ++k) {
    const char32_t before = word[first + k].value;
    const char32_t after = word[first + k + 1].value;
    if (is_letter(before)) ++letters_before;
    if ((hyphens[k] & 1) == 0 || non_standard.changes_spelling_at(static_cast<int>(k))) continue;
    if (!is_letter(before) || !is_letter(after)) continue;  // never next to an apostrophe
    if (letters_before < rules.min_before || letters - letters_before < rules.min_after) continue;
    points.push_back(word[first + k + 1].begin);
  }
}

}  // namespace

std::vector<std::size_t> Hyphenator::points(std::string_view word,
                                            const HyphenationRules& rules) const {
  std::vector<std::size_t> points;
  if (!dict_ || !dict_->handle || word.empty()) return points;
  if (looks_like_url_or_email(word) || word.find('@') != std::string_view::npos) return points;

  const std::vector<CodePoint> code_points = decode_utf8(word);
  std::size_t first = 0;
  std::size_t last = code_points.size();
  while (first < last && is_edge_punctuation(code_points[first].value)) ++first;
  while (last > first && is_edge_punctuation(code_points[last - 1].value)) --last;
  // Possessive: hyphenate the stem only ("Alibaba's" as "Alibaba").
  if (last - first > 2 &&
      (code_points[last - 1].value == U's' || code_points[last - 1].value == U'S') &&
      is_apostrophe(code_points[last - 2].value)) {
    last -= 2;
  }

  // Each part of a compound on its own; the parts exclude the explicit hyphens, so no point can
  // sit next to one.
  std::size_t part_first = first;
  for (std::size_t i = first; i <= last; ++i) {
    if (i == last || is_compound_dash(code_points[i].value)) {
      if (i > part_first) {
        hyphenate_part(dict_->handle.get(), code_points, part_first, i, rules, points);
      }
      part_first = i + 1;
    }
  }
  return points;
}

std::string Hyphenator::show(std::string_view word, const HyphenationRules& rules) const {
  std::string shown;
  std::size_t copied = 0;
  for (std::size_t point : points(word, rules)) {
    shown.append(word.substr(copied, point - copied));
    shown.push_back('-');
    copied = point;
  }
  shown.append(word.substr(copied));
  return shown;
}

}  // namespace broadsheet::text
