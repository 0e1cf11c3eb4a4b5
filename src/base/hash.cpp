#include "base/hash.hpp"

namespace bookc::base {

namespace {
std::uint64_t fnv1a(std::string_view data, std::uint64_t h) {
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}
std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}
}  // namespace

std::array<std::uint8_t, 16> hash128(std::string_view data) {
    std::uint64_t a = mix(fnv1a(data, 0xcbf29ce484222325ULL));
    std::uint64_t b = mix(fnv1a(data, 0x84222325cbf29ce4ULL) ^ data.size());
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<std::uint8_t>(a >> (56 - 8 * i));
        out[8 + i] = static_cast<std::uint8_t>(b >> (56 - 8 * i));
    }
    return out;
}

std::string to_hex(const std::uint8_t* data, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        s += digits[data[i] >> 4];
        s += digits[data[i] & 15];
    }
    return s;
}

std::string uuid_from(std::string_view name) {
    auto h = hash128(name);
    h[6] = static_cast<std::uint8_t>((h[6] & 0x0F) | 0x50);
    h[8] = static_cast<std::uint8_t>((h[8] & 0x3F) | 0x80);
    std::string hex = to_hex(h.data(), h.size());
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

}  // namespace bookc::base
