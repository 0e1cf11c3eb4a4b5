#include "write/pdf/structure.hpp"

#include <functional>

#include "write/pdf/navigation.hpp"

using namespace PoDoFo;

namespace bookc::pdf {

namespace {

struct Mcr {
    std::size_t page = 0;
    int mcid = 0;
};

}  // namespace

void write_structure(PdfVecObjects& objects, PdfObject& catalog, const display::Document& doc,
                     const std::vector<PdfObject*>& pages,
                     const std::vector<std::vector<int>>& mcids, const std::vector<LinkAnnot>& links) {
    const auto& elems = doc.structure;
    const std::size_t n = elems.size();
    if (n == 0) return;
    // Content and children of each element, in reading order (children by index, which
    // is the order the typesetter made them in; content in page order).
    std::vector<std::vector<Mcr>> content(n);
    for (std::size_t p = 0; p < mcids.size(); ++p)
        for (std::size_t m = 0; m < mcids[p].size(); ++m) {
            const int e = mcids[p][m];
            if (e >= 0 && std::size_t(e) < n) content[std::size_t(e)].push_back({p, int(m)});
        }
    std::vector<std::vector<std::size_t>> children(n);
    std::vector<std::size_t> top;
    for (std::size_t i = 0; i < n; ++i) {
        const int parent = elems[i].parent;
        if (parent >= 0 && std::size_t(parent) < n && std::size_t(parent) != i)
            children[std::size_t(parent)].push_back(i);
        else
            top.push_back(i);
    }
    // Keep only elements with content at or below them (an emptied list label, a heading
    // whose text was all space). A visit count guards against a cycle in bad input.
    std::vector<char> keep(n, 0), seen(n, 0);
    std::function<bool(std::size_t)> visit = [&](std::size_t i) -> bool {
        if (seen[i]) return keep[i];
        seen[i] = 1;
        bool k = !content[i].empty();
        for (std::size_t c : children[i]) k = visit(c) || k;
        keep[i] = k;
        return k;
    };
    for (std::size_t i : top) visit(i);

    PdfObject* root = objects.CreateObject("StructTreeRoot");
    PdfObject* document = objects.CreateObject("StructElem");
    document->GetDictionary().AddKey("S", PdfName("Document"));
    document->GetDictionary().AddKey("P", root->Reference());
    std::vector<PdfObject*> obj(n, nullptr);
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i]) obj[i] = objects.CreateObject("StructElem");
    // Link elements: one per annotation, in the element its text belongs to, with the
    // annotation's /StructParent key after the pages' keys.
    std::vector<std::vector<PdfObject*>> link_kids(n);
    std::vector<std::pair<pdf_int64, PdfObject*>> link_keys;
    for (const LinkAnnot& la : links) {
        if (la.tag < 0 || std::size_t(la.tag) >= n || !obj[std::size_t(la.tag)] || !la.annot) continue;
        PdfObject* e = objects.CreateObject("StructElem");
        e->GetDictionary().AddKey("S", PdfName("Link"));
        e->GetDictionary().AddKey("P", obj[std::size_t(la.tag)]->Reference());
        PdfDictionary objr;
        objr.AddKey("Type", PdfName("OBJR"));
        objr.AddKey("Obj", la.annot->Reference());
        objr.AddKey("Pg", pages[la.page]->Reference());
        e->GetDictionary().AddKey("K", objr);
        const auto key = static_cast<pdf_int64>(pages.size() + link_keys.size());
        la.annot->GetDictionary().AddKey("StructParent", key);
        link_keys.emplace_back(key, e);
        link_kids[std::size_t(la.tag)].push_back(e);
    }

    auto parent_ref = [&](std::size_t i) {
        const int p = elems[i].parent;
        if (p >= 0 && std::size_t(p) < n && obj[std::size_t(p)] && std::size_t(p) != i)
            return obj[std::size_t(p)]->Reference();
        return document->Reference();
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (!obj[i]) continue;
        PdfDictionary& d = obj[i]->GetDictionary();
        d.AddKey("S", PdfName(elems[i].role));
        d.AddKey("P", parent_ref(i));
        if (!elems[i].alt.empty()) d.AddKey("Alt", text_string(elems[i].alt));
        PdfArray k;
        // Content on one page: /Pg on the element and bare MCIDs; else MCR dictionaries.
        bool one_page = !content[i].empty();
        for (const Mcr& m : content[i]) one_page = one_page && m.page == content[i].front().page;
        if (one_page) d.AddKey("Pg", pages[content[i].front().page]->Reference());
        for (const Mcr& m : content[i]) {
            if (one_page) {
                k.push_back(static_cast<pdf_int64>(m.mcid));
            } else {
                PdfDictionary mcr;
                mcr.AddKey("Type", PdfName("MCR"));
                mcr.AddKey("Pg", pages[m.page]->Reference());
                mcr.AddKey("MCID", static_cast<pdf_int64>(m.mcid));
                k.push_back(mcr);
            }
        }
        for (std::size_t c : children[i])
            if (obj[c]) k.push_back(obj[c]->Reference());
        for (PdfObject* l : link_kids[i]) k.push_back(l->Reference());
        if (k.size() == 1)
            d.AddKey("K", k[0]);
        else
            d.AddKey("K", k);
    }
    PdfArray doc_kids;
    for (std::size_t i : top)
        if (obj[i]) doc_kids.push_back(obj[i]->Reference());
    document->GetDictionary().AddKey("K", doc_kids);

    // ParentTree: page p's /StructParents p → the element of each of its MCIDs.
    PdfArray nums;
    for (std::size_t p = 0; p < mcids.size() && p < pages.size(); ++p) {
        if (mcids[p].empty()) continue;
        PdfArray owners;
        for (int e : mcids[p])
            owners.push_back(e >= 0 && std::size_t(e) < n && obj[std::size_t(e)]
                                 ? PdfObject(obj[std::size_t(e)]->Reference())
                                 : PdfObject(PdfVariant::NullValue));
        nums.push_back(static_cast<pdf_int64>(p));
        nums.push_back(owners);
        pages[p]->GetDictionary().AddKey("StructParents", static_cast<pdf_int64>(p));
    }
    for (const auto& [key, e] : link_keys) {
        nums.push_back(key);
        nums.push_back(e->Reference());
    }
    for (PdfObject* page : pages) page->GetDictionary().AddKey("Tabs", PdfName("S"));
    PdfObject* parent_tree = objects.CreateObject();
    parent_tree->GetDictionary().AddKey("Nums", nums);
    root->GetDictionary().AddKey("K", document->Reference());
    root->GetDictionary().AddKey("ParentTree", parent_tree->Reference());
    root->GetDictionary().AddKey("ParentTreeNextKey",
                                 static_cast<pdf_int64>(pages.size() + link_keys.size()));
    catalog.GetDictionary().AddKey("StructTreeRoot", root->Reference());
    PdfDictionary mark;
    mark.AddKey("Marked", true);
    catalog.GetDictionary().AddKey("MarkInfo", mark);
}

}  // namespace bookc::pdf
