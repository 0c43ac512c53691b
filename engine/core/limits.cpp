#include "core/limits.h"

namespace broadsheet::limits {

std::string echo(const std::string& text) {
  if (text.size() <= kEchoChars) return text;
  std::size_t cut = kEchoChars;
  // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

}  // namespace broadsheet::limits
