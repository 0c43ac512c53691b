// broadsheet render: articles and a template to a PDF (and a PNG preview).

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <regex>

#include "cli/commands.h"
#include "cli/engine_setup.h"
#include "cli/file_watcher.h"
#include "compose/composer.h"
#include "compose/guides.h"
#include "core/atomic_file.h"
#include "core/diagnostics.h"
#include "print/print_job.h"
#include "print/print_metadata.h"
#include "render/cairo_renderer.h"
#include "render/layout_dump.h"
#include "render/report.h"
#include "story/story.h"
#include "template/page_template.h"

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
  std::string report;
  bool fit = false;
  bool print = false;    ///< the print-ready PDF (also when the template says output = "print")
  bool preview = false;  ///< the preview PDF even when the template says output = "print"
};

story::Date parse_date_option(const std::string& value) {
  static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (!std::regex_match(value, m, iso))
    throw InputError({"--date", 0, 0}, "expected YYYY-MM-DD, got '" + value + "'");
  const story::Date date{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
  // Checked against the calendar: the folio names the weekday and the month.
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  if (!ymd.ok()) throw InputError({"--date", 0, 0}, "'" + value + "' is not a calendar date");
  return date;
}

std::vector<const story::Story*> in_order_stories(const std::vector<story::Story>& stories) {
  std::vector<const story::Story*> pointers;
  for (const story::Story& story : stories) pointers.push_back(&story);
  return pointers;
}

std::optional<int> source_page(const std::vector<story::Story>& stories) {
  return stories.front().source ? stories.front().source->page : std::nullopt;
}

/// The print-ready PDF (CMYK, bleed, marks, PDF/X), through the print pass.
void write_print_pdf(const DisplayList& display, const font::FontRegistry& fonts,
                     const layout_template::PageTemplate& tpl,
                     const std::vector<const story::Story*>& stories, const print::PageSlug& slug,
                     const render::PdfOptions& options, const std::string& output) {
  const print::PrintJob job =
      print::prepare_print(display, tpl, print::describe_page(tpl, stories, slug));
  write_file_atomically(output, print::render_print_pdf(job, fonts, options), "print PDF");
}

/// One render; throws on bad input. Returns true when some text did not fit (overset).
bool render_once(const RenderArgs& args) {
  EngineSetup engine(args.fonts_dir, args.breaker);
  const layout_template::PageTemplate tpl = layout_template::load_template(args.template_path);

  // Stories: positional ones fill the story slots in order; --slot NAME=FILE places one.
  std::vector<std::string> files = args.articles;
  std::vector<std::string> slot_names(files.size());
  for (const std::string& assignment : args.slots) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == assignment.size())
      throw InputError({"--slot", 0, 0}, "expected NAME=FILE, got '" + assignment + "'");
    files.push_back(assignment.substr(eq + 1));
    slot_names.push_back(assignment.substr(0, eq));
  }
  if (files.empty()) throw InputError({"render", 0, 0}, "no article given");
  std::vector<story::Story> stories;
  stories.reserve(files.size());
  for (const std::string& path : files) {
    const bool no_deck = args.no_deck || std::find(args.no_deck_for.begin(), args.no_deck_for.end(),
                                                   path) != args.no_deck_for.end();
    stories.push_back(story::read_story(path, {.has_deck = !no_deck}));
  }
  std::vector<const story::Story*> in_order;
  std::vector<compose::SlotAssignment> explicit_slots;
  for (std::size_t i = 0; i < stories.size(); ++i) {
    if (slot_names[i].empty())
      in_order.push_back(&stories[i]);
    else
      explicit_slots.push_back({slot_names[i], &stories[i]});
  }
  std::vector<compose::SlotAssignment> assignments =
      compose::assign_in_order(tpl, in_order, explicit_slots);

  compose::FolioOverrides overrides;
  if (!args.date.empty()) overrides.date = parse_date_option(args.date);
  if (args.page > 0) overrides.page = args.page;

  compose::PageLayout layout =
      compose::compose_page(engine.context(), tpl, assignments, overrides, {.copyfit = args.fit});
  if (args.guides) compose::add_guides(engine.context(), tpl, layout);
  for (const Warning& w : layout.warnings)
    std::cerr << "broadsheet: warning: " << w.message << "\n";

  // The PDF's creation date is the edition's date (the folio's), never the clock.
  std::optional<story::Date> edition = overrides.date;
  if (!edition && stories.front().source) edition = stories.front().source->date;
  const std::string date =
      edition ? format_pdf_date(*edition) : std::string("2000-01-01T00:00:00Z");
  const render::PdfOptions pdf_options{.creator = "broadsheet " BROADSHEET_VERSION,
                                       .create_date = date};
  if (args.print || (tpl.print.output == layout_template::OutputMode::Print && !args.preview))
    write_print_pdf(layout.display, engine.fonts(), tpl, in_order_stories(stories),
                    {edition, overrides.page ? overrides.page : source_page(stories)}, pdf_options,
                    args.output);
  else
    render::write_pdf(layout.display, engine.fonts(), args.output, pdf_options);
  if (!args.watch) std::cerr << "broadsheet: wrote " << args.output << "\n";
  if (!args.layout.empty()) {
    render::write_layout_dump(layout, args.layout);
    if (!args.watch) std::cerr << "broadsheet: wrote " << args.layout << "\n";
  }
  if (!args.report.empty()) {
    render::write_report(layout, args.report);
    if (!args.watch) std::cerr << "broadsheet: wrote " << args.report << "\n";
  }
  if (!args.watch) std::cerr << render::report_summary(layout);
  if (!args.png.empty()) {
    // Page 1 goes to the name given; later pages get "-2", "-3" before the extension.
    for (std::size_t p = 0; p < layout.display.pages.size(); ++p) {
      std::filesystem::path png(args.png);
      if (p > 0)
        png.replace_filename(png.stem().string() + "-" + std::to_string(p + 1) +
                             png.extension().string());
      render::write_png(layout.display, engine.fonts(), png.string(),
                        {.dpi = args.dpi, .page = static_cast<int>(p)});
      if (!args.watch) std::cerr << "broadsheet: wrote " << png.string() << "\n";
    }
  }
  return layout.overset();
}

/// Renders, then re-renders whenever an input changes, one line per render. A bad edit prints
/// its error and leaves the last good outputs in place (outputs are replaced atomically).
[[noreturn]] void watch_and_render(const RenderArgs& args) {
  std::vector<std::string> inputs = args.articles;
  for (const std::string& assignment : args.slots)  // NAME=FILE
    if (const auto eq = assignment.find('='); eq != std::string::npos)
      inputs.push_back(assignment.substr(eq + 1));
  inputs.push_back(args.template_path);
  FileWatcher watcher(inputs);
  for (;;) {
    const auto start = std::chrono::steady_clock::now();
    try {
      render_once(args);
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

void run_render(const RenderArgs& args) {
  if (args.watch) watch_and_render(args);
  if (render_once(args) && !args.allow_overset) {
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
  cmd->add_option("--report", args->report,
                  "Write the composition report (JSON: per slot story, depth, lines, overset)");
  cmd->add_option("--fonts", args->fonts_dir, "Fonts folder with fonts.toml (default: fonts/)");
  cmd->add_option("--breaker", args->breaker, "Line breaker: knuth-plass or greedy")
      ->capture_default_str()
      ->check(CLI::IsMember({"knuth-plass", "greedy"}));
  cmd->callback([args] { run_render(*args); });
}

}  // namespace broadsheet::cli
