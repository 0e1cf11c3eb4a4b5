// Front matter pages: the title page, blank versos, part title pages.
#include <string>

#include "typeset/pages/pages.hpp"

namespace bookc::typeset::pages {

namespace {

// Centred lines of one style; returns the y below them.
float centred(display::Page& page, const std::string& text, const TextStyle& s, float x, float w,
              float y, float pitch, FontTable& fonts, base::DiagSink& diags) {
    if (text.empty()) return y;
    ParagraphSpec spec;
    spec.runs.push_back({text, s, {}});
    spec.width = w;
    spec.align = TextAlign::Center;
    ParagraphLayout pl = layout_paragraph(spec, fonts, diags);
    for (const auto& ln : pl.lines) {
        float baseline = y + (pitch - s.size) / 2 + 0.88f * s.size;
        for (auto r : ln.runs) {
            r.x += x;
            r.y += baseline;
            page.items.push_back(std::move(r));
        }
        y += pitch;
    }
    return y;
}

display::Page empty(const flow::Styles& st) {
    display::Page p;
    p.width = float(st.layout.page_width);
    p.height = float(st.layout.page_height);
    return p;
}

}  // namespace

display::Page blank_page(const flow::Styles& st) { return empty(st); }

display::Page title_page(const model::BookMeta& meta, const flow::Styles& st, FontTable& fonts,
                         base::DiagSink& diags) {
    display::Page p = empty(st);
    float x = text_left(st, true), w = st.measure;
    float y = float(st.layout.margin_top) + st.body_height * 0.22f;
    float ts = st.size * 2.4f;
    y = centred(p, meta.title, st.style(st.sans_bold, ts, st.text), x, w, y, ts * 1.35f, fonts,
                diags);
    y += st.pitch * 0.6f;
    if (!meta.subtitle.empty()) {
        float ss = st.size * 1.3f;
        y = centred(p, meta.subtitle, st.style(st.sans, ss, st.muted), x, w, y, ss * 1.5f, fonts,
                    diags);
    }
    y += st.pitch * 1.0f;
    display::Rule r;
    r.x1 = x + w / 2 - 1.5f * st.size, r.x2 = x + w / 2 + 1.5f * st.size;
    r.y1 = r.y2 = y;
    r.width = 1.2f;
    r.color = st.accent;
    p.items.push_back(r);
    y += st.pitch * 1.5f;
    std::string authors;
    for (const auto& a : meta.authors) authors += (authors.empty() ? "" : "　") + a;
    float as = st.size * 1.15f;
    centred(p, authors, st.style(st.sans, as, st.text), x, w, y, as * 1.6f, fonts, diags);
    return p;
}

display::Page part_page(const std::string& title, const std::string& dest, const flow::Styles& st,
                        FontTable& fonts, base::DiagSink& diags) {
    display::Page p = empty(st);
    float x = text_left(st, true);
    float y = float(st.layout.margin_top) + st.body_height * 0.3f;
    display::Anchor a;
    a.name = dest;
    a.y = y;
    p.items.push_back(a);
    float ts = float(st.layout.body_size * st.layout.heading_scale[0]);
    centred(p, title, st.style(st.sans_bold, ts, st.text), x, st.measure, y, ts * 1.4f, fonts,
            diags);
    return p;
}

}  // namespace bookc::typeset::pages
