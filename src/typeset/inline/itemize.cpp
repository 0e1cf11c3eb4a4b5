// Collect the runs' text into one UTF-32 string and split it into font items: maximal
// stretches of one style run, one font and one script. Each character takes the first
// font of its chain that has it (marks, joiners and selectors stay with their base; spaces
// and common punctuation stay with the current font when it has them). A character no
// font has is dropped with a warning naming it, never drawn as a tofu box.
#include <hb.h>

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "base/utf8.hpp"
#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {
namespace {

bool is_default_ignorable(char32_t c) {
    return c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0000 && c <= 0xE0FFF) || c == 0x034F || (c >= 0x180B && c <= 0x180F);
}

bool is_mark(hb_unicode_funcs_t* uf, char32_t c) {
    auto gc = hb_unicode_general_category(uf, c);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK;
}

std::string describe(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    std::string s = buf;
    s += " '";
    base::append_utf8(s, c);
    s += "'";
    return s;
}

}  // namespace

Itemized itemize(const ParagraphSpec& spec, base::DiagSink& diags) {
    Itemized out;
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    std::size_t total = 0;
    for (const auto& r : spec.runs) total += r.text.size();
    out.text.reserve(total);
    out.run_of_char.reserve(total);

    std::unordered_set<char32_t> warned;
    int col = 0;  // column in the current source line (tab stops in code)
    for (std::uint32_t ri = 0; ri < spec.runs.size(); ++ri) {
        const StyledRun& run = spec.runs[ri];
        const FontChain* chain = run.style.fonts;
        const std::size_t n_fonts = chain ? chain->fonts.size() : 0;
        int cur = -1;  // font index in the chain for the previous character
        int cur_script = HB_SCRIPT_COMMON;
        // Decode; tabs become spaces (to the next multiple of 4 columns in code).
        std::u32string chars;
        chars.reserve(run.text.size());
        for (std::size_t i = 0; i < run.text.size();) {
            char32_t c = base::next_codepoint(run.text, i);
            if (c == '\r') continue;
            if (c == '\n') {
                chars.push_back(c);
                col = 0;
                continue;
            }
            if (c == '\t') {
                const int n = spec.code ? 4 - col % 4 : 1;
                chars.append(static_cast<std::size_t>(n), U' ');
                col += n;
                continue;
            }
            chars.push_back(c);
            ++col;
        }
        for (char32_t c : chars) {
            const auto idx = static_cast<std::uint32_t>(out.text.size());
            out.text.push_back(c);
            out.run_of_char.push_back(ri);
            if (c == '\n' || c == 0x2028) {
                cur = -1;
                continue;
            }

            int f = -1;
            const bool follows_base = is_mark(uf, c) || c == 0x200D ||
                                      (c >= 0xFE00 && c <= 0xFE0F) ||
                                      (c >= 0xE0100 && c <= 0xE01EF);
            if ((follows_base || is_default_ignorable(c)) && cur >= 0) {
                f = cur;
            } else {
                auto gc = hb_unicode_general_category(uf, c);
                bool common =
                    c == ' ' || (gc >= HB_UNICODE_GENERAL_CATEGORY_CONNECT_PUNCTUATION &&
                                 gc <= HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR &&
                                 hb_unicode_script(uf, c) == HB_SCRIPT_COMMON &&
                                 !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFFEF));
                // (Quotes and dashes follow the text they sit in: “” after Han text keep
                // the CJK font's full-width forms even when a Latin font comes first.)
                if (common && cur >= 0 && chain->fonts[cur] && chain->fonts[cur]->has_char(c)) {
                    f = cur;
                } else {
                    for (std::size_t k = 0; k < n_fonts; ++k)
                        if (chain->fonts[k] && chain->fonts[k]->has_char(c)) {
                            f = static_cast<int>(k);
                            break;
                        }
                }
            }
            if (f < 0 && is_default_ignorable(c)) {
                // Invisible format characters: keep them with the first font (HarfBuzz hides them).
                if (n_fonts > 0 && chain->fonts[0]) f = 0;
            }
            if (f < 0) {
                if (warned.insert(c).second) {
                    std::string where =
                        n_fonts && chain->fonts[0] ? chain->fonts[0]->info().family : "";
                    diags.warning(
                        run.span, "no font has a glyph for " + describe(c) + "; it is left out",
                        {n_fonts ? "add a font that covers it to the fallback fonts (first font: " +
                                       where + ")"
                                 : "this text has no fonts"});
                }
                continue;
            }
            // Script: Common/Inherited characters take the script of the text around them.
            int script = hb_unicode_script(uf, c);
            if (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED ||
                script == HB_SCRIPT_UNKNOWN)
                script = cur_script;
            if (script == HB_SCRIPT_HIRAGANA || script == HB_SCRIPT_KATAKANA ||
                script == HB_SCRIPT_BOPOMOFO)
                script = HB_SCRIPT_HAN;  // one CJK item: locl and spacing stay consistent
            if (!out.items.empty()) {
                FontItem& last = out.items.back();
                if (last.run == ri && last.end == idx && last.font == chain->fonts[f] &&
                    (last.script == script || script == HB_SCRIPT_COMMON)) {
                    last.end = idx + 1;
                    if (last.script == HB_SCRIPT_COMMON) last.script = script;
                    cur = f;
                    cur_script = last.script;
                    continue;
                }
                if (last.run == ri && last.end == idx && last.font == chain->fonts[f] &&
                    last.script == HB_SCRIPT_COMMON) {
                    last.end = idx + 1;
                    last.script = script;
                    cur = f;
                    cur_script = script;
                    continue;
                }
            }
            out.items.push_back({ri, idx, idx + 1, chain->fonts[f], script});
            cur = f;
            cur_script = script;
        }
    }
    // Items whose script stayed Common (digits, punctuation only): shape them as Han when
    // the paragraph is Chinese, which selects the Chinese forms (locl).
    for (auto& it : out.items)
        if (it.script == HB_SCRIPT_COMMON) it.script = HB_SCRIPT_HAN;
    return out;
}

}  // namespace bookc::typeset::inl
