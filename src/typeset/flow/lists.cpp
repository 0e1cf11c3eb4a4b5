// Lists: hanging markers (bullets, numbers, drawn task boxes), nested indentation.
#include <algorithm>
#include <cmath>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

const char* bullet_for(int depth) {
    static const char* kBullets[] = {"•", "◦", "▪"};
    return kBullets[(depth - 1) % 3];
}

// Marker items relative to the first line's baseline, starting at `left`; `width` gets the
// marker's natural width.
std::vector<display::Item> text_marker(Builder& b, const std::string& text, float left,
                                       float* width = nullptr, int tag = -1) {
    TextStyle style = b.st.style(text.size() <= 3 && text[0] == '\xe2' ? b.st.sans : b.st.body,
                                 b.st.size, b.st.text);
    return marker_items(b, text, style, left, width, tag);
}

std::vector<display::Item> task_marker(Builder& b, bool done, float left) {
    const float s = b.st.size * 0.72f;
    std::vector<display::Item> items;
    display::Rect box;
    box.x = left + 0.05f * b.st.size;
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

// As in a Chinese book: a level-1 marker starts at the paragraph indent (2 em from the
// block's edge) and the item's text hangs after it; each nested level's marker steps in a
// further kListStepEm from its parent's marker.
void flow_list(Builder& b, const model::Block& list, Area a) {
    ++b.list_depth;
    const float em = b.st.size;
    const float saved_marker_x = b.list_marker_x;
    const float marker_x = b.list_depth == 1 ? a.x + float(b.st.layout.indent_em) * em
                                             : b.list_marker_x + kListStepEm * em;
    // The hang: the widest marker of the list and a gap, rounded up to half ems.
    float widest = 0.72f * em;  // bullets and task boxes
    if (list.ordered)
        for (std::size_t i = 0; i < list.children.size(); ++i) {
            float w = 0;
            text_marker(b, std::to_string(list.start + int(i)) + ".", 0, &w);
            widest = std::max(widest, w);
        }
    const float hang = std::max(1.0f, std::ceil((widest / em + 0.3f) * 2) / 2) * em;
    const float text_x = marker_x + hang;
    Area in{text_x, a.x + a.width - text_x};
    b.list_marker_x = marker_x;
    int n = list.start;
    bool first = true;
    Group l(b, "L");
    for (const auto& item : list.children) {
        if (!first && !list.tight) b.glue(b.st.pitch * 0.3f);
        first = false;
        Group li(b, "LI");
        // A drawn task box is not text: its item has no label element.
        if (item.task >= 0)
            b.marker = task_marker(b, item.task == 1, marker_x);
        else if (list.ordered)
            b.marker = text_marker(b, std::to_string(n) + ".", marker_x, nullptr, b.elem("Lbl"));
        else
            b.marker = text_marker(b, bullet_for(b.list_depth), marker_x, nullptr, b.elem("Lbl"));
        ++n;
        Group body(b, "LBody");
        if (item.kind == model::BlockKind::ListItem)
            flow_blocks(b, item.children, in);
        else
            flow_block(b, item, in);
        b.marker.clear();  // an empty item: its marker is dropped
    }
    b.list_marker_x = saved_marker_x;
    --b.list_depth;
}

}  // namespace bookc::typeset::flow
