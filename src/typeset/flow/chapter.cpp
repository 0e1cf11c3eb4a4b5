// A chapter's flow: the opening title block, the body, footnote bodies, comments.
#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

void opening(Builder& b, const model::Chapter& ch, const std::string& dest, Area a) {
    const auto& st = b.st;
    const float size = float(st.layout.body_size * st.layout.heading_scale[0]);
    const float hl = size * 1.35f;
    TextStyle s = st.style(st.sans_bold, size, st.text);
    InlineOut out;
    if (!ch.title_inlines.empty())
        collect_inlines(ch.title_inlines, s, st, b.dest_prefix, out);
    else if (!ch.title.empty())
        out.runs.push_back({ch.title, s, ch.title_span});
    VBox box;
    display::Anchor anchor;
    anchor.name = dest;
    box.items.push_back(anchor);
    float y = st.pitch * 2;  // sink: the title stands lower than the text block's top
    if (!out.runs.empty()) {
        ParagraphSpec spec;
        spec.runs = std::move(out.runs);
        spec.width = a.width;
        spec.align = TextAlign::JustifyNear;  // display type is never spaced out
        ParagraphLayout pl = b.layout(std::move(spec));
        const int h1 = b.elem("H1");
        for (const auto& ln : pl.lines) {
            float baseline = y + (hl - size) / 2 + 0.88f * size;
            for (const auto& run : ln.runs) {
                display::GlyphRun r = run;
                r.tag = h1;
                r.x += a.x;
                r.y += baseline;
                box.items.push_back(std::move(r));
            }
            y += hl;
        }
    }
    y += st.pitch * 0.4f;
    display::Rule rule;
    rule.x1 = a.x;
    rule.x2 = a.x + 2 * st.size;
    rule.y1 = rule.y2 = y;
    rule.width = 1.5f;
    rule.color = st.accent;
    box.items.push_back(rule);
    y += st.pitch * 0.6f;
    std::string meta = ch.author;
    if (!ch.date.empty()) meta += (meta.empty() ? "" : "  ·  ") + ch.date;
    if (!meta.empty()) {
        const float ms = st.size * 0.85f;
        ParagraphSpec spec;
        spec.runs.push_back({meta, st.style(st.sans, ms, st.muted), ch.title_span});
        spec.width = a.width;
        spec.align = TextAlign::Left;
        ParagraphLayout pl = b.layout(std::move(spec));
        const int byline = b.elem("P");
        for (const auto& ln : pl.lines) {
            float baseline = y + (st.pitch - ms) / 2 + 0.88f * ms;
            for (const auto& run : ln.runs) {
                display::GlyphRun r = run;
                r.tag = byline;
                r.x += a.x;
                r.y += baseline;
                box.items.push_back(std::move(r));
            }
            y += st.pitch;
        }
    }
    box.height = y + st.pitch;
    b.push(std::move(box));
    b.keep = 1;
}

}  // namespace

void flow_chapter(Builder& b, const model::Chapter& ch, const std::string& chapter_dest) {
    b.chapter = &ch;
    Area a{0, b.st.measure};
    // The chapter is one section of the document; its notes come after its text (their
    // elements are made first, with the note bodies, and moved into a last group).
    b.container = b.elem("Sect");
    const int sect = b.container;
    const std::size_t first_note = b.list.structure.size();
    flow_footnotes(b, ch.footnotes);  // first: lines citing them look them up
    const std::size_t end_note = b.list.structure.size();
    opening(b, ch, chapter_dest, a);
    flow_blocks(b, ch.blocks, a);
    if (ch.comments) flow_comments(b, *ch.comments, a);
    if (end_note > first_note) {
        const int group = b.elem("Div");
        for (std::size_t i = first_note; i < end_note; ++i)
            if (b.list.structure[i].parent == sect)
                b.list.structure[i].parent = group;  // the notes
    }
}

}  // namespace bookc::typeset::flow
