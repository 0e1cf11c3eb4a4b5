// Writes a file so that readers see either the old file or the complete new one:
// the bytes go to a temporary file in the same folder, which is then renamed.
#pragma once
#include <string>
#include <string_view>

namespace bookc::base {

// Returns an empty string on success, else a message saying what failed.
std::string write_file_atomic(const std::string& path, std::string_view bytes);

// Reads a whole file; returns false (and leaves `out` empty) when it cannot be read.
bool read_file(const std::string& path, std::string& out);

}  // namespace bookc::base
