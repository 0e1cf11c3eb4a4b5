// One line: justification (distributing the line's slack over its glue by stretch or
// shrink, as TeX does) and the commit of its clusters to display glyph runs. Compression
// and glue go into glyph advances and offsets; a run's text is exactly the characters its
// glyphs stand for.
#include <algorithm>
#include <cmath>

#include "base/utf8.hpp"
#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {

namespace {

// Spreads `amount` (> 0 stretch, < 0 shrink) over the glue of clusters [a, b-1) in clreq's
// priority order: each class is used up to its capacity (its glue's stretch or shrink)
// before the next one is touched. Stretch beyond every capacity is shared by the glue of
// all classes but kGlueLatin, each up to kMaxStretch (in proportion to what it may still
// take, so all reach their limit together) rather than heaped on one class: a Latin line
// with one pair of Han characters must not open a gap between those two, and Latin words
// must not be letter-spaced. Then Han glue takes the rest up to kMaxHanStretch; what is
// still left stays at the end of the line.
void distribute(const BreakItems& it, std::uint32_t a, std::uint32_t b, double amount, bool stretch,
                std::vector<float>& adv) {
    static constexpr GlueClass kStretchOrder[] = {kGlueSpace, kGlueHanLatin, kGlueInter, kGluePunct,
                                                  kGlueLatin};
    static constexpr GlueClass kShrinkOrder[] = {kGlueSpace, kGluePunct, kGlueHanLatin, kGlueInter,
                                                 kGlueLatin};
    const auto& cap = stretch ? it.stretch : it.shrink;
    const GlueClass* order = stretch ? kStretchOrder : kShrinkOrder;
    double total[kGlueClasses] = {};
    for (std::uint32_t k = a; k + 1 < b; ++k) total[it.glue_class[k]] += cap[k];
    double left = std::fabs(amount);
    const double sign = stretch ? 1 : -1;
    for (int i = 0; i < kGlueClasses && left > 0; ++i) {
        const GlueClass c = order[i];
        if (total[c] <= 0) continue;
        // The class's share: all of it, or what is left when that is less.
        double take = std::min(left, total[c]);
        const double r = take / total[c];
        for (std::uint32_t k = a; k + 1 < b; ++k)
            if (it.glue_class[k] == c) adv[k - a] += static_cast<float>(sign * cap[k] * r);
        left -= take;
    }
    if (!stretch) return;
    double beyond = 0, han = 0;  // what the glue can still take beyond its capacity
    for (std::uint32_t k = a; k + 1 < b; ++k) {
        beyond += beyond_stretch(it, k);
        han += han_stretch(it, k);
    }
    if (left > 0 && beyond > 0) {
        const double take = std::min(left, beyond);
        for (std::uint32_t k = a; k + 1 < b; ++k)
            adv[k - a] += static_cast<float>(beyond_stretch(it, k) * take / beyond);
        left -= take;
    }
    if (left > 0 && han > 0) {  // Han text: inter-character justification, up to ½ em
        const double r = std::min(left, han_extra(han)) / han;
        for (std::uint32_t k = a; k + 1 < b; ++k)
            adv[k - a] += static_cast<float>(han_stretch(it, k) * r);
    }
}

}  // namespace

SetLine set_line(const BreakItems& it, const LineSpan& line, const BreakOptions& o) {
    SetLine s;
    const std::uint32_t a = line.first, b = line.end;
    const std::size_t n = b > a ? b - a : 0;
    s.shift.assign(n, 0);
    s.advance.assign(n, 0);
    const LineMeasure lm = measure_line(it, a, b);
    const double W = line_width_for(o, a == 0, line.continuation);
    s.x = (a == 0 ? o.first_indent : 0) + (line.continuation ? o.mark_width : 0);
    s.natural = static_cast<float>(lm.natural);
    for (std::uint32_t k = a; k < b; ++k) {
        float adv = it.box[k];
        float sh = it.ltrim[k];
        if (k == a) {
            adv -= it.start_trim[k];
            sh += it.start_trim[k];
        }
        if (k + 1 == b)
            adv -= it.end_trim[k];
        else
            adv += it.glue[k];
        s.shift[k - a] = sh;
        s.advance[k - a] = adv;
    }
    if (n == 0) return s;
    const double diff = W - lm.natural;
    const bool justify = justified(o.align) && !o.code && !line.last && !line.forced &&
                         (o.align == TextAlign::Justify || diff <= lm.stretch);
    if (justify) {
        // A line its glue cannot fill within kMaxStretch stays short by the rest (a path
        // or URL piece with nothing but its letters' trace to stretch).
        if (diff > 0 && lm.stretch > 0)
            distribute(it, a, b, diff, true, s.advance);
        else if (diff < 0 && lm.shrink > 0)
            distribute(it, a, b, std::max(diff, -lm.shrink), false, s.advance);
    } else if (!o.code && diff > 0) {
        if (o.align == TextAlign::Center)
            s.x += static_cast<float>(diff / 2);
        else if (o.align == TextAlign::Right)
            s.x += static_cast<float>(diff);
    } else if (!o.code && diff < 0 && lm.shrink > 0 && justified(o.align)) {
        // A last line that is a little too long: shrink it to fit.
        distribute(it, a, b, std::max(diff, -lm.shrink), false, s.advance);
    }
    return s;
}

namespace {

void add_metrics(Line& line, const font::Font& f, float size, float shift) {
    const float scale = size / static_cast<float>(f.units_per_em());
    line.ascent = std::max(line.ascent, f.ascender() * scale + shift);
    line.descent = std::max(line.descent, -f.descender() * scale - shift);
}

}  // namespace

Line commit_line(const Shaped& sh, const BreakItems& items, const LineSpan& span,
                 const SetLine& set, const BreakOptions& o, const ParagraphSpec& spec,
                 FontTable& table, const std::shared_ptr<font::Font>& mark_font,
                 std::uint32_t mark_gid, float mark_advance) {
    Line line;
    line.width = spec.width;
    line.natural = set.natural;
    line.last = span.last;
    float pen = set.x;
    std::vector<std::uint32_t> run_of;  // styled run of each glyph run (~0u: the mark)
    const auto& text = sh.m.text;

    if (span.continuation && mark_font && mark_gid) {
        // Code: the continuation mark, in the code's size and colour.
        const StyledRun& run = spec.runs[sh.items[sh.m.clusters[span.first].item].run];
        display::GlyphRun gr;
        gr.font = table.index_of(mark_font);
        gr.size = run.style.size;
        gr.color = run.style.color;
        gr.x = set.x - o.mark_width;
        base::append_utf8(gr.text, mark_font->has_char(U'↪') ? U'↪' : U'→');
        gr.glyphs.push_back({mark_gid, 0, mark_advance, 0, 0});
        add_metrics(line, *mark_font, run.style.size, 0);
        line.runs.push_back(std::move(gr));
        run_of.push_back(~0u);
    }

    display::GlyphRun* cur = nullptr;
    std::uint32_t cur_run = ~0u;
    const font::Font* cur_font = nullptr;
    for (std::uint32_t k = span.first; k < span.end; ++k) {
        const Cluster& c = sh.m.clusters[k];
        const FontItem& item = sh.items[c.item];
        if (!cur || item.run != cur_run || item.font.get() != cur_font) {
            const StyledRun& run = spec.runs[item.run];
            display::GlyphRun gr;
            gr.font = table.index_of(item.font);
            gr.size = run.style.size;
            gr.color = run.style.color;
            gr.x = pen;
            gr.y = 0;
            line.runs.push_back(std::move(gr));
            run_of.push_back(item.run);
            cur = &line.runs.back();
            cur_run = item.run;
            cur_font = item.font.get();
            add_metrics(line, *item.font, run.style.size, run.style.baseline_shift);
        }
        const auto byte = static_cast<std::uint32_t>(cur->text.size());
        for (std::uint32_t i = c.begin; i < c.end; ++i) base::append_utf8(cur->text, text[i]);
        const float shift = set.shift[k - span.first];
        const float adv = set.advance[k - span.first];
        for (std::uint32_t g = c.glyph_begin; g < c.glyph_end; ++g) {
            const ShapedGlyph& sg = sh.glyphs[g];
            display::Glyph dg{sg.gid, byte, sg.advance, sg.dx - shift, sg.dy};
            if (g + 1 == c.glyph_end) dg.advance += adv - c.width;
            cur->glyphs.push_back(dg);
        }
        if (k + 1 == span.end && items.hyphen[k] && !cur->glyphs.empty()) {
            // A line broken at a hyphenation point: the hyphen, whose width the line
            // measure already holds. Its text is SOFT HYPHEN (U+00AD), as PDF wants for a
            // hyphen the layout added: extraction and search drop it.
            const float hw = -items.end_trim[k];
            cur->glyphs.back().advance -= hw;
            const auto at = static_cast<std::uint32_t>(cur->text.size());
            base::append_utf8(cur->text, U'\u00AD');
            cur->glyphs.push_back({item.font->glyph_for(U'-'), at, hw, -shift, 0});
        }
        pen += adv;
    }

    if (line.runs.empty()) {
        // An empty line (two forced breaks in a row): height from the first font.
        for (const auto& r : spec.runs)
            if (r.style.fonts && !r.style.fonts->fonts.empty() && r.style.fonts->fonts[0]) {
                add_metrics(line, *r.style.fonts->fonts[0], r.style.size, 0);
                break;
            }
    }

    // Strike-through: a rule across each struck run, a little above the middle of the
    // em box, in the run's colour.
    for (std::size_t i = 0; i < line.runs.size(); ++i) {
        if (run_of[i] == ~0u) continue;
        const TextStyle& st = spec.runs[run_of[i]].style;
        if (!st.strike) continue;
        const auto& gr = line.runs[i];
        float w = 0;
        for (const auto& g : gr.glyphs) w += g.advance;
        display::Rule r;
        r.x1 = gr.x;
        r.x2 = gr.x + w;
        r.y1 = r.y2 = gr.y - st.baseline_shift - gr.size * 0.32f;
        r.width = std::max(0.4f, gr.size * 0.05f);
        r.color = st.color;
        if (!line.rules.empty()) {
            display::Rule& prev = line.rules.back();
            if (std::fabs(prev.x2 - r.x1) < 0.01f && prev.y1 == r.y1 && prev.width == r.width &&
                prev.color == r.color) {
                prev.x2 = r.x2;
                continue;
            }
        }
        line.rules.push_back(r);
    }

    // Links: one rectangle per glyph run whose style links somewhere, merged with the
    // previous one when they touch and share the target.
    for (std::size_t i = 0; i < line.runs.size(); ++i) {
        if (run_of[i] == ~0u) continue;
        const TextStyle& st = spec.runs[run_of[i]].style;
        if (st.link_uri.empty() && st.link_dest.empty()) continue;
        const auto& gr = line.runs[i];
        float w = 0;
        for (const auto& g : gr.glyphs) w += g.advance;
        if (!line.links.empty()) {
            display::Link& prev = line.links.back();
            if (prev.uri == st.link_uri && prev.dest == st.link_dest &&
                std::fabs(prev.x + prev.w - gr.x) < 0.01f) {
                prev.w += w;
                continue;
            }
        }
        display::Link l;
        l.x = gr.x;
        l.y = -line.ascent;
        l.w = w;
        l.h = line.ascent + line.descent;
        l.uri = st.link_uri;
        l.dest = st.link_dest;
        line.links.push_back(std::move(l));
    }
    return line;
}

}  // namespace bookc::typeset::inl
