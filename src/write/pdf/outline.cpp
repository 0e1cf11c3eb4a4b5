#include "write/pdf/navigation.hpp"

using namespace PoDoFo;

namespace bookc::pdf {

namespace {

// Writes the items of `entries` as children of `parent`; returns how many were written.
std::size_t write_items(PdfVecObjects& objects, PdfObject& parent,
                        const std::vector<display::OutlineEntry>& entries, const DestMap& dests,
                        base::DiagSink& diags) {
    std::vector<PdfObject*> items;
    for (const auto& e : entries) {
        PdfObject* item = objects.CreateObject();
        PdfDictionary& d = item->GetDictionary();
        d.AddKey("Title", text_string(e.title));
        d.AddKey("Parent", parent.Reference());
        if (!e.dest.empty()) {
            if (dests.count(e.dest))
                d.AddKey("Dest", byte_string(e.dest));
            else
                diags.warning({}, "PDF: bookmark '" + e.title +
                                      "' points at unknown destination '" + e.dest + "'");
        }
        std::size_t kids = write_items(objects, *item, e.children, dests, diags);
        // Chapters show their sections closed: a negative count.
        if (kids > 0) d.AddKey("Count", static_cast<pdf_int64>(-static_cast<long long>(kids)));
        items.push_back(item);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) items[i]->GetDictionary().AddKey("Prev", items[i - 1]->Reference());
        if (i + 1 < items.size())
            items[i]->GetDictionary().AddKey("Next", items[i + 1]->Reference());
    }
    if (!items.empty()) {
        parent.GetDictionary().AddKey("First", items.front()->Reference());
        parent.GetDictionary().AddKey("Last", items.back()->Reference());
    }
    return items.size();
}

}  // namespace

void write_outline(PdfVecObjects& objects, PdfObject& catalog, const display::Document& doc,
                   const DestMap& dests, base::DiagSink& diags) {
    if (doc.outline.empty()) return;
    PdfObject* root = objects.CreateObject("Outlines");
    std::size_t n = write_items(objects, *root, doc.outline, dests, diags);
    root->GetDictionary().AddKey("Count", static_cast<pdf_int64>(n));
    catalog.GetDictionary().AddKey("Outlines", root->Reference());
}

void write_page_labels(PdfObject& catalog, const display::Document& doc) {
    if (doc.page_labels.empty()) return;
    std::map<int, const display::PageLabelRange*> ranges;  // sorted, first of a page wins
    for (const auto& r : doc.page_labels)
        if (r.first_page >= 0 && r.first_page < static_cast<int>(doc.pages.size()))
            ranges.emplace(r.first_page, &r);
    if (ranges.empty()) return;
    PdfArray nums;
    if (ranges.begin()->first != 0) {  // the tree must cover page 0
        PdfDictionary d;
        d.AddKey("S", PdfName("D"));
        nums.push_back(static_cast<pdf_int64>(0));
        nums.push_back(d);
    }
    for (const auto& [first, r] : ranges) {
        PdfDictionary d;
        switch (r->style) {
            case display::LabelStyle::Decimal:
                d.AddKey("S", PdfName("D"));
                break;
            case display::LabelStyle::LowerRoman:
                d.AddKey("S", PdfName("r"));
                break;
            case display::LabelStyle::UpperRoman:
                d.AddKey("S", PdfName("R"));
                break;
            case display::LabelStyle::None:
                break;
        }
        if (!r->prefix.empty()) d.AddKey("P", text_string(r->prefix));
        if (r->start != 1 && r->start > 0) d.AddKey("St", static_cast<pdf_int64>(r->start));
        nums.push_back(static_cast<pdf_int64>(first));
        nums.push_back(d);
    }
    PdfDictionary tree;
    tree.AddKey("Nums", nums);
    catalog.GetDictionary().AddKey("PageLabels", tree);
}

}  // namespace bookc::pdf
