// toml++'s compiled half, built into the CLI when it links its libraries statically
// (engine/cmake/static_cli.cmake): the engine's translation units are compiled against the
// shared library's headers (TOML_HEADER_ONLY=0, from pkg-config), and this one translation unit
// defines what they call, so the CLI needs no libtomlplusplus.so at run time.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
