// The logical structure of a tagged PDF: StructTreeRoot, one StructElem per element of
// display::Document::structure (under a Document element), marked-content references,
// the ParentTree, /StructParents on pages and /MarkInfo in the catalog.
#pragma once
#include <vector>

#include <podofo/podofo.h>

#include "display/display.hpp"
#include "write/pdf/navigation.hpp"

namespace bookc::pdf {

// `mcids[p][n]`: the element marked-content id n on page p belongs to (page_content's
// output). Elements with no content anywhere below them are left out. Each link annotation
// becomes a Link element (its object reference) in the element whose text it covers.
void write_structure(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject& catalog,
                     const display::Document& doc, const std::vector<PoDoFo::PdfObject*>& pages,
                     const std::vector<std::vector<int>>& mcids,
                     const std::vector<LinkAnnot>& links);

}  // namespace bookc::pdf
