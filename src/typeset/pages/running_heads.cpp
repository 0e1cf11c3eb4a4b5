// Running heads (book title on versos, chapter title on rectos, a thin rule) and folios;
// opening pages carry only a folio at the foot.
#include <algorithm>

#include "base/utf8.hpp"
#include "typeset/pages/pages.hpp"

namespace bookc::typeset::pages {

namespace {

float head_size(const flow::Styles& st) { return st.size * 0.8f; }

void put(display::Page& page, const HeadText& t, float x, float baseline) {
    for (auto r : t.runs) {
        r.x += x;
        r.y += baseline;
        page.items.push_back(std::move(r));
    }
}

}  // namespace

std::string roman(int n) {
    static const std::pair<int, const char*> kTable[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string s;
    for (const auto& [v, r] : kTable)
        while (n >= v) s += r, n -= v;
    return s;
}

HeadText head_text(const std::string& text, const flow::Styles& st, FontTable& fonts,
                   base::DiagSink& diags, float max_width) {
    HeadText out;
    if (text.empty()) return out;
    std::u32string u = base::to_u32(text);
    for (;;) {
        ParagraphSpec spec;
        spec.runs.push_back({base::to_utf8(u), st.style(st.sans, head_size(st), st.muted), {}});
        spec.width = 1e5f;
        spec.align = TextAlign::Left;
        ParagraphLayout pl = layout_paragraph(spec, fonts, diags);
        if (pl.lines.empty()) return out;
        const Line& ln = pl.lines.front();
        if (ln.natural <= max_width || u.size() <= 2) {
            out.runs = ln.runs;
            out.width = ln.natural;
            return out;
        }
        // Too long: shorten and end with an ellipsis.
        std::size_t keep =
            std::max<std::size_t>(1, std::size_t(float(u.size()) * max_width / ln.natural) - 2);
        keep = std::min(keep, u.size() - 2);
        u = u.substr(0, keep) + U"…";
    }
}

void add_running_head(display::Page& page, const flow::Styles& st, bool recto, const HeadText& head,
                      const HeadText& folio) {
    const auto& L = st.layout;
    float left = text_left(st, recto), right = left + st.measure;
    float top = float(L.margin_top);
    // The head stands alone on its line, well above the text (> 1.6 lines), so that it
    // reads as furniture; the folio goes to the foot, on the outer side.
    float rule_y = top - st.pitch * 0.75f;
    float baseline = rule_y - st.size * 0.5f;
    put(page, head, recto ? right - head.width : left, baseline);
    display::Rule r;
    r.x1 = left, r.x2 = right, r.y1 = r.y2 = rule_y;
    r.width = 0.35f;
    r.color = st.muted;
    page.items.push_back(r);
    add_foot_folio(page, st, recto, folio, false);
}

void add_foot_folio(display::Page& page, const flow::Styles& st, bool recto, const HeadText& folio,
                    bool centred) {
    const auto& L = st.layout;
    float left = text_left(st, recto);
    float baseline = float(L.page_height - L.margin_bottom) + st.pitch * 1.8f;
    float x = centred ? left + (st.measure - folio.width) / 2
                      : (recto ? left + st.measure - folio.width : left);
    put(page, folio, x, baseline);
}

}  // namespace bookc::typeset::pages
