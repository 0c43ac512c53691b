#include "font/font_registry.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

#include "core/bounded_read.h"
#include "core/c_handle.h"
#include "core/diagnostics.h"
#include "core/limits.h"
#include "shape/word_shape_cache.h"

namespace broadsheet::font {

namespace {

/// A manifest's font file must lie inside the manifest's folder (symlinks resolved) and start
/// like an OpenType, TrueType or collection file, checked before FreeType or HarfBuzz open it.
void check_font_file(const std::string& manifest, int line, const std::string& fonts_dir,
                     const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code folder_error, file_error;
  fs::path folder = fs::weakly_canonical(fs::absolute(fonts_dir), folder_error);
  if (folder.filename().empty()) folder = folder.parent_path();  // "fonts/" -> "fonts"
  const fs::path resolved = fs::weakly_canonical(fs::absolute(file), file_error);
  const auto [folder_end, ignored] =
      std::mismatch(folder.begin(), folder.end(), resolved.begin(), resolved.end());
  if (folder_error || file_error || folder_end != folder.end())
    throw InputError({manifest, line, 0},
                     "font file '" + limits::echo(file) + "' is outside the manifest's folder");
  std::error_code ec;
  if (!fs::exists(resolved, ec))
    throw InputError({manifest, line, 0}, "font file '" + limits::echo(file) + "' does not exist");
  if (!fs::is_regular_file(resolved, ec))
    throw InputError({manifest, line, 0},
                     "font file '" + limits::echo(file) + "' is not a regular file");
  std::ifstream in(resolved, std::ios::binary);
  char magic[4] = {};
  in.read(magic, sizeof magic);
  const std::string_view tag(magic, static_cast<std::size_t>(in.gcount()));
  static constexpr std::string_view kFontTags[] = {std::string_view("\0\1\0\0", 4), "OTTO", "true",
                                                   "ttcf"};
  if (std::find(std::begin(kFontTags), std::end(kFontTags), tag) == std::end(kFontTags))
    throw InputError({manifest, line, 0},
                     "font file '" + limits::echo(file) + "' is not an OpenType or TrueType font");
}

std::string string_field(const toml::table& entry, const char* key, const std::string& manifest,
                         int line) {
  auto v = entry[key].value<std::string>();
  if (!v) throw InputError({manifest, line, 0}, std::string("font.") + key + ": missing string");
  return *v;
}

/// System fonts come only from the system's font folder, pinned by package and checksum.
constexpr std::string_view kSystemFontFolder = "/usr/share/fonts/";

/// One [[font]] entry: a file in the manifest's folder, or a pinned system file.
Font read_face(const toml::table& entry, const std::string& manifest, int line,
               const std::string& fonts_dir) {
  namespace fs = std::filesystem;
  const std::string family = string_field(entry, "family", manifest, line);
  const std::string style = string_field(entry, "style", manifest, line);
  const auto index = entry["index"].value<std::int64_t>().value_or(0);
  if (index < 0 || index > 255)
    throw InputError({manifest, line, 0}, "font.index: expected 0 to 255");
  if (!entry.contains("system_file")) {
    const std::string file =
        (fs::path(fonts_dir) / string_field(entry, "file", manifest, line)).string();
    check_font_file(manifest, line, fonts_dir, file);
    return Font(family, style, file, static_cast<unsigned>(index));
  }
  const std::string file = string_field(entry, "system_file", manifest, line);
  if (file.rfind(kSystemFontFolder, 0) != 0 || file.find("..") != std::string::npos)
    throw InputError({manifest, line, 0}, "font.system_file '" + limits::echo(file) +
                                              "' is not inside " + std::string(kSystemFontFolder));
  FontPin pin{string_field(entry, "package", manifest, line),
              string_field(entry, "version", manifest, line),
              string_field(entry, "sha256", manifest, line), manifest, line};
  if (pin.sha256.size() != 64 ||
      pin.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw InputError({manifest, line, 0}, "font.sha256: expected 64 lowercase hex digits");
  return Font(family, style, file, static_cast<unsigned>(index), std::move(pin));
}

std::vector<std::string> family_list(const toml::node* node, const std::string& manifest,
                                     const char* what) {
  std::vector<std::string> out;
  if (node == nullptr) return out;
  const toml::array* list = node->as_array();
  if (list == nullptr)
    throw InputError({manifest, static_cast<int>(node->source().begin.line), 0},
                     std::string(what) + ": expected a list of font families");
  for (const toml::node& item : *list) {
    const auto family = item.value<std::string>();
    if (!family)
      throw InputError({manifest, static_cast<int>(item.source().begin.line), 0},
                       std::string(what) + ": expected font family names");
    out.push_back(*family);
  }
  return out;
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

FontRegistry FontRegistry::load(const std::string& fonts_dir) {
  namespace fs = std::filesystem;
  FontRegistry registry;
  registry.manifest_ = (fs::path(fonts_dir) / "fonts.toml").string();
  registry.word_shapes_ = std::make_shared<shape::WordShapeCache>();
  const std::string& manifest = registry.manifest_;
  if (!fs::exists(manifest)) throw InputError({manifest, 0, 0}, "font manifest not found");
  toml::table doc;
  try {
    doc = toml::parse(read_bounded_file(manifest, limits::kManifestBytes, "font manifest"),
                      std::string_view(manifest));
  } catch (const toml::parse_error& e) {
    throw InputError({manifest, static_cast<int>(e.source().begin.line),
                      static_cast<int>(e.source().begin.column)},
                     std::string(e.description()));
  }
  const toml::array* list = doc["font"].as_array();
  if (!list || list->empty()) throw InputError({manifest, 0, 0}, "no [[font]] entries");
  for (const toml::node& node : *list) {
    const int line = static_cast<int>(node.source().begin.line);
    const toml::table* entry = node.as_table();
    if (!entry) throw InputError({manifest, line, 0}, "font: expected a table");
    registry.fonts_.push_back(read_face(*entry, manifest, line, fonts_dir));
  }
  if (const toml::table* fallback = doc["fallback"].as_table()) {
    registry.fallbacks_.default_chain =
        family_list(fallback->get("chain"), manifest, "fallback.chain");
    if (const toml::table* languages = (*fallback)["language"].as_table())
      for (const auto& [tag, chain] : *languages)
        registry.fallbacks_.by_language[lowercase_ascii(tag.str())] =
            family_list(&chain, manifest, "fallback.language");
    registry.check_fallbacks(static_cast<int>(fallback->source().begin.line));
  }
  return registry;
}

FontId FontRegistry::find(const std::string& family, const std::string& style) const {
  if (const auto id = lookup(family, style)) return *id;
  throw InputError({manifest_, 0, 0}, "no font '" + family + " " + style + "' in the manifest");
}

std::optional<FontId> FontRegistry::lookup(std::string_view family, std::string_view style) const {
  for (std::size_t i = 0; i < fonts_.size(); ++i)
    if (fonts_[i].family() == family && fonts_[i].style() == style) return static_cast<FontId>(i);
  return std::nullopt;
}

void FontRegistry::check_fallbacks(int manifest_line) const {
  std::vector<std::string> families = fallbacks_.default_chain;
  for (const auto& [tag, chain] : fallbacks_.by_language)
    families.insert(families.end(), chain.begin(), chain.end());
  for (const std::string& family : families)
    if (!lookup(family, "Regular"))
      throw InputError({manifest_, manifest_line, 0},
                       "fallback family '" + family + "' has no Regular face in the manifest");
}

std::vector<FontId> FontRegistry::fallback_chain(std::string_view language,
                                                 std::string_view style) const {
  const std::vector<std::string>* families = &fallbacks_.default_chain;
  std::string tag = lowercase_ascii(language);
  while (!tag.empty()) {
    if (const auto it = fallbacks_.by_language.find(tag); it != fallbacks_.by_language.end()) {
      families = &it->second;
      break;
    }
    const std::size_t dash = tag.rfind('-');
    tag = dash == std::string::npos ? std::string() : tag.substr(0, dash);
  }
  std::vector<FontId> chain;
  for (const std::string& family : *families) {
    std::optional<FontId> id = lookup(family, style);
    if (!id) id = lookup(family, "Regular");
    if (id) chain.push_back(*id);
  }
  return chain;
}

}  // namespace broadsheet::font
