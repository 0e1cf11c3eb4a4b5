// layout_paragraph: collect/itemize → shape → break opportunities → CJK rules → line
// breaking (optimal, greedy fallback) → justification and glyph runs. The only entry point
// of the inline engine; the page engine places the returned lines.
#include "typeset/inline/paragraph.hpp"

#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset {

int FontTable::index_of(const std::shared_ptr<font::Font>& f) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < fonts_.size(); ++i)
        if (fonts_[i] == f) return static_cast<int>(i);
    fonts_.push_back(f);
    return static_cast<int>(fonts_.size() - 1);
}

std::vector<display::FontFace> FontTable::faces() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<display::FontFace> out;
    out.reserve(fonts_.size());
    for (const auto& f : fonts_) {
        display::FontFace face;
        if (f) {
            face.path = f->info().path;
            face.face_index = f->info().index;
            face.postscript_name = f->info().postscript_name;
            face.units_per_em = f->units_per_em();
        }
        out.push_back(std::move(face));
    }
    return out;
}

ParagraphLayout layout_paragraph(const ParagraphSpec& spec, FontTable& table,
                                 base::DiagSink& diags) {
    using namespace inl;
    ParagraphLayout out;
    Shaped sh = shape(itemize(spec, diags), spec);
    if (sh.m.clusters.empty()) return out;

    const std::vector<char> brks = spec.code ? std::vector<char>{} : unibreak(sh.m.text);
    BreakItems items = build_break_items(sh.m, brks, spec.code);
    if (!spec.code) add_hyphenation(sh, items);

    BreakOptions o;
    o.width = spec.width;
    o.first_indent = spec.first_indent;
    o.align = spec.align;
    o.code = spec.code;

    // Code: continuation lines start with ↪ (or → when the font lacks it).
    std::shared_ptr<font::Font> mark_font;
    std::uint32_t mark_gid = 0;
    float mark_advance = 0;
    if (spec.code && !spec.runs.empty() && spec.runs[0].style.fonts) {
        const auto& st = spec.runs[0].style;
        for (char32_t c : {U'↪', U'→'}) {
            for (const auto& f : st.fonts->fonts)
                if (f && f->has_char(c)) {
                    mark_font = f;
                    mark_gid = f->glyph_for(c);
                    mark_advance =
                        f->advance(mark_gid) * st.size / static_cast<float>(f->units_per_em());
                    break;
                }
            if (mark_font) break;
        }
        o.mark_width = mark_advance + 0.25f * st.size;
    }

    const std::vector<LineSpan> spans = break_lines(sh.m, items, o);
    out.lines.reserve(spans.size());
    for (const LineSpan& span : spans) {
        const SetLine set = set_line(items, span, o);
        out.lines.push_back(
            commit_line(sh, items, span, set, o, spec, table, mark_font, mark_gid, mark_advance));
    }
    return out;
}

}  // namespace bookc::typeset
