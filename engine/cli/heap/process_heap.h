#pragma once
// The broadsheet program's heap, set up before anything else runs in main(). The library leaves
// an embedding program's allocator alone: this is for the short-lived CLI process only.

#include <cstddef>
#include <cstdint>

namespace broadsheet::cli {

/// Where set_up_process_heap() put the heap: what is allocated next starts at `next_block`,
/// and [marked_start, marked_start + marked_bytes) is marked for transparent huge pages.
/// All zero when glibc's allocator is not the one in use (a preloaded one, a sanitizer's):
/// nothing is done then. `marked_bytes` is 0 when the kernel refuses the mark (no THP).
struct ProcessHeap {
  std::uintptr_t next_block = 0;
  std::uintptr_t marked_start = 0;
  std::size_t marked_bytes = 0;
};

/// Keeps large blocks in the heap and steers the heap onto transparent huge pages (the why is
/// in process_heap.cpp). Call once, first thing in main(), before any other thread starts.
ProcessHeap set_up_process_heap();

/// The calling thread's heap steered onto transparent huge pages as set_up_process_heap()
/// steers the main heap: for threads that allocate much, first thing in the thread (edition
/// workers). Only a fresh malloc arena (made by this thread's first allocation) is steered, and
/// only once: a thread that gets an arena set up before (arenas outlive their threads), a shared
/// one, or the main heap gets all zero and allocates where it is, as does every thread where
/// set_up_process_heap() did nothing (call that first, before any thread starts).
ProcessHeap set_up_thread_heap();

}  // namespace broadsheet::cli
