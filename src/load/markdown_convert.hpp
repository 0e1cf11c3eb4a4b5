// Private to load/: the cmark-gfm tree walker shared by markdown.cpp and
// markdown_inline.cpp.
#pragma once
#include <map>
#include <memory>
#include <string>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "load/markdown.hpp"

namespace bookc::load {

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// A cmark-gfm parser with bookc's extensions (table, strikethrough, autolink, tasklist,
// tagfilter) attached.
ParserPtr make_parser(int options);
inline constexpr int kCmarkOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;

std::string type_string(cmark_node* n);
// All text below `n`, without recursion (used to flatten over-deep input).
std::string flat_text(cmark_node* n);

// Walks a cmark-gfm tree and builds model blocks (blocks: markdown.cpp; inlines and
// footnotes: markdown_inline.cpp).
class MdConverter {
public:
    MdConverter(ChapterContext& ctx, std::uint32_t body_offset) : ctx_(ctx) {
        body_line0_ = ctx.file.line_col(body_offset).line - 1;
    }

    void blocks(cmark_node* parent, model::Blocks& out, int depth);
    void finish_footnotes();

    MarkdownResult result;

private:
    base::Span span(cmark_node* n, base::Span fallback = {}) const;
    std::uint32_t offset(int line, int col) const;
    void block(cmark_node* n, model::Blocks& out, int depth);
    void strip_heading_attributes(model::Block& b);
    bool is_html_part(cmark_node* n) const;
    void html_run(cmark_node* first, cmark_node* last, model::Blocks& out, int depth);
    void inlines(cmark_node* parent, model::Inlines& out, int depth, bool as_blocks = false,
                 model::Blocks* blocks_out = nullptr);
    void inline_node(cmark_node* n, model::Inlines& out, int depth);
    std::string label_at(cmark_node* n, bool definition) const;

    ChapterContext& ctx_;
    std::uint32_t body_line0_ = 0;
    std::map<std::string, int> numbers_;  // footnote label → number
    struct Def {
        model::Blocks blocks;
        base::Span span;
    };
    std::map<std::string, Def> defs_;
};

}  // namespace bookc::load
