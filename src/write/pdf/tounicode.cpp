#include "write/pdf/tounicode.hpp"

#include <algorithm>
#include <optional>

#include "base/utf8.hpp"
#include "write/pdf/format.hpp"

namespace bookc::pdf {

void clusters_of(const display::GlyphRun& run, std::vector<Cluster>& out) {
    out.clear();
    const auto& g = run.glyphs;
    if (g.empty()) return;
    // A cluster's text ends at the next larger cluster value of the run. Runs are
    // usually monotonic (LTR); otherwise look the next value up in a sorted copy.
    bool ascending = true;
    for (std::size_t i = 1; i < g.size(); ++i)
        if (g[i].cluster < g[i - 1].cluster) ascending = false;
    std::vector<std::uint32_t> starts;
    if (!ascending) {
        for (const auto& glyph : g) starts.push_back(glyph.cluster);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    }
    const std::size_t size = run.text.size();
    std::size_t i = 0;
    while (i < g.size()) {
        std::size_t j = i + 1;
        while (j < g.size() && g[j].cluster == g[i].cluster) ++j;
        Cluster c;
        c.first = i;
        c.last = j;
        c.begin = std::min<std::size_t>(g[i].cluster, size);
        if (ascending) {
            c.end = j < g.size() ? std::min<std::size_t>(g[j].cluster, size) : size;
        } else {
            auto next = std::upper_bound(starts.begin(), starts.end(), g[i].cluster);
            c.end = next == starts.end() ? size : std::min<std::size_t>(*next, size);
        }
        c.end = std::max(c.end, c.begin);
        out.push_back(c);
        i = j;
    }
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
    std::string text(const FontEntry& font, std::uint32_t gid) {
        auto& map = maps_[&font];
        if (!map) {
            map.emplace();
            HbPtr<hb_set_t> unicodes(hb_set_create());
            hb_face_collect_unicodes(font.hb_face.get(), unicodes.get());
            hb_codepoint_t cp = HB_SET_VALUE_INVALID, g = 0;
            while (hb_set_next(unicodes.get(), &cp))
                if (hb_font_get_nominal_glyph(font.hb_font.get(), cp, &g))
                    map->emplace(g, static_cast<char32_t>(cp));
        }
        auto it = map->find(gid);
        std::string out;
        if (it != map->end()) base::append_utf8(out, it->second);
        return out;
    }

private:
    std::map<const FontEntry*, std::optional<std::map<std::uint32_t, char32_t>>> maps_;
};

}  // namespace

void collect_glyph_text(const display::Document& doc, std::vector<FontEntry>& fonts) {
    for (FontEntry& f : fonts) {
        f.used.assign(f.usable ? f.glyph_count : 0, false);
        f.text_slot.assign(f.usable ? f.glyph_count : 0, 0);
        f.texts.clear();
    }
    auto font_of = [&](const display::GlyphRun& run) -> FontEntry* {
        if (run.font < 0 || static_cast<std::size_t>(run.font) >= fonts.size()) return nullptr;
        FontEntry& f = fonts[static_cast<std::size_t>(run.font)];
        return f.usable ? &f : nullptr;
    };
    std::vector<Cluster> clusters;
    std::vector<bool> decided;  // per glyph of the current font: text fixed by pass 1
    // Pass 1: single-glyph clusters decide (first occurrence wins: deterministic).
    for_each_run(doc, [&](const display::GlyphRun& run) {
        FontEntry* font = font_of(run);
        if (!font) return;
        for (const auto& g : run.glyphs)
            if (g.gid < font->glyph_count) {
                font->used[g.gid] = true;
                font->any_used = true;
            }
        clusters_of(run, clusters);
        for (const Cluster& c : clusters) {
            if (c.last - c.first != 1 || c.end == c.begin) continue;
            std::uint32_t gid = run.glyphs[c.first].gid;
            if (gid < font->glyph_count && font->text_of(gid).empty())
                font->set_text(gid, std::string(c.text(run)));
        }
    });
    // Pass 2: glyphs only seen in multi-glyph clusters: the n-th character when the
    // counts agree, else the font's own cmap, else (first glyph) the whole cluster.
    ReverseCmap cmap;
    for_each_run(doc, [&](const display::GlyphRun& run) {
        FontEntry* font = font_of(run);
        if (!font) return;
        clusters_of(run, clusters);
        for (const Cluster& c : clusters) {
            const std::size_t n = c.last - c.first;
            if (n == 1) continue;
            const std::u32string text = base::to_u32(c.text(run));
            for (std::size_t k = 0; k < n; ++k) {
                std::uint32_t gid = run.glyphs[c.first + k].gid;
                if (gid >= font->glyph_count || !font->text_of(gid).empty()) continue;
                std::string t;
                if (n == text.size())
                    base::append_utf8(t, text[k]);
                else
                    t = cmap.text(*font, gid);
                if (t.empty() && k == 0) t = std::string(c.text(run));
                font->set_text(gid, std::move(t));
            }
        }
    });
}

bool maps_to_source(const FontEntry& font, const display::GlyphRun& run, const Cluster& cluster,
                    std::string& scratch) {
    const std::string_view source = cluster.text(run);
    if (source.empty()) return true;  // nothing to give back
    if (cluster.last - cluster.first == 1)
        return font.text_of(run.glyphs[cluster.first].gid) == source;
    scratch.clear();
    for (std::size_t i = cluster.first; i < cluster.last; ++i)
        scratch += font.text_of(run.glyphs[i].gid);
    return scratch == source;
}

std::string make_tounicode_cmap(const FontEntry& font) {
    // code → text, sorted by code; glyphs without text are left out.
    std::map<std::uint16_t, const std::string*> entries;
    for (std::uint32_t gid = 0; gid < font.text_slot.size(); ++gid) {
        if (!font.text_slot[gid]) continue;
        auto it = font.codes.find(gid);
        if (it == font.codes.end()) continue;
        entries.emplace(it->second, &font.texts[font.text_slot[gid] - 1]);
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
            std::u32string text = base::to_u32(*it->second);
            if (text.size() > 120) text.resize(120);
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
