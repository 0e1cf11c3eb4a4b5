#include "load/scan.hpp"

#include <fnmatch.h>
#include <locale.h>
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
    fs::recursive_directory_iterator it(book_dir, fs::directory_options::skip_permission_denied,
                                        ec);
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
        // Regular files, and also FIFOs, devices and sockets (followed through symlinks), so
        // that loading them reports what they are instead of dropping them silently;
        // symlinks to folders and dangling ones are skipped.
        if (it->is_directory(ec) || !it->exists(ec)) continue;
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
        if (ca != cb)
            return static_cast<unsigned char>(ca) < static_cast<unsigned char>(cb) ? -1 : 1;
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
            if (ka == kb) return a < b;           // equal ignoring case: fall back to bytes
            return ka == std::string_view::npos;  // a file before a folder of the same name
        }
        a.remove_prefix(ka + 1);
        b.remove_prefix(kb + 1);
    }
}

bool has_glob(std::string_view p) { return p.find_first_of("*?[") != std::string_view::npos; }

namespace {
// One path component against one pattern component, with fnmatch(3) in a UTF-8 locale (so
// `?` is one character, not one byte). glibc's matcher does not backtrack exponentially,
// and patterns are bounded in book.toml (config::kMaxPatternBytes, kMaxPatternStars).
bool component_match(const std::string& pattern, const std::string& name) {
    static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    locale_t old = utf8 ? uselocale(utf8) : static_cast<locale_t>(0);
    int r = fnmatch(pattern.c_str(), name.c_str(), FNM_NOESCAPE);
    if (utf8) uselocale(old);
    return r == 0;
}

std::vector<std::string> components(std::string_view path) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        out.emplace_back(path.substr(i, j - i));
        i = j + 1;
    }
    return out;
}
}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    if (pattern.size() > kMaxGlobBytes || pattern.find('\0') != std::string_view::npos ||
        path.find('\0') != std::string_view::npos)
        return false;
    std::vector<std::string> pat = components(pattern), segs = components(path);
    // A `**` component matches any number of whole components (zero included): the classic
    // wildcard walk with backtracking to the last `**` only, so at most pat × segs steps.
    std::size_t p = 0, s = 0;
    std::size_t star_p = std::string::npos, star_s = 0;
    while (s < segs.size()) {
        if (p < pat.size() && pat[p] == "**") {
            star_p = p++;
            star_s = s;
        } else if (p < pat.size() && component_match(pat[p], segs[s])) {
            ++p;
            ++s;
        } else if (star_p != std::string::npos) {
            p = star_p + 1;
            s = ++star_s;
        } else {
            return false;
        }
    }
    while (p < pat.size() && pat[p] == "**") ++p;
    return p == pat.size();
}

}  // namespace bookc::load
