// Number and string formatting for PDF content and dictionaries: classic locale, no
// exponent, at most two decimals (three for colour components), "-0" never written.
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace bookc::pdf {

// Rounds to `decimals` (0..3) decimals, the way it will be written.
inline double round_to(double v, int decimals = 2) {
    double f = decimals == 3 ? 1000.0 : decimals == 2 ? 100.0 : decimals == 1 ? 10.0 : 1.0;
    return std::llround(v * f) / f;
}

inline void put_num(std::string& out, double v, int decimals = 2) {
    long long scale = decimals == 3 ? 1000 : decimals == 2 ? 100 : decimals == 1 ? 10 : 1;
    long long q = std::llround(v * static_cast<double>(scale));
    if (q < 0) {
        out += '-';
        q = -q;
    }
    out += std::to_string(q / scale);
    long long frac = q % scale;
    if (frac != 0) {
        out += '.';
        std::string digits = std::to_string(frac + scale).substr(1);  // zero-padded
        while (!digits.empty() && digits.back() == '0') digits.pop_back();
        out += digits;
    }
}

inline std::string num(double v, int decimals = 2) {
    std::string s;
    put_num(s, v, decimals);
    return s;
}

inline void put_hex4(std::string& out, std::uint32_t v) {
    static const char* digits = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 15];
}

// UTF-16BE hex digits (no BOM, no brackets) of a UTF-32 string.
inline void put_utf16_hex(std::string& out, std::u32string_view s) {
    for (char32_t c : s) {
        if (c >= 0x110000 || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
        if (c >= 0x10000) {
            std::uint32_t v = static_cast<std::uint32_t>(c) - 0x10000;
            put_hex4(out, 0xD800 + (v >> 10));
            put_hex4(out, 0xDC00 + (v & 0x3FF));
        } else {
            put_hex4(out, static_cast<std::uint32_t>(c));
        }
    }
}

}  // namespace bookc::pdf
