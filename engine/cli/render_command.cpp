// broadsheet render: articles and a template to a PDF (and a PNG preview).

#include <broadsheet/engine.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "cli/commands.h"
#include "cli/file_watcher.h"
#include "core/atomic_file.h"

namespace broadsheet::cli {

namespace {

struct RenderArgs {
  std::vector<std::string> articles;
  std::string template_path = "templates/page21.toml";
  std::string output = "out/page21.pdf";
  std::string png;
  double dpi = 100;
  std::string date;
  int page = 0;
  bool no_deck = false;
  std::string fonts_dir;
  std::string breaker = "knuth-plass";
  std::string layout;
  bool guides = false;
  bool watch = false;
  std::vector<std::string> no_deck_for;
  std::vector<std::string> slots;  ///< "rail=B.txt"
  bool allow_overset = false;
  bool allow_missing_glyphs = false;
  std::string language;
  std::string report;
  bool fit = false;
  bool print = false;    ///< the print-ready PDF (also when the template says output = "print")
  bool preview = false;  ///< the preview PDF even when the template says output = "print"
};

Date parse_date_option(const std::string& value) {
  static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (!std::regex_match(value, m, iso))
    throw Error("--date", 0, 0, "expected YYYY-MM-DD, got '" + value + "'");
  const Date date{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
  // Checked against the calendar: the folio names the weekday and the month.
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  if (!ymd.ok()) throw Error("--date", 0, 0, "'" + value + "' is not a calendar date");
  return date;
}

/// An article file, with a deck unless --no-deck (or --no-deck-for it) says otherwise.
Article read_article(const RenderArgs& args, const std::string& path, const std::string& slot) {
  const bool no_deck = args.no_deck || std::find(args.no_deck_for.begin(), args.no_deck_for.end(),
                                                 path) != args.no_deck_for.end();
  Article article = article_from_file(path, !no_deck);
  article.slot = slot;
  return article;
}

/// A picture or advertisement file, by its extension (.jpg, .jpeg, .png, .pdf, any case).
bool is_picture_file(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".pdf";
}

/// The page to make: positional articles fill the story slots in order; --slot NAME=FILE
/// places one, or a picture or an ad (by the file's extension).
PageRequest page_request(const RenderArgs& args) {
  PageRequest request{.page_template = template_from_file(args.template_path)};
  for (const std::string& path : args.articles)
    request.articles.push_back(read_article(args, path, ""));
  for (const std::string& assignment : args.slots) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == assignment.size())
      throw Error("--slot", 0, 0, "expected NAME=FILE, got '" + assignment + "'");
    const std::string name = assignment.substr(0, eq), file = assignment.substr(eq + 1);
    if (is_picture_file(file))
      request.slot_files.push_back({.slot = name, .path = file});
    else
      request.articles.push_back(read_article(args, file, name));
  }
  if (request.articles.empty()) throw Error("render", 0, 0, "no article given");
  if (!args.date.empty()) request.date = parse_date_option(args.date);
  if (args.page > 0) request.page_number = args.page;
  request.copyfit = args.fit;
  request.guides = args.guides;
  request.language = args.language;
  request.allow_missing_glyphs = args.allow_missing_glyphs;
  return request;
}

/// The library's error with the option that fixes it named, where there is one.
Error with_option_hint(const Error& e) {
  std::string hint;
  if (e.code() == "folio-needs-date") hint = " (--date YYYY-MM-DD)";
  if (e.code() == "folio-needs-page") hint = " (--page N)";
  if (e.code() == "no-fonts") hint = " (--fonts DIR)";
  return Error(e.file(), e.line(), e.column(), e.message() + hint, e.code());
}

/// Where page p (0-based) of the PNG preview goes: page 1 to the name given, later pages with
/// "-2", "-3" before the extension.
std::string png_path(const std::string& png, std::size_t p) {
  std::filesystem::path path(png);
  if (p > 0)
    path.replace_filename(path.stem().string() + "-" + std::to_string(p + 1) +
                          path.extension().string());
  return path.string();
}

/// The input files of the run: articles, --slot files and the template.
std::vector<std::string> input_paths(const RenderArgs& args) {
  std::vector<std::string> inputs = args.articles;
  for (const std::string& assignment : args.slots)  // NAME=FILE
    if (const auto eq = assignment.find('='); eq != std::string::npos)
      inputs.push_back(assignment.substr(eq + 1));
  inputs.push_back(args.template_path);
  return inputs;
}

/// Before any work: no output may be an input, nor the same file as another output.
void check_output_paths(const RenderArgs& args, const std::vector<std::string>& outputs) {
  std::map<FileIdentity, std::string> inputs;
  for (const std::string& input : input_paths(args))
    inputs.try_emplace(file_identity(input), input);
  std::set<FileIdentity> seen;
  for (const std::string& output : outputs) {
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(output, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
      throw Error(output, 0, 0, "exists and is not a regular file (only those are replaced)");
    const FileIdentity identity = file_identity(output);
    if (const auto input = inputs.find(identity); input != inputs.end())
      throw Error(output, 0, 0, "an output may not replace an input (" + input->second + ")");
    if (!seen.insert(identity).second)
      throw Error(output, 0, 0, "named for two outputs; give each its own file");
  }
}

/// One output of a run: where it goes, what it is, and for a PNG the 1-based page.
struct OutputFile {
  std::string path, what;
  int page = 0;
};

/// The bytes of one output; a rendering fault names the file it was meant for.
std::string render_output(const RenderArgs& args, const Layout& layout, const OutputFile& out) {
  try {
    if (out.what == "layout dump") return layout.layout_json();
    if (out.what == "report") return layout.report_json();
    if (out.what == "PNG") return layout.png({.dpi = args.dpi, .page = out.page});
    if (out.what == "print PDF") return layout.print_pdf();
    return layout.pdf();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(out.path, 0, 0, e.what());
  }
}

/// The outputs of one run, rendered first and then committed together (a failure commits
/// none), each replaced atomically; says so unless watching.
void write_outputs(const RenderArgs& args, const Layout& layout) {
  const bool print = args.print || (layout.prints_by_default() && !args.preview);
  std::vector<OutputFile> files{{args.output, print ? "print PDF" : "PDF"}};
  if (!args.layout.empty()) files.push_back({args.layout, "layout dump"});
  if (!args.report.empty()) files.push_back({args.report, "report"});
  for (int p = 0; !args.png.empty() && p < layout.page_count(); ++p)
    files.push_back({png_path(args.png, static_cast<std::size_t>(p)), "PNG", p + 1});
  std::vector<std::string> paths;
  for (const OutputFile& file : files) paths.push_back(file.path);
  check_output_paths(args, paths);  // again: the PNG names of later pages are known now
  if (print)
    for (const Warning& w : layout.print_warnings())
      std::cerr << "broadsheet: warning: " << w.message << "\n";
  OutputBatch batch;
  for (const OutputFile& file : files)
    batch.stage(file.path, render_output(args, layout, file), file.what);
  batch.commit();
  if (args.watch) return;
  for (const OutputFile& file : files) std::cerr << "broadsheet: wrote " << file.path << "\n";
  std::cerr << layout.summary();
}

/// One render; throws on bad input. Returns true when some text did not fit (overset).
bool render_once(const Engine& engine, const RenderArgs& args) {
  try {
    const Layout layout = engine.compose(page_request(args));
    for (const Warning& w : layout.warnings())
      std::cerr << "broadsheet: warning: " << w.message << "\n";
    write_outputs(args, layout);
    return layout.overset();
  } catch (const Error& e) {
    throw with_option_hint(e);
  }
}

/// Renders, then re-renders whenever an input changes, one line per render. A bad edit prints
/// its error and leaves the last good outputs in place (outputs are replaced atomically).
[[noreturn]] void watch_and_render(const Engine& engine, const RenderArgs& args) {
  FileWatcher watcher(input_paths(args));
  for (;;) {
    const auto start = std::chrono::steady_clock::now();
    try {
      render_once(engine, args);
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
      std::cerr << "broadsheet: rendered " << args.output << " in " << ms << " ms" << std::endl;
    } catch (const std::exception& e) {
      std::cerr << "broadsheet: error: " << e.what() << " (keeping the last good output)"
                << std::endl;
    }
    watcher.wait_for_change();
  }
}

/// Fonts, dictionary and breaker, loaded once for every render of this run (--watch too).
Engine load_engine(const RenderArgs& args) {
  try {
    return Engine(engine_settings(args.fonts_dir, args.breaker));
  } catch (const Error& e) {
    throw with_option_hint(e);
  }
}

void run_render(const RenderArgs& args) {
  std::vector<std::string> outputs{args.output};
  for (const std::string* path : {&args.png, &args.layout, &args.report})
    if (!path->empty()) outputs.push_back(*path);
  check_output_paths(args, outputs);  // before any work
  const Engine engine = load_engine(args);
  if (args.watch) watch_and_render(engine, args);
  if (render_once(engine, args) && !args.allow_overset) {
    std::cerr << "broadsheet: text is overset (see the report; --allow-overset to accept)\n";
    throw ExitStatus{2};
  }
}

}  // namespace

void add_render_command(CLI::App& app) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand("render", "Lay out articles on a page template: PDF and PNG");
  cmd->add_option("articles", args->articles, "Article files (plain-text format), in slot order")
      ->check(CLI::ExistingFile);
  cmd->add_option("--template,-t", args->template_path, "Page template (TOML)")
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "PDF to write")->capture_default_str();
  CLI::Option* print_flag =
      cmd->add_flag("--print", args->print,
                    "Write the print-ready PDF: CMYK, bleed, crop marks, page boxes, PDF/X-1a");
  cmd->add_flag("--preview", args->preview,
                "Write the preview PDF even when the template says output = \"print\"")
      ->excludes(print_flag);
  cmd->add_option("--png", args->png, "Also write a PNG preview of the page");
  cmd->add_option("--layout", args->layout,
                  "Also write the layout dump (JSON: every line's text and position)");
  cmd->add_flag("--watch", args->watch,
                "Re-render whenever an article or the template changes (Ctrl-C to stop)");
  cmd->add_flag("--guides", args->guides,
                "Draw margins, columns, baseline grid and slot outlines in the PNG preview");
  cmd->add_option("--dpi", args->dpi, "PNG resolution")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1200.0));
  cmd->add_option("--date", args->date, "Folio date YYYY-MM-DD (overrides the source line)");
  cmd->add_option("--page", args->page, "Folio page number (overrides the source line)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--slot", args->slots, "Put an article in a named slot: NAME=FILE (repeatable)");
  cmd->add_flag("--no-deck", args->no_deck,
                "Line 2 of the articles is body text, not a deck (the sample articles)");
  cmd->add_option("--no-deck-for", args->no_deck_for,
                  "Like --no-deck, for one article only (repeatable)");
  cmd->add_flag("--fit", args->fit,
                "Copyfit: make each story fill its slot exactly (headline, deck, looseness, "
                "letter spacing, in that order)");
  cmd->add_flag("--allow-overset", args->allow_overset,
                "Exit 0 even when text does not fit (it is still reported)");
  cmd->add_flag("--allow-missing-glyphs", args->allow_missing_glyphs,
                "Draw characters no font has as boxes (a warning) instead of failing");
  cmd->add_option("--lang", args->language,
                  "Language of articles that give none (BCP 47: en, de, zh-Hant, ja, ar)");
  cmd->add_option("--report", args->report,
                  "Write the composition report (JSON: per slot story, depth, lines, overset)");
  cmd->add_option("--fonts", args->fonts_dir, "Fonts folder with fonts.toml (default: fonts/)");
  cmd->add_option("--breaker", args->breaker, "Line breaker: knuth-plass or greedy")
      ->capture_default_str()
      ->check(CLI::IsMember({"knuth-plass", "greedy"}));
  cmd->callback([args] { run_render(*args); });
}

}  // namespace broadsheet::cli
