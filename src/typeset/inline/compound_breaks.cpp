// Break points inside Latin runs without spaces: URLs, file paths, identifiers
// (`D:/Go/src/runtime/checkptr.go`, `atomic.LoadUint32`, `sync.Mutex.Lock`, `std::vector`).
// libunibreak (UAX #14) breaks such a run only after `/` and hyphens, and keeps
// `atomic.LoadUint32` whole, so a justified line holding one had to be letter-spaced.
//
// The rule, for every Latin run without spaces (a "token": a maximal stretch of non-space,
// non-CJK characters), refining libunibreak's opportunities inside it:
//   - a break may follow `/ . _ - ? & = # ~ \` or the second colon of `::` when a letter or
//     digit comes next;
//   - never with fewer than two characters of the token before it or after it;
//   - never after a `.` that ends a single letter (`e.g.`, `U.S.A.`), nor between digits
//     (`2024-05-01`, `192.168.0.1`: numbers stay whole);
//   - libunibreak's own opportunities in the token are kept when they respect the margins.
// A token with such a break point (or "://", "www.", inline code) is a compound token: its
// letters may open by a trace when justified, and its words are never hyphenated. A plain
// word has none of these characters, so it is never broken here (hyphenation is
// hyphenate.cpp's business, with a drawn hyphen). No character is drawn at these breaks:
// the text of the lines is the source text, so copying gives back the token exactly.
#include <linebreak.h>

#include <algorithm>
#include <string_view>

#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {
namespace {

bool digit(char32_t c) { return c >= '0' && c <= '9'; }
bool token_char(char32_t c) {
    return !is_space_char(c) && !is_cjk_ideo(c) && c > ' ' && c <= 0x2000;
}
bool separator(char32_t c) {
    return std::u32string_view(U"/._-?&=#~\\").find(c) != std::u32string_view::npos;
}

// The separator rule for a break after t[i] inside the token [s, e).
bool separator_break(const std::u32string& t, std::size_t s, std::size_t e, std::size_t i) {
    if (i + 1 >= e) return false;
    const char32_t a = t[i], b = t[i + 1];
    if (!is_latin_alnum(b)) return false;
    const bool double_colon = a == ':' && i > s && t[i - 1] == ':';
    if (!separator(a) && !double_colon) return false;
    if (i > s && digit(t[i - 1]) && digit(b)) return false;  // 2024-05-01, 3.14, v1.2.3
    if (a == '.') {
        // The letters and digits before the dot: a single one is an abbreviation (none:
        // a call chain, `f().g`).
        std::size_t j = i;
        while (j > s && is_latin_alnum(t[j - 1])) --j;
        if (i - j == 1) return false;
    }
    return true;
}

bool margins(std::size_t s, std::size_t e, std::size_t i) {
    return i + 1 - s >= kCompoundMargin && e - (i + 1) >= kCompoundMargin;
}

}  // namespace

CompoundTokens compound_tokens(const std::u32string& t, const std::vector<char>& brks,
                               const std::vector<std::uint8_t>& mono) {
    CompoundTokens out;
    out.in.assign(t.size(), 0);
    out.compound.assign(t.size(), 0);
    out.brk.assign(t.size(), 0);
    std::size_t i = 0;
    while (i < t.size()) {
        if (!token_char(t[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < t.size() && token_char(t[e])) ++e;
        const std::size_t s = i;
        i = e;
        std::u32string_view tok(t.data() + s, e - s);
        bool compound = tok.find(U"://") != tok.npos || tok.substr(0, 4) == U"www.";
        for (std::size_t k = s; k < e; ++k) {
            out.in[k] = 1;
            if (!margins(s, e, k)) continue;
            const bool sep = separator_break(t, s, e, k);
            // libunibreak's own opportunities, but never inside "//", after "https:" or
            // between digits.
            const bool unibreak = !brks.empty() && k + 1 < e && brks[k] == LINEBREAK_ALLOWBREAK &&
                                  t[k] != ':' && t[k + 1] != '/' && !digit(t[k]);
            out.brk[k] = sep || unibreak;
            compound = compound || sep || mono[k];
        }
        if (compound) std::fill(out.compound.begin() + s, out.compound.begin() + e, 1);
    }
    return out;
}

}  // namespace bookc::typeset::inl
