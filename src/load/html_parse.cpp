// Parsing HTML with gumbo, guarded against input that would make it slow.
#include "load/html.hpp"

#include <cstring>

#include "load/text.hpp"

namespace bookc::load {

void GumboOutputDeleter::operator()(GumboOutput* out) const {
    if (out) gumbo_destroy_output(&kGumboDefaultOptions, out);
}

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
}

// Elements that never nest (void) or close themselves implicitly: they do not add depth.
bool adds_no_depth(const std::string& name) {
    static constexpr const char* kNames[] = {
        "area",  "base",  "br",     "col",      "embed", "hr",       "img",     "input",
        "link",  "meta",  "param",  "source",   "track", "wbr",      "p",       "li",
        "dt",    "dd",    "option", "optgroup", "tr",    "td",       "th",      "tbody",
        "thead", "tfoot", "rb",     "rt",       "rp",    "colgroup", "caption", "bookc-ph"};
    for (const char* k : kNames)
        if (name == k) return true;
    return false;
}

bool is_raw_text(const std::string& name) {
    return name == "script" || name == "style" || name == "textarea" || name == "title" ||
           name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
           name == "plaintext";
}

// A lexical estimate of element nesting (no tree is built): returns the offset where
// the nesting first exceeds `limit`, or npos. Gumbo's tree building is quadratic in the
// depth of unclosed elements, so such input is cut before it reaches gumbo.
std::size_t find_too_deep(std::string_view s, int limit) {
    int depth = 0;
    std::size_t i = 0;
    while ((i = s.find('<', i)) != std::string_view::npos) {
        if (s.compare(i, 4, "<!--") == 0) {
            std::size_t e = s.find("-->", i + 4);
            if (e == std::string_view::npos) return std::string_view::npos;
            i = e + 3;
            continue;
        }
        bool closing = i + 1 < s.size() && s[i + 1] == '/';
        std::size_t j = i + (closing ? 2 : 1);
        std::size_t name_start = j;
        while (j < s.size() && is_name_char(s[j])) ++j;
        if (j == name_start) {
            ++i;
            continue;
        }
        std::string name = to_lower_ascii(s.substr(name_start, j - name_start));
        // Skip attributes, honouring quotes.
        char quote = 0;
        bool self_closing = false;
        while (j < s.size()) {
            char c = s[j];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                self_closing = j > 0 && s[j - 1] == '/';
                break;
            }
            ++j;
        }
        if (j >= s.size()) return std::string_view::npos;
        std::size_t tag_start = i;
        i = j + 1;
        if (closing) {
            if (!adds_no_depth(name) && depth > 0) --depth;
            continue;
        }
        if (is_raw_text(name)) {
            std::string close = "</" + name;
            std::size_t k = i;
            for (;;) {
                k = s.find("</", k);
                if (k == std::string_view::npos) return std::string_view::npos;
                if (to_lower_ascii(s.substr(k, close.size())) == close) break;
                k += 2;
            }
            i = k;
            continue;
        }
        if (self_closing || adds_no_depth(name)) continue;
        if (++depth > limit) return tag_start;
    }
    return std::string_view::npos;
}

}  // namespace

ParsedHtml parse_html(std::string text, bool fragment) {
    ParsedHtml p;
    std::size_t cut = find_too_deep(text, 4 * kMaxDepth);
    if (cut != std::string::npos) {
        text.resize(cut);
        p.truncated_at = cut;
    }
    p.text = std::make_unique<std::string>(std::move(text));
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;  // we do not report HTML syntax errors; do not collect them
    if (fragment) opts.fragment_context = GUMBO_TAG_BODY;
    p.output.reset(gumbo_parse_with_options(&opts, p.text->data(), p.text->size()));
    p.root = p.output ? p.output->root : nullptr;
    return p;
}

std::string tag_name(const GumboNode* n) {
    if (!n || (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)) return {};
    const GumboElement& e = n->v.element;
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece piece = e.original_tag;
    if (!piece.data || !piece.length) return {};
    gumbo_tag_from_original_text(&piece);
    return to_lower_ascii(std::string_view(piece.data, piece.length));
}

const char* attr(const GumboNode* n, const char* name) {
    if (!n || n->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

bool is_dropped_element(const GumboNode* n) {
    static constexpr const char* kDropped[] = {
        "script",   "style",  "iframe",   "object",   "embed", "form",  "noscript",
        "template", "frame",  "frameset", "applet",   "base",  "meta",  "link",
        "input",    "button", "select",   "textarea", "head",  "title", "svg",
        "math",     "canvas", "param",    "dialog"};
    if (n->type == GUMBO_NODE_TEMPLATE) return true;
    std::string t = tag_name(n);
    for (const char* d : kDropped)
        if (t == d) return true;
    return false;
}

namespace {
void collect_text(const GumboNode* n, std::string& out, int depth) {
    if (depth > 4 * kMaxDepth + 16) return;
    switch (n->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            out += n->v.text.text;
            return;
        case GUMBO_NODE_ELEMENT: {
            if (is_dropped_element(n)) return;
            if (n->v.element.tag == GUMBO_TAG_BR) {
                out += '\n';
                return;
            }
            const GumboVector& ch = n->v.element.children;
            for (unsigned i = 0; i < ch.length; ++i)
                collect_text(static_cast<const GumboNode*>(ch.data[i]), out, depth + 1);
            return;
        }
        default:
            return;
    }
}
}  // namespace

std::string node_text(const GumboNode* n) {
    std::string out;
    if (!n) return out;
    if (n->type != GUMBO_NODE_ELEMENT) {
        collect_text(n, out, 0);
        return out;
    }
    // The node itself may be a dropped element (e.g. <title>): only its descendants are
    // filtered.
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
        collect_text(static_cast<const GumboNode*>(ch.data[i]), out, 1);
    return out;
}

}  // namespace bookc::load
