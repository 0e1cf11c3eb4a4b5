#include "load/paths.hpp"

#include <filesystem>
#include <vector>

#include "load/text.hpp"

namespace bookc::load {

bool join_inside(std::string_view base_rel, std::string_view rel, std::string& out) {
    std::vector<std::string> parts;
    auto push = [&](std::string_view path) {
        std::size_t i = 0;
        while (i <= path.size()) {
            std::size_t j = path.find_first_of("/\\", i);
            if (j == std::string_view::npos) j = path.size();
            std::string_view seg = path.substr(i, j - i);
            if (seg.empty() || seg == ".") {
            } else if (seg == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else {
                parts.emplace_back(seg);
            }
            i = j + 1;
        }
        return true;
    };
    if (!rel.empty() && (rel[0] == '/' || rel[0] == '\\')) return false;  // absolute
    if (rel.size() >= 2 && rel[1] == ':') return false;                   // C:\…
    if (!push(base_rel) || !push(rel)) return false;
    out.clear();
    for (const auto& p : parts) {
        if (!out.empty()) out += '/';
        out += p;
    }
    return true;
}

std::string real_path(const std::string& p) {
    std::error_code ec;
    auto r = std::filesystem::canonical(p, ec);
    if (ec) return {};
    return r.string();
}

bool is_within(const std::string& real, const std::string& root_real) {
    if (root_real.empty() || real.empty()) return false;
    if (real == root_real) return true;
    std::string root = root_real;
    if (root.back() != '/') root += '/';
    return starts_with(real, root);
}

std::string dir_of(std::string_view rel) {
    auto k = rel.find_last_of('/');
    return k == std::string_view::npos ? std::string() : std::string(rel.substr(0, k));
}

std::string base_name(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    auto k = path.find_last_of('/');
    return std::string(k == std::string_view::npos ? path : path.substr(k + 1));
}

std::string file_stem(std::string_view rel) {
    std::string b = base_name(rel);
    auto dot = b.find_last_of('.');
    if (dot != std::string::npos && dot > 0) b.resize(dot);
    return b;
}

std::string extension_of(std::string_view rel) {
    std::string b = base_name(rel);
    auto dot = b.find_last_of('.');
    if (dot == std::string::npos || dot == 0) return {};
    return to_lower_ascii(std::string_view(b).substr(dot));
}

std::string percent_decode(std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace bookc::load
