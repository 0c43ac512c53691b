#pragma once
// One RAII owner for every C library handle: a std::unique_ptr whose deleter calls the
// library's free function, e.g. CHandle<hb_buffer_t, hb_buffer_destroy>.

#include <memory>

namespace broadsheet {

/// Calls `Free` on a non-null pointer. `Free`'s return value, if any, is ignored.
template <auto Free>
struct CDeleter {
  template <class T>
  void operator()(T* handle) const noexcept {
    if (handle != nullptr) Free(handle);
  }
};

/// Owns a `T*` that `Free` releases.
template <class T, auto Free>
using CHandle = std::unique_ptr<T, CDeleter<Free>>;

}  // namespace broadsheet
