// Latin hyphenation (CJK-RULES A11): words of Latin letters in running text may break
// at the points libhyphen's patterns allow (TeX's en-US patterns, as Debian ships them),
// two letters before and three after at least, with a hyphen drawn at the line's end.
// A break there costs what a break after an explicit hyphen costs; Chinese lines, with
// their many small glues, rarely want one, Latin lines in a narrow measure often do.
#include <hyphen.h>

#include <cstdlib>
#include <mutex>

#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {

namespace {

constexpr float kHyphenPenalty = 50;
constexpr std::uint32_t kMinWord = 6, kLeftMin = 2, kRightMin = 3;

// The en-US patterns, loaded once; nullptr when the dictionary is not installed.
HyphenDict* dictionary() {
    static HyphenDict* dict = nullptr;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const char* path :
             {"/usr/share/hyphen/hyph_en_US.dic", "/usr/share/hyphen/hyph_en.dic"}) {
            dict = hnj_hyphen_load(path);
            if (dict) break;
        }
        if (dict) {
            dict->lhmin = kLeftMin;
            dict->rhmin = kRightMin;
        }
    });
    return dict;
}

bool ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters that make a word part of something else: an address, a path, a number,
// an identifier, code (`interface{}`, `*freelist`, `Map<K>`).
bool joins_word(char32_t c) {
    return (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '@' || c == ':' || c == '_' ||
           c == '#' || c == '?' || c == '=' || c == '&' || c == '%' || c == '\\' || c == '-' ||
           c == '~' || c == '+' || c == 0xAD || c == '{' || c == '}' || c == '[' || c == ']' ||
           c == '<' || c == '>' || c == '*' || c == '$' || c == '|' || c == '^';
}

}  // namespace

void add_hyphenation(const Shaped& sh, BreakItems& it) {
    HyphenDict* dict = dictionary();
    if (!dict) return;
    const auto& t = sh.m.text;
    const auto& cl = sh.m.clusters;
    // Cluster ending at each character position (for mapping points to clusters).
    std::vector<std::int32_t> ends_at(t.size() + 1, -1);
    for (std::size_t k = 0; k < cl.size(); ++k) ends_at[cl[k].end] = std::int32_t(k);
    std::vector<std::int32_t> cluster_of(t.size(), -1);
    for (std::size_t k = 0; k < cl.size(); ++k)
        for (std::uint32_t i = cl[k].begin; i < cl[k].end && i < t.size(); ++i)
            cluster_of[i] = std::int32_t(k);

    std::string word;
    std::vector<char> hyphens;
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    for (std::uint32_t i = 0; i < t.size();) {
        if (!ascii_letter(t[i])) {
            ++i;
            continue;
        }
        std::uint32_t j = i;
        while (j < t.size() && ascii_letter(t[j])) ++j;
        const std::uint32_t start = i, end = j;
        i = j;
        if (end - start < kMinWord) continue;
        if ((start > 0 && joins_word(t[start - 1])) || (end < t.size() && joins_word(t[end])))
            continue;
        bool all_caps = true, mono = false;
        for (std::uint32_t c = start; c < end; ++c) {
            all_caps = all_caps && t[c] >= 'A' && t[c] <= 'Z';
            const std::int32_t k = cluster_of[c];
            if (k < 0 || cl[std::size_t(k)].mono || it.compound[std::size_t(k)]) mono = true;
        }
        if (all_caps || mono) continue;  // acronyms, code, identifiers and URLs
        word.clear();
        for (std::uint32_t c = start; c < end; ++c)
            word += static_cast<char>(std::tolower(int(t[c])));
        hyphens.assign(word.size() + 5, 0);
        if (hnj_hyphen_hyphenate2(dict, word.c_str(), int(word.size()), hyphens.data(), nullptr,
                                  &rep, &pos, &cut) != 0)
            continue;
        if (rep) {  // non-standard hyphenation (not in the en-US patterns): not offered
            for (std::size_t r = 0; r < word.size(); ++r) std::free(rep[r]);
            std::free(rep), std::free(pos), std::free(cut);
            rep = nullptr, pos = nullptr, cut = nullptr;
            continue;
        }
        for (std::uint32_t h = kLeftMin - 1; h + kRightMin < word.size(); ++h) {
            if (!(hyphens[h] & 1)) continue;
            const std::int32_t k = ends_at[start + h + 1];  // the point is after letter h
            if (k < 0 || std::size_t(k) + 1 >= cl.size()) continue;
            if (it.penalty[std::size_t(k)] != kNoBreak) continue;  // already a break
            const Cluster& c = cl[std::size_t(k)];
            const auto& font = sh.items[c.item].font;
            if (!font) continue;
            const std::uint32_t gid = font->has_char(U'-') ? font->glyph_for(U'-') : 0;
            if (!gid) continue;
            const float w = float(font->advance(gid)) * c.em / float(font->units_per_em());
            it.penalty[std::size_t(k)] = kHyphenPenalty;
            it.emergency[std::size_t(k)] = kHyphenPenalty;
            it.end_trim[std::size_t(k)] = -w;  // a line ending here is a hyphen longer
            it.hyphen[std::size_t(k)] = 1;
        }
    }
}

}  // namespace bookc::typeset::inl
