// Line breakers on real text: the reference article's body paragraphs (China Daily, page 21)
// shaped and itemised once with the page21 body style, then broken at the page21 column measure
// (154.72 pt). Only break_lines is timed; a separate benchmark times the preparation (shaping,
// hyphenation, items) for scale. Run from anywhere: data paths come from BROADSHEET_SOURCE_DIR.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "font/font_registry.h"
#include "linebreak/greedy_breaker.h"
#include "linebreak/knuth_plass.h"
#include "paragraph/shaped_paragraph.h"
#include "paragraph/typeset.h"
#include "story/story.h"
#include "template/page_template.h"
#include "text/hyphenator.h"

namespace {

using namespace broadsheet;

constexpr double kPage21Measure = 154.72;  // pt: one page21 column

/// Everything loaded once per process: fonts, dictionary, story, body style.
struct Fixture {
  font::FontRegistry fonts =
      font::FontRegistry::load(std::string(BROADSHEET_SOURCE_DIR) + "/fonts");
  text::Hyphenator hyphenator{text::Hyphenator::default_dictionary_path()};
  story::Story story = story::read_story(std::string(BROADSHEET_SOURCE_DIR) +
                                         "/tests/articles/00_page21_china_daily.txt");
  paragraph::ParagraphStyle style = paragraph::paragraph_style(
      fonts,
      layout_template::load_template(std::string(BROADSHEET_SOURCE_DIR) + "/templates/page21.toml")
          .style("body"));

  std::vector<paragraph::PreparedParagraph> prepare() const {
    std::vector<paragraph::PreparedParagraph> out;
    for (std::size_t i = 0; i < story.body.size(); ++i)
      out.push_back(
          paragraph::prepare_paragraph(fonts, &hyphenator, story.body[i].text, style, i > 0));
    return out;
  }
};

const Fixture& fixture() {
  static const Fixture instance;
  return instance;
}

const std::vector<paragraph::PreparedParagraph>& prepared() {
  static const std::vector<paragraph::PreparedParagraph> paragraphs = fixture().prepare();
  return paragraphs;
}

void break_all(benchmark::State& state, const linebreak::LineBreaker& breaker) {
  const auto& paragraphs = prepared();
  const linebreak::LineWidths widths{{kPage21Measure}};
  std::size_t lines = 0, items = 0;
  int highest_pass = 0;
  for (auto _ : state) {
    lines = 0;
    for (const auto& p : paragraphs) {
      linebreak::BreakResult result = breaker.break_lines(p.items.list, widths);
      lines += result.lines.size();
      highest_pass = std::max(highest_pass, result.pass);
      benchmark::DoNotOptimize(result);
    }
  }
  for (const auto& p : paragraphs) items += p.items.list.size();
  state.counters["paragraphs"] = static_cast<double>(paragraphs.size());
  state.counters["lines"] = static_cast<double>(lines);
  state.counters["max_pass"] = highest_pass;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
}

void BM_KnuthPlass(benchmark::State& state) {
  const linebreak::KnuthPlassBreaker breaker;
  break_all(state, breaker);
}
BENCHMARK(BM_KnuthPlass);

void BM_Greedy(benchmark::State& state) {
  const linebreak::GreedyBreaker breaker;
  break_all(state, breaker);
}
BENCHMARK(BM_Greedy);

// For scale: shaping, hyphenation and item building of the same paragraphs.
void BM_PrepareParagraphs(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(f.prepare());
}
BENCHMARK(BM_PrepareParagraphs);

}  // namespace
