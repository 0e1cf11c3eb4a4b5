// Styles: the layout's font roles and colours resolved into font chains and text styles.
#include <algorithm>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

display::Color to_color(const config::Color& c) { return {c.r, c.g, c.b}; }

namespace {

FontChain make_chain(font::FontDb& db, const config::FontRole& role,
                     const config::FontRole& fallback, bool bold, base::DiagSink& diags) {
    FontChain chain;
    auto add = [&](const std::string& family, bool b) {
        auto f = db.get(family, b);
        if (!f) return;
        for (const auto& have : chain.fonts)
            if (have == f) return;
        chain.fonts.push_back(std::move(f));
    };
    for (const auto& fam : role.families) add(fam, bold);
    if (chain.fonts.empty() && !role.families.empty())
        diags.warning({}, "font family '" + role.families.front() + "' was not found",
                      {"install it, or name another family in the layout's fonts"});
    for (const auto& fam : fallback.families) add(fam, bold);
    // Regular faces as a last resort, so a missing bold never loses characters.
    if (bold)
        for (const auto& fam : fallback.families) add(fam, false);
    return chain;
}

}  // namespace

Styles make_styles(const config::Layout& layout, font::FontDb& db, base::DiagSink& diags) {
    Styles st;
    st.layout = layout;
    st.size = float(layout.body_size);
    st.pitch = float(layout.body_size * layout.leading);
    st.measure = float(layout.page_width - layout.margin_inner - layout.margin_outer);
    st.body_height = float(layout.page_height - layout.margin_top - layout.margin_bottom);
    bool heading_bold = layout.heading.weight == "bold";
    st.body = make_chain(db, layout.body, layout.fallback, layout.body.weight == "bold", diags);
    st.bold = make_chain(db, layout.body, layout.fallback, true, diags);
    st.sans = make_chain(db, layout.heading, layout.fallback, false, diags);
    st.sans_bold = make_chain(db, layout.heading, layout.fallback, heading_bold || true, diags);
    st.mono = make_chain(db, layout.mono, layout.fallback, false, diags);
    // Bold code (highlighted keywords) only in a real bold face of the mono family, so that
    // columns stay aligned; otherwise those tokens are set in the regular face.
    st.mono_bold = st.mono;
    if (layout.code_theme != "none" && !layout.mono.families.empty())
        if (auto f = db.get(layout.mono.families.front(), true); f && f->info().bold)
            st.mono_bold.fonts.insert(st.mono_bold.fonts.begin(), std::move(f));
    // Maths: the math font, then the body font (\text{中文}), then the fallbacks.
    config::FontRole math_fallback = layout.body;
    for (const auto& f : layout.fallback.families) math_fallback.families.push_back(f);
    st.math = make_chain(db, layout.math, math_fallback, false, diags);
    st.math_metrics =
        math_layout::math_metrics(st.math.fonts.empty() ? nullptr : st.math.fonts[0].get());
    st.text = to_color(layout.text);
    st.muted = to_color(layout.muted);
    st.accent = to_color(layout.accent);
    st.rule = to_color(layout.rule);
    return st;
}

TextStyle Styles::style(const FontChain& f, float sz, display::Color c) const {
    TextStyle s;
    s.fonts = &f;
    s.size = sz;
    s.color = c;
    return s;
}

TextStyle Styles::body_style() const { return style(body, size, text); }

const FontChain& bold_of(const Styles& st, const FontChain* f) {
    if (f == &st.sans || f == &st.sans_bold) return st.sans_bold;
    if (f == &st.mono) return st.mono;
    if (f == &st.mono_bold) return st.mono_bold;
    return st.bold;
}

}  // namespace bookc::typeset::flow
