// Text of glyphs: which Unicode text each glyph stands for (from the runs' source text,
// not from the font's cmap), the ToUnicode CMap, and which clusters need /ActualText.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "display/display.hpp"
#include "write/pdf/fonts.hpp"

namespace bookc::pdf {

// A run's glyphs grouped by cluster: glyphs [first, last) stand for run.text[begin, end).
struct Cluster {
    std::size_t first = 0, last = 0;
    std::size_t begin = 0, end = 0;
    std::string_view text(const display::GlyphRun& run) const {
        return std::string_view(run.text).substr(begin, end - begin);
    }
};
// Clusters in glyph order; `out` is reused between runs to spare allocations.
void clusters_of(const display::GlyphRun& run, std::vector<Cluster>& out);

// Fills FontEntry::used and the glyph texts (set_text) for every glyph used by the document's runs.
// The first single-glyph cluster a glyph appears in decides its text; glyphs seen only inside
// multi-glyph clusters get a share of the cluster's text.
void collect_glyph_text(const display::Document& doc, std::vector<FontEntry>& fonts);

// Whether a ToUnicode-only extractor gets the cluster's source text from its glyphs
// (if not, the cluster needs /ActualText). `scratch` is reused between calls.
bool maps_to_source(const FontEntry& font, const display::GlyphRun& run, const Cluster& cluster,
                    std::string& scratch);

// A CMapType 2 ToUnicode CMap for the font's codes (bfchar blocks of ≤ 100 entries).
std::string make_tounicode_cmap(const FontEntry& font);

}  // namespace bookc::pdf
