// Converting a gumbo tree to model blocks and inlines.
#include "load/html.hpp"

#include <algorithm>
#include <cstdlib>

#include "load/images.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

const GumboVector& children_of(const GumboNode* n) {
    static const GumboVector kEmpty{nullptr, 0, 0};
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
        return n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT) return n->v.document.children;
    return kEmpty;
}

template <class F> void for_children(const GumboNode* n, F&& f) {
    const GumboVector& ch = children_of(n);
    for (unsigned i = 0; i < ch.length; ++i) f(static_cast<const GumboNode*>(ch.data[i]));
}

bool contains_media(const GumboNode* n, int depth) {
    if (depth > kMaxDepth || n->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_AUDIO || t == GUMBO_TAG_VIDEO) return true;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
        if (contains_media(static_cast<const GumboNode*>(ch.data[i]), depth + 1)) return true;
    return false;
}

bool is_block_tag(const std::string& t) {
    static constexpr const char* kBlock[] = {
        "address", "article", "aside",  "blockquote", "body",   "center", "details",
        "dd",      "div",     "dl",     "dt",         "fieldset", "figcaption", "figure",
        "footer",  "h1",      "h2",     "h3",         "h4",     "h5",     "h6",
        "header",  "hgroup",  "hr",     "html",       "li",     "main",   "nav",
        "ol",      "p",       "pre",    "section",    "summary", "table", "ul",
        "audio",   "video",   "legend", "caption",    "tbody",  "thead",  "tfoot", "tr"};
    for (const char* k : kBlock)
        if (t == k) return true;
    return false;
}

int heading_level(const std::string& t) {
    if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return t[1] - '0';
    return 0;
}

base::Span join_spans(const model::Inlines& in, base::Span fallback) {
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
                return ctx_.span(p.source + (b - p.begin), p.source + (std::min(e, p.end) - p.begin));
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
            out.push_back(std::move(p));
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
    if (is_dropped_element(n)) return;
    std::string t = tag_name(n);
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
        for_children(n, [&](const GumboNode* c) {
            if (tag_name(c) != "code") return;
            if (const char* cls = attr(c, "class")) {
                std::string_view v = cls;
                for (std::string_view p : {"language-", "lang-"}) {
                    auto k = v.find(p);
                    if (k == std::string_view::npos) continue;
                    auto rest = v.substr(k + p.size());
                    b.info = std::string(rest.substr(0, rest.find(' ')));
                    break;
                }
            }
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
                if (type && to_lower_ascii(type) == "checkbox") item.task = attr(k, "checked") ? 1 : 0;
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

void HtmlConverter::inlines(const GumboNode* container, model::Inlines& out, int depth) {
    for_children(container, [&](const GumboNode* c) { inline_node(c, out, depth + 1); });
}

void HtmlConverter::text(const GumboNode* n, model::Inlines& out) {
    std::string_view s = n->v.text.text;
    base::Span sp = span_of(n);
    if (in_pre_) {
        append_text(out, s, sp);
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
        if (ph.kind == InlineKind::SoftBreak && !out.empty() && out.back().kind == InlineKind::LineBreak)
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
