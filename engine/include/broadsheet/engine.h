#pragma once
// Broadsheet's public API: an Engine loads fonts, the hyphenation dictionary and a line breaker
// once, then lays out pages from article and template text and renders them to PDF or PNG, as
// bytes or into a stream. Nothing here needs HarfBuzz, Cairo or ICU headers.
//
//   broadsheet::Engine engine({.data_dir = "/usr/local/share/broadsheet"});
//   broadsheet::PageRequest request{.page_template = broadsheet::template_from_file("page.toml")};
//   request.articles.push_back(broadsheet::article_from_file("story.txt"));
//   const broadsheet::Layout layout = engine.compose(request);
//   std::ofstream pdf("page.pdf", std::ios::binary);
//   layout.write_pdf(pdf);

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "broadsheet/error.h"

namespace broadsheet {

// Members without a default carry `{}`: GCC's -Wextra warns when a designated initialiser
// leaves out a member that has none.

/// The library's version, e.g. "0.1.0".
const char* version();

/// How body text is broken into lines.
enum class LineBreaker {
  KnuthPlass,  ///< whole-paragraph optimum (the default)
  Greedy,      ///< first fit, line by line (a baseline)
};

/// Where the engine finds its data, and how it breaks lines. Every field may stay empty.
///
/// Fonts come from the first of: `fonts_dir`; `data_dir`/fonts; $BROADSHEET_FONTS;
/// $BROADSHEET_DATA_DIR/fonts; the first of `fallback_data_dirs` that has fonts/fonts.toml; the
/// installed data folder (<prefix>/share/broadsheet, fixed when the library was configured).
/// The hyphenation dictionary: `hyphenation_dictionary`; $BROADSHEET_HYPHEN_DICT;
/// /usr/share/hyphen/hyph_en_US.dic (Debian's hyphen-en-us).
struct EngineSettings {
  std::string data_dir{};                         ///< a folder holding fonts/fonts.toml
  std::string fonts_dir{};                        ///< the fonts folder itself (wins over data_dir)
  std::vector<std::string> fallback_data_dirs{};  ///< tried after the environment
  std::string hyphenation_dictionary{};           ///< a libhyphen .dic file
  LineBreaker breaker = LineBreaker::KnuthPlass;
};

/// A calendar date.
struct Date {
  int year = 0, month = 0, day = 0;
};

/// One article in the plain-text format: headline, deck, one paragraph per line, an optional
/// source line such as "(China Daily 12/17/2015 page21)".
struct Article {
  std::string text{};    ///< the whole article, UTF-8
  std::string name{};    ///< for messages and reports (a file name); empty: "article N"
  bool has_deck = true;  ///< line 2 is a deck; false: line 2 is body text
  std::string slot{};    ///< the template slot to fill; empty: the next story slot in order
};

/// A page template (TOML).
struct Template {
  std::string text{};
  std::string name{};  ///< for messages (a file name); empty: "template"
};

/// Reads an article file. Throws Error naming the file when it cannot be read.
Article article_from_file(const std::string& path, bool has_deck = true);
/// Reads a template file. Throws Error naming the file when it cannot be read.
Template template_from_file(const std::string& path);

/// A picture (JPEG, PNG) or an advertisement (PDF, JPEG, PNG) for a picture or ad slot.
struct SlotFile {
  std::string slot{};  ///< the template's slot
  std::string path{};  ///< read when the page is composed; a missing file is an Error naming it
};

/// One page to make: a template and the articles that fill its slots.
struct PageRequest {
  Template page_template{};
  std::vector<Article> articles{};
  std::vector<SlotFile> slot_files{};  ///< pictures and ads, over the files the template names
  std::optional<Date> date{};          ///< the folio's date; default: the first source line's
  std::optional<int> page_number{};    ///< the folio's page; default: the first source line's
  bool copyfit = false;                ///< make each story fill its slot exactly
  bool guides = false;                 ///< draw margins, columns, grid and slots into PNG previews
  std::string language{};             ///< BCP 47 for articles that give none ("zh-Hant", "de")
  bool allow_missing_glyphs = false;  ///< characters no font has: boxes and a warning, no error
};

/// What happened in one slot.
struct SlotSummary {
  int page = 0;  ///< 1-based
  std::string slot{};
  std::string article{};  ///< the article's name, empty for an empty slot
  int first_column = 0, last_column = 0;
  double depth = 0;          ///< pt used from the slot's top
  double headline_size = 0;  ///< pt
  int body_lines = 0;
  int overset_lines = 0;  ///< lines that did not fit
};

/// PNG preview options.
struct PngOptions {
  double dpi = 100;  ///< 1 to 1200
  int page = 1;      ///< 1-based
};

/// A composed page (or pages, when the template has several): the layout as values, and the
/// renderings. Keeps what it needs of its Engine alive; may be used from one thread at a time.
class Layout {
 public:
  struct Impl;
  explicit Layout(std::unique_ptr<Impl> impl);
  ~Layout();
  Layout(Layout&&) noexcept;
  Layout& operator=(Layout&&) noexcept;

  int page_count() const;
  bool overset() const;  ///< some text did not fit
  const std::vector<Warning>& warnings() const;
  std::vector<SlotSummary> slots() const;
  std::string report_json() const;  ///< "broadsheet-report/1"
  std::string layout_json() const;  ///< "broadsheet-layout/1": every line's text and position
  std::string summary() const;      ///< a few lines for people: one per filled slot

  /// The PDF, every page; its creation date is the edition's (never the clock), so the same
  /// request gives the same bytes. Throws std::runtime_error when the stream fails.
  void write_pdf(std::ostream& out) const;
  std::string pdf() const;
  /// The print-ready PDF (the template's [print] settings): CMYK with black text in black ink
  /// only, bleed, crop marks, page boxes, an output intent and the PDF/X-1a keys; the same
  /// request gives the same bytes. Throws std::runtime_error (an unreadable ICC profile, a
  /// colour over the ink limit, a failing stream).
  void write_print_pdf(std::ostream& out) const;
  std::string print_pdf() const;
  /// What a plant would object to in the print PDF that Broadsheet leaves as given: PDF ads
  /// with RGB colours or transparency ("ad.pdf: RGB colours; PDF/X-1a wants CMYK ads").
  std::vector<Warning> print_warnings() const;
  /// True when the template says output = "print": its PDF is the print-ready one.
  bool prints_by_default() const;
  /// Every page of `layouts`, in order, as one PDF (an edition in one file). They must come
  /// from one Engine; the PDF's title and creation date are the first layout's.
  static void write_pdf(const std::vector<const Layout*>& layouts, std::ostream& out);
  /// One page as a PNG preview (placeholders, guides and overset marks included).
  void write_png(std::ostream& out, const PngOptions& options = {}) const;
  std::string png(const PngOptions& options = {}) const;

 private:
  std::unique_ptr<Impl> impl_;
};

/// Everything at once, for callers that want bytes: see Engine::render.
struct RenderResult {
  std::string pdf{};
  std::vector<Warning> warnings{};
  bool overset = false;
  std::vector<SlotSummary> slots{};
  std::string report_json{};
  std::string layout_json{};
};

/// Fonts, hyphenation and a line breaker, loaded once; then any number of pages. Use one
/// Engine from one thread at a time (give each thread its own).
class Engine {
 public:
  /// Loads the fonts and the dictionary; throws Error when they cannot be found or read.
  explicit Engine(const EngineSettings& settings = {});
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  /// Lays out the request's page. Throws Error for bad articles, templates or settings.
  Layout compose(const PageRequest& request) const;
  /// compose(), then the PDF and the report.
  RenderResult render(const PageRequest& request) const;

  const std::string& fonts_dir() const;  ///< the fonts folder in use
  const std::string& hyphenation_dictionary() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace broadsheet
