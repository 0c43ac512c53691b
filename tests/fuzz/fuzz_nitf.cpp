// libFuzzer target: the NITF reader. Bad input must end in broadsheet::Error; anything else (a
// crash, a sanitizer report, another exception) is a bug.

#include <cstddef>
#include <cstdint>
#include <string>

#include "broadsheet/error.h"
#include "story/smart_quotes.h"
#include "story/story.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    broadsheet::story::Story story = broadsheet::story::parse_nitf(text, "fuzz/article.nitf");
    broadsheet::story::curl_quotes(story);  // spans must stay inside the text
    for (const auto& p : story.body)
      for (const auto& span : p.spans)
        if (span.begin >= span.end || span.end > p.text.size()) __builtin_trap();
  } catch (const broadsheet::Error&) {
  }
  return 0;
}
