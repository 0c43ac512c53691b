// broadsheet hyphenate / break: stop after the text stages and show what the engine decided.

#include <iomanip>
#include <iostream>
#include <memory>

#include "api/engine_setup.h"
#include "cli/commands.h"
#include "linebreak/knuth_plass.h"
#include "paragraph/typeset.h"
#include "story/story.h"
#include "template/page_template.h"

namespace broadsheet::cli {

namespace {

struct HyphenateArgs {
  std::vector<std::string> words;
  int min_word = 6, min_before = 2, min_after = 3;
  bool no_capitalized = false;
};

void run_hyphenate(const HyphenateArgs& args) {
  const text::Hyphenator hyphenator(text::Hyphenator::default_dictionary_path());
  const text::HyphenationRules rules{args.min_word, args.min_before, args.min_after,
                                     !args.no_capitalized};
  for (const std::string& word : args.words) std::cout << hyphenator.show(word, rules) << "\n";
}

struct BreakArgs {
  std::string article;
  std::string template_path = "templates/page21.toml";
  std::string slot = "lead";
  bool trace = false;
  bool no_deck = false;
  std::string breaker = "knuth-plass";
  std::string fonts_dir;
  double measure = 0;
  std::string style;
};

const char* kFitness[] = {"tight", "decent", "loose", "very loose"};

void run_break(const BreakArgs& args) {
  const api::EngineSetup engine(engine_settings(args.fonts_dir, args.breaker));
  const auto tpl = layout_template::load_template(args.template_path);
  const auto* slot = tpl.find_slot(args.slot);
  if (!slot) throw InputError({args.template_path, 0, 0}, "no slot '" + args.slot + "'");
  const story::Story story = story::read_story(args.article, {.has_deck = !args.no_deck});
  const auto& style = tpl.style(args.style.empty() ? slot->body_style : args.style);
  const paragraph::ParagraphStyle ps = paragraph::paragraph_style(engine.fonts(), style);
  const double measure = args.measure > 0
                             ? args.measure
                             : tpl.columns[static_cast<std::size_t>(slot->first_column - 1)].width;
  const linebreak::KnuthPlassBreaker knuth_plass;
  std::cout << std::fixed << std::setprecision(2);
  std::cout << "# " << args.article << ": style '" << style.name << "', measure " << measure
            << " pt, breaker " << args.breaker << "\n";
  for (std::size_t p = 0; p < story.body.size(); ++p) {
    const auto prepared = paragraph::prepare_paragraph(engine.fonts(), &engine.hyphenator(),
                                                       story.body[p].text, ps, p > 0);
    linebreak::BreakTrace trace;
    linebreak::BreakResult result;
    if (args.breaker == "knuth-plass")
      result = knuth_plass.break_lines_traced(prepared.items.list, {{measure}},
                                              args.trace ? &trace : nullptr);
    else
      result = engine.breaker().break_lines(prepared.items.list, {{measure}});
    const auto lines =
        paragraph::set_lines(engine.fonts(), prepared.shaped, prepared.items, result.lines);
    std::cout << "\n@ paragraph " << p + 1 << " (line " << story.body[p].source_line
              << "): " << lines.size() << " lines, pass " << result.pass << "\n";
    if (args.trace) {
      for (const auto& c : trace.feasible) {
        std::cout << "  @pass " << c.pass << " break at item " << c.item << " line " << c.line
                  << " r=" << c.ratio << " " << kFitness[std::clamp(c.fitness, 0, 3)]
                  << " d=" << c.demerits << " from ";
        if (c.previous == linebreak::BreakTrace::kParagraphStart)
          std::cout << "start\n";
        else
          std::cout << "item " << c.previous << "\n";
      }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& b = result.lines[i];
      std::cout << "  " << std::setw(2) << i + 1 << "  r=" << std::setw(6) << b.ratio << "  "
                << std::setw(10) << std::left << kFitness[std::clamp(b.fitness, 0, 3)] << std::right
                << "  |" << lines[i].text << "|" << (b.overfull ? "  OVERFULL" : "") << "\n";
    }
  }
}

}  // namespace

void add_inspect_commands(CLI::App& app) {
  auto h = std::make_shared<HyphenateArgs>();
  CLI::App* hyphenate = app.add_subcommand("hyphenate", "Show the hyphenation points of words");
  hyphenate->add_option("words", h->words, "Words to hyphenate")->required();
  hyphenate->add_option("--min-word", h->min_word, "Shortest word hyphenated (letters)")
      ->capture_default_str();
  hyphenate->add_option("--min-before", h->min_before, "Letters before a hyphen")
      ->capture_default_str();
  hyphenate->add_option("--min-after", h->min_after, "Letters after a hyphen")
      ->capture_default_str();
  hyphenate->add_flag("--no-capitalized", h->no_capitalized, "Never hyphenate capitalised words");
  hyphenate->callback([h] { run_hyphenate(*h); });

  auto b = std::make_shared<BreakArgs>();
  CLI::App* brk = app.add_subcommand(
      "break", "Break an article's body paragraphs at a slot's column measure and show the lines");
  brk->add_option("article", b->article, "Article file")->required()->check(CLI::ExistingFile);
  brk->add_option("--template,-t", b->template_path, "Page template")->capture_default_str();
  brk->add_option("--slot", b->slot, "Slot whose body style and column measure to use")
      ->capture_default_str();
  brk->add_option("--measure", b->measure, "Column measure in pt (default: the slot's)");
  brk->add_option("--style", b->style,
                  "Text style to set the paragraphs in (default: the slot's body)");
  brk->add_flag(
      "--trace", b->trace,
      "Print every feasible breakpoint with its demerits (like TeX's \\tracingparagraphs)");
  brk->add_flag("--no-deck", b->no_deck, "Line 2 of the article is body text, not a deck");
  brk->add_option("--breaker", b->breaker, "knuth-plass or greedy")
      ->capture_default_str()
      ->check(CLI::IsMember({"knuth-plass", "greedy"}));
  brk->add_option("--fonts", b->fonts_dir, "Fonts folder with fonts.toml");
  brk->callback([b] { run_break(*b); });
}

}  // namespace broadsheet::cli
