#include "write/pdf/tounicode.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "base/utf8.hpp"
#include "write/pdf/format.hpp"

namespace bookc::pdf {

std::vector<Cluster> clusters_of(const display::GlyphRun& run) {
    std::vector<Cluster> out;
    const auto& g = run.glyphs;
    if (g.empty()) return out;
    // The text of a cluster ends at the next larger cluster value of the run.
    std::set<std::uint32_t> starts;
    for (const auto& glyph : g) starts.insert(glyph.cluster);
    std::size_t i = 0;
    while (i < g.size()) {
        std::size_t j = i + 1;
        while (j < g.size() && g[j].cluster == g[i].cluster) ++j;
        Cluster c;
        c.first = i;
        c.last = j;
        std::size_t begin = std::min<std::size_t>(g[i].cluster, run.text.size());
        auto next = starts.upper_bound(g[i].cluster);
        std::size_t end = next == starts.end() ? run.text.size()
                                               : std::min<std::size_t>(*next, run.text.size());
        if (end > begin) c.text = base::to_u32(std::string_view(run.text).substr(begin, end - begin));
        out.push_back(std::move(c));
        i = j;
    }
    return out;
}

namespace {

template <class F>
void for_each_run(const display::Document& doc, F&& f) {
    for (const auto& page : doc.pages)
        for (const auto& item : page.items)
            if (const auto* run = std::get_if<display::GlyphRun>(&item)) f(*run);
}

// Glyph → character of the font's own cmap (lowest code point wins), for glyphs seen
// only inside multi-glyph clusters (marks). Built once per font, on first need.
class ReverseCmap {
public:
    std::u32string text(const FontEntry& font, std::uint32_t gid) {
        auto& map = maps_[&font];
        if (!map) {
            map.emplace();
            HbPtr<hb_set_t> unicodes(hb_set_create());
            hb_face_collect_unicodes(font.hb_face.get(), unicodes.get());
            hb_codepoint_t cp = HB_SET_VALUE_INVALID, g = 0;
            while (hb_set_next(unicodes.get(), &cp))
                if (hb_font_get_nominal_glyph(font.hb_font.get(), cp, &g)) map->emplace(g, static_cast<char32_t>(cp));
        }
        auto it = map->find(gid);
        return it == map->end() ? std::u32string() : std::u32string(1, it->second);
    }

private:
    std::map<const FontEntry*, std::optional<std::map<std::uint32_t, char32_t>>> maps_;
};

}  // namespace

void collect_glyph_text(const display::Document& doc, std::vector<FontEntry>& fonts) {
    auto font_of = [&](const display::GlyphRun& run) -> FontEntry* {
        if (run.font < 0 || static_cast<std::size_t>(run.font) >= fonts.size()) return nullptr;
        FontEntry& f = fonts[static_cast<std::size_t>(run.font)];
        return f.usable ? &f : nullptr;
    };
    // Pass 1: single-glyph clusters decide (first occurrence wins: deterministic).
    for_each_run(doc, [&](const display::GlyphRun& run) {
        FontEntry* font = font_of(run);
        if (!font) return;
        for (const auto& g : run.glyphs)
            if (g.gid < font->glyph_count) font->used.insert(g.gid);
        for (const Cluster& c : clusters_of(run)) {
            if (c.last - c.first != 1 || c.text.empty()) continue;
            font->glyph_text.emplace(run.glyphs[c.first].gid, c.text);
        }
    });
    // Pass 2: glyphs only seen in multi-glyph clusters.
    ReverseCmap cmap;
    for_each_run(doc, [&](const display::GlyphRun& run) {
        FontEntry* font = font_of(run);
        if (!font) return;
        for (const Cluster& c : clusters_of(run)) {
            std::size_t n = c.last - c.first;
            if (n == 1) continue;
            for (std::size_t k = 0; k < n; ++k) {
                std::uint32_t gid = run.glyphs[c.first + k].gid;
                if (font->glyph_text.count(gid)) continue;
                std::u32string t;
                if (n == c.text.size()) {
                    t = c.text.substr(k, 1);
                } else {
                    t = cmap.text(*font, gid);
                    if (t.empty() && k == 0) t = c.text;
                }
                font->glyph_text.emplace(gid, std::move(t));
            }
        }
    });
}

std::u32string mapped_text(const FontEntry& font, const display::GlyphRun& run,
                           const Cluster& cluster) {
    std::u32string out;
    for (std::size_t i = cluster.first; i < cluster.last; ++i) {
        auto it = font.glyph_text.find(run.glyphs[i].gid);
        if (it != font.glyph_text.end()) out += it->second;
    }
    return out;
}

std::string make_tounicode_cmap(const FontEntry& font) {
    // code → text, sorted by code; glyphs without text are left out.
    std::map<std::uint16_t, const std::u32string*> entries;
    for (const auto& [gid, text] : font.glyph_text) {
        if (text.empty()) continue;
        auto it = font.codes.find(gid);
        if (it == font.codes.end()) continue;
        entries.emplace(it->second, &text);
    }
    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    auto it = entries.begin();
    while (it != entries.end()) {
        std::size_t n = 0;
        auto block_end = it;
        while (block_end != entries.end() && n < 100) {
            ++block_end;
            ++n;
        }
        s += std::to_string(n);
        s += " beginbfchar\n";
        for (; it != block_end; ++it) {
            s += '<';
            put_hex4(s, it->first);
            s += "> <";
            // A destination string holds at most 512 bytes (256 UTF-16 units).
            std::u32string_view text = *it->second;
            if (text.size() > 120) text = text.substr(0, 120);
            put_utf16_hex(s, text);
            s += ">\n";
        }
        s += "endbfchar\n";
    }
    s += "endcmap\n"
         "CMapName currentdict /CMap defineresource pop\n"
         "end\n"
         "end\n";
    return s;
}

}  // namespace bookc::pdf
