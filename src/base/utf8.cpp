#include "base/utf8.hpp"

namespace bookc::base {

namespace {
// Length of a valid sequence starting at s[i], or 0 when malformed.
std::size_t valid_len(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n;
    char32_t min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    if (i + n > s.size()) return 0;
    char32_t cp = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}
}  // namespace

char32_t next_codepoint(std::string_view s, std::size_t& i) {
    std::size_t n = valid_len(s, i);
    if (n == 0) {
        ++i;
        return 0xFFFD;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out += next_codepoint(s, i);
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

std::vector<Utf8Problem> find_invalid_utf8(std::string_view s) {
    std::vector<Utf8Problem> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = valid_len(s, i);
        if (n) {
            i += n;
            continue;
        }
        std::size_t start = i++;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && i - start < 4)
            ++i;
        out.push_back({start, i - start});
    }
    return out;
}

std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = valid_len(s, i);
        if (n) {
            out.append(s.substr(i, n));
            i += n;
            continue;
        }
        std::size_t start = i++;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && i - start < 4)
            ++i;
        out += "\xEF\xBF\xBD";
    }
    return out;
}

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool is_cjk(char32_t c) {
    return is_han(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF);
}

}  // namespace bookc::base
