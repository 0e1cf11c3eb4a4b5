// write_pdf: the PoDoFo document, metadata, the deterministic /ID, writing to memory.
#include "write/pdf/pdf.hpp"

#include <podofo/podofo.h>

#include "base/hash.hpp"
#include "write/pdf/content.hpp"
#include "write/pdf/fonts.hpp"
#include "write/pdf/format.hpp"
#include "write/pdf/images.hpp"
#include "write/pdf/navigation.hpp"
#include "write/pdf/structure.hpp"
#include "write/pdf/tounicode.hpp"
#include "write/pdf/xmp.hpp"

using namespace PoDoFo;

namespace bookc::pdf {

namespace {

constexpr const char* kProducer = "bookc PDF writer (PoDoFo 0.9.8, HarfBuzz)";

// "2024-05-01" / "2024-05-01T10:20:30Z" / "…+08:00" → "D:20240501102030Z"; "" if unusable.
std::string pdf_date(const std::string& iso) {
    std::string digits;
    std::size_t i = 0;
    for (; i < iso.size() && digits.size() < 14; ++i) {
        char c = iso[i];
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '-' || c == ':' || c == 'T' || c == ' ')
            continue;
        else
            break;
    }
    if (digits.size() < 4 || digits.size() % 2 != 0) return "";
    std::string out = "D:" + digits;
    if (digits.size() < 14) return out;
    while (i < iso.size() && iso[i] == '.') {  // fractional seconds
        ++i;
        while (i < iso.size() && iso[i] >= '0' && iso[i] <= '9') ++i;
    }
    if (i < iso.size() && (iso[i] == 'Z' || iso[i] == 'z')) {
        out += 'Z';
    } else if (i + 5 < iso.size() + 1 && (iso[i] == '+' || iso[i] == '-')) {
        std::string off;
        for (std::size_t k = i + 1; k < iso.size(); ++k)
            if (iso[k] >= '0' && iso[k] <= '9') off += iso[k];
        if (off.size() == 4)
            out += std::string(1, iso[i]) + off.substr(0, 2) + "'" + off.substr(2, 2) + "'";
    }
    return out;
}

void write_info(PdfMemDocument& pdf, const display::Metadata& meta, PdfObject& catalog) {
    PdfDictionary& info = pdf.GetInfo()->GetObject()->GetDictionary();
    // PoDoFo filled in "now" and its own producer: start from an empty dictionary.
    info.Clear();
    auto put = [&](const char* key, const std::string& value) {
        if (!value.empty()) info.AddKey(key, text_string(value));
    };
    put("Title", meta.title);
    put("Author", meta.author);
    put("Subject", meta.subject);
    put("Keywords", meta.keywords);
    put("Creator", meta.creator.empty() ? std::string("bookc") : meta.creator);
    put("Producer", kProducer);
    const std::string date = pdf_date(meta.date);
    if (!date.empty()) {
        info.AddKey("CreationDate", PdfString(date));
        info.AddKey("ModDate", PdfString(date));
    }
    if (!meta.language.empty()) catalog.GetDictionary().AddKey("Lang", byte_string(meta.language));
}

// The catalog's /Metadata: the XMP packet, uncompressed so that any tool finds it.
void write_xmp(PdfVecObjects& objects, const display::Metadata& meta, PdfObject& catalog) {
    const std::string xmp = xmp_packet(meta, kProducer);
    PdfObject* stream = objects.CreateObject("Metadata");
    stream->GetDictionary().AddKey("Subtype", PdfName("XML"));
    TVecFilters none;
    stream->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), none);
    catalog.GetDictionary().AddKey("Metadata", stream->Reference());
}

// Replaces PoDoFo's /ID (an MD5 of the Info dictionary only) by a hash of the whole file
// with the /ID zeroed: same length, so every offset stays valid.
void set_content_id(std::string& bytes) {
    std::size_t trailer = bytes.rfind("trailer");
    if (trailer == std::string::npos) return;
    std::size_t id = bytes.find("/ID", trailer);
    if (id == std::string::npos) return;
    std::size_t spans[2][2];
    std::size_t at = id;
    for (auto& span : spans) {
        std::size_t open = bytes.find('<', at), close = bytes.find('>', open + 1);
        if (open == std::string::npos || close == std::string::npos) return;
        span[0] = open + 1;
        span[1] = close;
        at = close + 1;
    }
    for (auto& span : spans) {
        if (span[1] - span[0] != 32) return;
        for (std::size_t k = span[0]; k < span[1]; ++k) bytes[k] = '0';
    }
    const auto h = base::hash128(bytes);
    const std::string hex = base::to_hex(h.data(), h.size());
    for (auto& span : spans) bytes.replace(span[0], 32, hex);
}

std::optional<std::string> write_document(const display::Document& doc, base::DiagSink& diags) {
    if (doc.pages.empty()) {
        diags.error({}, "PDF: the document has no pages");
        return std::nullopt;
    }
    std::vector<FontEntry> fonts = open_fonts(doc, diags);
    collect_glyph_text(doc, fonts);

    PdfMemDocument pdf;
    pdf.SetPdfVersion(ePdfVersion_1_7);
    PdfVecObjects& objects = pdf.GetObjects();

    // Pages are made directly under the catalog's /Pages node: PoDoFo's CreatePage()
    // costs ~0.4 ms a page (its page-tree cache) and deletes the PdfPage* it returned
    // before; nothing later needs PdfPage.
    PdfObject* tree = pdf.GetPagesTree()->GetObject();
    std::vector<PdfObject*> pages;
    PdfArray kids;
    for (const auto& page : doc.pages) {
        PdfObject* obj = objects.CreateObject("Page");
        obj->GetDictionary().AddKey("Parent", tree->Reference());
        obj->GetDictionary().AddKey(
            "MediaBox", PdfObject(PdfVariant(PdfData(
                            (" [0 0 " + num(page.width) + ' ' + num(page.height) + "]").c_str()))));
        kids.push_back(obj->Reference());
        pages.push_back(obj);
    }
    tree->GetDictionary().AddKey("Kids", kids);
    tree->GetDictionary().AddKey("Count", static_cast<pdf_int64>(pages.size()));

    embed_fonts(objects, fonts, diags);
    ImageStore images(objects, diags);
    std::vector<std::vector<int>> mcids(doc.pages.size());
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        PageResources used;
        const std::string content =
            page_content(doc.pages[p], fonts, images, used, doc.structure, mcids[p]);
        PdfObject* stream = objects.CreateObject();
        stream->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
        PdfDictionary& page = pages[p]->GetDictionary();
        page.AddKey("Contents", stream->Reference());
        PdfDictionary resources;
        if (!used.fonts.empty()) {
            PdfDictionary f;
            for (std::size_t i : used.fonts) f.AddKey(PdfName(fonts[i].resource), fonts[i].ref);
            resources.AddKey("Font", f);
        }
        if (!used.images.empty()) {
            PdfDictionary x;
            for (const auto& name : used.images) x.AddKey(PdfName(name), images.ref(name));
            resources.AddKey("XObject", x);
        }
        page.AddKey("Resources", resources);
    }

    PdfObject& catalog = *pdf.GetCatalog();
    const DestMap dests = collect_dests(doc, pages, diags);
    const std::vector<LinkAnnot> links = write_links(objects, doc, pages, dests, diags);
    write_outline(objects, catalog, doc, dests, diags);
    write_dests(catalog, dests);
    write_page_labels(catalog, doc);
    write_structure(objects, catalog, doc, pages, mcids, links);
    catalog.GetDictionary().AddKey("PageMode",
                                   PdfName(doc.outline.empty() ? "UseNone" : "UseOutlines"));
    PdfDictionary prefs;
    prefs.AddKey("DisplayDocTitle", true);
    catalog.GetDictionary().AddKey("ViewerPreferences", prefs);
    write_info(pdf, doc.meta, catalog);
    write_xmp(objects, doc.meta, catalog);

    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    pdf.Write(&device);
    std::string bytes(buffer.GetBuffer(), device.GetLength());
    set_content_id(bytes);
    return bytes;
}

}  // namespace

std::optional<std::string> write_pdf(const display::Document& doc, base::DiagSink& diags) {
    try {
        return write_document(doc, diags);
    } catch (const PdfError& e) {  // not a std::exception
        const char* name = PdfError::ErrorName(e.GetError());
        const char* message = PdfError::ErrorMessage(e.GetError());
        std::string text = "PDF: PoDoFo failed: ";
        text += name ? name : "unknown error";
        if (message) text += std::string(" (") + message + ")";
        diags.error({}, text);
    } catch (const std::exception& e) {
        diags.error({}, std::string("PDF: ") + e.what());
    }
    return std::nullopt;
}

}  // namespace bookc::pdf
