// Block flow (private to typeset/): a chapter's blocks become a vertical list of boxes
// (lines, rows, images, glue) with keep rules; pages/ breaks that list into pages.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "display/display.hpp"
#include "model/model.hpp"
#include "typeset/inline/paragraph.hpp"
#include "typeset/math/metrics.hpp"

namespace bookc::typeset::flow {

// May a page break come just before a box? Allowed < Avoid (widows, orphans) < Never
// (keep with a heading, a table header with its first row). The paginator takes the
// weakest break it can find on the page.
enum class Break { Allowed = 0, Avoid = 1, Never = 2 };

struct VBox {
    float height = 0;                  // vertical advance, pt
    std::vector<display::Item> items;  // x from the text block's left edge, y from the box top
    Break brk = Break::Allowed;
    bool discardable = false;  // glue: dropped at the top of a page
    float shrink = 0;          // glue: how much it may give when a page needs the room
    bool grid = false;         // body line: its top snaps to the baseline grid (multiple of pitch)
    int header = -1;           // table rows: index in VList::headers, repeated after a page break
    std::vector<int> footnotes;  // indices in VList::footnotes cited by this box
};

struct VList {
    std::vector<display::StructElem> structure;  // the chapter's logical structure (tagged PDF)
    std::vector<VBox> boxes;
    std::vector<std::vector<VBox>> headers;    // table header rows
    std::vector<std::vector<VBox>> footnotes;  // footnote bodies (lines at footnote size)
};

// Everything the layout decides about looks, resolved once per book.
struct Styles {
    config::Layout layout;
    FontChain body, bold, sans, sans_bold, mono, math;
    FontChain mono_bold;  // the mono family's bold face, then `mono`; just `mono` without one
    math_layout::MathMetrics math_metrics;  // from the math font's MATH table
    float size = 10.5f;                     // body size
    float pitch = 18.4f;                    // body line height (baseline grid)
    float measure = 300;                    // text block width
    float body_height = 480;
    display::Color text, muted, accent, rule;

    TextStyle body_style() const;
    TextStyle style(const FontChain& f, float size, display::Color c) const;
};

display::Color to_color(const config::Color& c);
Styles make_styles(const config::Layout& layout, font::FontDb& db, base::DiagSink& diags);
const FontChain& bold_of(const Styles& st, const FontChain* f);

// ---------------------------------------------------------------- inline conversion
struct InlineOut {
    std::vector<StyledRun> runs;
    std::vector<int> footnote_numbers;  // footnote refs in order
};
// `dest_prefix` names footnote destinations: "<prefix>fn-<n>".
void collect_inlines(const model::Inlines& in, const TextStyle& base, const Styles& st,
                     const std::string& dest_prefix, InlineOut& out);
// Joins soft breaks (nothing between CJK, a space otherwise) and drops empty runs.
void finish_runs(std::vector<StyledRun>& runs);
std::string footnote_dest(const std::string& prefix, int number);

// ---------------------------------------------------------------- building the list
// Decorations repeated on every box while active: a block quote's left rule, a code
// block's background.
struct Deco {
    enum Kind { LeftRule, Background } kind = LeftRule;
    float x = 0, w = 0;
    display::Color color;
};

struct Builder {
    const Styles& st;
    FontTable& fonts;
    base::DiagSink& diags;
    std::string dest_prefix;  // "<chapter id>/"
    const model::Book* book = nullptr;
    const model::Chapter* chapter = nullptr;
    VList list;
    std::vector<Deco> decos;
    int keep = 0;        // the next `keep` content boxes may not be separated from the previous
    int depth = 0;       // nesting of quotes etc.: body grid only at depth 0
    int list_depth = 0;  // nesting of lists (bullet shapes, no first-line indent)
    float list_marker_x = 0;            // x of the innermost list's markers (nested lists step in)
    std::vector<display::Item> marker;  // list marker for the next line, relative to its baseline
    std::vector<std::pair<int, int>> footnote_index;            // (number, index in list.footnotes)
    std::vector<std::pair<std::string, std::string>> sections;  // outline: (title, dest)
    // Logical structure: runs placed get `tag` (the leaf element of the text being set);
    // new elements go into `container`.
    int tag = -1;
    int container = -1;
    // Where new elements go: this builder's list, or (a scratch builder setting footnote
    // bodies) the chapter's.
    std::vector<display::StructElem>* tree = nullptr;
    std::vector<display::StructElem>& structure() { return tree ? *tree : list.structure; }
    // The Link element of the last line's last link: a link that goes on at the start of
    // the next line of the same element is the same Link.
    struct OpenLink {
        int leaf = -1, elem = -1;
        std::string uri, dest;
    } open_link;

    Builder(const Styles& s, FontTable& f, base::DiagSink& d) : st(s), fonts(f), diags(d) {}

    // A new structure element in the current container; its index.
    int elem(std::string role, std::string alt = {});
    // Sets the leaf element for the text that follows: a new element in the container.
    void leaf(std::string role) { tag = elem(std::move(role)); }

    void push(VBox box);
    void glue(float h, float shrink = 0);
    // Places laid-out lines as boxes: x0 = left edge, `pitch` = line height (0: body pitch).
    // Applies widow/orphan rules and attaches footnotes cited on each line.
    void lines(const ParagraphLayout& pl, float x0, float pitch, float size, bool grid,
               bool widow_rules = true);
    ParagraphLayout layout(ParagraphSpec spec);
    // Footnotes cited by links on a box's lines are placed on the box's page.
    void cite(VBox& box, const std::vector<display::Link>& links) const;
    // Adds a laid-out line's runs, rules and links to `box` with its origin at (x, baseline),
    // and cites the footnotes it links to.
    // Each link on the line becomes a Link element in `tag` holding the link's text.
    void place_line(VBox& box, const Line& ln, float x, float baseline);
};

// One line of `text` in `style` as marker items (Builder::marker) starting at `left`, tagged
// `tag` (-1: an artifact); `width` gets its natural width. List markers, code line numbers.
std::vector<display::Item> marker_items(Builder& b, const std::string& text, const TextStyle& style,
                                        float left, float* width = nullptr, int tag = -1);

// A container element for the blocks flowed while it lives (a list, a quote, a table row).
struct Group {
    Builder& b;
    int saved;
    Group(Builder& builder, std::string role) : b(builder), saved(builder.container) {
        b.container = b.elem(std::move(role));
    }
    ~Group() { b.container = saved; }
    Group(const Group&) = delete;
    Group& operator=(const Group&) = delete;
};

// Each nested list level's markers step in this much (em) from its parent's.
inline constexpr float kListStepEm = 2.0f;

// Blocks (stack.cpp) and the special blocks (lists.cpp, tables.cpp, media.cpp, comments.cpp).
struct Area {
    float x = 0;      // left edge within the text block
    float width = 0;  // measure
};
void flow_blocks(Builder& b, const model::Blocks& blocks, Area a);
void flow_block(Builder& b, const model::Block& blk, Area a);
void flow_paragraph(Builder& b, const model::Inlines& in, Area a, float indent,
                    const TextStyle& style, TextAlign align = TextAlign::Justify);
void flow_heading(Builder& b, const model::Inlines& in, int level, const std::string& dest, Area a);
void flow_list(Builder& b, const model::Block& list, Area a);
void flow_table(Builder& b, const model::Block& table, Area a);
void flow_code(Builder& b, const model::Block& code, Area a);  // code.cpp
// How the print theme (code_theme.cpp) sets a token class.
struct TokenLook {
    display::Color color;
    bool bold = false;
};
TokenLook token_look(model::TokenClass c);
void flow_image(Builder& b, const model::Inline& img, Area a);
// "host…" for a long web address shown as text in print (the link keeps the whole address);
// a short one, or one that is not a web address, as it is.
std::string short_url(const std::string& url);
// The QR code of `text` (qr.cpp, libqrencode, level M): its modules as cells inside a
// quiet zone of kQrQuietZone blank modules, `size` pt wide in all; nullopt when the text
// cannot be encoded.
inline constexpr int kQrQuietZone = 4;
std::optional<display::Cells> qr_cells(const std::string& text, float size);
void flow_media_note(Builder& b, const model::Block& note, Area a);
// Maths (math_runs.cpp): a formula as styled runs; a display formula as a centred block.
void math_runs(const math::Formula& f, const TextStyle& base, const Styles& st, base::Span span,
               std::vector<StyledRun>& out);
void flow_equation(Builder& b, const model::Block& blk, Area a);
void flow_thematic_break(Builder& b, Area a);
void flow_comments(Builder& b, const model::CommentThread& thread, Area a);
void flow_footnotes(Builder& b, const std::vector<model::Footnote>& notes);

// Image pixel size from PNG/JPEG headers (0,0 when unknown).
std::pair<int, int> image_pixel_size(const std::string& bytes, bool png);

// Moves a display item by (dx, dy).
void translate(display::Item& item, float dx, float dy);
// Text of a glyph run's width.
float run_width(const display::GlyphRun& r);

}  // namespace bookc::typeset::flow

namespace bookc::typeset::flow {
// A chapter's whole flow: opening title (anchor `chapter_dest`), blocks, footnotes,
// comments. The result is in b.list; b.sections gets the outline's sections.
void flow_chapter(Builder& b, const model::Chapter& ch, const std::string& chapter_dest);
}  // namespace bookc::typeset::flow
