// Fonts of a PDF: opening the document's faces, collecting the glyphs the runs use,
// subsetting with hb-subset and writing Type0 / CID fonts (CFF → CIDFontType0 with
// FontFile3 /CIDFontType0C, TrueType → CIDFontType2 with FontFile2 + CIDToGIDMap).
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <podofo/podofo.h>

#include "base/diag.hpp"
#include "display/display.hpp"
#include "write/pdf/hb_ptr.hpp"

namespace bookc::pdf {

struct FontEntry {
    display::FontFace face;
    HbPtr<hb_blob_t> blob;
    HbPtr<hb_face_t> hb_face;
    HbPtr<hb_font_t> hb_font;  // scale = units per em
    unsigned upem = 1000;
    unsigned glyph_count = 0;
    bool cff = false;
    bool usable = false;  // opened; glyphs of an unusable font are not drawn

    // Filled by collect_glyph_text(): the glyphs runs use, and glyph id → the text it
    // stands for (ToUnicode).
    std::set<std::uint32_t> used;
    std::map<std::uint32_t, std::u32string> glyph_text;

    // Filled by embed_fonts(): glyph id → 2-byte code in content streams, and the code's
    // width in 1/1000 em (the /W entry, as written).
    std::map<std::uint32_t, std::uint16_t> codes;
    std::map<std::uint16_t, double> widths;
    std::string resource;  // "F0"
    PoDoFo::PdfReference ref;

    std::uint16_t code(std::uint32_t gid) const {
        auto it = codes.find(gid);
        return it == codes.end() ? 0 : it->second;
    }
    double width(std::uint16_t code) const {
        auto it = widths.find(code);
        return it == widths.end() ? 0 : it->second;
    }
};

// Opens every face of `doc`. A face that cannot be opened gets an error diagnostic.
std::vector<FontEntry> open_fonts(const display::Document& doc, base::DiagSink& diags);

// Subsets and writes every used font; fills codes/widths/resource/ref.
void embed_fonts(PoDoFo::PdfVecObjects& objects, std::vector<FontEntry>& fonts,
                 base::DiagSink& diags);

// Width of a glyph in 1/1000 em as written in /W (rounded to 2 decimals).
double glyph_width_1000(const FontEntry& font, std::uint32_t gid);

}  // namespace bookc::pdf
