#include "print/icc_profile.h"

#include <fstream>
#include <stdexcept>

#include "core/bounded_read.h"
#include "core/limits.h"

namespace broadsheet::print {

std::string default_cmyk_profile_path() {
  return "/usr/share/color/icc/ghostscript/default_cmyk.icc";
}

std::string read_icc_profile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(path + ": cannot read the ICC profile" +
                             (path == default_cmyk_profile_path()
                                  ? " (Debian package libgs-common; scripts/setup.sh installs it)"
                                  : ""));
  in.close();
  return read_bounded_file(path, limits::kIccProfileBytes, "ICC profile");
}

}  // namespace broadsheet::print
