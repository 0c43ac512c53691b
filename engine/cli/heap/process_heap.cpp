#include "cli/heap/process_heap.h"

#include <dlfcn.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <set>
#include <utility>

/// The end of the program's data, from the linker: glibc's brk heap (the main arena) lies above
/// it, and below the break.
extern "C" char end;

namespace broadsheet::cli {

namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
constexpr std::size_t kProbe = std::size_t{64} << 10;
constexpr std::size_t kReserve = std::size_t{16} << 20;
/// glibc's HEAP_MAX_SIZE on 64-bit: a thread arena's heaps are mappings this size, aligned to it.
constexpr std::uintptr_t kArenaHeap = std::uintptr_t{64} << 20;

/// The block that fills the heap up to the 2 MiB boundary, held for the life of the process.
/// Volatile on purpose: a compiler may drop a malloc() whose result is never read (GCC did, and
/// the heap's first MiBs were on small pages again, unnoticed until its page faults were counted).
void* volatile heap_plug = nullptr;

/// Set by set_up_process_heap() when glibc's allocator took its settings (before any thread).
bool glibc_heap_set_up = false;

/// Marks the whole 2 MiB pages of [start, start + bytes) for transparent huge pages; returns
/// the first byte marked and how many, or zeros when the kernel refuses.
std::pair<std::uintptr_t, std::size_t> mark_huge(std::uintptr_t start, std::size_t bytes) {
  const std::uintptr_t first = (start + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (start + bytes) & ~(kHugePage - 1);
  if (last <= first || madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE) != 0)
    return {0, 0};
  return {first, last - first};
}

/// True when malloc and mallopt come from the same library: not so under an allocator
/// preloaded in glibc's place (jemalloc, mimalloc), which leaves glibc's mallopt answering for
/// a heap nobody uses.
bool malloc_answers_to_mallopt() {
  Dl_info malloc_from{}, mallopt_from{};
  return dladdr(reinterpret_cast<void*>(&malloc), &malloc_from) != 0 &&
         dladdr(reinterpret_cast<void*>(&mallopt), &mallopt_from) != 0 &&
         malloc_from.dli_fbase == mallopt_from.dli_fbase;
}

/// glibc serves blocks over 128 KiB (zlib's window for every PDF stream, the column balancer's
/// table, the hyphenation tables) from fresh mappings and unmaps them when freed, so each one
/// costs a page fault per 4 KiB and a TLB flush; kept in the heap they are reused. False when
/// the allocator in use is not glibc's: a preloaded one, or a sanitizer's (its mallopt answers
/// 0), or a 32-bit glibc, whose largest threshold is smaller.
bool keep_large_blocks_in_heap() {
  if (!malloc_answers_to_mallopt()) return false;
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1) return false;  // 64-bit glibc's largest
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 1 << 20);
  return true;
}

/// Where the calling thread's heap hands out its next block, 0 if it cannot allocate. In a heap
/// that has freed nothing yet, a probe this large comes from the top; given back, it is the top.
std::uintptr_t heap_top() {
  void* probe = std::malloc(kProbe);
  const auto top = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  return top;
}

/// The heap's next MiBs on transparent huge pages, where the kernel gives them for the asking
/// (transparent_hugepage "madvise" or "always"; elsewhere madvise changes nothing). On the
/// virtual machine Broadsheet is measured on, the first write to each fresh 4 KiB page costs
/// 13-20 us and a page21 render writes ~400 heap pages; a 2 MiB page costs ~0.2 ms. glibc grows
/// its heap with brk, which only a tunable set before start-up marks, so the heap is steered
/// here: a plug block takes the space up to the next 2 MiB boundary (address space only: its
/// pages are never written, unless MALLOC_PERTURB_ asks glibc to fill blocks), a 16 MiB block taken
/// and given back extends the heap past it untouched, and that stretch is marked before anything is
/// written there. What is allocated next starts on the boundary. `top` is the heap's top, as
/// heap_top() found it. With `arena_heap` (a thread arena's 64 MiB heap), the reserve must come
/// from that heap: were it carved elsewhere (glibc falls back on another arena when one cannot
/// grow), nothing is marked.
ProcessHeap heap_on_huge_pages(std::uintptr_t top, void* volatile& plug,
                               std::uintptr_t arena_heap = 0) {
  const std::uintptr_t boundary = (top + kProbe + kHugePage - 1) & ~(kHugePage - 1);
  // The plug's block ends 16 bytes (the next block's header) under the boundary, so the next
  // block's data starts on it.
  plug = std::malloc(boundary - top - 8);
  if (plug == nullptr) return {};
  void* reserve = std::malloc(kReserve);
  if (reserve == nullptr) return {};
  const auto start = reinterpret_cast<std::uintptr_t>(reserve);
  std::free(reserve);
  if (arena_heap != 0 && (start & ~(kArenaHeap - 1)) != arena_heap) return {};
  const auto [first, bytes] = mark_huge(start, kReserve);
  return {.next_block = start, .marked_start = first, .marked_bytes = bytes};
}

}  // namespace

ProcessHeap set_up_process_heap() {
  if (!keep_large_blocks_in_heap()) return {};
  glibc_heap_set_up = true;
  const std::uintptr_t top = heap_top();
  return top == 0 ? ProcessHeap{} : heap_on_huge_pages(top, heap_plug);
}

ProcessHeap set_up_thread_heap() {
  if (!glibc_heap_set_up) return {};
  // A new thread's first allocation makes it a malloc arena: a 64 MiB mapping of its own, made
  // writable as it grows, whose top keeps what is given back (the trim threshold is 64 MiB).
  // The same steering as the main heap's puts what the thread allocates on huge pages: without
  // it, an edition's second thread took ~600 page faults more than the first for the same
  // pages. Only a fresh arena is steered, once: an arena outlives its thread and goes to the
  // next one (with its plug and marked stretch), and past 8 arenas a core threads share them
  // or the main heap. One set-up at a time, so that two in one arena never interleave.
  static std::mutex set_up_lock;
  static std::set<std::uintptr_t> arenas_set_up;  // by their first heap
  const std::lock_guard guard(set_up_lock);
  const std::uintptr_t top = heap_top();
  if (top == 0) return {};
  const std::uintptr_t heap = top & ~(kArenaHeap - 1);
  const bool in_main_heap = top >= reinterpret_cast<std::uintptr_t>(&end) &&
                            top < reinterpret_cast<std::uintptr_t>(sbrk(0));
  const bool fresh = top - heap < kProbe;  // the arena's first block, right after its header
  if (in_main_heap || !fresh || !arenas_set_up.insert(heap).second) return {};
  // The plug is never freed, not even when the thread ends: the arena's next threads allocate
  // past it, on the marked stretch.
  thread_local void* volatile thread_plug = nullptr;
  // The top again: the set's new node came from this arena.
  return heap_on_huge_pages(heap_top(), thread_plug, heap);
}

}  // namespace broadsheet::cli
