// The page pipeline stage by stage on the reference article (page21), then the whole page,
// long stories, copyfit and a 48-page edition. Run through scripts/bench.sh, which also times
// whole processes against the floor program (floor.cpp). Shaping is measured cold: the
// word-shape cache is emptied before every iteration that shapes, as in one CLI run.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "api/engine_setup.h"
#include "compose/composer.h"
#include "edition/batch.h"
#include "edition/edition.h"
#include "paragraph/item_builder.h"
#include "paragraph/typeset.h"
#include "render/cairo_renderer.h"
#include "shape/word_shape_cache.h"
#include "story/story.h"
#include "template/page_template.h"

namespace {

using namespace broadsheet;

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kArticle = kSource + "/tests/articles/00_page21_china_daily.txt";
const std::string kPage21 = kSource + "/templates/page21.toml";
const std::string kFourPages = kSource + "/tests/bench/data/four_pages.toml";
constexpr double kMeasure = 154.72;  // pt: one page21 column

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const api::EngineSetup& setup() {
  static const api::EngineSetup instance({.fonts_dir = kSource + "/fonts"});
  return instance;
}

void forget_shapes() {
  setup().fonts().word_shapes()->clear();
}

/// The reference article with its body paragraphs repeated `times` (headline, deck, contact
/// and source line once).
std::string repeated_article(int times) {
  std::vector<std::string> lines;
  std::istringstream in(slurp(kArticle));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string text = lines[0] + "\n" + lines[1] + "\n";
  for (int t = 0; t < times; ++t)
    for (std::size_t i = 2; i + 2 < lines.size(); ++i) text += lines[i] + "\n";
  return text + lines[lines.size() - 2] + "\n" + lines.back() + "\n";
}

struct Page {
  layout_template::PageTemplate tpl;
  std::vector<story::Story> stories;
  std::vector<compose::SlotAssignment> assignments;
};

Page make_page(const std::string& template_path, const std::vector<std::string>& articles) {
  Page page{layout_template::parse_template(slurp(template_path), template_path), {}, {}};
  for (const std::string& text : articles) page.stories.push_back(story::parse_story(text, "a"));
  std::vector<const story::Story*> in_order;
  for (const auto& s : page.stories) in_order.push_back(&s);
  page.assignments = compose::assign_in_order(page.tpl, in_order);
  return page;
}

compose::PageLayout compose(const Page& page, bool copyfit = false) {
  compose::FolioOverrides overrides;
  overrides.date = story::Date{2015, 12, 17};
  overrides.page = 21;
  return compose::compose_page(setup().context(), page.tpl, page.assignments, overrides,
                               {.copyfit = copyfit});
}

std::string pdf_of(const compose::PageLayout& layout) {
  std::ostringstream out;
  render::write_pdf(layout.display, setup().fonts(), out, {.creator = "bench", .create_date = ""});
  return out.str();
}

const Page& page21() {
  static const Page page = make_page(kPage21, {slurp(kArticle)});
  return page;
}

paragraph::ParagraphStyle body_style() {
  return paragraph::paragraph_style(setup().fonts(), page21().tpl.style("body"));
}

// --- stages ------------------------------------------------------------------------------------

void BM_Read(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(layout_template::load_template(kPage21));
    benchmark::DoNotOptimize(story::read_story(kArticle));
  }
}
BENCHMARK(BM_Read)->Unit(benchmark::kMicrosecond);

void BM_Shape(benchmark::State& state) {
  const auto& body = page21().stories[0].body;
  const auto style = body_style();
  for (auto _ : state) {
    forget_shapes();
    for (const auto& p : body)
      benchmark::DoNotOptimize(
          paragraph::shape_paragraph(setup().fonts(), &setup().hyphenator(), p.text, style));
  }
}
BENCHMARK(BM_Shape)->Unit(benchmark::kMicrosecond);

void BM_Itemize(benchmark::State& state) {
  std::vector<paragraph::ShapedParagraph> shaped;
  for (const auto& p : page21().stories[0].body)
    shaped.push_back(
        paragraph::shape_paragraph(setup().fonts(), &setup().hyphenator(), p.text, body_style()));
  for (auto _ : state)
    for (std::size_t i = 0; i < shaped.size(); ++i)
      benchmark::DoNotOptimize(paragraph::build_items(shaped[i], i > 0));
}
BENCHMARK(BM_Itemize)->Unit(benchmark::kMicrosecond);

void BM_Break(benchmark::State& state) {
  std::vector<paragraph::PreparedParagraph> prepared;
  const auto& body = page21().stories[0].body;
  for (std::size_t i = 0; i < body.size(); ++i)
    prepared.push_back(paragraph::prepare_paragraph(setup().fonts(), &setup().hyphenator(),
                                                    body[i].text, body_style(), i > 0));
  for (auto _ : state)
    for (const auto& p : prepared)
      benchmark::DoNotOptimize(
          paragraph::break_paragraph(setup().fonts(), p, setup().breaker(), kMeasure));
}
BENCHMARK(BM_Break)->Unit(benchmark::kMicrosecond);

void BM_Compose(benchmark::State& state) {
  for (auto _ : state) {
    forget_shapes();
    benchmark::DoNotOptimize(compose(page21()));
  }
}
BENCHMARK(BM_Compose)->Unit(benchmark::kMicrosecond);

void BM_Pdf(benchmark::State& state) {
  const compose::PageLayout layout = compose(page21());
  for (auto _ : state) benchmark::DoNotOptimize(pdf_of(layout));
}
BENCHMARK(BM_Pdf)->Unit(benchmark::kMicrosecond);

void BM_Png(benchmark::State& state) {
  const compose::PageLayout layout = compose(page21());
  for (auto _ : state) {
    std::ostringstream out;
    render::write_png(layout.display, setup().fonts(), out, {.dpi = 100});
    benchmark::DoNotOptimize(out.str());
  }
}
BENCHMARK(BM_Png)->Unit(benchmark::kMillisecond);

// --- whole pages -------------------------------------------------------------------------------

/// What one `broadsheet render` does inside the process: load fonts and the dictionary (the
/// compiled cache), read, compose, write the PDF.
void BM_WholePage(benchmark::State& state) {
  const Article article = article_from_file(kArticle);
  const Template page_template = template_from_file(kPage21);
  for (auto _ : state) {
    const Engine engine({.fonts_dir = kSource + "/fonts"});
    const Layout layout = engine.compose({.page_template = page_template, .articles = {article}});
    benchmark::DoNotOptimize(layout.pdf());
  }
}
BENCHMARK(BM_WholePage)->Unit(benchmark::kMillisecond);

/// 1x, 10x and 40x the reference body in one six-column story on tests/bench/data/
/// four_pages.toml, whose slots jump page 1 -> 2 -> 3 -> 4: 1x and 10x fit on page 1, 40x
/// runs on over all four pages through three chained jumps. Compose and PDF, shaping cold.
void BM_Text(benchmark::State& state) {
  const int times = static_cast<int>(state.range(0));
  const Page page = make_page(kFourPages, {repeated_article(times)});
  int lines = 0;
  for (auto _ : state) {
    forget_shapes();
    const compose::PageLayout layout = compose(page);
    benchmark::DoNotOptimize(pdf_of(layout));
    lines = 0;
    for (const auto& slot : layout.slots)
      for (int n : slot.lines_per_column) lines += n;
  }
  state.counters["body_lines"] = lines;
}
BENCHMARK(BM_Text)->Arg(1)->Arg(10)->Arg(40)->Unit(benchmark::kMillisecond);

void BM_OneLayout(benchmark::State& state) {
  for (auto _ : state) {
    forget_shapes();
    benchmark::DoNotOptimize(compose(page21(), false));
  }
}
BENCHMARK(BM_OneLayout)->Unit(benchmark::kMillisecond);

void BM_Copyfit(benchmark::State& state) {
  for (auto _ : state) {
    forget_shapes();
    benchmark::DoNotOptimize(compose(page21(), true));
  }
}
BENCHMARK(BM_Copyfit)->Unit(benchmark::kMillisecond);

/// The 48-page sample edition (tests/bench/data/edition48.toml) on 1 and 2 threads sharing one
/// Engine (made in the loop, as a batch process makes it), PDFs written to a temporary folder.
void BM_Edition48(benchmark::State& state) {
  const std::string out =
      (std::filesystem::temp_directory_path() / "broadsheet-bench-edition").string();
  const edition::Edition edition =
      edition::read_edition(kSource + "/tests/bench/data/edition48.toml", out);
  const int jobs = static_cast<int>(state.range(0));
  std::size_t failed = 0;
  for (auto _ : state) {
    const Engine engine({.fonts_dir = kSource + "/fonts"});  // as one batch process: cold
    for (const auto& page : edition::render_pages(engine, edition.pages, {.jobs = jobs}))
      failed += page.rendered ? 0 : 1;
  }
  state.counters["pages"] = static_cast<double>(edition.pages.size());
  state.counters["failed"] = static_cast<double>(failed);
  std::filesystem::remove_all(out);
}
BENCHMARK(BM_Edition48)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
