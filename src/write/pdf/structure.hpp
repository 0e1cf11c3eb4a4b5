// The logical structure of a tagged PDF: StructTreeRoot, one StructElem per element of
// display::Document::structure (under a Document element), marked-content references,
// the ParentTree, /StructParents on pages and /MarkInfo in the catalog.
#pragma once
#include <vector>

#include <podofo/podofo.h>

#include "display/display.hpp"

namespace bookc::pdf {

// `mcids[p][n]`: the element marked-content id n on page p belongs to (page_content's
// output). Elements with no content anywhere below them are left out.
void write_structure(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject& catalog,
                     const display::Document& doc, const std::vector<PoDoFo::PdfObject*>& pages,
                     const std::vector<std::vector<int>>& mcids);

}  // namespace bookc::pdf
