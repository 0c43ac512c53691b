#pragma once
// UTF-8 validation and small helpers over UTF-8 text.

#include <cstddef>
#include <optional>
#include <string_view>

namespace broadsheet::text {

/// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
/// points above U+10FFFF are invalid), or nullopt when `s` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// Number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view s);

}  // namespace broadsheet::text
