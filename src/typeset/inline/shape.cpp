// Shaping: each font item is shaped once with HarfBuzz (language from the paragraph,
// zh-Hans by default, so `locl` picks the Simplified Chinese punctuation), with the whole
// paragraph as context. The glyphs are grouped into clusters, the units of line breaking.
#include <hb.h>

#include <unordered_map>

#include "font/hb_ptr.hpp"
#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {
namespace {

// Which half of a full-width punctuation glyph is empty, from its ink box. Cached per
// thread: a book has few distinct punctuation glyphs but hundreds of thousands of marks.
std::uint8_t blank_halves(const font::Font& f, std::uint32_t gid) {
    thread_local std::unordered_map<std::uint64_t, std::uint8_t> cache;
    const std::uint64_t key = (reinterpret_cast<std::uintptr_t>(f.hb_face()) << 20) ^ gid;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    hb_glyph_extents_t ext{};
    std::uint8_t flags = 0;
    const int adv = f.advance(gid);
    if (adv > 0 && hb_font_get_glyph_extents(f.hb_font(), gid, &ext)) {
        const int ink_l = ext.x_bearing, ink_r = ext.x_bearing + ext.width;
        if (ink_r <= adv * 0.56) flags |= 2;  // right half empty
        if (ink_l >= adv * 0.44) flags |= 1;  // left half empty
    }
    cache.emplace(key, flags);
    return flags;
}

}  // namespace

Shaped shape(Itemized&& in, const ParagraphSpec& spec) {
    Shaped out;
    out.m.text = std::move(in.text);
    out.items = std::move(in.items);
    const auto& text = out.m.text;
    font::HbBufferPtr buf(hb_buffer_create());
    hb_language_t lang = hb_language_from_string(spec.lang.c_str(), -1);
    static const hb_feature_t kCodeFeatures[] = {
        {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    };
    out.glyphs.reserve(text.size());
    out.m.clusters.reserve(text.size());

    for (std::uint32_t ii = 0; ii < out.items.size(); ++ii) {
        const FontItem& item = out.items[ii];
        const StyledRun& run = spec.runs[item.run];
        const font::Font& f = *item.font;
        const bool mono = run.style.monospace || spec.code;
        hb_buffer_clear_contents(buf.get());
        hb_buffer_add_utf32(buf.get(), reinterpret_cast<const std::uint32_t*>(text.data()),
                            static_cast<int>(text.size()), item.begin,
                            static_cast<int>(item.end - item.begin));
        hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
        hb_buffer_set_script(buf.get(), static_cast<hb_script_t>(item.script));
        hb_buffer_set_language(buf.get(), lang);
        hb_shape(f.hb_font(), buf.get(), mono ? kCodeFeatures : nullptr, mono ? 3 : 0);

        unsigned len = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &len);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), nullptr);
        const float scale = run.style.size / static_cast<float>(f.units_per_em());
        const auto g0 = static_cast<std::uint32_t>(out.glyphs.size());
        for (unsigned g = 0; g < len; ++g) {
            out.glyphs.push_back({info[g].codepoint, info[g].cluster, pos[g].x_advance * scale,
                                  pos[g].x_offset * scale,
                                  pos[g].y_offset * scale + run.style.baseline_shift});
        }
        // Group glyphs with equal cluster values; a cluster covers the characters up to
        // the next cluster value (or the item's end).
        std::uint32_t g = g0;
        const auto gend = static_cast<std::uint32_t>(out.glyphs.size());
        while (g < gend) {
            std::uint32_t h = g;
            float w = 0;
            while (h < gend && out.glyphs[h].ch == out.glyphs[g].ch) w += out.glyphs[h++].advance;
            Cluster c;
            c.begin = out.glyphs[g].ch;
            c.end = h < gend ? out.glyphs[h].ch : item.end;
            c.glyph_begin = g;
            c.glyph_end = h;
            c.item = ii;
            c.width = w;
            c.em = run.style.size;
            c.mono = mono;
            c.raised = run.style.baseline_shift != 0;
            if (h == g + 1 && c.end == c.begin + 1 && w >= 0.8f * c.em) {
                char32_t ch = text[c.begin];
                if (is_opening_mark(ch) || is_closing_mark(ch)) {
                    std::uint8_t fl = blank_halves(f, out.glyphs[g].gid);
                    c.blank_left = fl & 1;
                    c.blank_right = fl & 2;
                }
            }
            out.m.clusters.push_back(c);
            g = h;
        }
    }
    return out;
}

}  // namespace bookc::typeset::inl
