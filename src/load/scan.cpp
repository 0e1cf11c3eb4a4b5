#include "load/scan.hpp"

#include <algorithm>
#include <filesystem>

#include "load/text.hpp"

namespace bookc::load {

namespace fs = std::filesystem;

bool is_article_extension(std::string_view ext) {
    std::string e = to_lower_ascii(ext);
    return e == ".md" || e == ".markdown" || e == ".html" || e == ".htm" || e == ".txt";
}

std::vector<std::string> list_files(const std::string& book_dir) {
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(book_dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return out;
    const fs::path root(book_dir);
    for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        bool dir = it->is_directory(ec) && !it->is_symlink(ec);
        if (name.empty() || name[0] == '.' || (dir && it.depth() == 0 && name == "dist")) {
            if (dir) it.disable_recursion_pending();
            continue;
        }
        if (dir) {
            if (it.depth() > 32) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;  // follows file symlinks; checked later
        out.push_back(p.lexically_relative(root).generic_string());
    }
    std::sort(out.begin(), out.end(), natural_less);
    return out;
}

namespace {
int compare_component(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && digit(a[i2])) ++i2;
            while (j2 < b.size() && digit(b[j2])) ++j2;
            std::string_view na = a.substr(i, i2 - i), nb = b.substr(j, j2 - j);
            std::size_t za = na.find_first_not_of('0'), zb = nb.find_first_not_of('0');
            na = za == std::string_view::npos ? std::string_view() : na.substr(za);
            nb = zb == std::string_view::npos ? std::string_view() : nb.substr(zb);
            if (na.size() != nb.size()) return na.size() < nb.size() ? -1 : 1;
            if (int c = na.compare(nb)) return c < 0 ? -1 : 1;
            i = i2;
            j = j2;
            continue;
        }
        char ca = a[i], cb = b[j];
        if (ca >= 'A' && ca <= 'Z') ca = static_cast<char>(ca - 'A' + 'a');
        if (cb >= 'A' && cb <= 'Z') cb = static_cast<char>(cb - 'A' + 'a');
        if (ca != cb) return static_cast<unsigned char>(ca) < static_cast<unsigned char>(cb) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}
}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
    // Files of a folder come before its subfolders' files only through the names; compare
    // component by component so "a/10.md" sorts after "a/2.md".
    for (;;) {
        std::size_t ka = a.find('/'), kb = b.find('/');
        std::string_view ca = a.substr(0, ka), cb = b.substr(0, kb);
        if (int c = compare_component(ca, cb)) return c < 0;
        if (ka == std::string_view::npos || kb == std::string_view::npos) {
            if (ka == kb) return a < b;  // equal ignoring case: fall back to bytes
            return ka == std::string_view::npos;  // a file before a folder of the same name
        }
        a.remove_prefix(ka + 1);
        b.remove_prefix(kb + 1);
    }
}

bool has_glob(std::string_view p) { return p.find_first_of("*?[") != std::string_view::npos; }

namespace {
bool class_match(std::string_view p, std::size_t& i, char c) {
    // p[i] == '['; on return i is past the closing ']'.
    std::size_t j = i + 1;
    bool neg = j < p.size() && (p[j] == '!' || p[j] == '^');
    if (neg) ++j;
    bool ok = false;
    std::size_t start = j;
    while (j < p.size() && (p[j] != ']' || j == start)) {
        if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
            if (c >= p[j] && c <= p[j + 2]) ok = true;
            j += 3;
        } else {
            if (c == p[j]) ok = true;
            ++j;
        }
    }
    i = j < p.size() ? j + 1 : j;
    return ok != neg;
}

bool match_from(std::string_view p, std::size_t pi, std::string_view s, std::size_t si, int budget) {
    if (budget <= 0) return false;
    while (pi < p.size()) {
        char c = p[pi];
        if (c == '*') {
            bool dbl = pi + 1 < p.size() && p[pi + 1] == '*';
            std::size_t next = pi + (dbl ? 2 : 1);
            if (dbl && next < p.size() && p[next] == '/') {
                // "**/" matches zero or more whole components.
                if (match_from(p, next + 1, s, si, budget - 1)) return true;
                for (std::size_t k = si; k < s.size(); ++k)
                    if (s[k] == '/' && match_from(p, next + 1, s, k + 1, budget - 1)) return true;
                return false;
            }
            for (std::size_t k = si; k <= s.size(); ++k) {
                if (match_from(p, next, s, k, budget - 1)) return true;
                if (k < s.size() && s[k] == '/' && !dbl) return false;
            }
            return false;
        }
        if (si >= s.size()) return false;
        if (c == '?') {
            if (s[si] == '/') return false;
            // one UTF-8 character
            ++si;
            while (si < s.size() && (static_cast<unsigned char>(s[si]) & 0xC0) == 0x80) ++si;
            ++pi;
            continue;
        }
        if (c == '[') {
            if (!class_match(p, pi, s[si])) return false;
            ++si;
            continue;
        }
        if (c != s[si]) return false;
        ++pi;
        ++si;
    }
    return si == s.size();
}
}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    return match_from(pattern, 0, path, 0, 100000);
}

}  // namespace bookc::load
