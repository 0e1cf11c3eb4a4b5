// Code blocks: monospaced lines on a tinted ground, long lines wrapped. Highlighted tokens
// (model::Block::tokens) become runs in their theme's colour, bold in the mono font's bold
// face when the theme asks and the layout's mono family has one. Numbered lines carry
// their number in a gutter: an artifact drawn with an empty ActualText, so neither copied
// text nor the structure tree holds it.
#include <algorithm>
#include <string>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

// Runs for text[from, to) of the block, split where its tokens start and end.
std::vector<StyledRun> code_runs(const Builder& b, const model::Block& blk, std::size_t from,
                                 std::size_t to, const TextStyle& plain) {
    std::vector<StyledRun> runs;
    auto add = [&](std::size_t s, std::size_t e, const TextStyle& style) {
        if (s >= e) return;
        StyledRun r;
        r.text = blk.text.substr(s, e - s);
        r.style = style;
        r.span = blk.span;
        runs.push_back(std::move(r));
    };
    const bool themed = b.st.layout.code_theme != "none";
    std::size_t at = from;
    for (const auto& tok : blk.tokens) {
        if (!themed || tok.begin >= to) break;
        std::size_t s = std::max<std::size_t>(tok.begin, at),
                    e = std::min<std::size_t>(tok.end, to);
        if (s >= e) continue;
        add(at, s, plain);
        TokenLook look = token_look(tok.cls);
        TextStyle style = plain;
        style.color = look.color;
        if (look.bold) style.fonts = &b.st.mono_bold;
        add(s, e, style);
        at = e;
    }
    add(at, to, plain);
    if (runs.empty()) {  // an empty block or line still takes its line
        runs.emplace_back();
        runs.back().text = " ";
        runs.back().style = plain;
        runs.back().span = blk.span;
    }
    return runs;
}

ParagraphLayout code_paragraph(Builder& b, std::vector<StyledRun> runs, float width) {
    ParagraphSpec spec;
    spec.runs = std::move(runs);
    spec.width = width;
    spec.align = TextAlign::Left;
    spec.code = true;
    return b.layout(std::move(spec));
}

// The number of a line, right-aligned to end at `right`, for the line's first baseline:
// marker items that are artifacts and never copied.
std::vector<display::Item> line_number(Builder& b, int n, float right, const TextStyle& style) {
    float width = 0;
    auto items = marker_items(b, std::to_string(n), style, 0, &width);
    for (auto& item : items)
        if (auto* g = std::get_if<display::GlyphRun>(&item)) {
            g->copy = false;
            g->x += right - width;
        }
    return items;
}

}  // namespace

void flow_code(Builder& b, const model::Block& blk, Area a) {
    const auto& st = b.st;
    float size = st.size * float(st.layout.code_size_ratio);
    float pitch = size * 1.55f;
    float pad = size * 0.6f;
    TextStyle plain = st.style(st.mono, size, st.text);
    plain.monospace = true;
    const bool numbered =
        blk.line_numbers == 1 || (blk.line_numbers < 0 && st.layout.code_line_numbers);
    // The gutter holds the widest number (mono digits are half an em) and a gap of one em.
    int last = blk.first_line + int(std::count(blk.text.begin(), blk.text.end(), '\n'));
    float gutter =
        numbered ? float(std::to_string(std::max(last, 9)).size()) * size * 0.5f + size : 0;
    float x = a.x + pad + gutter;
    float width = a.width - 2 * pad - gutter;

    b.glue(st.pitch * 0.5f);
    Deco d;
    d.kind = Deco::Background;
    d.x = a.x;
    d.w = a.width;
    d.color = {0.95f, 0.95f, 0.94f};
    b.decos.push_back(d);
    VBox top;
    top.height = pad * 0.8f;
    b.push(std::move(top));
    b.keep = 1;
    b.leaf("Code");
    if (!numbered) {
        b.lines(code_paragraph(b, code_runs(b, blk, 0, blk.text.size(), plain), width), x, pitch,
                size, false);
    } else {
        TextStyle number = st.style(st.mono, size, st.muted);
        int n = blk.first_line;
        for (std::size_t start = 0; start <= blk.text.size(); ++n) {
            std::size_t nl = std::min(blk.text.find('\n', start), blk.text.size());
            ParagraphLayout pl = code_paragraph(b, code_runs(b, blk, start, nl, plain), width);
            b.marker = line_number(b, n, x - size, number);
            b.lines(pl, x, pitch, size, false);
            start = nl + 1;
        }
    }
    VBox bottom;
    bottom.height = pad * 0.8f;
    bottom.brk = Break::Never;
    b.push(std::move(bottom));
    b.decos.pop_back();
    b.glue(st.pitch * 0.5f);
}

}  // namespace bookc::typeset::flow
