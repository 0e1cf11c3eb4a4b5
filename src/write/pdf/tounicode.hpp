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

// A run's glyphs grouped by cluster: glyphs [first, last) share `text`.
struct Cluster {
    std::size_t first = 0, last = 0;
    std::u32string text;
};
std::vector<Cluster> clusters_of(const display::GlyphRun& run);

// Fills FontEntry::glyph_text for every glyph used by the document's runs. The first
// single-glyph cluster a glyph appears in decides its text; glyphs seen only inside
// multi-glyph clusters get a share of the cluster's text.
void collect_glyph_text(const display::Document& doc, std::vector<FontEntry>& fonts);

// The text a ToUnicode-only extractor would get for the cluster's glyphs.
std::u32string mapped_text(const FontEntry& font, const display::GlyphRun& run,
                           const Cluster& cluster);

// A CMapType 2 ToUnicode CMap for the font's codes (bfchar blocks of ≤ 100 entries).
std::string make_tounicode_cmap(const FontEntry& font);

}  // namespace bookc::pdf
