// Navigation: named destinations (from Anchor items), link annotations, the outline
// (bookmarks) and page labels.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <podofo/podofo.h>

#include "base/diag.hpp"
#include "display/display.hpp"

namespace bookc::pdf {

// name → explicit destination [page /XYZ null top null]; the first anchor of a name wins.
using DestMap = std::map<std::string, PoDoFo::PdfArray>;

DestMap collect_dests(const display::Document& doc, const std::vector<PoDoFo::PdfObject*>& pages,
                      base::DiagSink& diags);
// Catalog /Names << /Dests << /Names [(name) [dest] …] >> >> (names in byte order).
void write_dests(PoDoFo::PdfObject& catalog, const DestMap& dests);
// A link annotation written, for the structure tree.
struct LinkAnnot {
    PoDoFo::PdfObject* annot = nullptr;
    std::size_t page = 0;
    int tag = -1;  // display::Link::tag
};
// Link annotations (no border; URI actions or named destinations) into each page's /Annots.
std::vector<LinkAnnot> write_links(PoDoFo::PdfVecObjects& objects, const display::Document& doc,
                                   const std::vector<PoDoFo::PdfObject*>& pages,
                                   const DestMap& dests, base::DiagSink& diags);
// Catalog /Outlines from doc.outline (entries point at named destinations).
void write_outline(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject& catalog,
                   const display::Document& doc, const DestMap& dests, base::DiagSink& diags);
// Catalog /PageLabels number tree.
void write_page_labels(PoDoFo::PdfObject& catalog, const display::Document& doc);

// A PDF string holding `s`'s bytes as they are (for names and URIs).
PoDoFo::PdfString byte_string(const std::string& s);
// A PDF text string from UTF-8 (PDFDocEncoding when ASCII, else UTF-16BE with BOM).
PoDoFo::PdfString text_string(const std::string& utf8);

}  // namespace bookc::pdf
