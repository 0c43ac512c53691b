// broadsheet::Engine and broadsheet::Layout: the public API over the composition root
// (api/engine_setup.h), the readers, the composer and the renderers.

#include "broadsheet/engine.h"

#include <optional>
#include <sstream>
#include <stdexcept>

#include "api/engine_setup.h"
#include "compose/composer.h"
#include "compose/guides.h"
#include "core/diagnostics.h"
#include "font/coverage.h"
#include "picture/image_file.h"
#include "print/print_job.h"
#include "print/print_metadata.h"
#include "render/cairo_renderer.h"
#include "render/layout_dump.h"
#include "render/report.h"
#include "story/smart_quotes.h"
#include "story/story.h"
#include "template/page_template.h"
#include "text/language.h"

namespace broadsheet {

const char* version() {
  return BROADSHEET_VERSION;
}

struct Engine::Impl : api::EngineSetup {
  using api::EngineSetup::EngineSetup;
};

struct Layout::Impl {
  std::shared_ptr<const api::EngineSetup> engine;  ///< the fonts the layout was set in
  compose::PageLayout layout;
  std::string pdf_date;                         ///< the edition's date, as the PDF's creation date
  layout_template::PageTemplate page_template;  ///< for the print PDF: bleed, type area, [print]
  print::PdfInfo print_info;                    ///< the print PDF's title, author, subject
};

namespace {

/// The articles parsed, each named for messages (a file name, or "article N").
std::vector<story::Story> parse_articles(const std::vector<Article>& articles) {
  std::vector<story::Story> stories;
  stories.reserve(articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const Article& article = articles[i];
    const std::string name =
        article.name.empty() ? "article " + std::to_string(i + 1) : article.name;
    stories.push_back(story::parse_article(article.text, name, {.has_deck = article.has_deck}));
  }
  return stories;
}

/// Stories without a slot fill the template's story slots in order; the others go where named.
std::vector<compose::SlotAssignment> assign_slots(const layout_template::PageTemplate& tpl,
                                                  const std::vector<Article>& articles,
                                                  const std::vector<story::Story>& stories) {
  std::vector<const story::Story*> in_order;
  std::vector<compose::SlotAssignment> explicit_slots;
  for (std::size_t i = 0; i < stories.size(); ++i) {
    if (articles[i].slot.empty())
      in_order.push_back(&stories[i]);
    else
      explicit_slots.push_back({articles[i].slot, &stories[i]});
  }
  return compose::assign_in_order(tpl, in_order, explicit_slots);
}

/// The PDF's creation date is the edition's date (the folio's), never the clock.
std::string edition_date(const compose::FolioOverrides& overrides,
                         const std::vector<story::Story>& stories) {
  std::optional<story::Date> edition = overrides.date;
  if (!edition && !stories.empty() && stories.front().source)
    edition = stories.front().source->date;
  return edition ? api::format_pdf_date(*edition) : std::string("2000-01-01T00:00:00Z");
}

}  // namespace

Engine::Engine(const EngineSettings& settings) : impl_(std::make_shared<const Impl>(settings)) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const std::string& Engine::fonts_dir() const {
  return impl_->fonts_dir();
}
const std::string& Engine::hyphenation_dictionary() const {
  return impl_->dictionary_path();
}

Layout Engine::compose(const PageRequest& request) const {
  const Template& page_template = request.page_template;
  const layout_template::PageTemplate tpl = layout_template::parse_template(
      page_template.text, page_template.name.empty() ? "template" : page_template.name);
  std::vector<story::Story> stories = parse_articles(request.articles);
  if (tpl.smart_quotes)
    for (story::Story& story : stories) story::curl_quotes(story);
  if (!request.language.empty() && !text::is_valid_language_tag(request.language))
    throw InputError({"--lang", 0, 0}, "bad language tag \"" + request.language +
                                           "\" (expected a BCP 47 tag such as en, zh-Hant, ar)");
  for (story::Story& story : stories)
    if (story.language.empty()) story.language = request.language;
  const Warnings coverage =
      font::check_coverage(impl_->fonts(), stories, request.allow_missing_glyphs);
  const std::vector<compose::SlotAssignment> assignments =
      assign_slots(tpl, request.articles, stories);

  compose::FolioOverrides overrides;
  if (request.date)
    overrides.date = story::Date{request.date->year, request.date->month, request.date->day};
  overrides.page = request.page_number;

  auto result = std::make_unique<Layout::Impl>();
  result->engine = impl_;
  compose::ComposeOptions options{.copyfit = request.copyfit, .slot_files = {}};
  for (const SlotFile& file : request.slot_files)
    options.slot_files[file.slot] = picture::load_image_file(file.path, "picture or advertisement");
  result->layout = compose::compose_page(impl_->context(), tpl, assignments, overrides, options);
  // What the readers noticed comes first, in article order.
  Warnings read_warnings;
  for (const story::Story& story : stories)
    for (const story::ReadWarning& w : story.warnings) read_warnings.push_back({w.code, w.message});
  auto& warnings = result->layout.warnings;
  warnings.insert(warnings.begin(), read_warnings.begin(), read_warnings.end());
  warnings.insert(warnings.end(), coverage.begin(), coverage.end());
  if (request.guides) compose::add_guides(impl_->context(), tpl, result->layout);
  result->pdf_date = edition_date(overrides, stories);
  std::vector<const story::Story*> story_list;
  for (const story::Story& story : stories) story_list.push_back(&story);
  std::optional<int> page = overrides.page;
  if (!page && !stories.empty() && stories.front().source) page = stories.front().source->page;
  std::optional<story::Date> edition = overrides.date;
  if (!edition && !stories.empty() && stories.front().source)
    edition = stories.front().source->date;
  result->print_info = print::describe_page(tpl, story_list, {edition, page});
  result->page_template = tpl;
  return Layout(std::move(result));
}

RenderResult Engine::render(const PageRequest& request) const {
  const Layout layout = compose(request);
  return {.pdf = layout.pdf(),
          .warnings = layout.warnings(),
          .overset = layout.overset(),
          .slots = layout.slots(),
          .report_json = layout.report_json(),
          .layout_json = layout.layout_json()};
}

Layout::Layout(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Layout::~Layout() = default;
Layout::Layout(Layout&&) noexcept = default;
Layout& Layout::operator=(Layout&&) noexcept = default;

int Layout::page_count() const {
  return static_cast<int>(impl_->layout.display.pages.size());
}
bool Layout::overset() const {
  return impl_->layout.overset();
}
const std::vector<Warning>& Layout::warnings() const {
  return impl_->layout.warnings;
}
std::string Layout::report_json() const {
  return render::report_json(impl_->layout);
}
std::string Layout::layout_json() const {
  return render::layout_dump_json(impl_->layout);
}
std::string Layout::summary() const {
  return render::report_summary(impl_->layout);
}

std::vector<SlotSummary> Layout::slots() const {
  std::vector<SlotSummary> slots;
  for (const compose::SlotReport& slot : impl_->layout.slots) {
    int body_lines = 0;
    for (int lines : slot.lines_per_column) body_lines += lines;
    slots.push_back({.page = slot.page + 1,
                     .slot = slot.name,
                     .article = slot.story,
                     .first_column = slot.first_column,
                     .last_column = slot.last_column,
                     .depth = slot.depth,
                     .headline_size = slot.headline_size,
                     .body_lines = body_lines,
                     .overset_lines = slot.overset_lines});
  }
  return slots;
}

void Layout::write_pdf(std::ostream& out) const {
  render::write_pdf(
      impl_->layout.display, impl_->engine->fonts(), out,
      {.creator = std::string("broadsheet ") + BROADSHEET_VERSION, .create_date = impl_->pdf_date});
}

void Layout::write_pdf(const std::vector<const Layout*>& layouts, std::ostream& out) {
  if (layouts.empty()) throw std::runtime_error("no pages to write");
  const Impl& first = *layouts.front()->impl_;
  DisplayList all{.title = first.layout.display.title, .pages = {}};
  for (const Layout* layout : layouts) {
    if (layout->impl_->engine != first.engine)
      throw std::runtime_error("layouts from different engines cannot share one PDF");
    const auto& pages = layout->impl_->layout.display.pages;
    all.pages.insert(all.pages.end(), pages.begin(), pages.end());
  }
  render::write_pdf(
      all, first.engine->fonts(), out,
      {.creator = std::string("broadsheet ") + BROADSHEET_VERSION, .create_date = first.pdf_date});
}

std::string Layout::pdf() const {
  std::ostringstream out;
  write_pdf(out);
  return std::move(out).str();
}

void Layout::write_print_pdf(std::ostream& out) const {
  const print::PrintJob job =
      print::prepare_print(impl_->layout.display, impl_->page_template, impl_->print_info);
  out << print::render_print_pdf(
      job, impl_->engine->fonts(),
      {.creator = std::string("broadsheet ") + BROADSHEET_VERSION, .create_date = impl_->pdf_date});
  if (!out) throw std::runtime_error("cannot write the print PDF");
}

std::string Layout::print_pdf() const {
  std::ostringstream out;
  write_print_pdf(out);
  return std::move(out).str();
}

std::vector<Warning> Layout::print_warnings() const {
  return print::print_warnings(impl_->layout.display);
}

bool Layout::prints_by_default() const {
  return impl_->page_template.print.output == layout_template::OutputMode::Print;
}

void Layout::write_png(std::ostream& out, const PngOptions& options) const {
  render::write_png(impl_->layout.display, impl_->engine->fonts(), out,
                    {.dpi = options.dpi, .page = options.page - 1});
}

std::string Layout::png(const PngOptions& options) const {
  std::ostringstream out;
  write_png(out, options);
  return std::move(out).str();
}

}  // namespace broadsheet
