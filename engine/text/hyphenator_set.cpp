#include "text/hyphenator_set.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace broadsheet::text {

namespace {

/// "zh-Hant-TW" -> {"zh", "TW"}: the primary language subtag (lowercase) and the region.
std::pair<std::string, std::string> language_and_region(std::string_view tag) {
  std::string language, region;
  std::size_t start = 0;
  for (int part = 0; start <= tag.size(); ++part) {
    const std::size_t dash = tag.find_first_of("-_", start);
    const std::string_view sub =
        tag.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (part == 0) {
      for (char c : sub) language += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (sub.size() == 2) {
      for (char c : sub) region += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return {language, region};
}

bool is_plain_subtag(const std::string& s) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return true;
}

}  // namespace

HyphenatorSet::HyphenatorSet(const Hyphenator* english, std::string folder)
    : english_(english), folder_(std::move(folder)) {}

std::string HyphenatorSet::dictionary_path(std::string_view language) const {
  const auto [lang, region] = language_and_region(language);
  if (!is_plain_subtag(lang)) return {};
  std::string upper = lang;
  for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
  std::vector<std::string> names;
  if (!region.empty()) names.push_back("hyph_" + lang + "_" + region + ".dic");
  names.push_back("hyph_" + lang + ".dic");
  names.push_back("hyph_" + lang + "_" + upper + ".dic");
  for (const std::string& name : names) {
    const std::filesystem::path path = std::filesystem::path(folder_) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path.string();
  }
  return {};
}

const Hyphenator* HyphenatorSet::for_language(std::string_view language) const {
  const std::string lang = language_and_region(language).first;
  if (lang.empty() || lang == "en") return english_;
  const std::lock_guard lock(mutex_);
  auto it = loaded_.find(lang);
  if (it == loaded_.end()) {
    const std::string path = dictionary_path(language);
    it = loaded_.emplace(lang, path.empty() ? nullptr : std::make_unique<Hyphenator>(path)).first;
  }
  return it->second.get();
}

HyphenationRules HyphenatorSet::rules_for(std::string_view language, HyphenationRules rules) {
  const std::string lang = language_and_region(language).first;
  if (lang == "de" || lang == "ru") {
    rules.min_before = 2;
    rules.min_after = 2;
  } else if (lang == "fr" || lang == "en" || lang.empty()) {
    rules.min_before = std::max(rules.min_before, 2);
    rules.min_after = std::max(rules.min_after, 3);
  }
  return rules;
}

}  // namespace broadsheet::text
