// Page content streams: text as one BT…ET per sequence of runs, `[<code>adj<code>] TJ`
// with adjustments only where the pen differs from the font's widths, Td for glyph
// offsets and new lines, /ActualText spans where the glyphs' ToUnicode text differs
// from the cluster's source text; rules, boxes and images as plain graphics. Content of a
// structure element is marked (`/P <</MCID n>> BDC … EMC`), everything else is an
// /Artifact.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "display/display.hpp"
#include "write/pdf/fonts.hpp"
#include "write/pdf/images.hpp"

namespace bookc::pdf {

struct PageResources {
    std::set<std::size_t> fonts;   // indices into the font table
    std::set<std::string> images;  // XObject names
};

// The uncompressed content stream of one page. `mcids` gets, for each marked-content
// id used on the page (0, 1, …), the structure element it belongs to.
std::string page_content(const display::Page& page, const std::vector<FontEntry>& fonts,
                         ImageStore& images, PageResources& used,
                         const std::vector<display::StructElem>& structure,
                         std::vector<int>& mcids);

}  // namespace bookc::pdf
