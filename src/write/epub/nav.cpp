#include <functional>

#include "write/epub/documents.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {

namespace {
// The TOC as a tree, shared by nav.xhtml and toc.ncx.
struct TocEntry {
    std::string title;
    std::string href;  // relative to the package folder
    std::vector<TocEntry> children;
};

TocEntry chapter_entry(const ChapterPlan& cp) {
    TocEntry e{cp.title, cp.href, {}};
    for (const auto& s : cp.sections)
        e.children.push_back({s.title.empty() ? cp.title : s.title, cp.href + "#" + s.id, {}});
    return e;
}

std::vector<TocEntry> toc_tree(const Plan& plan) {
    std::vector<TocEntry> out;
    for (const auto& [is_part, index] : plan.top) {
        if (is_part) {
            const PartPlan& p = plan.parts[index];
            TocEntry e{p.title, p.href, {}};
            for (int c : p.chapters) e.children.push_back(chapter_entry(plan.chapters[c]));
            out.push_back(std::move(e));
        } else {
            out.push_back(chapter_entry(plan.chapters[index]));
        }
    }
    return out;
}

void nav_list(pugi::xml_node parent, const std::vector<TocEntry>& entries) {
    pugi::xml_node ol = add_el(parent, "ol");
    for (const auto& e : entries) {
        pugi::xml_node li = add_el(ol, "li");
        pugi::xml_node a = add_el(li, "a");
        set_attr(a, "href", e.href);
        add_text(a, e.title);
        if (!e.children.empty()) nav_list(li, e.children);
    }
}

int depth_of(const std::vector<TocEntry>& entries) {
    int d = 0;
    for (const auto& e : entries) d = std::max(d, 1 + depth_of(e.children));
    return d;
}
}  // namespace

std::string render_nav(const Plan& plan, std::set<char32_t>* chars) {
    XhtmlDoc d;
    init_xhtml(d, plan.lang, "目录", "css/book.css");
    set_attr(d.body, "epub:type", "frontmatter");
    set_attr(d.body, "class", "toc-page");
    pugi::xml_node toc = add_el(d.body, "nav", "toc");
    set_attr(toc, "epub:type", "toc");
    set_attr(toc, "id", "toc");
    set_attr(toc, "role", "doc-toc");
    add_text_el(toc, "h1", "目录", "toc-title");
    auto tree = toc_tree(plan);
    if (tree.empty()) tree.push_back({plan.title, "text/titlepage.xhtml", {}});
    nav_list(toc, tree);

    pugi::xml_node lm = add_el(d.body, "nav", "landmarks");
    set_attr(lm, "epub:type", "landmarks");
    set_attr(lm, "hidden", "hidden");
    add_text_el(lm, "h2", "导览");
    pugi::xml_node ol = add_el(lm, "ol");
    auto landmark = [&](const char* type, const std::string& href, const char* label) {
        pugi::xml_node a = add_el(add_el(ol, "li"), "a");
        set_attr(a, "epub:type", type);
        set_attr(a, "href", href);
        add_text(a, label);
    };
    landmark("cover", "text/cover.xhtml", "封面");
    landmark("titlepage", "text/titlepage.xhtml", "书名页");
    landmark("toc", "nav.xhtml#toc", "目录");
    if (!plan.chapters.empty()) {
        const auto& first = plan.top.front();
        landmark("bodymatter",
                 first.first ? plan.parts[first.second].href : plan.chapters[first.second].href,
                 "正文");
    }
    return save_xhtml(d.doc, chars);
}

std::string render_ncx(const Plan& plan) {
    pugi::xml_document doc;
    add_declaration(doc);
    pugi::xml_node ncx = doc.append_child("ncx");
    ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
    ncx.append_attribute("version") = "2005-1";
    set_attr(ncx, "xml:lang", plan.lang);
    auto tree = toc_tree(plan);
    if (tree.empty()) tree.push_back({plan.title, "text/titlepage.xhtml", {}});
    pugi::xml_node head = add_el(ncx, "head");
    auto meta = [&](const char* name, const std::string& content) {
        pugi::xml_node m = add_el(head, "meta");
        set_attr(m, "name", name);
        set_attr(m, "content", content);
    };
    meta("dtb:uid", plan.identifier);
    meta("dtb:depth", std::to_string(depth_of(tree)));
    meta("dtb:totalPageCount", "0");
    meta("dtb:maxPageNumber", "0");
    add_text_el(add_el(ncx, "docTitle"), "text", plan.title);
    for (const auto& a : plan.authors) add_text_el(add_el(ncx, "docAuthor"), "text", a);
    pugi::xml_node map = add_el(ncx, "navMap");
    int order = 0;
    std::function<void(pugi::xml_node, const std::vector<TocEntry>&)> points =
        [&](pugi::xml_node parent, const std::vector<TocEntry>& entries) {
            for (const auto& e : entries) {
                ++order;
                pugi::xml_node np = add_el(parent, "navPoint");
                set_attr(np, "id", "np-" + std::to_string(order));
                set_attr(np, "playOrder", std::to_string(order));
                add_text_el(add_el(np, "navLabel"), "text", e.title);
                set_attr(add_el(np, "content"), "src", e.href);
                points(np, e.children);
            }
        };
    points(map, tree);
    return save_xml(doc);
}

}  // namespace bookc::epub
