// libFuzzer target: the plain-text article reader, with and without a deck. Bad input must end
// in broadsheet::Error; anything else (a crash, a sanitizer report, another exception) is a bug.

#include <cstddef>
#include <cstdint>
#include <string>

#include "broadsheet/error.h"
#include "story/story.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const bool has_deck : {true, false}) {
    try {
      broadsheet::story::parse_story(text, "fuzz.txt", {.has_deck = has_deck});
    } catch (const broadsheet::Error&) {
    }
  }
  return 0;
}
