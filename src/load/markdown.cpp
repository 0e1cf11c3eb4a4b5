#include "load/markdown.hpp"

#include <cctype>
#include <string_view>

#include "load/boilerplate.hpp"
#include "load/code_info.hpp"
#include "load/comments.hpp"
#include "load/html.hpp"
#include "load/markdown_convert.hpp"
#include "load/math_input.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {
using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;
}  // namespace

std::string type_string(cmark_node* n) {
    const char* s = cmark_node_get_type_string(n);
    return s ? s : "";
}

std::string flat_text(cmark_node* n) {
    std::string out;
    IterPtr it(cmark_iter_new(n));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* k = cmark_iter_get_node(it.get());
        switch (cmark_node_get_type(k)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_CODE_BLOCK:
                if (const char* l = cmark_node_get_literal(k)) out += l;
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                if (cmark_node_get_type(k) & CMARK_NODE_TYPE_BLOCK && !out.empty() &&
                    out.back() != ' ')
                    out += ' ';
        }
    }
    return out;
}

// "## 标题 {#custom-id}" (Pandoc, kramdown): bookc gives headings its own ids, so the
// attribute is taken off the title with a warning.
void MdConverter::strip_heading_attributes(model::Block& b) {
    if (b.inlines.empty() || b.inlines.back().kind != InlineKind::Text) return;
    std::string& t = b.inlines.back().text;
    std::string_view v = trim_ascii(t);
    if (v.empty() || v.back() != '}') return;
    std::size_t open = v.rfind('{');
    if (open == std::string_view::npos || open + 1 >= v.size() ||
        (v[open + 1] != '#' && v[open + 1] != '.'))
        return;
    ctx_.not_rendered(b.span, "a heading attribute (" + std::string(v.substr(open)) + ")",
                      "it was taken off the heading");
    t.resize(static_cast<std::size_t>(v.data() - t.data()) + open);
    trim_inlines(b.inlines);
}

std::uint32_t MdConverter::offset(int line, int col) const {
    if (line <= 0) return 0;
    std::size_t l = body_line0_ + static_cast<std::size_t>(line - 1);
    const auto& starts = ctx_.file.line_starts;
    if (l >= starts.size()) return static_cast<std::uint32_t>(ctx_.file.text.size());
    std::uint32_t off = starts[l] + static_cast<std::uint32_t>(col > 0 ? col - 1 : 0);
    std::uint32_t line_end =
        l + 1 < starts.size() ? starts[l + 1] : static_cast<std::uint32_t>(ctx_.file.text.size());
    return std::min(off, line_end);
}

base::Span MdConverter::span(cmark_node* n, base::Span fallback) const {
    int sl = cmark_node_get_start_line(n);
    if (sl <= 0) return fallback.valid() ? fallback : ctx_.span(0, 0);
    std::uint32_t b = offset(sl, cmark_node_get_start_column(n));
    int el = cmark_node_get_end_line(n);
    int ec = cmark_node_get_end_column(n);
    std::uint32_t e = el > 0 ? offset(el, ec) + (ec > 0 ? 1 : 0) : b;
    if (e < b) e = b;
    return ctx_.span(b, e);
}

bool MdConverter::is_html_part(cmark_node* n) const {
    if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) return true;
    // A paragraph holding a comment heading in inline HTML (a block that did not start
    // on its own line) is read as part of the surrounding raw HTML.
    if (result.comments || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) return false;
    cmark_node* parent = cmark_node_parent(n);
    if (!parent || cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT) return false;
    bool has_html = false;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
        has_html |= cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE;
    if (!has_html) return false;
    base::Span s = span(n);
    return std::string_view(ctx_.file.text).substr(s.begin, s.end - s.begin).find("精选留言") !=
           std::string_view::npos;
}

void MdConverter::blocks(cmark_node* parent, model::Blocks& out, int depth) {
    for (cmark_node* c = cmark_node_first_child(parent); c;) {
        if (is_html_part(c)) {
            cmark_node* last = c;
            while (cmark_node_next(last) && is_html_part(cmark_node_next(last)))
                last = cmark_node_next(last);
            html_run(c, last, out, depth + 1);
            c = cmark_node_next(last);
            continue;
        }
        block(c, out, depth + 1);
        c = cmark_node_next(c);
    }
}

void MdConverter::html_run(cmark_node* first, cmark_node* last, model::Blocks& out, int depth) {
    base::Span s1 = span(first), s2 = span(last);
    OffsetMap map;
    std::string html;
    bool top = cmark_node_parent(first) &&
               cmark_node_get_type(cmark_node_parent(first)) == CMARK_NODE_DOCUMENT;
    if (top) {  // the literal text is exactly the source: spans map one to one
        html = ctx_.file.text.substr(s1.begin, s2.end - s1.begin);
        map.base = s1.begin;
        map.limit = s2.end;
    } else {
        for (cmark_node* n = first;; n = cmark_node_next(n)) {
            if (const char* l = cmark_node_get_literal(n)) html += l;
            html += '\n';
            if (n == last) break;
        }
        map.exact = false;
    }
    map.fallback = ctx_.span(s1.begin, s2.end);
    ParsedHtml parsed = parse_html(std::move(html), true);
    if (parsed.truncated_at != std::string::npos) {
        std::uint32_t at =
            top ? s1.begin + static_cast<std::uint32_t>(parsed.truncated_at) : s1.begin;
        ctx_.diags.warning(ctx_.span(at, at),
                           "HTML nested too deeply; the rest of this HTML block was dropped");
    }
    if (!parsed.root) return;
    HtmlConverter conv(ctx_, map);
    if (!result.comments) {
        if (auto found = find_comments(ctx_, parsed.root, conv)) {
            for (auto* n : found->skip) conv.skip(n);
            result.comments = std::move(found->thread);
        }
    }
    conv.blocks(parsed.root, out, depth);
    if (result.media_title.empty()) result.media_title = conv.media_title;
}

std::string MdConverter::label_at(cmark_node* n, bool definition) const {
    // cmark-gfm replaces the label by the footnote number: read it back from the source.
    const std::string& text = ctx_.file.text;
    std::uint32_t off = definition ? offset(cmark_node_get_start_line(n), 1) : span(n).begin;
    if (definition)
        while (off < text.size() && (text[off] == ' ' || text[off] == '\t')) ++off;
    if (text.compare(off, 2, "[^") == 0) {
        std::size_t close = text.find(']', off + 2);
        std::size_t nl = text.find('\n', off);
        if (close != std::string::npos && close < nl) return text.substr(off + 2, close - off - 2);
    }
    const char* lit = cmark_node_get_literal(n);
    return lit ? lit : "";
}

void MdConverter::block(cmark_node* n, model::Blocks& out, int depth) {
    Block b;
    b.span = span(n);
    if (depth > kMaxDepth) {
        ctx_.warn_depth(b.span);
        b.kind = BlockKind::Paragraph;
        append_text(b.inlines, flat_text(n), b.span);
        trim_inlines(b.inlines);
        if (!b.inlines.empty()) out.push_back(std::move(b));
        return;
    }
    std::string ext = type_string(n);
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH: {
            bool has_html = false;
            for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
                has_html |= cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE;
            if (has_html) {  // inline HTML may hold block content (<audio>, <br><br>)
                inlines(n, b.inlines, depth, true, &out);
                return;
            }
            b.kind = BlockKind::Paragraph;
            inlines(n, b.inlines, depth);
            trim_inlines(b.inlines);
            if (inlines_empty(b.inlines)) return;
            break;
        }
        case CMARK_NODE_HEADING:
            b.kind = BlockKind::Heading;
            b.level = cmark_node_get_heading_level(n);
            inlines(n, b.inlines, depth);
            trim_inlines(b.inlines);
            strip_heading_attributes(b);
            break;
        case CMARK_NODE_CODE_BLOCK: {
            b.kind = BlockKind::CodeBlock;
            const char* lit = cmark_node_get_literal(n);
            b.text = lit ? lit : "";
            while (!b.text.empty() && b.text.back() == '\n') b.text.pop_back();
            const char* info = cmark_node_get_fence_info(n);
            read_fence_info(info ? info : "", b);
            if (b.info == "math") {  // ```math: a display formula
                // The content starts on the line after the fence.
                std::uint32_t at = offset(cmark_node_get_start_line(n) + 1, 1);
                bool exact = ctx_.file.text.compare(at, b.text.size(), b.text) == 0;
                out.push_back(
                    math_block(make_formula(ctx_, b.text, true, exact ? at : -1, b.span), b.span));
                return;
            }
            break;
        }
        case CMARK_NODE_BLOCK_QUOTE:
            b.kind = BlockKind::BlockQuote;
            blocks(n, b.children, depth);
            break;
        case CMARK_NODE_LIST:
            b.kind = BlockKind::List;
            b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            b.start = b.ordered ? cmark_node_get_list_start(n) : 1;
            b.tight = cmark_node_get_list_tight(n) != 0;
            blocks(n, b.children, depth);
            break;
        case CMARK_NODE_ITEM:
            b.kind = BlockKind::ListItem;
            if (ext == "tasklist")
                b.task = cmark_gfm_extensions_get_tasklist_item_checked(n) ? 1 : 0;
            blocks(n, b.children, depth);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            b.kind = BlockKind::ThematicBreak;
            break;
        case CMARK_NODE_FOOTNOTE_DEFINITION: {
            Def d;
            d.span = b.span;
            blocks(n, d.blocks, depth);
            defs_.emplace(label_at(n, true), std::move(d));
            return;
        }
        default:
            if (ext == "table") {
                b.kind = BlockKind::Table;
                int cols = cmark_gfm_extensions_get_table_columns(n);
                uint8_t* al = cmark_gfm_extensions_get_table_alignments(n);
                for (int i = 0; i < cols; ++i) {
                    char a = al ? static_cast<char>(al[i]) : 0;
                    b.aligns.push_back(a == 'l'   ? model::Align::Left
                                       : a == 'c' ? model::Align::Center
                                       : a == 'r' ? model::Align::Right
                                                  : model::Align::None);
                }
                for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
                    model::TableRow row;
                    for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) {
                        model::TableCell cell;
                        cell.span = span(c, b.span);
                        inlines(c, cell.content, depth + 1);
                        trim_inlines(cell.content);
                        row.push_back(std::move(cell));
                    }
                    if (cmark_gfm_extensions_get_table_row_is_header(r)) ++b.header_rows;
                    b.rows.push_back(std::move(row));
                }
                break;
            }
            return;  // unknown custom blocks
    }
    out.push_back(std::move(b));
}

ParserPtr make_parser(int options) {
    cmark_gfm_core_extensions_ensure_registered();
    ParserPtr parser(cmark_parser_new(options));
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist", "tagfilter"})
        if (cmark_syntax_extension* e = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), e);
    return parser;
}

MarkdownResult load_markdown(ChapterContext& ctx, std::uint32_t body_offset) {
    ParserPtr parser = make_parser(kCmarkOptions);
    // The comment block is HTML to its end: it is taken out (blanked, so every byte offset
    // stays valid) before Markdown sees the file. A boilerplate tail (相关文章 …) before it
    // is blanked too, and with it whatever follows the block.
    const std::string& text = ctx.file.text;
    std::optional<CommentBlock> block = find_comment_block(ctx, body_offset);
    std::size_t body_end = block ? block->begin : text.size();
    std::size_t cut =
        find_boilerplate(std::string_view(text).substr(0, body_end), body_offset, ctx.cfg);
    std::string body(std::string_view(text).substr(body_offset));
    auto blank = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            if (body[i - body_offset] != '\n') body[i - body_offset] = ' ';
    };
    if (cut < body_end) blank(cut, body_end);
    if (block) blank(block->begin, cut < body_end ? text.size() : block->end);
    std::vector<FoundMath> maths = protect_math(ctx, body, body_offset, kCmarkOptions);
    cmark_parser_feed(parser.get(), body.data(), body.size());
    NodePtr doc(cmark_parser_finish(parser.get()));
    MdConverter conv(ctx, body_offset);
    if (block) conv.result.comments = std::move(block->thread);
    if (doc) conv.blocks(doc.get(), conv.result.blocks, 0);
    conv.finish_footnotes();
    restore_math(conv.result.blocks, maths);
    for (auto& f : conv.result.footnotes) restore_math(f.blocks, maths);
    return std::move(conv.result);
}

}  // namespace bookc::load
