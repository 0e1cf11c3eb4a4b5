#include "write/pdf/structure.hpp"

#include <algorithm>
#include <functional>
#include <limits>

#include "write/pdf/navigation.hpp"

using namespace PoDoFo;

namespace bookc::pdf {

namespace {

// A place in the page content: (page, marked-content id).
struct Pos {
    std::size_t page = std::numeric_limits<std::size_t>::max();
    int mcid = 0;
    bool operator<(const Pos& o) const { return page != o.page ? page < o.page : mcid < o.mcid; }
};

}  // namespace

void write_structure(PdfVecObjects& objects, PdfObject& catalog, const display::Document& doc,
                     const std::vector<PdfObject*>& pages,
                     const std::vector<std::vector<int>>& mcids,
                     const std::vector<LinkAnnot>& links) {
    const auto& elems = doc.structure;
    const std::size_t n = elems.size();
    if (n == 0) return;
    // Each element's own content (marked-content references, in page order) and children.
    std::vector<std::vector<Pos>> content(n);
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
    // whose text was all space), and find where each one's content starts: an element
    // that holds text and elements (a paragraph with a link) lists them in page order.
    std::vector<char> keep(n, 0), seen(n, 0);
    std::vector<Pos> first(n);
    std::function<bool(std::size_t)> visit = [&](std::size_t i) -> bool {
        if (seen[i]) return keep[i];
        seen[i] = 1;
        bool k = !content[i].empty();
        if (k) first[i] = content[i].front();
        for (std::size_t c : children[i])
            if (visit(c)) {
                k = true;
                first[i] = std::min(first[i], first[c]);
            }
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

    // Link annotations: the OBJR goes into the Link element that holds the link's text;
    // a link whose element is something else gets a Link element of its own there. Their
    // /StructParent keys follow the pages' keys.
    std::vector<std::vector<PdfObject*>> link_kids(n);  // Link elements made here
    std::vector<std::vector<PdfDictionary>> objrs(n);   // OBJRs of the typesetter's Links
    std::vector<std::pair<pdf_int64, PdfObject*>> link_keys;
    for (const LinkAnnot& la : links) {
        if (la.tag < 0 || std::size_t(la.tag) >= n || !obj[std::size_t(la.tag)] || !la.annot)
            continue;
        const std::size_t t = std::size_t(la.tag);
        PdfDictionary objr;
        objr.AddKey("Type", PdfName("OBJR"));
        objr.AddKey("Obj", la.annot->Reference());
        objr.AddKey("Pg", pages[la.page]->Reference());
        PdfObject* owner = obj[t];
        if (elems[t].role == "Link") {
            objrs[t].push_back(objr);
        } else {
            owner = objects.CreateObject("StructElem");
            owner->GetDictionary().AddKey("S", PdfName("Link"));
            owner->GetDictionary().AddKey("P", obj[t]->Reference());
            owner->GetDictionary().AddKey("K", objr);
            link_kids[t].push_back(owner);
        }
        const auto key = static_cast<pdf_int64>(pages.size() + link_keys.size());
        la.annot->GetDictionary().AddKey("StructParent", key);
        link_keys.emplace_back(key, owner);
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
        // Content on one page: /Pg on the element and bare MCIDs; else MCR dictionaries.
        bool one_page = !content[i].empty();
        for (const Pos& m : content[i]) one_page = one_page && m.page == content[i].front().page;
        if (one_page) d.AddKey("Pg", pages[content[i].front().page]->Reference());
        // Own content and kept children, in the order they start on the pages.
        std::vector<std::pair<Pos, PdfObject>> entries;
        for (const Pos& m : content[i]) {
            if (one_page) {
                entries.push_back({m, PdfObject(static_cast<pdf_int64>(m.mcid))});
            } else {
                PdfDictionary mcr;
                mcr.AddKey("Type", PdfName("MCR"));
                mcr.AddKey("Pg", pages[m.page]->Reference());
                mcr.AddKey("MCID", static_cast<pdf_int64>(m.mcid));
                entries.push_back({m, PdfObject(mcr)});
            }
        }
        for (std::size_t c : children[i])
            if (obj[c]) entries.push_back({first[c], PdfObject(obj[c]->Reference())});
        // Text with elements in it (a paragraph with a link) in page order; a container
        // keeps the typesetter's order (a chapter's notes after its text).
        if (!content[i].empty())
            std::stable_sort(entries.begin(), entries.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        PdfArray k;
        for (auto& e : entries) k.push_back(e.second);
        for (PdfObject* l : link_kids[i]) k.push_back(l->Reference());
        for (const PdfDictionary& r : objrs[i]) k.push_back(r);
        if (k.size() == 1)
            d.AddKey("K", k[0]);
        else
            d.AddKey("K", k);
    }
    PdfArray doc_kids;
    for (std::size_t i : top)
        if (obj[i]) doc_kids.push_back(obj[i]->Reference());
    document->GetDictionary().AddKey("K", doc_kids);

    // ParentTree: page p's /StructParents p → the element of each of its MCIDs; then each
    // link annotation's key → its Link element.
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
