// Private to load/: small gumbo tree helpers shared by the HTML converter's files.
#pragma once
#include <algorithm>
#include <string>

#include <gumbo.h>

#include "load/context.hpp"

namespace bookc::load {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

inline const GumboVector& children_of(const GumboNode* n) {
    static const GumboVector kEmpty{nullptr, 0, 0};
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
        return n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT) return n->v.document.children;
    return kEmpty;
}

template <class F>
void for_children(const GumboNode* n, F&& f) {
    const GumboVector& ch = children_of(n);
    for (unsigned i = 0; i < ch.length; ++i) f(static_cast<const GumboNode*>(ch.data[i]));
}

inline bool contains_media(const GumboNode* n, int depth) {
    if (depth > kMaxDepth || n->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_AUDIO || t == GUMBO_TAG_VIDEO) return true;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
        if (contains_media(static_cast<const GumboNode*>(ch.data[i]), depth + 1)) return true;
    return false;
}

inline bool is_block_tag(const std::string& t) {
    static constexpr const char* kBlock[] = {
        "address", "article", "aside", "blockquote", "body",       "center", "details", "dd",
        "div",     "dl",      "dt",    "fieldset",   "figcaption", "figure", "footer",  "h1",
        "h2",      "h3",      "h4",    "h5",         "h6",         "header", "hgroup",  "hr",
        "html",    "li",      "main",  "nav",        "ol",         "p",      "pre",     "section",
        "summary", "table",   "ul",    "audio",      "video",      "legend", "caption", "tbody",
        "thead",   "tfoot",   "tr"};
    for (const char* k : kBlock)
        if (t == k) return true;
    return false;
}

inline int heading_level(const std::string& t) {
    if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return t[1] - '0';
    return 0;
}

inline base::Span join_spans(const model::Inlines& in, base::Span fallback) {
    base::Span s;
    for (const auto& i : in) {
        if (!i.span.valid()) continue;
        if (!s.valid()) {
            s = i.span;
        } else if (i.span.file == s.file) {
            s.begin = std::min(s.begin, i.span.begin);
            s.end = std::max(s.end, i.span.end);
        }
    }
    return s.valid() ? s : fallback;
}

}  // namespace bookc::load
