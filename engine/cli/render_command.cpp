// broadsheet render: articles and a template to a PDF (and a PNG preview).

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <regex>

#include "cli/commands.h"
#include "cli/engine_setup.h"
#include "compose/composer.h"
#include "core/diagnostics.h"
#include "render/cairo_renderer.h"
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
  std::string breaker = "greedy";
};

story::Date parse_date_option(const std::string& value) {
  static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (!std::regex_match(value, m, iso))
    throw InputError({"--date", 0, 0}, "expected YYYY-MM-DD, got '" + value + "'");
  return {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
}

void run_render(const RenderArgs& args) {
  EngineSetup engine(args.fonts_dir, args.breaker);
  const layout_template::PageTemplate tpl = layout_template::load_template(args.template_path);

  std::vector<story::Story> stories;
  stories.reserve(args.articles.size());
  for (const std::string& path : args.articles)
    stories.push_back(story::read_story(path, {.has_deck = !args.no_deck}));
  std::vector<const story::Story*> pointers;
  for (const auto& s : stories) pointers.push_back(&s);

  compose::FolioOverrides overrides;
  if (!args.date.empty()) overrides.date = parse_date_option(args.date);
  if (args.page > 0) overrides.page = args.page;

  const compose::PageLayout layout = compose::compose_page(
      engine.context(), tpl, compose::assign_in_order(tpl, pointers), overrides);
  for (const Warning& w : layout.warnings)
    std::cerr << "broadsheet: warning: " << w.message << "\n";

  const std::string date = stories.front().source && stories.front().source->date
                               ? format_pdf_date(*stories.front().source->date)
                               : std::string("2000-01-01T00:00:00Z");
  render::write_pdf(layout.display, engine.fonts(), args.output,
                    {.creator = "broadsheet " BROADSHEET_VERSION, .create_date = date});
  std::cerr << "broadsheet: wrote " << args.output << "\n";
  if (!args.png.empty()) {
    render::write_png(layout.display, engine.fonts(), args.png, {.dpi = args.dpi});
    std::cerr << "broadsheet: wrote " << args.png << "\n";
  }
}

}  // namespace

void add_render_command(CLI::App& app) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand("render", "Lay out articles on a page template: PDF and PNG");
  cmd->add_option("articles", args->articles, "Article files (plain-text format), in slot order")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--template,-t", args->template_path, "Page template (TOML)")
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "PDF to write")->capture_default_str();
  cmd->add_option("--png", args->png, "Also write a PNG preview of the page");
  cmd->add_option("--dpi", args->dpi, "PNG resolution")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1200.0));
  cmd->add_option("--date", args->date, "Folio date YYYY-MM-DD (overrides the source line)");
  cmd->add_option("--page", args->page, "Folio page number (overrides the source line)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--no-deck", args->no_deck,
                "Line 2 of the articles is body text, not a deck (the sample articles)");
  cmd->add_option("--fonts", args->fonts_dir, "Fonts folder with fonts.toml (default: fonts/)");
  cmd->add_option("--breaker", args->breaker, "Line breaker: knuth-plass or greedy")
      ->capture_default_str()
      ->check(CLI::IsMember({"knuth-plass", "greedy"}));
  cmd->callback([args] { run_render(*args); });
}

}  // namespace broadsheet::cli
