// The output name of a book ([book] slug): one safe path component, so OUT/<slug>.pdf and
// the temporaries beside it can never leave the output folder or hide as dot files.
#include <locale.h>
#include <wctype.h>
#include <clocale>

#include "base/utf8.hpp"
#include "config/config.hpp"

namespace bookc::config {

namespace {
// Unicode letters and digits as glibc's C.UTF-8 classifies them (independent of the
// user's locale; bookc runs in the C locale).
bool letter_or_digit(char32_t c) {
    static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!utf8) return false;
    return iswalnum_l(static_cast<wint_t>(c), utf8) != 0;
}

bool allowed(char32_t c) { return letter_or_digit(c) || c == '-' || c == '_' || c == '.'; }
}  // namespace

std::string slug_problem(std::string_view slug) {
    if (slug.empty()) return "must not be empty";
    if (slug.size() > kMaxSlugBytes)
        return "is too long (" + std::to_string(slug.size()) + " bytes; at most " +
               std::to_string(kMaxSlugBytes) + ")";
    if (slug[0] == '.') return "must not start with `.`";
    if (!base::find_invalid_utf8(slug).empty()) return "is not valid UTF-8";
    std::size_t i = 0;
    while (i < slug.size()) {
        char32_t c = base::next_codepoint(slug, i);
        if (!allowed(c)) return "may only contain letters, digits, `-`, `_` and `.`";
    }
    return {};
}

std::string slug_from_folder(std::string_view folder) {
    std::string out;
    std::size_t i = 0;
    while (i < folder.size()) {
        std::size_t start = i;
        char32_t c = base::next_codepoint(folder, i);
        bool ok = c != 0xFFFD && allowed(c);
        if (ok)
            out.append(folder.substr(start, i - start));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && (out.front() == '.' || out.front() == '-')) out.erase(out.begin());
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > kMaxSlugBytes) {
        std::size_t cut = kMaxSlugBytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out.empty() ? "book" : out;
}

}  // namespace bookc::config
