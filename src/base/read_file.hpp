// Reading input files without trusting them: only regular files are read, never in
// blocking mode (a FIFO or a device listed as a chapter must not hang the build), and
// never more than a size limit.
#pragma once
#include <cstddef>
#include <string>

namespace bookc::base {

inline constexpr std::size_t kNoLimit = static_cast<std::size_t>(-1);

// Reads the whole file at `path` into `out` when it is a regular file of at most `limit`
// bytes. The file is opened with O_NONBLOCK and checked with fstat before any read.
// Returns "" on success, else what is wrong, as a diagnostic message fragment:
// "not a regular file (a FIFO)", "larger than the limit (… bytes; at most …)",
// "cannot be read: <strerror>". `out` is left empty on failure.
std::string read_regular_file(const std::string& path, std::size_t limit, std::string& out);

// read_regular_file without a size limit; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

// "a FIFO", "a folder", "a character device", … for an st_mode that is not a regular file.
const char* file_kind(unsigned mode);

}  // namespace bookc::base
