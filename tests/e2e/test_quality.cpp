// The typography targets of the paragraph composer, measured on the rendered reference page:
// word spaces, hyphenation, overfull lines and the baseline grid from the PDF's word boxes
// (poppler's pdftotext), text fidelity from its text layer, runts from the layout dump. The
// measurements follow the definitions of the engine-neutral meter the targets were set with
// (tests/support/pdf_lines.h), inside the project: nothing outside the repository is needed.
#define BOOST_TEST_MODULE quality
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "pdf_lines.h"
#include "test_support.h"
#include "text/unicode.h"

using namespace broadsheet;
using namespace broadsheet::testing;

namespace {

const std::string kArticle = "tests/articles/00_page21_china_daily.txt";
constexpr double kBodySize = 9.5;  // pt, page21's body style

/// Renders page21 once per test program: the PDF and the layout dump.
const std::string& rendered_pdf() {
  static const std::string pdf = [] {
    const std::string path = test_out("quality_page21.pdf");
    const auto render = run_command(broadsheet_binary() + " render " + kArticle + " -o " + path +
                                    " --layout " + test_out("quality_page21.layout.json"));
    if (render.status != 0) throw std::runtime_error("render failed: " + render.output);
    return path;
  }();
  return pdf;
}

const std::vector<PdfLine>& body_lines() {
  static const std::vector<PdfLine> lines = pdf_body_lines(pdf_words(rendered_pdf()), kBodySize);
  return lines;
}

// ---- word spacing ---------------------------------------------------------------------------

/// Justified lines: two words or more, ending within 0.5 pt of the column's right edge.
bool is_justified(const PdfLine& l) {
  return l.words.size() >= 2 && std::abs(l.x1 - l.right) <= 0.5;
}

/// The gaps between successive words of a line, in em of the body size.
std::vector<double> word_gaps_em(const PdfLine& l) {
  std::vector<double> gaps;
  for (std::size_t i = 1; i < l.boxes.size(); ++i) {
    gaps.push_back((l.boxes[i].first - l.boxes[i - 1].second) / kBodySize);
  }
  return gaps;
}

/// The p-th fraction of `values`, interpolated linearly between neighbours.
double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double k = static_cast<double>(values.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(k);
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (k - static_cast<double>(lo));
}

// ---- hyphenation ----------------------------------------------------------------------------

/// A word ends in a hyphen (hyphen-minus, U+2010 or a soft hyphen) after something else.
bool ends_in_hyphen(const std::string& word) {
  if (word.empty()) return false;
  const text::CodePoint c = text::previous_code_point(word, word.size());
  return c.begin > 0 && (c.value == U'-' || c.value == U'\u2010' || c.value == U'\u00ad');
}

bool ends_in_hyphen(const PdfLine& l) {
  return ends_in_hyphen(l.words.back());
}

// ---- text fidelity --------------------------------------------------------------------------

/// NFKC ("ﬁ" -> "fi"), curly quotes to straight ones, dashes to '-': what engines may change.
std::string normalised(const std::string& token) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(token);
  if (U_SUCCESS(status)) u = nfkc->normalize(u, status);
  std::string nfkc_text;
  u.toUTF8String(nfkc_text);
  std::string out;
  for (const text::CodePoint& c : text::decode_utf8(nfkc_text)) {
    char32_t v = c.value;
    if (v == U'\u2018' || v == U'\u2019' || v == U'\u201a' || v == U'\u201b' || v == U'\u2032')
      v = U'\'';
    if (v == U'\u201c' || v == U'\u201d' || v == U'\u201e' || v == U'\u201f' || v == U'\u2033')
      v = U'"';
    if (v >= U'\u2010' && v <= U'\u2014') v = U'-';
    text::append_utf8(out, v);
  }
  return out;
}

bool is_word_character(char32_t c) {
  return text::is_letter(c) || text::is_digit(c) || c == U'_';
}

/// The token without leading and trailing non-word characters, lower-cased.
std::string bare(const std::string& token) {
  const auto cps = text::decode_utf8(token);
  std::size_t first = 0, last = cps.size();
  while (first < last && !is_word_character(cps[first].value)) ++first;
  while (last > first && !is_word_character(cps[last - 1].value)) --last;
  if (first == last) return "";
  return text::to_lower(token.substr(cps[first].begin, cps[last - 1].end - cps[first].begin));
}

/// The source's body words: its non-blank lines without the first two (headline and deck) and
/// the last (the source line, which feeds the folio), normalised.
std::vector<std::string> source_words() {
  std::vector<std::string> lines;
  std::istringstream in(slurp(kArticle));
  for (std::string line; std::getline(in, line);) {
    if (!text::trim_white_space(line).empty()) lines.push_back(line);
  }
  std::vector<std::string> words;
  for (std::size_t i = 2; i + 1 < lines.size(); ++i) {
    for (const text::TextRange& r : text::split_at_word_separators(lines[i])) {
      words.push_back(normalised(lines[i].substr(r.begin, r.end - r.begin)));
    }
  }
  return words;
}

bool starts_or_ends_without_letter(const std::string& before, const std::string& after) {
  return !is_word_character(text::previous_code_point(before, before.size()).value) ||
         !is_word_character(text::next_code_point(after, 0).value);
}

/// The PDF's body words in reading order. A line-end hyphen is kept when only the hyphenated
/// join is a source word ("tie-|ups"), dropped otherwise; a break at a dash or slash is joined
/// when the joined token is a source token ("apps|—the").
std::vector<std::string> pdf_word_stream(const std::vector<PdfLine>& lines,
                                         const std::vector<std::string>& source) {
  std::set<std::string> vocabulary, tokens(source.begin(), source.end());
  for (const std::string& w : source) vocabulary.insert(bare(w));
  std::vector<std::string> out;
  std::optional<std::string> carry;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string> words = lines[i].words;
    if (carry) {
      const std::string stem = carry->substr(0, carry->size() - 1);
      const std::string soft = stem + words.front(), hard = stem + "-" + words.front();
      const bool compound = vocabulary.count(bare(normalised(hard))) > 0 &&
                            vocabulary.count(bare(normalised(soft))) == 0;
      words.front() = compound ? hard : soft;
      carry.reset();
    } else if (!out.empty() && starts_or_ends_without_letter(out.back(), words.front()) &&
               tokens.count(normalised(out.back() + words.front())) > 0) {
      words.front() = out.back() + words.front();
      out.pop_back();
    }
    if (i + 1 < lines.size() && ends_in_hyphen(words.back())) {
      carry = words.back();
      words.pop_back();
    }
    out.insert(out.end(), words.begin(), words.end());
  }
  if (carry) out.push_back(*carry);
  for (std::string& w : out) w = normalised(w);
  return out;
}

struct Fidelity {
  int missing = 0;    ///< source words not in the PDF
  int extra = 0;      ///< PDF words not in the source
  int reordered = 0;  ///< words both missing in one place and extra in another
};

/// Compares the two word sequences through their longest common subsequence.
Fidelity compare_words(const std::vector<std::string>& source,
                       const std::vector<std::string>& pdf) {
  const std::size_t n = source.size(), m = pdf.size();
  std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      common[i][j] = source[i] == pdf[j] ? common[i + 1][j + 1] + 1
                                         : std::max(common[i + 1][j], common[i][j + 1]);
  std::map<std::string, int> missing, extra;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && source[i] == pdf[j]) {
      ++i, ++j;
    } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
      ++missing[source[i++]];
    } else {
      ++extra[pdf[j++]];
    }
  }
  Fidelity f;
  for (const auto& [word, count] : missing) {
    const int both = extra.count(word) ? std::min(count, extra[word]) : 0;
    f.reordered += both;
    f.missing += count - both;
  }
  for (const auto& [word, count] : extra) f.extra += count;
  f.extra -= f.reordered;
  return f;
}

// ---- baseline grid --------------------------------------------------------------------------

/// Baselines of each (page, column), top to bottom.
std::map<std::pair<int, int>, std::vector<double>> baselines_by_column() {
  std::map<std::pair<int, int>, std::vector<double>> by_column;
  for (const PdfLine& l : body_lines()) by_column[{l.page, l.column}].push_back(l.y);
  return by_column;
}

double median_pitch() {
  std::vector<double> steps;
  for (const auto& [key, ys] : baselines_by_column())
    for (std::size_t i = 1; i < ys.size(); ++i) steps.push_back(ys[i] - ys[i - 1]);
  std::sort(steps.begin(), steps.end());
  const std::size_t n = steps.size();
  return n % 2 == 1 ? steps[n / 2] : (steps[n / 2 - 1] + steps[n / 2]) / 2;
}

/// Distance of `y` from the nearest grid line `origin + k * pitch`.
double off_grid(double y, double origin, double pitch) {
  double r = std::fmod((y - origin) / pitch, 1.0);
  if (r < 0) r += 1;
  return std::min(r, 1 - r) * pitch;
}

}  // namespace

BOOST_AUTO_TEST_CASE(word_spaces_are_even) {
  std::vector<double> gaps;
  int justified = 0, loose = 0;
  for (const PdfLine& l : body_lines()) {
    if (!is_justified(l)) continue;
    ++justified;
    const std::vector<double> line_gaps = word_gaps_em(l);
    double sum = 0;
    for (double g : line_gaps) sum += g;
    // A loose line: its mean word space is above half an em.
    if (sum / static_cast<double>(line_gaps.size()) > 0.5) ++loose;
    gaps.insert(gaps.end(), line_gaps.begin(), line_gaps.end());
  }
  BOOST_TEST_REQUIRE(justified > 40);
  const double p95 = percentile(gaps, 0.95);
  const double widest = *std::max_element(gaps.begin(), gaps.end());
  BOOST_TEST_MESSAGE(justified << " justified lines: loose " << loose << ", gap p95 " << p95
                               << " em, widest " << widest << " em");
  BOOST_TEST(loose <= 3);
  BOOST_TEST(p95 <= 0.50);
  BOOST_TEST(widest <= 0.75);
}

BOOST_AUTO_TEST_CASE(hyphenated_line_ends_are_few_and_never_more_than_two_in_a_row) {
  const auto& lines = body_lines();
  int hyphenated = 0, run = 0, longest_run = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const bool hyphen = ends_in_hyphen(lines[i]);
    hyphenated += hyphen ? 1 : 0;
    run = hyphen ? run + 1 : 0;
    longest_run = std::max(longest_run, run);
  }
  BOOST_TEST_MESSAGE(lines.size() << " body lines, " << hyphenated << " hyphenated, longest run "
                                  << longest_run);
  BOOST_TEST(longest_run <= 2);
  BOOST_TEST(hyphenated <= 0.15 * static_cast<double>(lines.size()));
}

BOOST_AUTO_TEST_CASE(no_line_is_overfull) {
  int interior = 0;
  for (const PdfLine& l : body_lines()) {
    if (l.paragraph_final) continue;
    ++interior;
    // Past the column's right edge by more than half a point.
    BOOST_TEST(l.right - l.x1 >= -0.5, l.words.front() << " ... " << l.words.back());
  }
  BOOST_TEST(interior > 40);
}

BOOST_AUTO_TEST_CASE(text_layer_has_every_source_word_in_order) {
  const std::vector<std::string> source = source_words();
  const std::vector<std::string> pdf = pdf_word_stream(body_lines(), source);
  const Fidelity f = compare_words(source, pdf);
  BOOST_TEST_MESSAGE(source.size()
                     << " source words, " << pdf.size() << " in the PDF: missing " << f.missing
                     << ", extra " << f.extra << ", reordered " << f.reordered);
  BOOST_TEST(source.size() > 300u);
  BOOST_TEST(f.missing == 0);
  BOOST_TEST(f.extra == 0);
  BOOST_TEST(f.reordered == 0);
}

BOOST_AUTO_TEST_CASE(body_baselines_are_on_an_11_pt_grid) {
  const double pitch = median_pitch();
  BOOST_TEST(pitch == 11.0, boost::test_tools::tolerance(0.0005 / 11.0));
  // Every line of every column on the grid of the first column's first line (0.3 pt).
  const auto by_column = baselines_by_column();
  int checked = 0;
  for (const auto& [key, ys] : by_column) {
    const double origin = by_column.at({key.first, 0}).front();
    for (double y : ys) {
      BOOST_TEST(off_grid(y, origin, pitch) <= 0.3, "column " << key.second << " y " << y);
      ++checked;
    }
  }
  BOOST_TEST_MESSAGE("baseline pitch " << pitch << " pt, " << checked << " lines checked");
  BOOST_TEST(by_column.size() == 4u);  // page21's lead runs over four columns
  BOOST_TEST(checked > 60);
}

BOOST_AUTO_TEST_CASE(no_runt_last_lines_in_the_reference_article) {
  rendered_pdf();
  const auto dump = nlohmann::json::parse(slurp(test_out("quality_page21.layout.json")));
  int last_lines = 0;
  for (const auto& l : dump["lines"]) {
    if (l["role"] != "body" || l["line"].get<int>() == 0) continue;
    const std::string text = l["text"];
    const bool one_word = text.find(' ') == std::string::npos;
    if (one_word) ++last_lines;
    // A runt: one word on a paragraph's last line, narrower than a fifth of the measure.
    BOOST_TEST(!(one_word && l["width"].get<double>() < 0.2 * l["measure"].get<double>()), text);
  }
  BOOST_TEST_MESSAGE(last_lines << " one-word continuation lines checked");
}

BOOST_AUTO_TEST_CASE(pdf_lines_agree_with_the_layout_dump) {
  rendered_pdf();
  const auto dump = nlohmann::json::parse(slurp(test_out("quality_page21.layout.json")));
  std::size_t body_size_lines = 0;
  for (const auto& l : dump["lines"])
    if (l["size"].get<double>() == kBodySize && l["role"] != "folio") ++body_size_lines;
  BOOST_TEST(body_lines().size() == body_size_lines);
}
