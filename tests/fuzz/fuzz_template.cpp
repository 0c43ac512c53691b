// libFuzzer target: the TOML page-template loader. Bad input must end in broadsheet::Error.

#include <cstddef>
#include <cstdint>
#include <string>

#include "broadsheet/error.h"
#include "template/page_template.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    broadsheet::layout_template::parse_template(text, "fuzz.toml");
  } catch (const broadsheet::Error&) {
  }
  return 0;
}
