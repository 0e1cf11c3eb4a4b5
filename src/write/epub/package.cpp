#include "write/epub/documents.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {

namespace {
// What a reader needs to know before choosing the book (schema:accessibilitySummary).
constexpr const char* kAccessibilitySummary =
    "This publication follows EPUB Accessibility 1.1 at WCAG 2.1 Level AA: its chapters, "
    "parts, sections, footnotes and readers' comments are marked up in reading order with "
    "headings and ARIA roles; it has a navigable table of contents; images have text "
    "alternatives; Latin text is marked with its language; colours keep a 4.5:1 contrast and "
    "follow the reading system's light or dark theme. No hazards.";
}  // namespace

std::string render_opf(const Plan& plan, const std::vector<ManifestItem>& manifest,
                       const std::vector<SpineItem>& spine, const std::string& cover_image_id) {
    pugi::xml_document doc;
    add_declaration(doc);
    pugi::xml_node pkg = doc.append_child("package");
    pkg.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
    pkg.append_attribute("version") = "3.0";
    pkg.append_attribute("unique-identifier") = "book-id";
    set_attr(pkg, "xml:lang", plan.lang);

    pugi::xml_node md = add_el(pkg, "metadata");
    md.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    pugi::xml_node id = add_text_el(md, "dc:identifier", plan.identifier);
    set_attr(id, "id", "book-id");
    set_attr(add_text_el(md, "dc:title", plan.title), "id", "title");
    pugi::xml_node tt = add_text_el(md, "meta", "main");
    set_attr(tt, "refines", "#title");
    set_attr(tt, "property", "title-type");
    if (!plan.subtitle.empty()) {
        set_attr(add_text_el(md, "dc:title", plan.subtitle), "id", "subtitle");
        pugi::xml_node st = add_text_el(md, "meta", "subtitle");
        set_attr(st, "refines", "#subtitle");
        set_attr(st, "property", "title-type");
    }
    for (std::size_t i = 0; i < plan.authors.size(); ++i) {
        std::string cid = "creator" + std::to_string(i + 1);
        set_attr(add_text_el(md, "dc:creator", plan.authors[i]), "id", cid);
        pugi::xml_node role = add_text_el(md, "meta", "aut");
        set_attr(role, "refines", "#" + cid);
        set_attr(role, "property", "role");
        set_attr(role, "scheme", "marc:relators");
    }
    add_text_el(md, "dc:language", plan.lang);
    if (!plan.date.empty()) add_text_el(md, "dc:date", plan.date);
    if (!plan.description.empty()) add_text_el(md, "dc:description", plan.description);
    for (const auto& s : plan.subjects) add_text_el(md, "dc:subject", s);
    set_attr(add_text_el(md, "meta", plan.modified), "property", "dcterms:modified");
    // Accessibility metadata (schema.org, a reserved prefix in EPUB 3): what the package offers.
    auto a11y = [&](const char* property, const char* value) {
        pugi::xml_node m = add_text_el(md, "meta", value);
        set_attr(m, "property", property);
        return m;
    };
    bool images = !plan.assets.empty();
    a11y("schema:accessMode", "textual");
    if (images) a11y("schema:accessMode", "visual");
    a11y("schema:accessModeSufficient", "textual");
    if (images) a11y("schema:accessModeSufficient", "textual,visual");
    for (const char* f :
         {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"})
        a11y("schema:accessibilityFeature", f);
    if (images) a11y("schema:accessibilityFeature", "alternativeText");
    a11y("schema:accessibilityHazard", "none");
    set_attr(a11y("schema:accessibilitySummary", kAccessibilitySummary), "xml:lang", "en");
    // Checked by DAISY Ace in tests/validate (0 critical, 0 serious) on every book we build.
    a11y("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    if (!cover_image_id.empty()) {  // EPUB 2 readers find the cover this way
        pugi::xml_node m = add_el(md, "meta");
        set_attr(m, "name", "cover");
        set_attr(m, "content", cover_image_id);
    }

    pugi::xml_node man = add_el(pkg, "manifest");
    for (const auto& item : manifest) {
        pugi::xml_node it = add_el(man, "item");
        set_attr(it, "id", item.id);
        set_attr(it, "href", item.href);
        set_attr(it, "media-type", item.media_type);
        if (!item.properties.empty()) set_attr(it, "properties", item.properties);
    }
    pugi::xml_node sp = add_el(pkg, "spine");
    set_attr(sp, "toc", "ncx");
    set_attr(sp, "page-progression-direction", "ltr");
    for (const auto& s : spine) {
        pugi::xml_node ref = add_el(sp, "itemref");
        set_attr(ref, "idref", s.idref);
        if (!s.linear) set_attr(ref, "linear", "no");
    }
    return save_xml(doc);
}

std::string render_container(const std::string& opf_path) {
    pugi::xml_document doc;
    add_declaration(doc);
    pugi::xml_node c = doc.append_child("container");
    c.append_attribute("version") = "1.0";
    c.append_attribute("xmlns") = "urn:oasis:names:tc:opendocument:xmlns:container";
    pugi::xml_node rf = add_el(add_el(c, "rootfiles"), "rootfile");
    set_attr(rf, "full-path", opf_path);
    set_attr(rf, "media-type", "application/oebps-package+xml");
    return save_xml(doc);
}

}  // namespace bookc::epub
