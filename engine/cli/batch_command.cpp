// broadsheet batch: every page of an edition file, on a pool of threads, optionally one shard
// of it (a cluster's job array runs one shard per task).

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <regex>

#include "cli/commands.h"
#include "cli/heap/process_heap.h"
#include "edition/batch.h"
#include "edition/edition.h"

namespace broadsheet::cli {

namespace {

struct BatchArgs {
  std::string edition;
  std::string output_dir;
  std::string shard;  ///< "I/N"
  std::string combined;
  int jobs = 0;
  std::string fonts_dir;
  std::string breaker = "knuth-plass";
  bool allow_overset = false;
};

struct Shard {
  int index = 1, count = 1;
};

Shard parse_shard(const std::string& value) {
  if (value.empty()) return {};
  static const std::regex pattern(R"((\d{1,6})/(\d{1,6}))");
  std::smatch m;
  if (!std::regex_match(value, m, pattern))
    throw Error("--shard", 0, 0, "expected I/N such as 1/4, got '" + value + "'");
  const Shard shard{std::stoi(m[1]), std::stoi(m[2])};
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw Error("--shard", 0, 0, "I must be from 1 to N in I/N, got '" + value + "'");
  return shard;
}

/// "[########............]  12/48 pages", redrawn in place on a terminal.
void draw_progress(std::size_t done, std::size_t total) {
  constexpr int kWidth = 30;
  const int filled = total == 0 ? kWidth : static_cast<int>(done * kWidth / total);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "\r[%s] %zu/%zu pages", bar.c_str(), done, total);
  if (done == total) std::fputc('\n', stderr);
  std::fflush(stderr);
}

void run_batch(const BatchArgs& args) {
  const Shard shard = parse_shard(args.shard);
  const edition::Edition all = edition::read_edition(args.edition, args.output_dir);
  if (!args.combined.empty()) edition::check_combined_output(all, args.combined);
  const edition::ShardRange range =
      edition::shard_range(all.pages.size(), shard.index, shard.count);
  const std::vector<edition::EditionPage> pages(
      all.pages.begin() + static_cast<std::ptrdiff_t>(range.first),
      all.pages.begin() + static_cast<std::ptrdiff_t>(range.last));
  const Engine engine(engine_settings(args.fonts_dir, args.breaker));
  const int threads = edition::thread_count(args.jobs);

  const auto start = std::chrono::steady_clock::now();
  edition::BatchOptions options{
      .jobs = threads, .combined = args.combined, .progress = {}, .worker_started = [] {
        set_up_thread_heap();
      }};
  if (isatty(STDERR_FILENO) != 0) options.progress = draw_progress;
  const std::vector<edition::PageOutcome> outcomes = edition::render_pages(engine, pages, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  int failed = 0, overset = 0;
  for (const edition::PageOutcome& page : outcomes) {
    if (!page.rendered) {
      ++failed;
      std::cerr << "broadsheet: page " << page.position << " failed: " << page.error << "\n";
    } else if (page.overset) {
      ++overset;
      std::cerr << "broadsheet: page " << page.position << ": text is overset (" << page.output
                << ")\n";
    }
  }
  // One PDF per page: the pages that were made; one combined PDF: all of them or none.
  std::size_t written = outcomes.size() - static_cast<std::size_t>(failed);
  if (!args.combined.empty()) written = failed > 0 ? 0 : outcomes.size();
  char summary[512];
  std::snprintf(summary, sizeof summary,
                "broadsheet: batch %s: %zu of %zu pages (shard %d/%d), %zu written%s%s, %d failed, "
                "%d overset, %.2f s on %d thread%s\n",
                args.edition.c_str(), pages.size(), all.pages.size(), shard.index, shard.count,
                written, args.combined.empty() ? "" : " to ", args.combined.c_str(), failed,
                overset, seconds, threads, threads == 1 ? "" : "s");
  std::cerr << summary;
  if (failed > 0) throw ExitStatus{1};
  if (overset > 0 && !args.allow_overset) throw ExitStatus{2};
}

}  // namespace

void add_batch_command(CLI::App& app) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "batch", "Render every page of an edition file (TOML) to PDFs, on all cores");
  cmd->add_option("edition", args->edition, "Edition file (see templates/editions.md)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output-dir", args->output_dir,
                  "Folder for the PDFs (default: the edition's [edition] output)");
  cmd->add_option("-j,--jobs", args->jobs, "Threads (default: every core)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--combined", args->combined,
                  "Write every page, in order, to this one PDF instead of one PDF per page "
                  "(written only when every page was made)");
  cmd->add_option("--shard", args->shard,
                  "Render only slice I of N (I/N, 1-based), e.g. a job array's task");
  cmd->add_flag("--allow-overset", args->allow_overset,
                "Exit 0 even when text does not fit on some page");
  cmd->add_option("--fonts", args->fonts_dir, "Fonts folder with fonts.toml");
  cmd->add_option("--breaker", args->breaker, "Line breaker: knuth-plass or greedy")
      ->capture_default_str()
      ->check(CLI::IsMember({"knuth-plass", "greedy"}));
  cmd->callback([args] { run_batch(*args); });
}

}  // namespace broadsheet::cli
