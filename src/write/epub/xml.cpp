#include "write/epub/xml.hpp"

#include <sstream>

#include "base/utf8.hpp"

namespace bookc::epub {

namespace {
bool xml_allowed(char32_t c) {
    if (c == '\t' || c == '\n' || c == '\r') return true;
    if (c < 0x20) return false;
    if (c >= 0x7F && c <= 0x9F) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    if (c == 0xFFFE || c == 0xFFFF) return false;
    if (c > 0x10FFFF) return false;
    return true;
}

bool is_void_element(std::string_view n) {
    return n == "br" || n == "img" || n == "hr" || n == "link" || n == "meta" || n == "col" ||
           n == "wbr" || n == "source" || n == "area" || n == "input" || n == "base" ||
           n == "track" || n == "embed" || n == "param";
}

void finish_node(pugi::xml_node n, std::set<char32_t>* chars) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) {
            finish_node(c, chars);
        } else if (chars && (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)) {
            std::string_view v = c.value();
            for (std::size_t i = 0; i < v.size();) chars->insert(base::next_codepoint(v, i));
        }
    }
    if (n.type() == pugi::node_element && !n.first_child() && !is_void_element(n.name()))
        n.append_child(pugi::node_pcdata);
}
}  // namespace

std::string xml_clean(std::string_view s) {
    bool simple = true;
    for (unsigned char c : s) {
        if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            simple = false;
            break;
        }
    }
    if (simple) return std::string(s);
    std::string valid = base::sanitize_utf8(s);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size();) {
        char32_t c = base::next_codepoint(valid, i);
        if (xml_allowed(c)) base::append_utf8(out, c);
    }
    return out;
}

pugi::xml_node add_el(pugi::xml_node parent, const char* name, std::string_view cls) {
    pugi::xml_node n = parent.append_child(name);
    if (!cls.empty()) set_attr(n, "class", cls);
    return n;
}

void add_text(pugi::xml_node parent, std::string_view text) {
    if (text.empty()) return;
    std::string clean = xml_clean(text);
    if (clean.empty()) return;
    pugi::xml_node last = parent.last_child();
    if (last && last.type() == pugi::node_pcdata) {
        std::string merged = last.value();
        merged += clean;
        last.set_value(merged.c_str());
        return;
    }
    parent.append_child(pugi::node_pcdata).set_value(clean.c_str());
}

void set_attr(pugi::xml_node node, const char* name, std::string_view value) {
    std::string clean = xml_clean(value);
    pugi::xml_attribute a = node.attribute(name);
    if (!a) a = node.append_attribute(name);
    a.set_value(clean.c_str());
}

pugi::xml_node add_text_el(pugi::xml_node parent, const char* name, std::string_view text,
                           std::string_view cls) {
    pugi::xml_node n = add_el(parent, name, cls);
    add_text(n, text);
    return n;
}

void add_declaration(pugi::xml_document& doc) {
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
}

void init_xhtml(XhtmlDoc& d, std::string_view lang, std::string_view title,
                std::string_view css_href) {
    add_declaration(d.doc);
    d.doc.append_child(pugi::node_doctype).set_value("html");
    d.html = d.doc.append_child("html");
    d.html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
    d.html.append_attribute("xmlns:epub") = "http://www.idpf.org/2007/ops";
    set_attr(d.html, "lang", lang);
    set_attr(d.html, "xml:lang", lang);
    d.head = add_el(d.html, "head");
    pugi::xml_node meta = add_el(d.head, "meta");
    set_attr(meta, "charset", "UTF-8");
    add_text_el(d.head, "title", title);
    if (!css_href.empty()) {
        pugi::xml_node link = add_el(d.head, "link");
        set_attr(link, "rel", "stylesheet");
        set_attr(link, "type", "text/css");
        set_attr(link, "href", css_href);
    }
    d.body = add_el(d.html, "body");
}

std::string save_xhtml(pugi::xml_document& doc, std::set<char32_t>* chars) {
    for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) finish_node(c, chars);
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

std::string save_xml(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

bool is_language_tag(std::string_view s) {
    if (s.empty() || s.size() > 35) return false;
    std::size_t seg = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '-') {
            if (seg == 0) return false;
            seg = 0;
            continue;
        }
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum || ++seg > 8) return false;
        if (i == 0 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return seg > 0;
}

bool is_safe_id(std::string_view s) {
    if (s.empty() || s.size() > 100) return false;
    char f = s[0];
    if (!((f >= 'a' && f <= 'z') || (f >= 'A' && f <= 'Z'))) return false;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

}  // namespace bookc::epub
