#include "write/epub/documents.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {

namespace {
std::string join_authors(const std::vector<std::string>& authors) {
    std::string out;
    for (const auto& a : authors) out += (out.empty() ? "" : "、") + a;
    return out;
}
}  // namespace

std::string render_cover(const Plan& plan, std::set<char32_t>* chars) {
    XhtmlDoc d;
    init_xhtml(d, plan.lang, plan.title, "../css/book.css");
    set_attr(d.body, "class", "cover-page");
    pugi::xml_node sec = add_el(d.body, "section");
    set_attr(sec, "epub:type", "cover");
    if (plan.cover_asset >= 0) {
        set_attr(sec, "class", "cover cover-image");
        pugi::xml_node img = add_el(sec, "img");
        set_attr(img, "src", "../" + plan.assets.at(plan.cover_asset).href);
        set_attr(img, "alt", plan.title);
    } else {
        set_attr(sec, "class", "cover generated-cover");
        pugi::xml_node box = add_el(sec, "div", "cover-box");
        add_text_el(box, "h1", plan.title, "cover-title");
        if (!plan.subtitle.empty()) add_text_el(box, "p", plan.subtitle, "cover-subtitle");
        if (!plan.authors.empty())
            add_text_el(box, "p", join_authors(plan.authors), "cover-authors");
    }
    return save_xhtml(d.doc, chars);
}

std::string render_title_page(const Plan& plan, std::set<char32_t>* chars) {
    XhtmlDoc d;
    init_xhtml(d, plan.lang, plan.title, "../css/book.css");
    set_attr(d.body, "epub:type", "frontmatter");
    pugi::xml_node sec = add_el(d.body, "section", "titlepage");
    set_attr(sec, "epub:type", "titlepage");
    add_text_el(sec, "h1", plan.title, "book-title");
    if (!plan.subtitle.empty()) add_text_el(sec, "p", plan.subtitle, "book-subtitle");
    if (!plan.authors.empty()) add_text_el(sec, "p", join_authors(plan.authors), "book-authors");
    if (!plan.description.empty()) add_text_el(sec, "p", plan.description, "book-description");
    if (!plan.date.empty()) add_text_el(sec, "p", plan.date, "book-date");
    return save_xhtml(d.doc, chars);
}

std::string render_part_page(const Plan& plan, const PartPlan& part, std::set<char32_t>* chars) {
    XhtmlDoc d;
    init_xhtml(d, plan.lang, part.title, "../css/book.css");
    set_attr(d.body, "epub:type", "bodymatter");
    pugi::xml_node sec = add_el(d.body, "section", "part");
    set_attr(sec, "epub:type", "part");
    set_attr(sec, "role", "doc-part");
    set_attr(sec, "id", part.id);
    add_text_el(sec, "h1", part.title, "part-title");
    return save_xhtml(d.doc, chars);
}

}  // namespace bookc::epub
