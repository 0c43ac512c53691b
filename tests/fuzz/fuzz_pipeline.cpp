// libFuzzer target: the whole pipeline on small inputs. The input is a template, a line "%%",
// then an article; it is composed and rendered to PDF, a layout dump and a small PNG preview.
// Bad input must end in broadsheet::Error.

#include <broadsheet/engine.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

const broadsheet::Engine& engine() {
  static const broadsheet::Engine instance({.fonts_dir = BROADSHEET_FUZZ_FONTS_DIR});
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 16384) return 0;  // small inputs: the readers have their own targets
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find("\n%%\n");
  if (split == std::string::npos) return 0;
  broadsheet::PageRequest request{
      .page_template = {.text = input.substr(0, split), .name = "fuzz.toml"},
      .date = broadsheet::Date{2015, 12, 17},
      .page_number = 21,
      .guides = true};
  request.articles.push_back({.text = input.substr(split + 4), .name = "fuzz.txt"});
  try {
    const broadsheet::Layout layout = engine().compose(request);
    layout.pdf();
    layout.layout_json();
    layout.png({.dpi = 4, .page = layout.page_count()});
  } catch (const broadsheet::Error&) {
  }
  return 0;
}
