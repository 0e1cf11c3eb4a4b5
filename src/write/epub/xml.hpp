// XML helpers shared by every XHTML/OPF/NCX writer of the EPUB package. All text and
// attribute values go through here, so invalid UTF-8 and XML-invalid characters never
// reach the output, and every document is saved the same (raw) way.
#pragma once
#include <pugixml.hpp>

#include <set>
#include <string>
#include <string_view>

namespace bookc::epub {

// Valid UTF-8 without characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/FFFF)
// or that HTML rejects (DEL and C1 controls).
std::string xml_clean(std::string_view s);

// Appends `name` under `parent`, with an optional class.
pugi::xml_node add_el(pugi::xml_node parent, const char* name, std::string_view cls = {});
// Appends cleaned text (merged into a preceding text node when there is one).
void add_text(pugi::xml_node parent, std::string_view text);
// Sets (or replaces) a cleaned attribute.
void set_attr(pugi::xml_node node, const char* name, std::string_view value);
// Element with text only.
pugi::xml_node add_text_el(pugi::xml_node parent, const char* name, std::string_view text,
                           std::string_view cls = {});

// A new XHTML document: declaration, doctype, <html> with namespaces and lang, <head>
// with <title> and the stylesheet link (when `css_href` is not empty).
struct XhtmlDoc {
    pugi::xml_document doc;
    pugi::xml_node html, head, body;
};
void init_xhtml(XhtmlDoc& d, std::string_view lang, std::string_view title,
                std::string_view css_href);

// Adds <?xml version="1.0" encoding="UTF-8"?>.
void add_declaration(pugi::xml_document& doc);

// Serialises raw (no indentation: it would add spaces inside CJK text). Non-void empty
// XHTML elements get an explicit end tag. When `chars` is given, every code point of the
// documents' text is added to it (for font subsetting).
std::string save_xhtml(pugi::xml_document& doc, std::set<char32_t>* chars = nullptr);
// Plain XML (OPF, NCX, container.xml): raw, self-closing empty elements.
std::string save_xml(const pugi::xml_document& doc);

// True for a language tag of the BCP 47 shape (letters, digits, hyphens).
bool is_language_tag(std::string_view s);
// True for a usable XML id made of ASCII letters, digits, '-', '_' and '.', starting with a letter.
bool is_safe_id(std::string_view s);

}  // namespace bookc::epub
