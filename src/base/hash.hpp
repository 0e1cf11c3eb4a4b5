// Content hashes for deterministic ids (EPUB identifier, PDF /ID). Not for security.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace bookc::base {

// 128-bit hash (two FNV-1a 64 lanes with different bases, then mixed).
std::array<std::uint8_t, 16> hash128(std::string_view data);
std::string to_hex(const std::uint8_t* data, std::size_t n);
// RFC 4122 name-based-style UUID (version 5 layout bits) derived from `name`.
std::string uuid_from(std::string_view name);

}  // namespace bookc::base
