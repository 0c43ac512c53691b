#include "text/language.h"

#include <unicode/uloc.h>

#include <array>
#include <string>

namespace broadsheet::text {

namespace {

/// The ICU locale id of a BCP 47 tag ("zh-Hant" -> "zh_Hant"); empty when the tag is not
/// well formed from end to end.
std::string locale_id(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return {};
  const std::string text(tag);
  std::array<char, ULOC_FULLNAME_CAPACITY> id{};
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(text.c_str(), id.data(), static_cast<int32_t>(id.size()), &parsed, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
      parsed != static_cast<int32_t>(text.size()))
    return {};
  return std::string(id.data());
}

}  // namespace

bool is_valid_language_tag(std::string_view tag) {
  const std::string id = locale_id(tag);
  if (id.empty()) return false;
  // A language ICU knows has an ISO 639-2 code ("zh" -> "zho"); a made-up one has none.
  const char* iso3 = uloc_getISO3Language(id.c_str());
  return iso3 != nullptr && iso3[0] != '\0';
}

bool is_right_to_left_language(std::string_view tag) {
  const std::string id = locale_id(tag);
  return !id.empty() && uloc_isRightToLeft(id.c_str());
}

}  // namespace broadsheet::text
