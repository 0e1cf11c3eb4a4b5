// Pagination: a chapter's vertical list → pages. Greedy fill, then the weakest break
// on the page (widows, orphans, headings kept with their text), footnotes at the foot
// of the page that cites them, table headers repeated after a break, body lines on the
// baseline grid.
//
// Footnotes are one stream of lines: what a page could not hold of it (a note longer
// than the footnote area, kFootnoteShare of the text block) goes on at the foot of the
// next page, before any note cited there. A note starts on the page that cites it with at
// least two lines (all of it when it has three or fewer) unless the continued notes fill
// that page's footnote area (then it follows them on a later page); a note is printed
// once, on the first page that cites it.
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

constexpr float kFootnoteShare = 0.6f;  // the most of a page's text block footnotes take

// A piece of the footnote stream: note `note` from line `from` on.
struct Seg {
    int note = 0;
    std::size_t from = 0;
};

// How much of a footnote stream a page holds.
struct FnPlan {
    std::vector<std::pair<Seg, std::size_t>> placed;  // (piece, lines placed from it)
    std::vector<Seg> rest;                            // what goes on overleaf
    float height = 0;                                 // of the placed lines
};

struct Footnotes {
    const flow::VList& list;

    std::size_t size(int note) const { return list.footnotes[std::size_t(note)].size(); }
    float line_height(int note, std::size_t k) const {
        return list.footnotes[std::size_t(note)][k].height;
    }

    // The longest prefix of `stream` no taller than `space`. A note split here leaves at
    // least two lines for overleaf when it can (no lone last line at the next page's top).
    FnPlan plan(const std::vector<Seg>& stream, float space) const {
        FnPlan p;
        std::size_t s = 0;
        for (; s < stream.size(); ++s) {
            const Seg& g = stream[s];
            std::size_t k = g.from, n = size(g.note);
            while (k < n && p.height + line_height(g.note, k) <= space + kEps)
                p.height += line_height(g.note, k++);
            if (k == n) {
                p.placed.push_back({g, n - g.from});
                continue;
            }
            if (k - g.from >= 3 && n - k == 1) p.height -= line_height(g.note, --k);
            if (g.from == 0 && k == 1) p.height -= line_height(g.note, --k);  // no lone first line
            if (k > g.from) p.placed.push_back({g, k - g.from});
            p.rest.push_back({g.note, k});
            ++s;
            break;
        }
        for (; s < stream.size(); ++s) p.rest.push_back(stream[s]);
        return p;
    }

    // Lines a note must have on the page that cites it: a note of up to three lines is
    // never split; a longer one leaves two lines on each side of a split.
    std::size_t first_lines(int note) const { return size(note) <= 3 ? size(note) : 2; }

    // Lines of `note` a plan puts on its page.
    static std::size_t lines_of(const FnPlan& p, int note) {
        for (const auto& [g, n] : p.placed)
            if (g.note == note) return n;
        return 0;
    }
};

// `artifact`: a repetition (a table header on a later page), outside the logical structure.
void place(display::Page& page, const VBox& box, float x, float y, bool artifact = false) {
    for (auto item : box.items) {
        if (artifact) {
            if (auto* r = std::get_if<display::GlyphRun>(&item)) r->tag = -1;
            if (auto* l = std::get_if<display::Link>(&item)) l->tag = -1;
        }
        flow::translate(item, x, y);
        page.items.push_back(std::move(item));
    }
}

}  // namespace

std::vector<display::Page> paginate(const flow::VList& list, const flow::Styles& st) {
    const auto& L = st.layout;
    const float body_h = st.body_height, pitch = st.pitch, top = float(L.margin_top);
    const float fn_gap = pitch * 0.7f;  // space above the footnote rule
    const float fn_cap = body_h * kFootnoteShare;
    const Footnotes fnotes{list};
    const auto& boxes = list.boxes;
    const std::size_t n = boxes.size();
    std::vector<display::Page> pages;
    std::vector<Seg> carry;                            // notes going on from earlier pages
    std::vector<char> seen(list.footnotes.size(), 0);  // printed (or started) already
    std::size_t i = 0;
    for (;;) {
        while (i < n && boxes[i].discardable) ++i;
        if (i == n && carry.empty()) break;
        // Repeated table header when the page starts inside a table body.
        const std::vector<VBox>* header = nullptr;
        if (i < n && boxes[i].header >= 0 && i > 0 && boxes[i - 1].header == boxes[i].header)
            header = &list.headers[std::size_t(boxes[i].header)];
        float y0 = header ? boxes_height(*header) : 0;
        // Notes continued from earlier pages come first, up to the footnote area's limit.
        const FnPlan carried = fnotes.plan(carry, fn_cap - fn_gap);
        const bool carry_done = carried.rest.empty();
        const float carry_h = carry.empty() ? 0 : fn_gap + carried.height;
        // The footnote stream of a page whose body is boxes [i, e): the continued notes,
        // then the notes first cited there. `fresh` gets the latter.
        auto stream_for = [&](std::size_t e, std::vector<int>* fresh) {
            std::vector<Seg> stream = carry;
            for (std::size_t c = i; c < e; ++c)
                for (int f : boxes[c].footnotes) {
                    if (seen[std::size_t(f)] || fnotes.size(f) == 0) continue;
                    bool dup = false;
                    for (const Seg& g : stream) dup = dup || g.note == f;
                    if (dup) continue;
                    stream.push_back({f, 0});
                    if (fresh) fresh->push_back(f);
                }
            return stream;
        };
        // Can boxes [i, e), `y` tall, share the page with their notes?
        auto fits = [&](std::size_t e, float y) {
            if (y + carry_h > body_h + kEps) return false;
            std::vector<int> fresh;
            std::vector<Seg> stream = stream_for(e, &fresh);
            // While continued notes fill the footnote area, notes first cited here wait
            // for them (TeX's way): the text goes on.
            if (fresh.empty() || !carry_done) return true;
            FnPlan p = fnotes.plan(stream, std::min(fn_cap, body_h - y) - fn_gap);
            for (int f : fresh) {
                if (Footnotes::lines_of(p, f) >= fnotes.first_lines(f)) continue;
                // Behind a note split on this page it waits for the next; else the line
                // citing it goes overleaf.
                if (p.rest.empty() || p.rest.front().note == f) return false;
            }
            return true;
        };
        // Greedy fill: j = first box that does not fit. Glue after the last grid line on
        // the page may give up its shrink when that makes a box fit (before a grid line it
        // would gain nothing: the line snaps back to the grid).
        float y = y0, give = 0;
        std::size_t j = i;
        for (; j < n; ++j) {
            const VBox& b = boxes[j];
            if (b.grid) give = 0;
            float ny = snap(y, b, pitch) + b.height;
            // Glue may hang below the text block: it is blank.
            if (!b.discardable && !fits(j + 1, ny - give)) break;
            if (b.discardable) give += b.shrink;
            y = ny;
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
                place(page, h, x, top + y, /*artifact=*/true);  // its text is in the table once
                y += h.height;
            }
        // The glue's shrink this page needs: its content's natural end and the shrink of
        // the glue after its last grid line, against the room its footnotes take.
        float squeeze = 0;  // the part of each such glue's shrink given up
        {
            float yn = y, end = y, give_total = 0;
            for (std::size_t c = i; c < k; ++c) {
                const VBox& b = boxes[c];
                if (b.grid) give_total = 0;
                yn = snap(yn, b, pitch) + b.height;
                if (b.discardable)
                    give_total += b.shrink;
                else
                    end = yn;
            }
            if (give_total > 0) {
                const float yc = end - give_total;  // fully squeezed
                FnPlan p =
                    fnotes.plan(stream_for(k, nullptr),
                                (k == n ? body_h - yc : std::min(fn_cap, body_h - yc)) - fn_gap);
                const float fn_h = p.placed.empty() ? 0 : fn_gap + p.height;
                squeeze = std::clamp((end + fn_h - body_h) / give_total, 0.0f, 1.0f);
            }
        }
        float content_end = y;
        {
            // Glue before a grid line keeps its height: only the glue after the last one gives.
            std::size_t last_grid = i;
            for (std::size_t c = i; c < k; ++c)
                if (boxes[c].grid) last_grid = c;
            for (std::size_t c = i; c < k; ++c) {
                const VBox& b = boxes[c];
                y = snap(y, b, pitch);
                place(page, b, x, top + y);
                y += b.height - (b.discardable && c > last_grid ? b.shrink * squeeze : 0);
                if (!b.discardable) content_end = y;
            }
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
        // The page's footnotes: as much of the stream as the space under the text allows;
        // once the chapter's text has ended, the whole text block. A page of nothing but
        // continued notes holds at least one line of them.
        std::vector<Seg> stream = stream_for(k, nullptr);
        for (const Seg& g : stream) seen[std::size_t(g.note)] = 1;
        y = content_end;  // glue hanging below the text takes no room from the notes
        float space = (k == n ? body_h - y : std::min(fn_cap, body_h - y)) - fn_gap;
        if (k == i) space = std::max(space, fnotes.line_height(stream[0].note, stream[0].from));
        FnPlan p = fnotes.plan(stream, space);
        if (!p.placed.empty()) {
            float fy = top + body_h - fn_gap - p.height;
            display::Rule rule;
            rule.x1 = x;
            rule.x2 = x + st.measure / 4;
            rule.y1 = rule.y2 = fy + fn_gap * 0.45f;
            rule.width = 0.4f;
            rule.color = st.text;
            page.items.push_back(rule);
            fy += fn_gap;
            for (const auto& [g, count] : p.placed)
                for (std::size_t l = g.from; l < g.from + count; ++l) {
                    const VBox& fb = list.footnotes[std::size_t(g.note)][l];
                    place(page, fb, x, fy);
                    fy += fb.height;
                }
        }
        carry = std::move(p.rest);
        if (k == i && p.placed.empty()) carry.clear();  // a note line taller than a page
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
