// Pagination: a chapter's vertical list → pages. Greedy fill, then the weakest break
// on the page (widows, orphans, headings kept with their text), footnotes at the foot
// of the page that cites them, table headers repeated after a break, body lines on the
// baseline grid.
#include <algorithm>
#include <cmath>

#include "typeset/pages/pages.hpp"

namespace bookc::typeset::pages {

using flow::Break;
using flow::VBox;

float text_left(const flow::Styles& st, bool recto) {
    const auto& L = st.layout;
    if (!L.facing) return float(L.margin_inner);
    return float(recto ? L.margin_inner : L.margin_outer);
}

namespace {

constexpr float kEps = 0.01f;

float snap(float y, const VBox& b, float pitch) {
    if (!b.grid) return y;
    float k = std::ceil(y / pitch - 1e-3f);
    return k * pitch;
}

float boxes_height(const std::vector<VBox>& boxes) {
    float h = 0;
    for (const auto& b : boxes) h += b.height;
    return h;
}

struct PageFill {
    const flow::VList& list;
    const flow::Styles& st;
    float fn_gap;  // space above the footnote rule

    // Footnote area height for the footnotes in `fns`.
    float fn_height(const std::vector<int>& fns) const {
        if (fns.empty()) return 0;
        float h = fn_gap;
        for (int f : fns) h += boxes_height(list.footnotes[std::size_t(f)]);
        return h;
    }
};

void place(display::Page& page, const VBox& box, float x, float y) {
    for (auto item : box.items) {
        flow::translate(item, x, y);
        page.items.push_back(std::move(item));
    }
}

}  // namespace

std::vector<display::Page> paginate(const flow::VList& list, const flow::Styles& st) {
    const auto& L = st.layout;
    const float body_h = st.body_height, pitch = st.pitch, top = float(L.margin_top);
    PageFill fill{list, st, pitch * 0.7f};
    const auto& boxes = list.boxes;
    const std::size_t n = boxes.size();
    std::vector<display::Page> pages;
    std::size_t i = 0;
    while (i < n) {
        while (i < n && boxes[i].discardable) ++i;
        if (i == n) break;
        // Repeated table header when the page starts inside a table body.
        const std::vector<VBox>* header = nullptr;
        if (boxes[i].header >= 0 && i > 0 && boxes[i - 1].header == boxes[i].header)
            header = &list.headers[std::size_t(boxes[i].header)];
        float y0 = header ? boxes_height(*header) : 0;
        // Greedy fill: j = first box that does not fit.
        float y = y0;
        std::vector<int> fns;
        std::size_t j = i;
        for (; j < n; ++j) {
            const VBox& b = boxes[j];
            float ny = snap(y, b, pitch) + b.height;
            std::vector<int> nf = fns;
            for (int f : b.footnotes)
                if (std::find(nf.begin(), nf.end(), f) == nf.end()) nf.push_back(f);
            float limit = body_h - fill.fn_height(nf);
            // Glue may hang below the text block: it is blank.
            if (!b.discardable && ny > limit + kEps) break;
            y = ny;
            fns = std::move(nf);
        }
        std::size_t k = j;
        if (j < n) {
            // The weakest break in (i, j]: Allowed, else Avoid, else wherever it is full.
            auto find = [&](Break level) -> std::size_t {
                for (std::size_t c = j; c > i; --c)
                    if (boxes[c].brk <= level) return c;
                return 0;
            };
            std::size_t c = find(Break::Allowed);
            if (c == 0) c = find(Break::Avoid);
            if (c == 0) c = j;
            k = c;
            if (k == i) k = i + 1;  // a box taller than the page: it goes alone
        }
        // Emit [i, k).
        display::Page page;
        page.width = float(L.page_width);
        page.height = float(L.page_height);
        bool recto = !L.facing || pages.size() % 2 == 0;
        float x = text_left(st, recto);
        y = 0;
        if (header)
            for (const auto& h : *header) {
                place(page, h, x, top + y);
                y += h.height;
            }
        std::vector<int> page_fns;
        for (std::size_t c = i; c < k; ++c) {
            const VBox& b = boxes[c];
            y = snap(y, b, pitch);
            place(page, b, x, top + y);
            y += b.height;
            for (int f : b.footnotes)
                if (std::find(page_fns.begin(), page_fns.end(), f) == page_fns.end())
                    page_fns.push_back(f);
        }
        // A table that goes on overleaf is closed on this page with its bottom rule.
        if (k < n && k > i && boxes[k].header >= 0 && boxes[k - 1].header == boxes[k].header) {
            // As wide as the table (narrow tables are centred, wide ones inset), which its
            // header row's rules tell.
            float x1 = 1e9f, x2 = -1e9f;
            for (const VBox& hb : list.headers[std::size_t(boxes[k].header)])
                for (const auto& item : hb.items)
                    if (const auto* r = std::get_if<display::Rule>(&item))
                        x1 = std::min({x1, r->x1, r->x2}), x2 = std::max({x2, r->x1, r->x2});
            if (x1 > x2) x1 = 0, x2 = st.measure;
            display::Rule rule;
            rule.x1 = x + x1;
            rule.x2 = x + x2;
            rule.y1 = rule.y2 = top + y;
            rule.width = 0.8f;
            rule.color = st.text;
            page.items.push_back(rule);
        }
        if (!page_fns.empty()) {
            float fy = top + body_h - fill.fn_height(page_fns);
            display::Rule rule;
            rule.x1 = x;
            rule.x2 = x + st.measure / 4;
            rule.y1 = rule.y2 = fy + fill.fn_gap * 0.45f;
            rule.width = 0.4f;
            rule.color = st.text;
            page.items.push_back(rule);
            fy += fill.fn_gap;
            for (int f : page_fns)
                for (const auto& fb : list.footnotes[std::size_t(f)]) {
                    place(page, fb, x, fy);
                    fy += fb.height;
                }
        }
        pages.push_back(std::move(page));
        i = k;
    }
    if (pages.empty()) {
        display::Page page;
        page.width = float(L.page_width);
        page.height = float(L.page_height);
        pages.push_back(std::move(page));
    }
    return pages;
}

}  // namespace bookc::typeset::pages
