// Block stacking: paragraphs, headings, quotes, and dispatch to the special blocks.
#include <algorithm>
#include <cmath>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

bool only_space(const std::vector<StyledRun>& runs) {
    for (const auto& r : runs)
        for (char c : r.text)
            if (c != ' ' && c != '\n' && c != '\t') return false;
    return true;
}

void text_paragraph(Builder& b, const model::Inlines& in, Area a, float indent,
                    const TextStyle& style, TextAlign align) {
    InlineOut out;
    collect_inlines(in, style, b.st, b.dest_prefix, out);
    if (out.runs.empty() || only_space(out.runs)) return;
    ParagraphSpec spec;
    spec.runs = std::move(out.runs);
    spec.width = a.width;
    spec.first_indent = indent;
    spec.align = align;
    ParagraphLayout pl = b.layout(std::move(spec));
    b.leaf("P");
    bool grid = b.depth == 0 && style.size == b.st.size;
    b.lines(pl, a.x, style.size == b.st.size ? b.st.pitch : style.size * 1.6f, style.size, grid);
}

}  // namespace

void flow_paragraph(Builder& b, const model::Inlines& in, Area a, float indent,
                    const TextStyle& style, TextAlign align) {
    // Images in the paragraph's own inlines become blocks; the text around them stays text.
    model::Inlines seg;
    bool first = true;
    for (const auto& n : in) {
        // A picture, or a linked picture ([![alt](a.png)](url)), stands as a block.
        const model::Inline* img = n.kind == model::InlineKind::Image ? &n : nullptr;
        if (n.kind == model::InlineKind::Link && n.children.size() == 1 &&
            n.children[0].kind == model::InlineKind::Image)
            img = &n.children[0];
        if (img) {
            text_paragraph(b, seg, a, first ? indent : 0, style, align);
            if (!seg.empty()) first = false;
            seg.clear();
            flow_image(b, *img, a);
            continue;
        }
        seg.push_back(n);
    }
    text_paragraph(b, seg, a, first ? indent : 0, style, align);
}

void flow_heading(Builder& b, const model::Inlines& in, int level, const std::string& dest,
                  Area a) {
    const auto& L = b.st.layout;
    level = std::clamp(level, 1, 6);
    int eff = std::max(level, 2);  // level 1 inside a chapter reads as a section
    float size = float(L.body_size * L.heading_scale[eff - 1]);
    TextStyle s = b.st.style(b.st.sans_bold, size, b.st.text);
    // Sections (level 2) carry an accent bar at the left; their text steps in after it.
    const bool bar = eff == 2;
    const float text_x = a.x + (bar ? 0.9f * b.st.size : 0);
    InlineOut out;
    collect_inlines(in, s, b.st, b.dest_prefix, out);
    if (out.runs.empty()) return;
    ParagraphSpec spec;
    spec.runs = std::move(out.runs);
    spec.width = a.width - (text_x - a.x);
    // A heading that wraps ends flush where its glue allows and is ragged elsewhere:
    // justifying a short line of large characters (or a mixed Latin and Chinese title)
    // spaces them out. The breaker keeps a single character off the last line (孤字).
    spec.align = TextAlign::JustifyNear;
    ParagraphLayout pl = b.layout(std::move(spec));
    // Space above (dropped at a page top): a line for sections, half a line below that.
    bool at_start = b.list.boxes.empty();
    if (!at_start) b.glue(b.st.pitch * (level <= 3 ? 1.0f : 0.5f));
    // All lines of a heading in one box, kept with what follows.
    // The box takes whole lines of the grid; the heading sits a little below the middle
    // of them, nearer the text it introduces.
    float hl = size * 1.4f;
    VBox box;
    float text_h = hl * float(pl.lines.size());
    box.height = std::ceil((text_h + b.st.pitch * 0.3f) / b.st.pitch - 1e-3f) * b.st.pitch;
    display::Anchor anchor;
    anchor.name = dest;
    anchor.y = 0;
    box.items.push_back(anchor);
    float y = (box.height - text_h) * 0.55f;
    b.leaf("H" + std::to_string(std::min(eff, 6)));
    if (bar) {
        display::Rect r;
        r.x = a.x;
        r.w = 0.22f * b.st.size;
        r.y = y + (hl - size) / 2 + 0.02f * size;
        r.h = size * 0.96f;
        r.fill_color = b.st.accent;
        box.items.push_back(r);
    }
    for (const auto& ln : pl.lines) {
        float baseline = y + (hl - size) / 2 + 0.88f * size;
        b.place_line(box, ln, text_x, baseline);
        y += hl;
    }
    b.push(std::move(box));
    b.keep = 1;
}

void flow_block(Builder& b, const model::Block& blk, Area a) {
    const auto& st = b.st;
    switch (blk.kind) {
        case model::BlockKind::Paragraph:
            if (blk.role == "lead") {
                Area in{a.x + 2 * st.size, a.width - 4 * st.size};
                TextStyle s = st.style(st.sans, st.size * 0.95f, st.muted);
                b.glue(st.pitch * 0.5f);
                ++b.depth;
                flow_paragraph(b, blk.inlines, in, 0, s);
                --b.depth;
                b.glue(st.pitch * 0.5f);
            } else {
                float indent = b.list_depth > 0 ? 0 : float(st.layout.indent_em) * st.size;
                flow_paragraph(b, blk.inlines, a, indent, st.body_style());
            }
            break;
        case model::BlockKind::Heading: {
            std::string id = blk.id.empty()
                                 ? "h-" + std::to_string(b.sections.size() + b.list.boxes.size())
                                 : blk.id;
            std::string dest = b.dest_prefix + id;
            flow_heading(b, blk.inlines, blk.level, dest, a);
            if (blk.level <= 2) b.sections.emplace_back(model::plain_text(blk.inlines), dest);
            break;
        }
        case model::BlockKind::CodeBlock:
            flow_code(b, blk, a);
            break;
        case model::BlockKind::BlockQuote: {
            b.glue(st.pitch * 0.5f);
            Deco d;
            d.kind = Deco::LeftRule;
            d.x = a.x + 0.4f * st.size;
            d.color = st.rule;
            b.decos.push_back(d);
            ++b.depth;
            Group quote(b, "BlockQuote");
            flow_blocks(b, blk.children, {a.x + 1.6f * st.size, a.width - 1.6f * st.size});
            --b.depth;
            b.decos.pop_back();
            b.glue(st.pitch * 0.5f);
            break;
        }
        case model::BlockKind::List:
            flow_list(b, blk, a);
            break;
        case model::BlockKind::ListItem:
            flow_blocks(b, blk.children, a);
            break;
        case model::BlockKind::Table:
            flow_table(b, blk, a);
            break;
        case model::BlockKind::ThematicBreak:
            flow_thematic_break(b, a);
            break;
        case model::BlockKind::MediaNote:
            flow_media_note(b, blk, a);
            break;
        case model::BlockKind::MathBlock:
            flow_equation(b, blk, a);
            break;
    }
}

namespace {

// A paragraph that ends in a colon introduces what follows it (这里的每一个文件都有固定的
// 职责：): it is not left at the foot of a page while its list, table or code goes overleaf.
bool introduces(const model::Block& blk, const model::Block* next) {
    if (!next || blk.kind != model::BlockKind::Paragraph || blk.inlines.empty()) return false;
    using K = model::BlockKind;
    if (next->kind != K::List && next->kind != K::Table && next->kind != K::CodeBlock) return false;
    std::string text = model::plain_text(blk.inlines);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    return text.size() >= 1 &&
           (text.back() == ':' || (text.size() >= 3 && text.substr(text.size() - 3) == "："));
}

}  // namespace

void flow_blocks(Builder& b, const model::Blocks& blocks, Area a) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        flow_block(b, blocks[i], a);
        if (introduces(blocks[i], i + 1 < blocks.size() ? &blocks[i + 1] : nullptr)) b.keep = 1;
    }
}

}  // namespace bookc::typeset::flow
