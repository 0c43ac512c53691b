#pragma once
// Shared helpers for the test programs: the engine set up on the project's own files, running
// commands, and reading PDFs back through poppler's tools.

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "font/font_registry.h"
#include "linebreak/greedy_breaker.h"
#include "template/page_template.h"
#include "text/hyphenator.h"

namespace broadsheet::testing {

inline const font::FontRegistry& test_fonts() {
  static const font::FontRegistry fonts =
      font::FontRegistry::load(std::string(BROADSHEET_SOURCE_DIR) + "/fonts");
  return fonts;
}

inline const text::Hyphenator& test_hyphenator() {
  static const text::Hyphenator h(text::Hyphenator::default_dictionary_path());
  return h;
}

inline const layout_template::PageTemplate& page21() {
  static const layout_template::PageTemplate t =
      layout_template::load_template(std::string(BROADSHEET_SOURCE_DIR) + "/templates/page21.toml");
  return t;
}

/// The whole file as bytes ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// How often `needle` occurs in `haystack`.
inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++count;
  return count;
}

/// Polls `condition` every 20 ms until it holds (true) or `limit` has passed (false). For waiting
/// on another process; the limit is a bound against hanging, not a timing the test relies on.
template <class Condition>
bool wait_until(Condition condition, std::chrono::milliseconds limit = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

struct CommandResult {
  int status = -1;
  std::string output;  ///< stdout and stderr together
};

/// Runs a shell command, capturing its output and exit status.
inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()))
    result.output += buffer.data();
  const int raw = pclose(pipe.release());
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

inline std::string broadsheet_binary() {
  return BROADSHEET_BINARY;
}
inline std::string test_out(const std::string& name) {
  return std::string(BROADSHEET_TEST_OUT) + "/" + name;
}

/// A word box from `pdftotext -bbox-layout` (points, y down).
struct PdfWord {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
};

/// The five XML entities pdftotext writes.
inline std::string xml_unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
      s.replace(at, std::string(from).size(), to);
  }
  return s;
}

inline std::vector<PdfWord> pdf_words(const std::string& pdf) {
  const CommandResult r = run_command("pdftotext -bbox-layout '" + pdf + "' -");
  if (r.status != 0) throw std::runtime_error("pdftotext failed: " + r.output);
  std::vector<PdfWord> words;
  static const std::regex word_re(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  int page = 0;
  std::size_t pos = 0;
  const std::string& xml = r.output;
  while (pos < xml.size()) {
    const std::size_t next_page = xml.find("<page ", pos);
    const std::size_t next_word = xml.find("<word ", pos);
    if (next_word == std::string::npos) break;
    if (next_page != std::string::npos && next_page < next_word) {
      ++page;
      pos = next_page + 1;
      continue;
    }
    const std::size_t end = xml.find("</word>", next_word);
    std::smatch m;
    const std::string chunk = xml.substr(next_word, end + 7 - next_word);
    if (std::regex_match(chunk, m, word_re))
      words.push_back({page - 1, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                       xml_unescape(m[5])});
    pos = end + 7;
  }
  return words;
}

}  // namespace broadsheet::testing
