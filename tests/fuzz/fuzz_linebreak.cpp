// libFuzzer target: the inline engine on arbitrary UTF-8.
//   byte 0  bit 0: real fonts (layout_paragraph: itemize, shape, hyphenate, break, justify,
//                  glyph runs) instead of clusters of made-up widths fed to the breaker
//                  itself (as tests/typeset/inline_breaker_test.cpp does, no fonts);
//           bit 1: code (greedy, breaks anywhere, continuation marks); bit 2: greedy first
//           fit instead of Knuth–Plass; bits 3-5: alignment
//   byte 1  measure: 1 + 2·b pt        byte 2  first-line indent: (b % 8) · ½ em
//   byte 3  seed of the made-up cluster widths (0 to 1½ em, some zero, some clusters of
//           two characters as ligatures make)
//   the rest: the paragraph's text (invalid UTF-8 replaced, as the loaders do)
// Checked: the lines take every cluster once, in order; every position and width is finite.
#include <cmath>
#include <cstdint>
#include <string>

#include "base/diag.hpp"
#include "base/utf8.hpp"
#include "font/font.hpp"
#include "fuzz_support.hpp"
#include "typeset/inline/inline_types.hpp"
#include "typeset/inline/paragraph.hpp"

using namespace bookc;
using namespace bookc::typeset;
using namespace bookc::typeset::inl;

namespace {

constexpr float kEm = 10;

// The fonts of the handbook layout, opened once per process.
struct Fonts {
    font::FontDb db{"/nonexistent"};
    FontChain serif, mono;
    Fonts() {
        serif.fonts.push_back(db.get("Noto Serif CJK SC"));
        serif.fonts.push_back(db.get("DejaVu Sans"));
        mono.fonts.push_back(db.get("Noto Sans Mono CJK SC"));
    }
};
Fonts& fonts() {
    static Fonts f;
    return f;
}

std::uint32_t mix(std::uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    return x ^ (x >> 16);
}

Measured made_up(const std::u32string& t, std::uint8_t seed, bool mono) {
    Measured m;
    m.text = t;
    for (std::uint32_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') continue;
        const std::uint32_t h = mix(static_cast<std::uint32_t>(t[i]) * 131u + seed);
        Cluster cl;
        cl.begin = i;
        cl.end = i + 1;
        // A ligature: two characters (neither a line break) in one cluster.
        if (h % 11 == 0 && i + 1 < t.size() && t[i + 1] != '\n') cl.end = ++i + 1;
        cl.em = kEm;
        cl.mono = mono;
        cl.width = static_cast<float>((h >> 8) % 25) * kEm / 16;
        cl.blank_left = !mono && is_opening_mark(t[cl.begin]);
        cl.blank_right = !mono && is_closing_mark(t[cl.begin]);
        cl.raised = (h >> 16) % 29 == 0;
        m.clusters.push_back(cl);
    }
    return m;
}

void check_spans(const std::vector<LineSpan>& spans, std::size_t n, const BreakItems& items,
                 const BreakOptions& o) {
    std::uint32_t next = 0;
    for (const LineSpan& sp : spans) {
        BOOKC_FUZZ_CHECK(sp.first <= sp.end && sp.end <= n, "line outside the paragraph");
        if (sp.first == sp.end) continue;  // an empty line (two forced breaks)
        BOOKC_FUZZ_CHECK(sp.first == next, "lines skip or repeat clusters");
        next = sp.end;
        const SetLine set = set_line(items, sp, o);
        BOOKC_FUZZ_CHECK(
            set.advance.size() == sp.end - sp.first && set.shift.size() == set.advance.size(),
            "set_line sizes");
        BOOKC_FUZZ_CHECK(std::isfinite(set.x) && std::isfinite(set.natural), "line position");
        for (std::size_t i = 0; i < set.advance.size(); ++i)
            BOOKC_FUZZ_CHECK(std::isfinite(set.advance[i]) && std::isfinite(set.shift[i]),
                             "cluster advance");
    }
    BOOKC_FUZZ_CHECK(next == n, "lines lose clusters at the end");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) return 0;
    const std::uint8_t mode = data[0];
    const std::string text =
        base::sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data) + 4, size - 4));
    const bool with_fonts = mode & 1, code = mode & 2;
    static const TextAlign kAlign[] = {TextAlign::Justify, TextAlign::Left, TextAlign::Center,
                                       TextAlign::Right, TextAlign::JustifyNear};
    const TextAlign align = kAlign[((mode >> 3) & 7) % 5];
    const float width = 1 + 2.f * data[1];
    const float indent = static_cast<float>(data[2] % 8) * kEm / 2;

    if (with_fonts) {
        ParagraphSpec spec;
        StyledRun run;
        run.text = text;
        run.style.fonts = code ? &fonts().mono : &fonts().serif;
        run.style.size = kEm;
        run.style.monospace = code;
        spec.runs.push_back(run);
        spec.width = width;
        spec.first_indent = indent;
        spec.align = align;
        spec.code = code;
        FontTable table;
        base::DiagSink diags;
        ParagraphLayout out = layout_paragraph(spec, table, diags);
        for (const Line& l : out.lines) {
            BOOKC_FUZZ_CHECK(
                std::isfinite(l.natural) && std::isfinite(l.ascent) && std::isfinite(l.descent),
                "line metrics");
            for (const auto& r : l.runs) {
                BOOKC_FUZZ_CHECK(std::isfinite(r.x) && std::isfinite(r.y), "run position");
                BOOKC_FUZZ_CHECK(base::find_invalid_utf8(r.text).empty(), "run text is not UTF-8");
                for (const auto& g : r.glyphs)
                    BOOKC_FUZZ_CHECK(
                        std::isfinite(g.advance) && std::isfinite(g.dx) && std::isfinite(g.dy),
                        "glyph position");
            }
        }
        return 0;
    }

    const std::u32string t = base::to_u32(text);
    BreakOptions o;
    o.width = width;
    o.first_indent = indent;
    o.align = align;
    o.code = code;
    o.optimal = !(mode & 4);
    if (code) o.mark_width = 0.75f * kEm;
    const Measured m = made_up(t, data[3], code);
    const auto brks = code ? std::vector<char>{} : unibreak(t);
    const BreakItems items = build_break_items(m, brks, code);
    BOOKC_FUZZ_CHECK(items.size() == m.clusters.size(), "break items per cluster");
    const auto spans = o.optimal ? break_lines(m, items, o) : break_greedy(items, o);
    check_spans(spans, m.clusters.size(), items, o);
    return 0;
}
