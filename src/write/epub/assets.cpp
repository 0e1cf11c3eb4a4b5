#include "write/epub/assets.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

#include "write/epub/xml.hpp"

namespace bookc::epub {

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool local_name_is(const char* name, std::string_view local) {
    std::string_view n = name;
    auto colon = n.rfind(':');
    if (colon != std::string_view::npos) n = n.substr(colon + 1);
    return lower(n) == local;
}

// Only same-document references (#id) may stay in an SVG href.
bool unsafe_href(std::string_view v) {
    std::string s;
    for (char c : v)
        if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    return s.empty() || s[0] != '#';
}

void clean_svg_node(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (c.type() == pugi::node_element) {
            if (local_name_is(c.name(), "script") || local_name_is(c.name(), "foreignobject") ||
                local_name_is(c.name(), "iframe") || local_name_is(c.name(), "object") ||
                local_name_is(c.name(), "embed") || local_name_is(c.name(), "handler") ||
                local_name_is(c.name(), "set") || local_name_is(c.name(), "animate")) {
                n.remove_child(c);
            } else {
                // Links cannot be followed in an image; keep their content as a group.
                if (local_name_is(c.name(), "a")) c.set_name("g");
                clean_svg_node(c);
            }
        } else if (c.type() == pugi::node_pi || c.type() == pugi::node_doctype) {
            n.remove_child(c);
        }
        c = next;
    }
    std::vector<std::string> drop;
    for (pugi::xml_attribute a : n.attributes()) {
        std::string name = lower(a.name());
        std::string_view local = name;
        if (auto colon = local.rfind(':'); colon != std::string_view::npos)
            local = local.substr(colon + 1);
        if (local.substr(0, 2) == "on")
            drop.push_back(a.name());
        else if (local == "href" && unsafe_href(a.value()))
            drop.push_back(a.name());
        else if (lower(a.value()).find("javascript:") != std::string::npos)
            drop.push_back(a.name());
    }
    for (const auto& d : drop) n.remove_attribute(d.c_str());
}
}  // namespace

bool is_core_image_type(std::string_view t) {
    return t == "image/png" || t == "image/jpeg" || t == "image/gif" || t == "image/svg+xml";
}

std::string image_extension(std::string_view t) {
    if (t == "image/png") return "png";
    if (t == "image/jpeg") return "jpg";
    if (t == "image/gif") return "gif";
    if (t == "image/svg+xml") return "svg";
    return "bin";
}

std::optional<std::string> sanitize_svg(std::string_view svg) {
    pugi::xml_document doc;
    // No DOCTYPE (entities), no processing instructions kept.
    auto res = doc.load_buffer(svg.data(), svg.size(), pugi::parse_default & ~pugi::parse_doctype);
    if (!res) return std::nullopt;
    pugi::xml_node root = doc.document_element();
    if (!root || !local_name_is(root.name(), "svg")) return std::nullopt;
    // Drop everything outside the root element (comments, PIs), then clean inside.
    for (pugi::xml_node c = doc.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (c != root) doc.remove_child(c);
        c = next;
    }
    clean_svg_node(root);
    if (!root.attribute("xmlns")) root.append_attribute("xmlns") = "http://www.w3.org/2000/svg";
    pugi::xml_document out;
    add_declaration(out);
    out.append_copy(root);
    return save_xml(out);
}

}  // namespace bookc::epub
