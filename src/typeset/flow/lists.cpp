// Lists: hanging markers (bullets, numbers, drawn task boxes), nested indentation.
#include <algorithm>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

const char* bullet_for(int depth) {
    static const char* kBullets[] = {"•", "◦", "▪"};
    return kBullets[(depth - 1) % 3];
}

// Marker items relative to the first line's baseline, right-aligned at `right`.
std::vector<display::Item> text_marker(Builder& b, const std::string& text, float right) {
    StyledRun r;
    r.text = text;
    r.style = b.st.style(text.size() <= 3 && text[0] == '\xe2' ? b.st.sans : b.st.body, b.st.size,
                         b.st.text);
    ParagraphSpec spec;
    spec.runs.push_back(std::move(r));
    spec.width = 10 * b.st.size;
    spec.align = TextAlign::Left;
    ParagraphLayout pl = b.layout(std::move(spec));
    std::vector<display::Item> items;
    if (pl.lines.empty()) return items;
    const Line& ln = pl.lines.front();
    for (const auto& run : ln.runs) {
        display::GlyphRun g = run;
        g.x += right - ln.natural;
        items.push_back(std::move(g));
    }
    return items;
}

std::vector<display::Item> task_marker(Builder& b, bool done, float right) {
    const float s = b.st.size * 0.72f;
    std::vector<display::Item> items;
    display::Rect box;
    box.x = right - s;
    box.y = -s * 0.95f;
    box.w = box.h = s;
    box.fill = false;
    box.stroke_width = 0.6f;
    box.stroke_color = b.st.text;
    items.push_back(box);
    if (done) {
        display::Rule a, c;
        a.x1 = box.x + s * 0.2f, a.y1 = box.y + s * 0.55f;
        a.x2 = box.x + s * 0.42f, a.y2 = box.y + s * 0.8f;
        c.x1 = a.x2, c.y1 = a.y2;
        c.x2 = box.x + s * 0.85f, c.y2 = box.y + s * 0.2f;
        a.width = c.width = 0.9f;
        a.color = c.color = b.st.text;
        items.push_back(a);
        items.push_back(c);
    }
    return items;
}

}  // namespace

void flow_list(Builder& b, const model::Block& list, Area a) {
    ++b.list_depth;
    const float em = b.st.size;
    float hang = 2 * em;
    if (list.ordered) {
        std::size_t digits = std::to_string(list.start + int(list.children.size())).size();
        hang = std::max(hang, (float(digits) * 0.55f + 1.2f) * em);
    }
    Area in{a.x + hang, a.width - hang};
    int n = list.start;
    bool first = true;
    for (const auto& item : list.children) {
        if (!first && !list.tight) b.glue(b.st.pitch * 0.3f);
        first = false;
        float right = a.x + hang - 0.5f * em;
        if (item.task >= 0)
            b.marker = task_marker(b, item.task == 1, right);
        else if (list.ordered)
            b.marker = text_marker(b, std::to_string(n) + ".", right);
        else
            b.marker = text_marker(b, bullet_for(b.list_depth), right);
        ++n;
        if (item.kind == model::BlockKind::ListItem)
            flow_blocks(b, item.children, in);
        else
            flow_block(b, item, in);
        b.marker.clear();  // an empty item: its marker is dropped
    }
    --b.list_depth;
}

}  // namespace bookc::typeset::flow
