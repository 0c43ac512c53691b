#pragma once
// The ICC output profile of a print PDF: found and read by the engine, used by the print module.

#include <string>

namespace broadsheet::print {

/// Ghostscript's default CMYK output profile (Debian's libgs-common), used when a template names
/// none.
std::string default_cmyk_profile_path();

/// The bytes of an ICC profile file; throws std::runtime_error naming the file.
std::string read_icc_profile(const std::string& path);

}  // namespace broadsheet::print
