#include "font/coverage.h"

#include <unicode/uchar.h>

#include <cstdio>
#include <map>
#include <optional>
#include <sstream>

#include "text/unicode.h"

namespace broadsheet::font {

namespace {

/// Characters that need no glyph of their own: spaces, controls, default-ignorables.
bool needs_no_glyph(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  return text::is_white_space(c) || u_iscntrl(u) ||
         u_hasBinaryProperty(u, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

struct Missing {
  char32_t value = 0;
  std::string file;
  int line = 0;
};

/// What the stories need beyond the fonts/ folder's own faces.
struct CoverageScan {
  const FontRegistry& fonts;
  std::vector<FontId> own;                    ///< the faces of the fonts/ folder
  std::map<std::string, int> fallback_count;  ///< family -> characters set in it
  std::vector<Missing> missing;

  explicit CoverageScan(const FontRegistry& registry) : fonts(registry) {
    for (std::size_t i = 0; i < fonts.size(); ++i)
      if (!fonts.font(static_cast<FontId>(i)).is_pinned_system_font())
        own.push_back(static_cast<FontId>(i));
  }

  std::optional<FontId> face_for(char32_t c, const std::vector<FontId>& chain) const {
    for (FontId id : own)
      if (fonts.font(id).has_glyph(c)) return id;
    for (FontId id : chain)
      if (fonts.font(id).has_glyph(c)) return id;
    return std::nullopt;
  }

  void scan(const story::Paragraph& paragraph, const std::string& language,
            const std::string& file) {
    const std::string& lang = paragraph.language.empty() ? language : paragraph.language;
    const std::vector<FontId> chain = fonts.fallback_chain(lang, "Regular");
    for (const text::CodePoint& cp : text::decode_utf8(paragraph.text)) {
      if (needs_no_glyph(cp.value) || text::is_mark(cp.value)) continue;
      const std::optional<FontId> face = face_for(cp.value, chain);
      if (!face)
        missing.push_back({cp.value, file, paragraph.source_line});
      else if (fonts.font(*face).is_pinned_system_font())
        ++fallback_count[fonts.font(*face).family()];
    }
  }

  void scan(const story::Story& story) {
    const auto each = [&](const std::optional<story::Paragraph>& p) {
      if (p) scan(*p, story.language, story.file);
    };
    each(story.kicker);
    scan(story.headline, story.language, story.file);
    each(story.deck);
    each(story.byline);
    each(story.dateline);
    for (const story::Paragraph& p : story.body) scan(p, story.language, story.file);
    each(story.contact);
  }
};

std::string missing_list(const std::vector<Missing>& missing) {
  std::ostringstream out;
  constexpr std::size_t kListed = 20;
  for (std::size_t i = 0; i < missing.size() && i < kListed; ++i) {
    const Missing& m = missing[i];
    out << (i ? "; " : "") << describe_character(m.value) << " at " << m.file << ":" << m.line;
  }
  if (missing.size() > kListed) out << "; and " << missing.size() - kListed << " more";
  return out.str();
}

}  // namespace

std::string describe_character(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  UErrorCode status = U_ZERO_ERROR;
  char name[128] = {};
  u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_FAILURE(status) || name[0] == '\0') return code;
  return std::string(code) + " " + name;
}

Warnings check_coverage(const FontRegistry& fonts, const std::vector<story::Story>& stories,
                        bool allow_missing) {
  CoverageScan scan(fonts);
  for (const story::Story& story : stories) scan.scan(story);
  Warnings warnings;
  if (!scan.missing.empty()) {
    const std::string message = "no font has " + std::to_string(scan.missing.size()) +
                                " character(s): " + missing_list(scan.missing);
    if (!allow_missing) {
      const Missing& first = scan.missing.front();
      throw InputError({first.file, first.line, 0},
                       message + " (--allow-missing-glyphs draws them as boxes)", "missing-glyph");
    }
    warnings.push_back({"missing-glyph", message + " (drawn as boxes)"});
  }
  if (!scan.fallback_count.empty()) {
    std::string used;
    for (const auto& [family, count] : scan.fallback_count)
      used += (used.empty() ? "" : ", ") + family + " (" + std::to_string(count) + " characters)";
    warnings.push_back({"font-fallback", "fallback fonts used: " + used});
  }
  return warnings;
}

}  // namespace broadsheet::font
