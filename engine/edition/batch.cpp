#include "edition/batch.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "core/atomic_file.h"

namespace broadsheet::edition {

namespace {

/// Makes one page; writes its PDF unless `kept` is given, which then receives the layout.
PageOutcome render_page(const Engine& engine, const EditionPage& page,
                        std::optional<Layout>* kept) {
  PageOutcome outcome{.position = page.position, .output = page.output};
  try {
    Layout layout = engine.compose(page_request(page));
    outcome.overset = layout.overset();
    if (kept == nullptr)
      write_file_atomically(page.output, layout.pdf(), "PDF");
    else
      kept->emplace(std::move(layout));
    outcome.rendered = true;
  } catch (const std::exception& e) {
    outcome.error = e.what();
  }
  return outcome;
}

/// The kept layouts, in order, as one PDF: written only when every page was made.
void write_combined(const std::vector<std::optional<Layout>>& layouts,
                    std::vector<PageOutcome>& outcomes, const std::string& path) {
  std::vector<const Layout*> pages;
  for (const auto& layout : layouts) {
    if (!layout) return;
    pages.push_back(&*layout);
  }
  try {
    std::ostringstream pdf;
    Layout::write_pdf(pages, pdf);
    write_file_atomically(path, std::move(pdf).str(), "PDF");
  } catch (const std::exception& e) {
    for (PageOutcome& outcome : outcomes) {
      outcome.rendered = false;
      outcome.error = e.what();
    }
  }
}

}  // namespace

int thread_count(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::vector<PageOutcome> render_pages(const Engine& engine, const std::vector<EditionPage>& pages,
                                      const BatchOptions& options) {
  std::vector<PageOutcome> outcomes(pages.size());
  std::vector<std::optional<Layout>> kept(options.combined.empty() ? 0 : pages.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  // Each worker takes the next page not yet taken; each outcome is written by one thread only.
  const auto work = [&] {
    for (std::size_t i = next++; i < pages.size(); i = next++) {
      outcomes[i] = render_page(engine, pages[i], kept.empty() ? nullptr : &kept[i]);
      const std::lock_guard lock(progress_mutex);
      ++done;
      if (options.progress) options.progress(done, pages.size());
    }
  };
  const auto threads = static_cast<std::size_t>(
      std::clamp<std::size_t>(static_cast<std::size_t>(std::max(1, options.jobs)), 1,
                              std::max<std::size_t>(1, pages.size())));
  {
    std::vector<std::jthread> workers;
    for (std::size_t t = 1; t < threads; ++t)
      workers.emplace_back([&] {
        if (options.worker_started) options.worker_started();
        work();
      });
    work();
  }  // the jthreads join here
  if (!options.combined.empty()) {
    for (PageOutcome& outcome : outcomes) outcome.output = options.combined;
    write_combined(kept, outcomes, options.combined);
  }
  return outcomes;
}

}  // namespace broadsheet::edition
