#pragma once
// Renders the pages of an edition on a pool of threads that share one Engine (fonts and
// dictionary loaded once, read-only). Each page is composed and written on its own (its own
// Cairo surface, its output replaced atomically), so the PDFs do not depend on the number of
// threads or on which thread made them; a page that fails is recorded and the others go on.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "broadsheet/engine.h"
#include "edition/edition.h"

namespace broadsheet::edition {

/// What became of one page.
struct PageOutcome {
  int position = 0;  ///< the page's place in the edition
  std::string output{};
  bool rendered = false;
  bool overset = false;
  std::string error{};  ///< why the page failed, when it did
};

struct BatchOptions {
  int jobs = 1;  ///< threads, at least 1
  /// Not empty: no PDF per page, but every page, in order, in this one PDF, written only when
  /// every page was made.
  std::string combined{};
  /// Called after each page, from the thread that made it, one call at a time.
  std::function<void(std::size_t done, std::size_t total)> progress{};
  /// Called first in each thread the batch starts (not in the calling thread, which works too):
  /// the CLI steers the thread's heap onto huge pages there (cli/heap/process_heap.h).
  std::function<void()> worker_started{};
};

/// Threads for `requested` jobs: the number asked for, or every core when 0.
int thread_count(int requested);

/// Renders `pages`; the outcomes are in the order of `pages`. With `options.combined`, a page
/// whose PDF could not be written fails with the reason.
std::vector<PageOutcome> render_pages(const Engine& engine, const std::vector<EditionPage>& pages,
                                      const BatchOptions& options);

}  // namespace broadsheet::edition
