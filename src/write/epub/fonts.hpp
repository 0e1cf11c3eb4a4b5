// Embedded fonts: the layout's body font, subset with hb-subset to the characters the
// book uses (a full CJK font is tens of MB), without the layout tables (GSUB, GPOS, ...):
// the glyph closure through them would pull in thousands of variant glyphs.
#pragma once
#include <optional>
#include <set>
#include <string>

namespace bookc::epub {

struct SubsetFont {
    std::string data;
    std::string media_type;  // font/otf (CFF outlines) or font/ttf
    std::string extension;   // "otf" or "ttf"
};

// Subsets face `index` of the font file bytes `bytes` to `chars`. nullopt (with `error`)
// when HarfBuzz cannot read or subset the face.
std::optional<SubsetFont> subset_font(const std::string& bytes, unsigned index,
                                      const std::set<char32_t>& chars, std::string& error);

}  // namespace bookc::epub
