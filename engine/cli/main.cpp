// broadsheet: the command line. Thin: parse arguments, call the library, print diagnostics.

#include <broadsheet/engine.h>
#include <malloc.h>
#include <sys/mman.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

/// The process's allocator kept in the heap: glibc serves blocks over 128 KiB (zlib's window for
/// every PDF stream, the column balancer's table, the hyphenation tables) from fresh mappings
/// and unmaps them when freed, so each one costs a page fault per 4 KiB and a TLB flush; kept
/// in the heap they are reused. The library leaves an embedding program's allocator alone.
void keep_large_blocks_in_heap() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: what is larger is mapped anyway
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 1 << 20);
}

/// The heap's next MiBs on transparent huge pages, where the kernel gives them for the asking
/// (transparent_hugepage "madvise" or "always"; elsewhere madvise is a no-op). On the virtual
/// machine Broadsheet is measured on, the first write to each fresh 4 KiB page costs 13-20 us
/// and a page21 render writes ~400 heap pages; a 2 MiB page costs ~0.2 ms. glibc grows its heap
/// with brk, which only a tunable set before start-up marks, so the heap is steered here: a
/// plug block takes the space up to the next 2 MiB boundary (address space only: its pages are
/// never written), a 16 MiB block taken and given back extends the heap past it untouched, and
/// that stretch is marked before anything is written there. What is allocated next starts on
/// the boundary.
void heap_on_huge_pages() {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  constexpr std::size_t kReserve = std::size_t{16} << 20;
  // A probe larger than any free block comes from the heap's top; given back, it is the top.
  void* probe = std::malloc(std::size_t{64} << 10);
  if (probe == nullptr) return;
  const auto top = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  const std::uintptr_t boundary = (top + (std::uintptr_t{64} << 10) + kHuge - 1) & ~(kHuge - 1);
  // Held for the life of the process on purpose: its block ends 16 bytes (the next block's
  // header) under the boundary, so the next block's data starts on it.
  [[maybe_unused]] static void* const plug = std::malloc(boundary - top - 8);
  void* reserve = std::malloc(kReserve);
  if (reserve == nullptr) return;
  const auto start = reinterpret_cast<std::uintptr_t>(reserve);
  std::free(reserve);
  const std::uintptr_t first = (start + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (start + kReserve) & ~(kHuge - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

}  // namespace

int main(int argc, char** argv) {
  keep_large_blocks_in_heap();
  heap_on_huge_pages();
  const std::string name = std::string("broadsheet ") + broadsheet::version();
  CLI::App app{name + " - newspaper pages from articles and templates, to print-ready PDF"};
  app.require_subcommand(1);
  app.set_version_flag("--version", name);
  broadsheet::cli::register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "broadsheet: " << e.what() << " (see --help)\n";
    return 1;
  } catch (const broadsheet::cli::ExitStatus& e) {
    return e.code;
  } catch (const broadsheet::Error& e) {
    std::cerr << "broadsheet: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "broadsheet: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
