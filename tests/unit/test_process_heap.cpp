// The broadsheet program's heap (engine/cli/heap/process_heap.h): after set-up, what is
// allocated starts on a 2 MiB boundary, past a plug that holds the space below it, in a stretch
// marked for transparent huge pages. Run in a fresh process: the set-up is the first thing the
// global fixture does, as it is the first thing the program's main() does.

#define BOOST_TEST_MODULE process_heap
#include <malloc.h>
#include <sys/mman.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/heap/process_heap.h"

namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

broadsheet::cli::ProcessHeap& heap() {
  static broadsheet::cli::ProcessHeap layout;
  return layout;
}

struct SetUpFirst {
  SetUpFirst() { heap() = broadsheet::cli::set_up_process_heap(); }
};
BOOST_TEST_GLOBAL_FIXTURE(SetUpFirst);

struct FreeBlock {
  void operator()(void* block) const { std::free(block); }
};

/// The VmFlags of /proc/self/smaps's mapping that holds `address`; empty when none does.
std::string vm_flags_at(std::uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= address && address < to;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return {};
}

/// Whether this kernel takes MADV_HUGEPAGE at all (asked of a mapping of the test's own).
bool kernel_takes_huge_page_marks() {
  void* probe =
      mmap(nullptr, kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (probe == MAP_FAILED) return false;
  const bool taken = madvise(probe, kHugePage, MADV_HUGEPAGE) == 0;
  munmap(probe, kHugePage);
  return taken;
}

}  // namespace

BOOST_AUTO_TEST_CASE(blocks_after_set_up_start_on_the_2_mib_boundary) {
  if (BROADSHEET_SANITIZED) {
    // The sanitizer's allocator answers mallopt with 0: the set-up leaves it alone.
    BOOST_TEST(heap().next_block == 0u);
    return;
  }
  BOOST_REQUIRE(heap().next_block != 0u);
  BOOST_TEST(heap().next_block % kHugePage == 0u);
  // Blocks too large for any free list come from the heap's top: at the boundary and above,
  // never from the ~0-2 MiB under it that the plug holds.
  std::vector<std::unique_ptr<void, FreeBlock>> blocks;
  for (int i = 0; i < 8; ++i) {
    blocks.emplace_back(std::malloc(std::size_t{256} << 10));
    const auto at = reinterpret_cast<std::uintptr_t>(blocks.back().get());
    BOOST_TEST(at >= heap().next_block);
    BOOST_TEST(at < heap().next_block + (std::uintptr_t{16} << 20));
  }
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(blocks.front().get()) - heap().next_block < 64u);
}

BOOST_AUTO_TEST_CASE(the_stretch_past_the_boundary_is_marked_for_huge_pages) {
  if (BROADSHEET_SANITIZED) return;
  if (!kernel_takes_huge_page_marks()) {
    // A kernel without transparent huge pages refuses the mark; the heap works as before.
    BOOST_TEST(heap().marked_bytes == 0u);
    return;
  }
  BOOST_REQUIRE(heap().marked_bytes >= kHugePage);
  BOOST_TEST(heap().marked_start == heap().next_block);
  BOOST_TEST(heap().marked_start % kHugePage == 0u);
  const std::string flags = vm_flags_at(heap().marked_start);
  BOOST_TEST_INFO("at " << std::hex << heap().marked_start << ": " << flags);
  BOOST_TEST(flags.find(" hg") != std::string::npos);  // MADV_HUGEPAGE
}

/// What a thread's set-up gave, and where 256 KiB blocks it took after it started.
struct ThreadRun {
  broadsheet::cli::ProcessHeap heap;
  std::vector<std::uintptr_t> blocks_at;
  std::string flags;  ///< the VmFlags where the set-up marked, if it did
};

ThreadRun run_thread() {
  ThreadRun run;
  std::thread worker([&run] {
    run.heap = broadsheet::cli::set_up_thread_heap();
    std::vector<std::unique_ptr<void, FreeBlock>> blocks;
    for (int i = 0; i < 8; ++i) {
      blocks.emplace_back(std::malloc(std::size_t{256} << 10));
      run.blocks_at.push_back(reinterpret_cast<std::uintptr_t>(blocks.back().get()));
    }
    if (run.heap.marked_bytes > 0) run.flags = vm_flags_at(run.heap.marked_start);
  });
  worker.join();
  return run;
}

BOOST_AUTO_TEST_CASE(a_thread_heap_starts_on_a_2_mib_boundary_once_per_arena) {
  // An edition's workers allocate from arenas of their own, steered as the main heap is. The
  // first thread here gets a fresh arena; the second gets the same one when the first has
  // ended (glibc hands a dead thread's arena to the next), which is not set up again.
  const ThreadRun first = run_thread();
  const ThreadRun second = run_thread();
  if (BROADSHEET_SANITIZED) {
    BOOST_TEST(first.heap.next_block == 0u);
    return;
  }
  BOOST_REQUIRE(first.heap.next_block != 0u);
  BOOST_TEST(first.heap.next_block % kHugePage == 0u);
  BOOST_TEST(first.heap.next_block != heap().next_block);  // not the main heap
  for (const std::uintptr_t at : first.blocks_at) {
    BOOST_TEST(at >= first.heap.next_block);
    BOOST_TEST(at < first.heap.next_block + (std::uintptr_t{16} << 20));
  }
  if (kernel_takes_huge_page_marks()) {
    BOOST_TEST(first.heap.marked_start == first.heap.next_block);
    BOOST_TEST(first.flags.find(" hg") != std::string::npos);
  }
  // The second thread: nothing set up (no second plug), its blocks on the first one's stretch.
  BOOST_TEST(second.heap.next_block == 0u);
  BOOST_TEST(second.heap.marked_bytes == 0u);
  for (const std::uintptr_t at : second.blocks_at) {
    BOOST_TEST(at >= first.heap.next_block);
    BOOST_TEST(at < first.heap.next_block + (std::uintptr_t{16} << 20));
  }
  // Thread after thread (an embedding program's batches) holds no more memory: no plug each.
  const std::size_t held = mallinfo2().uordblks;
  for (int i = 0; i < 20; ++i) run_thread();
  BOOST_TEST(mallinfo2().uordblks < held + (std::size_t{1} << 20));
}
