// The vertical-list builder: boxes, glue, keep rules, decorations, footnote citations.
#include <algorithm>
#include <cmath>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

void translate(display::Item& item, float dx, float dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, display::Rule>) {
                it.x1 += dx, it.x2 += dx, it.y1 += dy, it.y2 += dy;
            } else if constexpr (std::is_same_v<T, display::Anchor>) {
                it.y += dy;
            } else {
                it.x += dx, it.y += dy;
            }
        },
        item);
}

float run_width(const display::GlyphRun& r) {
    float w = 0;
    for (const auto& g : r.glyphs) w += g.advance;
    return w;
}

void Builder::push(VBox box) {
    if (keep > 0) {
        box.brk = std::max(box.brk, Break::Never);
        if (!box.discardable) --keep;
    }
    for (const auto& d : decos) {
        if (d.kind == Deco::LeftRule) {
            display::Rule r;
            r.x1 = r.x2 = d.x;
            r.y1 = 0;
            r.y2 = box.height;
            r.width = 1.2f;
            r.color = d.color;
            box.items.insert(box.items.begin(), r);
        } else {
            display::Rect r;
            r.x = d.x;
            r.w = d.w;
            r.y = 0;
            r.h = box.height;
            r.fill_color = d.color;
            box.items.insert(box.items.begin(), r);
        }
    }
    list.boxes.push_back(std::move(box));
}

void Builder::cite(VBox& box, const std::vector<display::Link>& links) const {
    const std::string fn_prefix = dest_prefix + "fn-";
    for (const auto& l : links) {
        if (l.dest.rfind(fn_prefix, 0) != 0) continue;
        int num = std::atoi(l.dest.c_str() + fn_prefix.size());
        for (const auto& [number, index] : footnote_index)
            if (number == num &&
                std::find(box.footnotes.begin(), box.footnotes.end(), index) == box.footnotes.end())
                box.footnotes.push_back(index);
    }
}

int Builder::elem(std::string role, std::string alt) {
    structure().push_back({std::move(role), container, std::move(alt)});
    return int(structure().size()) - 1;
}

void Builder::place_line(VBox& box, const Line& ln, float x, float baseline) {
    // A Link element for each link area (a run belongs to the link its middle lies in); a
    // link that the previous line ended with and this one starts with is one element.
    std::vector<int> link_tag(ln.links.size(), tag);
    if (tag >= 0)
        for (std::size_t i = 0; i < ln.links.size(); ++i) {
            const auto& l = ln.links[i];
            const bool starts_line = !ln.runs.empty() && l.x <= ln.runs.front().x + 0.01f;
            if (i == 0 && starts_line && open_link.leaf == tag && open_link.uri == l.uri &&
                open_link.dest == l.dest) {
                link_tag[i] = open_link.elem;
                continue;
            }
            structure().push_back({"Link", tag, {}});
            link_tag[i] = int(structure().size()) - 1;
        }
    open_link = {};
    if (tag >= 0 && !ln.links.empty() && !ln.runs.empty()) {
        const auto& l = ln.links.back();
        const auto& r = ln.runs.back();
        if (l.x + l.w >= r.x + run_width(r) - 0.01f)  // the line ends inside the link
            open_link = {tag, link_tag.back(), l.uri, l.dest};
    }
    for (const auto& run : ln.runs) {
        display::GlyphRun r = run;
        r.tag = tag;
        const float mid = run.x + run_width(run) / 2;
        for (std::size_t i = 0; i < ln.links.size(); ++i)
            if (mid > ln.links[i].x && mid < ln.links[i].x + ln.links[i].w) r.tag = link_tag[i];
        r.x += x;
        r.y += baseline;
        box.items.push_back(std::move(r));
    }
    for (const auto& rule : ln.rules) {
        display::Item item = rule;
        translate(item, x, baseline);
        box.items.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < ln.links.size(); ++i) {
        display::Link l = ln.links[i];
        l.tag = link_tag[i];
        l.x += x;
        l.y += baseline;
        box.items.push_back(std::move(l));
    }
    cite(box, ln.links);
}

void Builder::glue(float h, float shrink) {
    if (h <= 0) return;
    VBox g;
    g.height = h;
    g.shrink = std::clamp(shrink, 0.0f, h);
    g.discardable = true;
    push(std::move(g));
}

ParagraphLayout Builder::layout(ParagraphSpec spec) { return layout_paragraph(spec, fonts, diags); }

void Builder::lines(const ParagraphLayout& pl, float x0, float pitch, float size, bool grid,
                    bool widow_rules) {
    if (pitch <= 0) pitch = st.pitch;
    const std::size_t n = pl.lines.size();
    for (std::size_t k = 0; k < n; ++k) {
        const Line& ln = pl.lines[k];
        VBox box;
        box.grid = grid;
        float h = pitch;
        float content = ln.ascent + ln.descent;
        if (content > pitch * 1.02f) h = std::ceil(content / pitch) * pitch;
        box.height = h;
        // Baseline: the em box (0.88 above, 0.12 below) centred in the line's slot.
        float baseline = (h - size) / 2 + 0.88f * size;
        if (content > pitch * 1.02f) baseline = (h - content) / 2 + ln.ascent;
        // A list item's marker first: it is read before the item's text.
        if (k == 0 && !marker.empty()) {
            for (auto item : marker) {
                translate(item, 0, baseline);
                box.items.push_back(std::move(item));
            }
            marker.clear();
        }
        place_line(box, ln, x0, baseline);
        if (widow_rules && n >= 2 && (k == 1 || k == n - 1)) box.brk = Break::Avoid;
        push(std::move(box));
    }
}

std::vector<display::Item> marker_items(Builder& b, const std::string& text, const TextStyle& style,
                                        float left, float* width, int tag) {
    StyledRun r;
    r.text = text;
    r.style = style;
    ParagraphSpec spec;
    spec.runs.push_back(std::move(r));
    spec.width = 10 * style.size;
    spec.align = TextAlign::Left;
    ParagraphLayout pl = b.layout(std::move(spec));
    std::vector<display::Item> items;
    if (pl.lines.empty()) return items;
    const Line& ln = pl.lines.front();
    if (width) *width = ln.natural;
    for (const auto& run : ln.runs) {
        display::GlyphRun g = run;
        g.tag = tag;
        g.x += left;
        items.push_back(std::move(g));
    }
    return items;
}

}  // namespace bookc::typeset::flow
