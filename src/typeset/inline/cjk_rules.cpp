// Chinese layout rules (../shared/notes/CJK-RULES.md) turned into break items: which
// cluster boundaries may break (A1 prohibitions, A2 unbreakable sequences, the break points
// of URLs, paths and identifiers from compound_breaks.cpp), the glue between clusters (A4
// CJK–Latin space, A5 justification opportunities; none inside Latin words) and punctuation
// compression (A3: adjacent marks, opening bracket at line start, mark at line end).
#include <linebreak.h>

#include <algorithm>
#include <string_view>

#include "base/utf8.hpp"
#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {
namespace {

bool in(std::u32string_view set, char32_t c) { return set.find(c) != std::u32string_view::npos; }

// clreq basic level + GB/T 15834 list + ASCII closers; strict: dashes and ellipses.
constexpr std::u32string_view kNoStart =
    U"、，。．：；！？‼⁇⁈⁉”’」』）］｝〕〗〙〛】〉》〟｠｣・·‧･～〜〰％‰℃℉︰︱︲︳︴︶"
    U",.;:!?)]}%—…⸺⋯‥";
constexpr std::u32string_view kNoEnd = U"“‘「『（［｛〔〖〘〚【〈《〝｟｢([{／";
constexpr std::u32string_view kOpening = U"“‘「『（［｛〔〖〘〚【〈《〝｟｢";
constexpr std::u32string_view kClosing = U"”’」』）］｝〕〗〙〛】〉》〟｠｣、，。．：；！？";
constexpr std::u32string_view kDash = U"—⸺";
constexpr std::u32string_view kEllipsis = U"…⋯‥";
constexpr std::u32string_view kPostfixUnit = U"%％‰℃℉°′″";
constexpr std::u32string_view kPrefixCurrency = U"¥￥$＄€£￡#＃";
// Measure words and units that stay with the number before them (3 公里, 2024 年, 5 元).
constexpr std::u32string_view kCjkUnit =
    U"年月日号時时分秒个個元角万亿億千百米克吨噸升度岁歲倍次天周週页頁章节節";
// A break inside a URL, path or identifier (compound_breaks.cpp) costs more than one after
// a hyphen: such a line is never justified by letter-spacing, so the breaker should take
// one only when the lines around it would otherwise be noticeably looser.
constexpr float kCompoundPenalty = 100;

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }
bool is_latin_letter(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF) ||
           (c >= 0x400 && c <= 0x4FF);
}

}  // namespace

namespace {

// Character classes for the BMP in one table (built once): the rules look up several
// classes for every cluster boundary, millions of times per book.
enum : std::uint16_t {
    fNoStart = 1,
    fNoEnd = 2,
    fOpen = 4,
    fClose = 8,
    fDash = 16,
    fEllipsis = 32,
    fPostfix = 64,
    fPrefix = 128,
    fCjkUnit = 256,
    fIdeo = 1024,
    fSpace = 2048,
    fLatin = 4096,
    fDigit = 8192,
};

bool compute_ideo(char32_t c) {
    if (base::is_han(c)) return true;
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xFF10 && c <= 0xFF19) ||
           (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
           (c >= 0x3005 && c <= 0x3007) || (c >= 0x31F0 && c <= 0x31FF);
}

std::vector<std::uint16_t> build_class_table() {
    return [] {
        std::vector<std::uint16_t> t(0x10000, 0);
        auto mark = [&](std::u32string_view set, std::uint16_t f) {
            for (char32_t c : set) t[c] |= f;
        };
        mark(kNoStart, fNoStart);
        mark(kNoEnd, fNoEnd);
        mark(kOpening, fOpen);
        mark(kClosing, fClose);
        mark(kDash, fDash);
        mark(kEllipsis, fEllipsis);
        mark(kPostfixUnit, fPostfix);
        mark(kPrefixCurrency, fPrefix);
        mark(kCjkUnit, fCjkUnit);
        for (char32_t c = 0; c < 0x10000; ++c) {
            if (compute_ideo(c)) t[c] |= fIdeo;
            // U+3000 is not here: the ideographic space is a fixed 1 em box.
            if (c == ' ' || c == 0xA0 || c == '\t' || (c >= 0x2000 && c <= 0x200A)) t[c] |= fSpace;
            if (is_digit(c)) t[c] |= fDigit;
            if (is_latin_letter(c)) t[c] |= fLatin;
        }
        return t;
    }();
}

// Built during static initialisation: no guard on the hot path.
const std::vector<std::uint16_t> g_class_table = build_class_table();

inline std::uint16_t cls(char32_t c) {
    if (c < 0x10000) return g_class_table[c];
    return compute_ideo(c) ? fIdeo : 0;
}
inline bool has(char32_t c, std::uint16_t f) { return (cls(c) & f) != 0; }

}  // namespace

bool is_no_start(char32_t c) { return has(c, fNoStart); }
bool is_no_end(char32_t c) { return has(c, fNoEnd); }
bool is_opening_mark(char32_t c) { return has(c, fOpen); }
bool is_closing_mark(char32_t c) { return has(c, fClose); }
bool is_space_char(char32_t c) { return has(c, fSpace); }
bool is_latin_alnum(char32_t c) { return has(c, fLatin) || (c >= '0' && c <= '9'); }
bool is_cjk_ideo(char32_t c) { return has(c, fIdeo); }
namespace {
bool is_dash_or_ellipsis(char32_t c) { return has(c, fDash | fEllipsis); }
}  // namespace

BreakItems build_break_items(const Measured& m, const std::vector<char>& brks, bool code) {
    const auto& t = m.text;
    const auto& cl = m.clusters;
    const std::size_t n = cl.size();
    BreakItems it;
    it.box.assign(n, 0);
    it.ltrim.assign(n, 0);
    it.rtrim.assign(n, 0);
    it.glue.assign(n, 0);
    it.stretch.assign(n, 0);
    it.shrink.assign(n, 0);
    it.penalty.assign(n, kNoBreak);
    it.emergency.assign(n, kNoBreak);
    it.end_trim.assign(n, 0);
    it.hyphen.assign(n, 0);
    it.start_trim.assign(n, 0);
    it.forced.assign(n, 0);
    it.glue_class.assign(n, kGlueInter);
    it.core.assign(n, 0);
    std::vector<std::uint8_t> mono(t.size(), 0);
    for (const Cluster& c : cl)  // inline code breaks like a URL
        if (c.mono) std::fill(mono.begin() + c.begin, mono.begin() + c.end, 1);
    const CompoundTokens compound = compound_tokens(t, brks, mono);
    it.compound.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k) it.compound[k] = compound.compound[cl[k].begin];
    if (n > 0)
        for (std::uint32_t i = 0; i < cl[0].begin; ++i)
            if (t[i] == '\n' || t[i] == 0x2028) ++it.leading_breaks;

    auto first = [&](std::size_t k) { return t[cl[k].begin]; };
    auto last = [&](std::size_t k) { return t[cl[k].end - 1]; };
    auto full_mark = [&](std::size_t k) { return cl[k].width >= 0.8f * cl[k].em; };

    // Boxes, with adjacent full-width marks compressed by ½ em (A3).
    for (std::size_t k = 0; k < n; ++k) {
        char32_t c = first(k);
        it.box[k] = cl[k].width;
        it.core[k] = !(is_space_char(c) || is_no_start(c) || is_no_end(c) ||
                       is_dash_or_ellipsis(c) || (c < 0x80 && !is_latin_alnum(c)));
        if (cl[k].mono || k + 1 >= n || cl[k].end != cl[k + 1].begin) continue;
        if (!full_mark(k) || !full_mark(k + 1)) continue;
        char32_t a = last(k), b = first(k + 1);
        bool a_mark = is_opening_mark(a) || is_closing_mark(a);
        bool b_mark = is_opening_mark(b) || is_closing_mark(b);
        if (!a_mark || !b_mark) continue;
        const float half = 0.5f * cl[k].em;
        if (is_closing_mark(a) && cl[k].blank_right && it.rtrim[k] == 0 && it.ltrim[k] == 0) {
            it.rtrim[k] = half;  // 。」 ），  」「 : the first mark loses its empty right half
        } else if (is_opening_mark(b) && cl[k + 1].blank_left) {
            it.ltrim[k + 1] = 0.5f * cl[k + 1].em;  // （「 ，「 : the second loses its left half
        }
    }
    for (std::size_t k = 0; k < n; ++k) {
        it.box[k] = cl[k].width - it.ltrim[k] - it.rtrim[k];
        if (!code && !cl[k].mono && is_space_char(first(k))) it.box[k] = 0;  // a space is glue
        // A space inside inline code keeps its width, except at the end of a line.
        if (!code && cl[k].mono && is_space_char(first(k))) it.end_trim[k] = it.box[k];
        // Line end: a full-width mark is set half width (GB/T 15834 §5.1.10).
        if (!cl[k].mono && is_closing_mark(last(k)) && cl[k].blank_right && full_mark(k) &&
            it.rtrim[k] == 0)
            it.end_trim[k] = 0.5f * cl[k].em;
        // Line start: an opening bracket loses ½ em.
        if (!cl[k].mono && is_opening_mark(first(k)) && cl[k].blank_left && full_mark(k) &&
            it.ltrim[k] == 0)
            it.start_trim[k] = 0.5f * cl[k].em;
    }

    // Glue and break candidates between cluster k and k+1.
    for (std::size_t k = 0; k < n; ++k) {
        const float em = cl[k].em;
        const char32_t a = last(k);
        const bool a_space = is_space_char(first(k));
        if (k + 1 >= n) break;
        // Characters between the clusters that were not shaped: forced breaks, dropped chars.
        for (std::uint32_t i = cl[k].end; i < cl[k + 1].begin; ++i)
            if (t[i] == '\n' || t[i] == 0x2028) ++it.forced[k];
        const char32_t b = first(k + 1);
        const float em2 = std::max(em, cl[k + 1].em);
        const bool mono_a = cl[k].mono, mono_b = cl[k + 1].mono;
        // Inline code counts as Latin for the Han–Latin space (xeCJK treats it so).
        const bool latin_a = is_latin_alnum(a) || (mono_a && !a_space && !is_cjk_ideo(a));
        const bool latin_b = is_latin_alnum(b) || (mono_b && !is_space_char(b) && !is_cjk_ideo(b));
        const bool ideo_a = is_cjk_ideo(a) && !mono_a, ideo_b = is_cjk_ideo(b) && !mono_b;
        const bool in_token = compound.in[cl[k].end - 1] && compound.in[cl[k + 1].begin] &&
                              cl[k].end == cl[k + 1].begin;
        const bool in_compound = in_token && compound.compound[cl[k].end - 1];

        // --- glue
        if (code) {
            // Code blocks: spaces keep their width, nothing stretches.
        } else if (a_space && !mono_a) {
            bool dup = k > 0 && is_space_char(last(k - 1));
            if (dup) {
                it.glue[k] = 0;  // collapse runs of spaces
            } else {
                char32_t before = k > 0 ? last(k - 1) : 0;
                if ((is_cjk_ideo(before) && is_latin_alnum(b)) ||
                    (is_latin_alnum(before) && is_cjk_ideo(b))) {
                    // An explicit space between Han and Latin: the ¼ em of A4.
                    it.glue[k] = 0.25f * em2;
                    it.stretch[k] = em2 / 12;
                    it.shrink[k] = em2 / 8;
                    it.glue_class[k] = kGlueHanLatin;
                } else {
                    const float w = cl[k].width;
                    it.glue[k] = w;
                    // Up to the wider of ½ em and 1½ spaces; down to the narrower of
                    // ¼ em and ⅘ of a space (a space under 5/16 em keeps ⅘ of itself).
                    it.stretch[k] = std::max(0.5f * em - w, 0.5f * w);
                    it.shrink[k] = std::max(w - 0.25f * em, 0.2f * w);
                    it.glue_class[k] = kGlueSpace;
                }
            }
        } else if (cl[k].raised != cl[k + 1].raised) {
            // A footnote mark or superscript hugs its text: no Han–Latin space.
        } else if ((ideo_a && latin_b) || (latin_a && ideo_b)) {
            it.glue[k] = 0.25f * em2;  // A4: ¼ em, shrinking to ⅛, stretching to ⅓
            it.stretch[k] = em2 / 12;
            it.shrink[k] = em2 / 8;
            it.glue_class[k] = kGlueHanLatin;
        } else if (mono_a || mono_b) {
            // Inside or next to inline code: nothing stretches.
        } else if (in_compound) {
            // Inside a URL, path or identifier the letters may open by a trace, so a line
            // broken inside a long address needs less from the lines before it; never more.
            it.stretch[k] = kLatinTrace * em2;
            it.glue_class[k] = kGlueLatin;
        } else if ((is_cjk_ideo(a) || is_opening_mark(a) || is_closing_mark(a) ||
                    is_dash_or_ellipsis(a) || is_cjk_ideo(b) || is_opening_mark(b) ||
                    is_closing_mark(b) || is_dash_or_ellipsis(b)) &&
                   !is_latin_alnum(a) && !is_latin_alnum(b) && !(is_space_char(b))) {
            bool inside_pair =
                (has(a, fDash) && has(b, fDash)) || (has(a, fEllipsis) && has(b, fEllipsis));
            if (!inside_pair) {
                it.stretch[k] = 0.1f * em2;  // inter-character spacing (A5, last in order)
                it.shrink[k] = 0.02f * em2;
                it.glue_class[k] = kGlueInter;
                // A mark's empty half can give way before anything else (commas, brackets).
                if (cl[k].blank_right && it.rtrim[k] == 0 && is_closing_mark(a) && full_mark(k)) {
                    it.shrink[k] += 0.25f * em;
                    it.glue_class[k] = kGluePunct;
                }
                if (cl[k + 1].blank_left && it.ltrim[k + 1] == 0 && is_opening_mark(b) &&
                    full_mark(k + 1)) {
                    it.shrink[k] += 0.25f * cl[k + 1].em;
                    it.glue_class[k] = kGluePunct;
                }
            }
        } else if (!is_space_char(b) && !ideo_a && !ideo_b && a < 0x2000 && b < 0x2000) {
            it.glue_class[k] = kGlueLatin;  // inside a Latin word: no stretch at all
        }

        // --- break opportunity
        if (code) {
            float p = 100;
            if (a_space)
                p = 0;
            else if (in(U"/.-?&=_#,;:)]}>", a))
                p = 10;
            if (is_space_char(b)) p = 100;  // keep the space at the end of the line
            it.penalty[k] = p;
            it.emergency[k] = p;
            continue;
        }
        const char brk = brks.empty() ? LINEBREAK_ALLOWBREAK : brks[cl[k].end - 1];
        float p = (brk == LINEBREAK_ALLOWBREAK || brk == LINEBREAK_MUSTBREAK) ? 0.f : kNoBreak;
        bool prohibited = false;
        if (is_no_start(b) || is_no_end(a)) prohibited = true;
        // A footnote marker (or any raised text) never begins a line: it stays with the
        // text before it, and the closing marks after it stay with it (is_no_start above).
        if (cl[k + 1].raised && !cl[k].raised) prohibited = true;
        if ((has(a, fDash) && has(b, fDash)) || (has(a, fEllipsis) && has(b, fEllipsis)))
            prohibited = true;
        // Numbers: 3.14, 1,000; digits with their units and currency signs.
        const char32_t a_prev = cl[k].end >= 2 ? t[cl[k].end - 2] : 0;
        if (is_digit(a) && (is_digit(b) || b == '.' || b == ',')) prohibited = true;
        if ((a == '.' || a == ',') && is_digit(a_prev) && is_digit(b)) prohibited = true;
        if (is_digit(a) && (has(b, fPostfix) || has(b, fCjkUnit))) prohibited = true;
        if (has(a, fPrefix) && is_digit(b)) prohibited = true;
        if (a_space && is_digit(a_prev) && is_latin_letter(b)) {
            // "5 kg", "10 MB": a short unit after a number stays on the number's line.
            std::uint32_t j = cl[k + 1].begin;
            while (j < t.size() && is_latin_letter(t[j])) ++j;
            if (j - cl[k + 1].begin <= 3) prohibited = true;
        }
        if (in_token) {
            // Inside a Latin run without spaces: only at its break points (compound_breaks.cpp).
            if (!compound.brk[cl[k].end - 1])
                p = kNoBreak;
            else if (a == '-' && is_latin_letter(b) && !mono_a)
                p = 50;  // as after any hyphen
            else if (in_compound)
                p = kCompoundPenalty;
        } else if (a == '-' && is_latin_letter(b) && p == 0) {
            p = 50;  // after an explicit hyphen
        }
        // A soft hyphen would need a visible hyphen drawn at the break: not offered.
        if (a == 0xAD) p = kNoBreak;
        if (prohibited) p = kNoBreak;
        it.penalty[k] = p;
        // Last resort (pass 2): anywhere, except inside —— and ……; prohibited spots cost more.
        bool inside_pair =
            (has(a, fDash) && has(b, fDash)) || (has(a, fEllipsis) && has(b, fEllipsis));
        if (p != kNoBreak)
            it.emergency[k] = p;
        else if (!inside_pair)
            it.emergency[k] = prohibited ? 4 * kEmergencyPenalty : kEmergencyPenalty;
    }

    it.sum_w.assign(n + 1, 0);
    it.sum_st.assign(n + 1, 0);
    it.sum_sh.assign(n + 1, 0);
    it.sum_beyond.assign(n + 1, 0);
    it.sum_han.assign(n + 1, 0);
    for (std::size_t k = 0; k < n; ++k) {
        it.sum_beyond[k + 1] = it.sum_beyond[k] + beyond_stretch(it, k);
        it.sum_han[k + 1] = it.sum_han[k] + han_stretch(it, k);
        it.sum_w[k + 1] = it.sum_w[k] + it.box[k] + it.glue[k];
        it.sum_st[k + 1] = it.sum_st[k] + it.stretch[k];
        it.sum_sh[k + 1] = it.sum_sh[k] + it.shrink[k];
    }
    return it;
}

float line_width_for(const BreakOptions& o, bool first_line, bool continuation) {
    float w = o.width;
    if (first_line) w -= o.first_indent;
    if (continuation) w -= o.mark_width;
    return w;
}

}  // namespace bookc::typeset::inl
