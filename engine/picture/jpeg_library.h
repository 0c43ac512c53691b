#pragma once
// libjpeg for the picture reader and the renderer: its header (which needs size_t and FILE
// declared first) and its error handling. libjpeg reports errors through error_exit, which must
// not return: it jumps back to the setjmp of the decoding function, which must hold no object
// with a destructor (longjmp would skip it).

// clang-format off
#include <cstddef>
#include <cstdio>
#include <jpeglib.h>
// clang-format on

#include <csetjmp>

namespace broadsheet::picture {

struct JpegErrors {
  jpeg_error_mgr manager{};
  std::jmp_buf back{};
  char message[JMSG_LENGTH_MAX] = {};
};

/// Installs `errors` as the decompressor's error handler.
inline void use_jpeg_errors(jpeg_decompress_struct& info, JpegErrors& errors) {
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = [](j_common_ptr common) {
    auto* self = reinterpret_cast<JpegErrors*>(common->err);
    common->err->format_message(common, self->message);
    std::longjmp(self->back, 1);
  };
}

}  // namespace broadsheet::picture
