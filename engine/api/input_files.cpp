// Reading articles and templates from files for the public API: the text is read here, parsed
// by the engine (so messages name the file and line either way).

#include "broadsheet/engine.h"
#include "core/bounded_read.h"
#include "core/limits.h"

namespace broadsheet {

Article article_from_file(const std::string& path, bool has_deck) {
  return {.text = read_bounded_file(path, limits::kArticleBytes, "file"),
          .name = path,
          .has_deck = has_deck};
}

Template template_from_file(const std::string& path) {
  return {.text = read_bounded_file(path, limits::kTemplateBytes, "template"), .name = path};
}

}  // namespace broadsheet
