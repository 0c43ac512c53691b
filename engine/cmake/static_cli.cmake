# The CLI links the libraries only it and the engine use (ICU, toml++, pugixml, libhyphen,
# libjpeg) and the C++ runtime statically. On the machine Broadsheet is measured on, mapping
# and relocating each shared library costs a process ~0.4 ms, and a `broadsheet render` is a
# short process: eight fewer libraries make page21 ~6 ms faster (tests/bench/README.md).
# HarfBuzz, FreeType, Cairo and GLib stay shared: every program that draws text loads them (the
# floor program too). The engine library, the tests and the print module are unchanged. Off in
# sanitized and fuzz builds, which want every library instrumented the same way.
option(BROADSHEET_STATIC_CLI "Link the CLI's own libraries and the C++ runtime statically" ON)
set(BROADSHEET_CLI_IS_STATIC OFF)  # for the tests (test_cli checks what the program loads)
if(NOT BROADSHEET_STATIC_CLI OR BROADSHEET_SANITIZE OR BROADSHEET_FUZZ)
  return()
endif()

# Debian's -dev packages ship the archives beside the shared libraries (elsewhere they may be
# missing: then the CLI links the shared ones, as with the option off). ICU's code needs its
# data linked in too: the shared libicudata would be copied whole into the program at start.
set(static_archives "")
foreach(name icuuc icudata pugixml hyphen jpeg)
  find_library(BROADSHEET_STATIC_${name} NAMES lib${name}.a)
  if(NOT BROADSHEET_STATIC_${name})
    message(STATUS "lib${name}.a not found: the broadsheet program links shared libraries")
    return()
  endif()
  list(APPEND static_archives "${BROADSHEET_STATIC_${name}}")
endforeach()
set(BROADSHEET_CLI_IS_STATIC ON)
target_sources(broadsheet PRIVATE "${PROJECT_SOURCE_DIR}/engine/cli/link/toml_implementation.cpp")
# The engine library again, then the archives: the linker takes what the engine needs from
# them, and drops the shared libraries that come later on the line (--as-needed) as unneeded.
target_link_libraries(broadsheet PRIVATE broadsheet_engine ${static_archives})
target_link_options(broadsheet PRIVATE LINKER:--as-needed -static-libstdc++ -static-libgcc)
# ICU's tables bring ~10,000 pointers that the loader relocates at every start (the program is
# position independent); packed as RELR (glibc 2.36, binutils 2.38) they cost ~3 ms less.
include(CheckLinkerFlag)
check_linker_flag(CXX "LINKER:-z,pack-relative-relocs" BROADSHEET_LINKER_HAS_RELR)
if(BROADSHEET_LINKER_HAS_RELR)
  target_link_options(broadsheet PRIVATE LINKER:-z,pack-relative-relocs)
endif()
