// The table of contents: entries with dot leaders and page numbers, each a link to its
// chapter's destination. Laid out after the chapters are paginated, so numbers are known.
#include <algorithm>
#include <cmath>

#include "typeset/pages/pages.hpp"

namespace bookc::typeset::pages {

std::vector<display::Page> toc_pages(const std::vector<TocEntry>& entries, const flow::Styles& st,
                                     FontTable& fonts, base::DiagSink& diags) {
    const auto& L = st.layout;
    const float top = float(L.margin_top), pitch = st.pitch;
    std::vector<display::Page> pages;
    float y = 0;
    auto new_page = [&] {
        display::Page p;
        p.width = float(L.page_width);
        p.height = float(L.page_height);
        pages.push_back(std::move(p));
        y = 0;
    };
    new_page();
    auto x0 = [&] { return text_left(st, !L.facing || pages.size() % 2 == 1); };
    {
        // The heading 目录.
        float size = float(L.body_size * L.heading_scale[0]);
        ParagraphSpec spec;
        spec.runs.push_back({"目录", st.style(st.sans_bold, size, st.text), {}});
        spec.width = st.measure;
        spec.align = TextAlign::Left;
        ParagraphLayout pl = layout_paragraph(spec, fonts, diags);
        y = pitch * 2;
        display::Anchor a;
        a.name = "toc";
        a.y = top;
        pages.back().items.push_back(a);
        for (const auto& ln : pl.lines) {
            float baseline = top + y + (size * 1.35f - size) / 2 + 0.88f * size;
            for (auto r : ln.runs) {
                r.x += x0();
                r.y += baseline;
                pages.back().items.push_back(std::move(r));
            }
            y += size * 1.35f;
        }
        y = std::ceil((y + pitch) / pitch) * pitch;
    }
    const float num_w = 2.5f * st.size;
    // Under part entries, chapter entries step in by one character.
    const bool parts =
        std::any_of(entries.begin(), entries.end(), [](const TocEntry& e) { return e.level == 0; });
    for (const auto& e : entries) {
        bool part = e.level == 0;
        float indent = part ? 0 : float(e.level - (parts ? 0 : 1)) * st.size;
        TextStyle s = part ? st.style(st.sans_bold, st.size * 1.05f, st.text)
                           : st.style(st.body, e.level >= 2 ? st.size * 0.92f : st.size, st.text);
        ParagraphSpec spec;
        spec.runs.push_back({e.title, s, {}});
        spec.width = st.measure - indent - num_w - st.size;
        spec.align = TextAlign::Left;
        ParagraphLayout pl = layout_paragraph(spec, fonts, diags);
        float h = pitch * float(std::max<std::size_t>(1, pl.lines.size()));
        float above = part ? pitch * 0.5f : 0;
        if (y + above + h > st.body_height + 0.01f)
            new_page();
        else
            y += above;
        auto& page = pages.back();
        const float entry_top = top + y;
        float x = x0() + indent;
        float baseline = 0;
        float end_x = x;
        for (const auto& ln : pl.lines) {
            baseline = top + y + (pitch - s.size) / 2 + 0.88f * s.size;
            for (auto r : ln.runs) {
                r.x += x;
                r.y += baseline;
                page.items.push_back(std::move(r));
            }
            end_x = x + ln.natural;
            y += pitch;
        }
        if (pl.lines.empty()) {
            baseline = top + y + (pitch - s.size) / 2 + 0.88f * s.size;
            y += pitch;
        }
        // Page number, right-aligned, and the dot leader up to it.
        float right = x0() + st.measure;
        ParagraphSpec ns;
        ns.runs.push_back({e.page, st.style(part ? st.sans_bold : st.body, s.size, st.text), {}});
        ns.width = num_w * 2;
        ns.align = TextAlign::Left;
        ParagraphLayout np = layout_paragraph(ns, fonts, diags);
        float nw = np.lines.empty() ? 0 : np.lines.front().natural;
        if (!np.lines.empty())
            for (auto r : np.lines.front().runs) {
                r.x += right - nw;
                r.y += baseline;
                page.items.push_back(std::move(r));
            }
        if (!part && right - nw - st.size * 0.6f > end_x + st.size * 0.6f) {
            display::Rule leader;
            leader.x1 = end_x + st.size * 0.5f;
            leader.x2 = right - nw - st.size * 0.5f;
            leader.y1 = leader.y2 = baseline - st.size * 0.1f;
            leader.width = 0.6f;
            leader.dotted = true;
            leader.color = st.muted;
            page.items.push_back(leader);
        }
        display::Link link;
        link.x = x0() + indent;
        link.y = entry_top;
        link.w = st.measure - indent;
        link.h = top + y - entry_top;
        link.dest = e.dest;
        page.items.push_back(link);
    }
    return pages;
}

}  // namespace bookc::typeset::pages
