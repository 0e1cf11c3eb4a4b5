#include "write/pdf/navigation.hpp"

#include <map>

#include "write/pdf/format.hpp"

using namespace PoDoFo;

namespace bookc::pdf {

PdfString byte_string(const std::string& s) {
    return PdfString(s.data(), static_cast<pdf_long>(s.size()));
}

PdfString text_string(const std::string& utf8) {
    bool ascii = true;
    for (unsigned char c : utf8)
        if (c >= 0x80) ascii = false;
    if (ascii) return byte_string(utf8);
    return PdfString(reinterpret_cast<const pdf_utf8*>(utf8.c_str()));
}

DestMap collect_dests(const display::Document& doc, const std::vector<PdfObject*>& pages,
                      base::DiagSink& diags) {
    DestMap dests;
    for (std::size_t p = 0; p < doc.pages.size() && p < pages.size(); ++p) {
        for (const auto& item : doc.pages[p].items) {
            const auto* a = std::get_if<display::Anchor>(&item);
            if (!a || a->name.empty() || dests.count(a->name)) continue;
            PdfArray dest;
            dest.push_back(pages[p]->Reference());
            dest.push_back(PdfName("XYZ"));
            dest.push_back(PdfVariant());
            std::string top = " ";  // PdfData gets no separator of its own
            put_num(top, doc.pages[p].height - a->y);
            dest.push_back(PdfVariant(PdfData(top.c_str())));
            dest.push_back(PdfVariant());
            dests.emplace(a->name, std::move(dest));
        }
    }
    return dests;
}

void write_dests(PdfObject& catalog, const DestMap& dests) {
    if (dests.empty()) return;
    PdfArray names;
    for (const auto& [name, dest] : dests) {
        names.push_back(byte_string(name));
        names.push_back(dest);
    }
    PdfDictionary tree;
    tree.AddKey("Names", names);
    PdfDictionary root;
    root.AddKey("Dests", tree);
    catalog.GetDictionary().AddKey("Names", root);
}

namespace {

// URIs are 7-bit ASCII: percent-encode anything else.
std::string ascii_uri(const std::string& uri) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
        if (c <= 0x20 || c >= 0x7f) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

std::vector<LinkAnnot> write_links(PdfVecObjects& objects, const display::Document& doc,
                                   const std::vector<PdfObject*>& pages, const DestMap& dests,
                                   base::DiagSink& diags) {
    std::vector<LinkAnnot> written;
    // One URI action object per distinct URL: a link wrapped over many lines has one
    // annotation per line, and each used to repeat the whole URI (a 100 KB URL over 1,700
    // lines made a 180 MB PDF).
    std::map<std::string, PdfObject*> actions;
    for (std::size_t p = 0; p < doc.pages.size() && p < pages.size(); ++p) {
        const double h = doc.pages[p].height;
        PdfArray annots;
        for (const auto& item : doc.pages[p].items) {
            const auto* l = std::get_if<display::Link>(&item);
            if (!l || l->w <= 0 || l->h <= 0) continue;
            if (l->uri.empty() && l->dest.empty()) continue;
            if (l->uri.empty() && !dests.count(l->dest)) {
                diags.warning({}, "PDF: link to unknown destination '" + l->dest + "' left out");
                continue;
            }
            PdfObject* annot = objects.CreateObject("Annot");
            PdfDictionary& d = annot->GetDictionary();
            d.AddKey("Subtype", PdfName("Link"));
            std::string rect = " [";
            for (double v : {static_cast<double>(l->x), h - l->y - l->h,
                             static_cast<double>(l->x + l->w), h - l->y}) {
                put_num(rect, v);
                rect += ' ';
            }
            rect.back() = ']';
            d.AddKey("Rect", PdfObject(PdfVariant(PdfData(rect.c_str()))));
            d.AddKey("Border", PdfObject(PdfVariant(PdfData(" [0 0 0]"))));
            if (!l->uri.empty()) {
                PdfObject*& action = actions[l->uri];
                if (!action) {
                    action = objects.CreateObject("Action");
                    action->GetDictionary().AddKey("S", PdfName("URI"));
                    action->GetDictionary().AddKey("URI", byte_string(ascii_uri(l->uri)));
                }
                d.AddKey("A", action->Reference());
            } else {
                d.AddKey("Dest", byte_string(l->dest));
            }
            annots.push_back(annot->Reference());
            written.push_back({annot, p, l->tag});
        }
        if (!annots.empty()) pages[p]->GetDictionary().AddKey("Annots", annots);
    }
    return written;
}

}  // namespace bookc::pdf
