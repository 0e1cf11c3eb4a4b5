// Converting gumbo nodes to model inlines: text with collapsed whitespace, emphasis,
// links (sanitised), images (resolved), line breaks, Markdown placeholders.
#include <cstdlib>

#include "load/html.hpp"
#include "load/html_tree.hpp"
#include "load/images.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

// Adds collapsed whitespace: a SoftBreak when it held a newline, else one space.
void add_space(model::Inlines& out, bool newline, base::Span span) {
    if (!out.empty()) {
        const Inline& b = out.back();
        if (b.kind == InlineKind::SoftBreak || b.kind == InlineKind::LineBreak) return;
        if (b.kind == InlineKind::Text && !b.text.empty() && b.text.back() == ' ') {
            if (!newline) return;
            out.back().text.pop_back();
            if (out.back().text.empty()) out.pop_back();
        }
    }
    if (newline) {
        Inline br;
        br.kind = InlineKind::SoftBreak;
        br.span = span;
        out.push_back(std::move(br));
    } else {
        append_text(out, " ", span);
    }
}

}  // namespace

void HtmlConverter::inlines(const GumboNode* container, model::Inlines& out, int depth) {
    for_children(container, [&](const GumboNode* c) { inline_node(c, out, depth + 1); });
}

void HtmlConverter::lines(const GumboNode* container, model::Inlines& out) {
    bool was = keep_lines_;
    keep_lines_ = true;
    inlines(container, out);
    keep_lines_ = was;
}

void HtmlConverter::text(const GumboNode* n, model::Inlines& out) {
    std::string_view s = n->v.text.text;
    base::Span sp = span_of(n);
    if (in_pre_) {
        append_text(out, s, sp);
        return;
    }
    if (keep_lines_) {
        // "<br>\n" is one line break, not two.
        const GumboNode* prev = nullptr;
        if (n->parent && n->parent->type == GUMBO_NODE_ELEMENT && n->index_within_parent > 0)
            prev = static_cast<const GumboNode*>(
                n->parent->v.element.children.data[n->index_within_parent - 1]);
        if (prev && tag_name(prev) == "br") {
            if (!s.empty() && s[0] == '\r') s.remove_prefix(1);
            if (!s.empty() && s[0] == '\n') s.remove_prefix(1);
        }
        for (std::size_t k; (k = s.find('\n')) != std::string_view::npos; s.remove_prefix(k + 1)) {
            std::string_view piece = s.substr(0, k);
            if (!piece.empty() && piece.back() == '\r') piece.remove_suffix(1);
            if (!piece.empty()) append_text(out, piece, sp);
            Inline br;
            br.kind = InlineKind::LineBreak;
            br.span = sp;
            out.push_back(std::move(br));
        }
        if (!s.empty()) append_text(out, s, sp);
        return;
    }
    std::string run;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_ascii_space(s[i])) {
            bool nl = false;
            while (i < s.size() && is_ascii_space(s[i])) nl |= s[i++] == '\n';
            if (!run.empty()) append_text(out, run, sp);
            run.clear();
            add_space(out, nl, sp);
            continue;
        }
        run += s[i++];
    }
    if (!run.empty()) append_text(out, run, sp);
}

void HtmlConverter::inline_node(const GumboNode* n, model::Inlines& out, int depth) {
    if (skip_.count(n)) return;
    switch (n->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            text(n, out);
            return;
        case GUMBO_NODE_ELEMENT:
            break;
        default:
            return;  // comments, templates
    }
    if (math_node(n, out)) return;
    if (tag_name(n) == "svg") {
        ctx_.not_rendered(span_of(n), "inline SVG (<svg>)", "it is left out");
        return;
    }
    if (is_dropped_element(n)) return;
    if (depth > kMaxDepth) {
        ctx_.warn_depth(span_of(n));
        append_text(out, node_text(n), span_of(n));
        return;
    }
    std::string t = tag_name(n);
    base::Span sp = span_of(n);
    Inline in;
    in.span = sp;
    if (t == "strong" || t == "b") {
        in.kind = InlineKind::Strong;
    } else if (t == "em" || t == "i" || t == "cite" || t == "dfn" || t == "var") {
        in.kind = InlineKind::Emph;
    } else if (t == "s" || t == "del" || t == "strike") {
        in.kind = InlineKind::Strike;
    } else if (t == "code" || t == "kbd" || t == "samp" || t == "tt") {
        in.kind = InlineKind::Code;
        std::string raw = node_text(n);
        for (char& c : raw)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        in.text = std::move(raw);
        if (!in.text.empty()) out.push_back(std::move(in));
        return;
    } else if (t == "a") {
        const char* href = attr(n, "href");
        std::string url = href ? safe_url(href) : std::string();
        if (url.empty()) {  // unsafe or missing target: keep the text only
            inlines(n, out, depth);
            return;
        }
        in.kind = InlineKind::Link;
        in.url = url;
        if (const char* ti = attr(n, "title")) in.title = ti;
    } else if (t == "img") {
        in.kind = InlineKind::Image;
        if (const char* alt = attr(n, "alt")) in.text = alt;
        if (const char* ti = attr(n, "title")) in.title = ti;
        resolve_image(ctx_, attr(n, "src") ? attr(n, "src") : "", sp, in);
        out.push_back(std::move(in));
        return;
    } else if (t == "br") {
        in.kind = InlineKind::LineBreak;
        if (!out.empty() && out.back().kind == InlineKind::SoftBreak) out.pop_back();
        out.push_back(std::move(in));
        return;
    } else if (t == "bookc-ph" && placeholders_) {
        const char* idx = attr(n, "data-i");
        std::size_t k = idx ? static_cast<std::size_t>(std::strtoul(idx, nullptr, 10)) : SIZE_MAX;
        if (k >= placeholders_->size()) return;
        const Inline& ph = (*placeholders_)[k];
        // The newline after "<br />" is not a second break.
        if (ph.kind == InlineKind::SoftBreak && !out.empty() &&
            out.back().kind == InlineKind::LineBreak)
            return;
        append_inline(out, ph);
        return;
    } else if (t == "audio" || t == "video") {
        if (const char* ti = attr(n, "title"))
            if (media_title.empty()) media_title = ti;
        return;
    } else if (t == "pre") {
        bool was = in_pre_;
        in_pre_ = true;
        in.kind = InlineKind::Code;
        in.text = node_text(n);
        in_pre_ = was;
        out.push_back(std::move(in));
        return;
    } else {
        // span, font, u, sup, unknown elements: transparent. Block elements met inside
        // inline content are separated by line breaks.
        if (t == "u" || t == "ins")
            ctx_.not_rendered(sp, "underlined text (<" + t + ">)", "it is set as plain text");
        else if (t == "ruby")
            ctx_.not_rendered(sp, "ruby annotation (<ruby>)",
                              "the base text and its annotation are set one after the other");
        else if (n->v.element.tag == GUMBO_TAG_UNKNOWN && t != "bookc-ph")
            ctx_.not_rendered(sp, "the unknown element <" + t + ">");
        bool block = is_block_tag(t);
        auto sep = [&] {
            if (!out.empty() && out.back().kind != InlineKind::LineBreak) {
                Inline br;
                br.kind = InlineKind::LineBreak;
                br.span = sp;
                out.push_back(std::move(br));
            }
        };
        if (block) sep();
        inlines(n, out, depth);
        if (block) sep();
        return;
    }
    inlines(n, in.children, depth);
    if (in.kind == InlineKind::Link && in.children.empty()) append_text(in.children, in.url, sp);
    if (in.children.empty()) return;
    out.push_back(std::move(in));
}

}  // namespace bookc::load
