// Markdown inlines (with inline HTML reassembled through gumbo) and footnotes.
#include "load/html.hpp"
#include "load/images.hpp"
#include "load/markdown_convert.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {
using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;
}  // namespace

void MdConverter::inlines(cmark_node* parent, model::Inlines& out, int depth, bool as_blocks,
                          model::Blocks* blocks_out) {
    bool has_html = false;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
        has_html |= cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE;
    if (!has_html) {
        for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
            inline_node(c, out, depth + 1);
        return;
    }
    // Inline HTML: cmark hands over tags one by one. Reassemble the run as HTML in which
    // every non-HTML node is a placeholder element, let gumbo build the tree, and put
    // the already-converted inlines back in.
    model::Inlines placeholders;
    std::string html;
    OffsetMap map;
    map.exact = false;
    map.fallback = span(parent);
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE) {
            const char* lit = cmark_node_get_literal(c);
            std::string l = lit ? lit : "";
            base::Span s = span(c, map.fallback);
            if (s.end - s.begin == l.size() && ctx_.file.text.compare(s.begin, l.size(), l) == 0)
                map.pieces.push_back({static_cast<std::uint32_t>(html.size()),
                                      static_cast<std::uint32_t>(html.size() + l.size()), s.begin});
            html += l;
            continue;
        }
        model::Inlines tmp;
        inline_node(c, tmp, depth + 1);
        for (auto& t : tmp) {
            html += "<bookc-ph data-i=\"" + std::to_string(placeholders.size()) + "\"></bookc-ph>";
            placeholders.push_back(std::move(t));
        }
    }
    ParsedHtml parsed = parse_html(std::move(html), true);
    if (parsed.truncated_at != std::string::npos)
        ctx_.diags.warning(map.fallback,
                           "HTML nested too deeply; the rest of this paragraph was dropped");
    if (!parsed.root) return;
    HtmlConverter conv(ctx_, map);
    conv.set_placeholders(&placeholders);
    if (as_blocks && blocks_out)
        conv.blocks(parsed.root, *blocks_out, depth);
    else
        conv.inlines(parsed.root, out, depth);
    if (result.media_title.empty()) result.media_title = conv.media_title;
}

void MdConverter::inline_node(cmark_node* n, model::Inlines& out, int depth) {
    Inline in;
    in.span = span(n, span(cmark_node_parent(n)));
    auto lit = [&] {
        const char* l = cmark_node_get_literal(n);
        return std::string(l ? l : "");
    };
    if (depth > kMaxDepth) {
        ctx_.warn_depth(in.span);
        append_text(out, flat_text(n), in.span);
        return;
    }
    std::string ext = type_string(n);
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
            append_text(out, lit(), in.span);
            return;
        case CMARK_NODE_SOFTBREAK:
            in.kind = InlineKind::SoftBreak;
            break;
        case CMARK_NODE_LINEBREAK:
            in.kind = InlineKind::LineBreak;
            break;
        case CMARK_NODE_CODE:
            in.kind = InlineKind::Code;
            in.text = lit();
            break;
        case CMARK_NODE_EMPH:
            in.kind = InlineKind::Emph;
            inlines(n, in.children, depth);
            break;
        case CMARK_NODE_STRONG:
            in.kind = InlineKind::Strong;
            inlines(n, in.children, depth);
            break;
        case CMARK_NODE_LINK: {
            const char* url = cmark_node_get_url(n);
            in.url = safe_url(url ? url : "");
            if (in.url.empty()) {  // unsafe target: keep the text only
                inlines(n, out, depth);
                return;
            }
            in.kind = InlineKind::Link;
            if (const char* t = cmark_node_get_title(n)) in.title = t;
            inlines(n, in.children, depth);
            break;
        }
        case CMARK_NODE_IMAGE: {
            in.kind = InlineKind::Image;
            in.text = flat_text(n);
            if (const char* t = cmark_node_get_title(n)) in.title = t;
            const char* url = cmark_node_get_url(n);
            resolve_image(ctx_, url ? url : "", in.span, in);
            break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
            in.kind = InlineKind::FootnoteRef;
            in.text = label_at(n, false);
            auto it = numbers_.find(in.text);
            if (it == numbers_.end())
                it = numbers_.emplace(in.text, static_cast<int>(numbers_.size()) + 1).first;
            in.number = it->second;
            break;
        }
        case CMARK_NODE_HTML_INLINE:
            return;  // handled by inlines()
        default:
            if (ext == "strikethrough") {
                in.kind = InlineKind::Strike;
                inlines(n, in.children, depth);
                break;
            }
            append_text(out, flat_text(n), in.span);
            return;
    }
    out.push_back(std::move(in));
}

void MdConverter::finish_footnotes() {
    std::vector<model::Footnote> fns(numbers_.size());
    for (const auto& [label, number] : numbers_) {
        model::Footnote& f = fns[static_cast<std::size_t>(number - 1)];
        f.label = label;
        f.number = number;
        f.id = "fn-" + std::to_string(number);
        auto d = defs_.find(label);
        if (d != defs_.end()) {
            f.blocks = std::move(d->second.blocks);
            f.span = d->second.span;
        }
    }
    result.footnotes = std::move(fns);
}

}  // namespace bookc::load
