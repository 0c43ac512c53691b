#include "edition/batch.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "core/atomic_file.h"

namespace broadsheet::edition {

namespace {

PageOutcome render_page(const Engine& engine, const EditionPage& page) {
  PageOutcome outcome{.position = page.position, .output = page.output};
  try {
    const Layout layout = engine.compose(page_request(page));
    write_file_atomically(page.output, layout.pdf(), "PDF");
    outcome.rendered = true;
    outcome.overset = layout.overset();
  } catch (const std::exception& e) {
    outcome.error = e.what();
  }
  return outcome;
}

}  // namespace

int thread_count(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::vector<PageOutcome> render_pages(const Engine& engine, const std::vector<EditionPage>& pages,
                                      const BatchOptions& options) {
  std::vector<PageOutcome> outcomes(pages.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  // Each worker takes the next page not yet taken; each outcome is written by one thread only.
  const auto work = [&] {
    for (std::size_t i = next++; i < pages.size(); i = next++) {
      outcomes[i] = render_page(engine, pages[i]);
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
    for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
    work();
  }  // the jthreads join here
  return outcomes;
}

}  // namespace broadsheet::edition
