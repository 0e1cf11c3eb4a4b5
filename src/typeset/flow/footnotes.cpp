// Footnote bodies: laid out once per chapter at footnote size; the paginator puts each
// at the foot of the page whose lines cite it.
#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

void flow_footnotes(Builder& b, const std::vector<model::Footnote>& notes) {
    const auto& st = b.st;
    const float size = st.size * float(st.layout.footnote_size_ratio);
    const float pitch = size * 1.5f;
    for (const auto& fn : notes) {
        TextStyle s = st.style(st.body, size, st.text);
        InlineOut out;
        TextStyle num = s;
        num.fonts = &st.sans;
        out.runs.push_back({std::to_string(fn.number) + ". ", num, fn.span});
        bool first = true;
        for (const auto& blk : fn.blocks) {
            if (!first) out.runs.push_back({"\n", s, fn.span});
            first = false;
            if (blk.kind == model::BlockKind::CodeBlock) {
                out.runs.push_back({blk.text, st.style(st.mono, size, st.text), blk.span});
                continue;
            }
            InlineOut part;
            collect_inlines(blk.inlines, s, st, b.dest_prefix, part);
            for (auto& r : part.runs) out.runs.push_back(std::move(r));
        }
        ParagraphSpec spec;
        spec.runs = std::move(out.runs);
        spec.width = st.measure;
        ParagraphLayout pl = layout_paragraph(spec, b.fonts, b.diags);
        // Build the boxes in a scratch builder so they stay out of the main flow.
        Builder scratch(st, b.fonts, b.diags);
        scratch.dest_prefix = b.dest_prefix;
        scratch.tag = b.elem("Note");
        scratch.tree = &b.list.structure;  // links in the note are elements of the chapter
        scratch.lines(pl, 0, pitch, size, false, false);
        std::vector<VBox> boxes = std::move(scratch.list.boxes);
        if (!boxes.empty()) {
            display::Anchor anchor;
            anchor.name = footnote_dest(b.dest_prefix, fn.number);
            boxes.front().items.insert(boxes.front().items.begin(), anchor);
        }
        b.footnote_index.emplace_back(fn.number, int(b.list.footnotes.size()));
        b.list.footnotes.push_back(std::move(boxes));
    }
}

}  // namespace bookc::typeset::flow
