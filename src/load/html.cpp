// Converting a gumbo tree to model blocks (inline content: html_inline.cpp).
#include "load/html.hpp"

#include "load/math_input.hpp"

#include <algorithm>
#include <cstdlib>

#include "load/code_info.hpp"
#include "load/html_tree.hpp"
#include "load/text.hpp"

namespace bookc::load {

base::Span HtmlConverter::span_of(const GumboNode* n) const {
    if (!n || (!map_.exact && map_.pieces.empty())) return map_.fallback;
    std::uint32_t b = 0, e = 0;
    if (n->type == GUMBO_NODE_ELEMENT) {
        const GumboElement& el = n->v.element;
        b = static_cast<std::uint32_t>(el.start_pos.offset);
        e = static_cast<std::uint32_t>(el.end_pos.offset);
        if (e <= b) e = b + static_cast<std::uint32_t>(el.original_tag.length);
        if (e <= b) return map_.fallback;  // implied element
    } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
               n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_COMMENT) {
        b = static_cast<std::uint32_t>(n->v.text.start_pos.offset);
        e = b + static_cast<std::uint32_t>(n->v.text.original_text.length);
    } else {
        return map_.fallback;
    }
    if (!map_.exact) {
        for (const auto& p : map_.pieces)
            if (b >= p.begin && b < p.end)
                return ctx_.span(p.source + (b - p.begin),
                                 p.source + (std::min(e, p.end) - p.begin));
        return map_.fallback;
    }
    std::uint32_t lb = std::min(map_.base + b, map_.limit);
    std::uint32_t le = std::min(map_.base + e, map_.limit);
    return ctx_.span(lb, le);
}

void HtmlConverter::blocks(const GumboNode* container, model::Blocks& out, int depth) {
    model::Inlines pending;
    for_children(container, [&](const GumboNode* c) { block_node(c, out, pending, depth + 1); });
    flush(pending, out, span_of(container));
}

void HtmlConverter::flush(model::Inlines& pending, model::Blocks& out, base::Span at) {
    // Two or more line breaks in a row separate paragraphs (scraped pages use <br><br>).
    model::Inlines cur;
    auto emit = [&] {
        trim_inlines(cur);
        if (!inlines_empty(cur)) {
            Block p;
            p.kind = BlockKind::Paragraph;
            p.span = join_spans(cur, at);
            p.inlines = std::move(cur);
            split_display_math(std::move(p), out);
        }
        cur.clear();
    };
    for (std::size_t i = 0; i < pending.size(); ++i) {
        if (pending[i].kind == InlineKind::LineBreak) {
            std::size_t j = i + 1, breaks = 1;
            while (j < pending.size() &&
                   (pending[j].kind == InlineKind::LineBreak ||
                    pending[j].kind == InlineKind::SoftBreak ||
                    (pending[j].kind == InlineKind::Text && trim(pending[j].text).empty()))) {
                if (pending[j].kind == InlineKind::LineBreak) ++breaks;
                ++j;
            }
            if (breaks >= 2) {
                emit();
                i = j - 1;
                continue;
            }
        }
        cur.push_back(std::move(pending[i]));
    }
    emit();
    pending.clear();
}

void HtmlConverter::block_node(const GumboNode* n, model::Blocks& out, model::Inlines& pending,
                               int depth) {
    if (skip_.count(n)) return;
    if (n->type != GUMBO_NODE_ELEMENT) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA)
            inline_node(n, pending, depth);
        return;
    }
    std::string t = tag_name(n);
    if (t == "svg" || is_math_element(n)) {  // inline_node keeps or reports them
        inline_node(n, pending, depth);
        return;
    }
    if (is_dropped_element(n)) return;
    if (!is_block_tag(t)) {
        inline_node(n, pending, depth);
        return;
    }
    if (depth > kMaxDepth) {
        ctx_.warn_depth(span_of(n));
        append_text(pending, node_text(n), span_of(n));
        return;
    }
    flush(pending, out, span_of(n));
    Block b;
    b.span = span_of(n);
    if (t == "dl")
        ctx_.not_rendered(b.span, "a definition list (<dl>)",
                          "its terms and definitions are kept as paragraphs");
    if (t == "p" || t == "dt" || t == "dd" || t == "figcaption" || t == "summary" ||
        t == "legend" || t == "caption") {
        if (contains_media(n, 0)) {  // <p><audio …></p>: keep the media note
            blocks(n, out, depth);
            return;
        }
        model::Inlines in;
        inlines(n, in, depth);
        flush(in, out, b.span);  // <br><br> inside a <p> still separates paragraphs
        return;
    }
    if (int level = heading_level(t)) {
        b.kind = BlockKind::Heading;
        b.level = level;
        inlines(n, b.inlines, depth);
        trim_inlines(b.inlines);
        if (inlines_empty(b.inlines)) return;
    } else if (t == "ul" || t == "ol") {
        list(n, b, depth);
        if (b.children.empty()) return;
    } else if (t == "blockquote") {
        b.kind = BlockKind::BlockQuote;
        blocks(n, b.children, depth);
        if (b.children.empty()) return;
    } else if (t == "pre") {
        b.kind = BlockKind::CodeBlock;
        std::string code = node_text(n);
        if (!code.empty() && code.front() == '\n') code.erase(0, 1);
        while (!code.empty() && (code.back() == '\n' || code.back() == '\r')) code.pop_back();
        b.text = std::move(code);
        if (const char* cls = attr(n, "class")) read_code_classes(cls, b);
        for_children(n, [&](const GumboNode* c) {
            if (tag_name(c) != "code") return;
            if (const char* cls = attr(c, "class")) read_code_classes(cls, b);
        });
    } else if (t == "table") {
        table(n, b, depth);
        if (b.rows.empty()) return;
    } else if (t == "hr") {
        b.kind = BlockKind::ThematicBreak;
    } else if (t == "audio" || t == "video") {
        media(n, out);
        return;
    } else {  // div, section, li outside a list, …: transparent
        blocks(n, out, depth);
        return;
    }
    out.push_back(std::move(b));
}

void HtmlConverter::list(const GumboNode* n, Block& b, int depth) {
    b.kind = BlockKind::List;
    b.ordered = tag_name(n) == "ol";
    if (const char* s = attr(n, "start")) b.start = std::atoi(s);
    if (b.start < 0 || b.start > 999999999) b.start = 1;
    b.tight = true;
    for_children(n, [&](const GumboNode* c) {
        if (skip_.count(c)) return;
        if (c->type != GUMBO_NODE_ELEMENT) return;
        std::string t = tag_name(c);
        if (is_dropped_element(c) || t == "br") return;
        Block item;
        item.kind = BlockKind::ListItem;
        item.span = span_of(c);
        // A leading checkbox makes a task item.
        const GumboVector& ch = children_of(c);
        for (unsigned i = 0; i < ch.length; ++i) {
            auto* k = static_cast<const GumboNode*>(ch.data[i]);
            if (k->type == GUMBO_NODE_WHITESPACE) continue;
            if (tag_name(k) == "input") {
                const char* type = attr(k, "type");
                if (type && to_lower_ascii(type) == "checkbox")
                    item.task = attr(k, "checked") ? 1 : 0;
            }
            break;
        }
        blocks(c, item.children, depth);
        if (item.children.empty()) return;
        if (item.children.size() > 1) b.tight = false;
        b.children.push_back(std::move(item));
    });
}

void HtmlConverter::table(const GumboNode* n, Block& b, int depth) {
    b.kind = BlockKind::Table;
    std::size_t columns = 0;
    bool header_done = false;
    auto row = [&](const GumboNode* tr, bool in_head) {
        model::TableRow r;
        bool all_th = true;
        std::vector<model::Align> aligns;
        for_children(tr, [&](const GumboNode* c) {
            std::string t = tag_name(c);
            if (t != "td" && t != "th") return;
            if (t == "td") all_th = false;
            model::TableCell cell;
            cell.span = span_of(c);
            for (const char* span_attr : {"colspan", "rowspan"})
                if (const char* v = attr(c, span_attr); v && std::string_view(v) != "1")
                    ctx_.not_rendered(cell.span,
                                      std::string("a table cell spanning several ") +
                                          (span_attr[0] == 'c' ? "columns" : "rows") + " (" +
                                          span_attr + ")",
                                      "its text is kept in one cell");
            inlines(c, cell.content, depth);
            trim_inlines(cell.content);
            model::Align al = model::Align::None;
            std::string a = to_lower_ascii(attr(c, "align") ? attr(c, "align") : "");
            std::string st = to_lower_ascii(attr(c, "style") ? attr(c, "style") : "");
            if (a == "left" || st.find("text-align:left") != std::string::npos ||
                st.find("text-align: left") != std::string::npos)
                al = model::Align::Left;
            else if (a == "center" || st.find("text-align:center") != std::string::npos ||
                     st.find("text-align: center") != std::string::npos)
                al = model::Align::Center;
            else if (a == "right" || st.find("text-align:right") != std::string::npos ||
                     st.find("text-align: right") != std::string::npos)
                al = model::Align::Right;
            aligns.push_back(al);
            r.push_back(std::move(cell));
        });
        if (r.empty()) return;
        if (!header_done && (in_head || all_th))
            ++b.header_rows;
        else
            header_done = true;
        if (b.aligns.empty()) b.aligns = aligns;
        columns = std::max(columns, r.size());
        b.rows.push_back(std::move(r));
    };
    for_children(n, [&](const GumboNode* c) {
        std::string t = tag_name(c);
        if (t == "tr") {
            row(c, false);
        } else if (t == "thead" || t == "tbody" || t == "tfoot") {
            for_children(c, [&](const GumboNode* r) {
                if (tag_name(r) == "tr") row(r, t == "thead");
            });
        }
    });
    b.aligns.resize(columns, model::Align::None);
}

void HtmlConverter::media(const GumboNode* n, model::Blocks& out) {
    Block b;
    b.kind = BlockKind::MediaNote;
    b.span = span_of(n);
    b.info = tag_name(n);
    std::string title = attr(n, "title") ? attr(n, "title") : "";
    std::string src = attr(n, "src") ? attr(n, "src") : "";
    for_children(n, [&](const GumboNode* c) {
        if (src.empty() && tag_name(c) == "source" && attr(c, "src")) src = attr(c, "src");
    });
    if (title.empty()) title = std::string(trim(node_text(n)));
    title = std::string(trim(title));
    if (!title.empty()) append_text(b.inlines, title, b.span);
    b.url = safe_url(src);
    if (media_title.empty()) media_title = title;
    out.push_back(std::move(b));
}

}  // namespace bookc::load
