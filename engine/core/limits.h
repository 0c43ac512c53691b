#pragma once
// The limits Broadsheet enforces on its inputs before it starts work, so that no input can make
// a run take unbounded time or memory. The README's "Limits" section lists them; a limit
// exceeded is bad input (exit 1) with the limit named.

#include <cstddef>
#include <string>

namespace broadsheet::limits {

inline constexpr std::size_t kArticleBytes = 16u << 20;        ///< one article file: 16 MB
inline constexpr std::size_t kTemplateBytes = 1u << 20;        ///< one template: 1 MB
inline constexpr std::size_t kManifestBytes = 1u << 20;        ///< a font manifest: 1 MB
inline constexpr std::size_t kLayoutDumpBytes = 64u << 20;     ///< a layout dump for diff: 64 MB
inline constexpr std::size_t kIccProfileBytes = 16u << 20;     ///< an ICC profile: 16 MB
inline constexpr std::size_t kPreflightPdfBytes = 512u << 20;  ///< a PDF to preflight: 512 MB
inline constexpr std::size_t kDiffImageBytes = 256u << 20;     ///< a PNG given to diff: 256 MB
inline constexpr int kColumns = 24;                            ///< grid columns in a template
inline constexpr int kPages = 1000;                            ///< pages in a template
inline constexpr double kMinLengthPt = 0.1;                    ///< shortest size or length
inline constexpr double kMaxLengthPt = 10000.0 / 25.4 * 72;    ///< longest: 10 m in points
inline constexpr double kPngPixels = 200e6;                    ///< one PNG page: 200 megapixels
inline constexpr std::size_t kEchoChars = 40;                  ///< input echoed in messages

/// `text` cut to kEchoChars characters (at a UTF-8 boundary) with "..." when longer.
std::string echo(const std::string& text);

}  // namespace broadsheet::limits
