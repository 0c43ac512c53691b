#pragma once
// Reading an input file whole, but never more than a limit: a device such as /dev/zero or a
// huge file is an error naming the limit, found after reading at most limit + 1 bytes.

#include <cstddef>
#include <string>

namespace broadsheet {

/// The contents of `path`. Throws InputError naming `path` when it cannot be read, is a
/// folder, or holds more than `limit` bytes ("cannot read <what>: ..." / "<what> larger than
/// the limit of N MB").
std::string read_bounded_file(const std::string& path, std::size_t limit, const std::string& what);

}  // namespace broadsheet
