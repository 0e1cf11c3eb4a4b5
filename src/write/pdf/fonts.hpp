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
#include "font/hb_ptr.hpp"

namespace bookc::pdf {

using font::HbPtr;

struct FontEntry {
    display::FontFace face;
    HbPtr<hb_blob_t> blob;
    HbPtr<hb_face_t> hb_face;
    HbPtr<hb_font_t> hb_font;  // scale = units per em
    unsigned upem = 1000;
    unsigned glyph_count = 0;
    bool cff = false;
    bool usable = false;  // opened; glyphs of an unusable font are not drawn

    // Filled by collect_glyph_text(), indexed by glyph id: whether runs use the glyph,
    // and the text (UTF-8) it stands for in the ToUnicode CMap: texts[text_slot[gid] - 1],
    // none when the slot is 0. A slot, not a string, per glyph: a CJK face has 65,535
    // glyphs, a book uses a few thousand, and every glyph's empty string cost more than
    // the rest of a short book's PDF.
    std::vector<bool> used;
    std::vector<std::uint32_t> text_slot;
    std::vector<std::string> texts;
    bool any_used = false;
    const std::string& text_of(std::uint32_t gid) const {
        static const std::string none;
        return gid < text_slot.size() && text_slot[gid] ? texts[text_slot[gid] - 1] : none;
    }
    // Gives a glyph without text its text ("" leaves it without).
    void set_text(std::uint32_t gid, std::string text) {
        if (gid >= text_slot.size() || text_slot[gid] || text.empty()) return;
        texts.push_back(std::move(text));
        text_slot[gid] = static_cast<std::uint32_t>(texts.size());
    }

    // Filled by embed_fonts(): glyph id → 2-byte code in content streams, and the code's
    // width in 1/1000 em (the /W entry, as written).
    std::map<std::uint32_t, std::uint16_t> codes;
    std::map<std::uint16_t, double> widths;
    std::string resource;  // "F0"
    PoDoFo::PdfReference ref;

    // The same, indexed by glyph id for the content writer's inner loop.
    std::vector<std::uint16_t> code_by_gid;
    std::vector<double> width_by_gid;

    std::uint16_t code(std::uint32_t gid) const {
        return gid < code_by_gid.size() ? code_by_gid[gid] : 0;
    }
    // Width in 1/1000 em of the glyph as the PDF knows it (that of its code).
    double width_of_glyph(std::uint32_t gid) const {
        return gid < width_by_gid.size() ? width_by_gid[gid]
                                         : (width_by_gid.empty() ? 0 : width_by_gid[0]);
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
