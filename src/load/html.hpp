// Private to load/: HTML (whole files, raw blocks and inline fragments inside Markdown)
// parsed with gumbo and converted to model blocks and inlines. Sanitising happens here:
// script/style/iframe/object/embed/form are dropped, on* attributes are never read and
// unsafe URLs never enter the model.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <gumbo.h>

#include "load/context.hpp"

namespace bookc::load {

struct GumboOutputDeleter {
    void operator()(GumboOutput* out) const;
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// A parsed piece of HTML. Keeps the text gumbo points into.
struct ParsedHtml {
    std::unique_ptr<std::string> text;
    GumboOutputPtr output;
    const GumboNode* root = nullptr;  // <html>; for fragments its children are the fragment
    std::size_t truncated_at = std::string::npos;  // where over-deep input was cut
};

// `fragment`: parse as the content of a <body> (no implied head/body wrappers).
// Input nested deeper than kMaxDepth elements is cut there (gumbo is quadratic on it).
ParsedHtml parse_html(std::string text, bool fragment);

// Where the parsed text lies in the source file: offset `base`, never past `limit`.
// Without an exact mapping (e.g. reassembled inline HTML), every node gets `fallback`.
struct OffsetMap {
    std::uint32_t base = 0;
    std::uint32_t limit = 0;
    bool exact = true;
    base::Span fallback;
    // When not exact: pieces of the parsed text copied verbatim from the source
    // ([begin, end) in the parsed text starting at `source` in the file).
    struct Piece {
        std::uint32_t begin, end, source;
    };
    std::vector<Piece> pieces;
};

std::string tag_name(const GumboNode* n);                // lower-case; "" for non-elements
const char* attr(const GumboNode* n, const char* name);  // nullptr when absent
// All text below `n` (script/style excluded), entities decoded, not collapsed.
std::string node_text(const GumboNode* n);

class HtmlConverter {
public:
    HtmlConverter(ChapterContext& ctx, OffsetMap map) : ctx_(ctx), map_(map) {}

    // Nodes (and their subtrees) to leave out, e.g. a comment block handled elsewhere.
    void skip(const GumboNode* n) { skip_.insert(n); }
    // Markdown inline reassembly: <bookc-ph data-i="N"> elements stand for these inlines.
    void set_placeholders(const model::Inlines* p) { placeholders_ = p; }

    // Converts the children of `container` to blocks / inlines.
    void blocks(const GumboNode* container, model::Blocks& out, int depth = 0);
    void inlines(const GumboNode* container, model::Inlines& out, int depth = 0);
    // Like inlines(), but keeping the source's lines as written (readers' comments, where
    // text is plain text with code pasted in): each newline and <br> is one LineBreak,
    // spaces and tabs are kept.
    void lines(const GumboNode* container, model::Inlines& out);

    base::Span span_of(const GumboNode* n) const;

    // The first <audio>/<video> title seen, for chapter titles.
    std::string media_title;

private:
    void block_node(const GumboNode* n, model::Blocks& out, model::Inlines& pending, int depth);
    void flush(model::Inlines& pending, model::Blocks& out, base::Span at);
    void inline_node(const GumboNode* n, model::Inlines& out, int depth);
    void list(const GumboNode* n, model::Block& b, int depth);
    void table(const GumboNode* n, model::Block& b, int depth);
    void media(const GumboNode* n, model::Blocks& out);
    void text(const GumboNode* n, model::Inlines& out);
    // Maths (html_math.cpp): a Math inline for a math element; false for other elements.
    bool math_node(const GumboNode* n, model::Inlines& out);

    ChapterContext& ctx_;
    OffsetMap map_;
    std::unordered_set<const GumboNode*> skip_;
    const model::Inlines* placeholders_ = nullptr;
    bool in_pre_ = false;
    bool keep_lines_ = false;
};

bool is_dropped_element(const GumboNode* n);
// <math>, <script type="math/tex…">, <span|div class="math inline|display">.
bool is_math_element(const GumboNode* n);  // script, style, iframe, object, embed, form…

}  // namespace bookc::load
