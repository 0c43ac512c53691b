// libFuzzer target: the layout-dump reader behind `broadsheet diff`, and the diff of the dump
// with itself. Bad input must end in broadsheet::Error.

#include <cstddef>
#include <cstdint>
#include <string>

#include "broadsheet/error.h"
#include "diff/layout_diff.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto dump = broadsheet::diff::parse_layout_dump(text, "fuzz.json");
    const auto changes = broadsheet::diff::diff_layouts(dump, dump);
    for (const auto& change : changes.lines) broadsheet::diff::describe(change);
  } catch (const broadsheet::Error&) {
  }
  return 0;
}
