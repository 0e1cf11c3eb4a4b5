// The book model: what every loader produces and every writer reads.
// Book → parts → chapters → blocks → inlines, plus each chapter's readers' comments.
// Every node keeps the Span of the source it came from. Nodes are plain tagged structs
// (a kind plus the fields that kind uses) so that walking them stays simple.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "math/math.hpp"

namespace bookc::model {

using base::FileId;
using base::Span;

// ---------------------------------------------------------------- inlines
enum class InlineKind {
    Text,       // text
    Emph,       // children
    Strong,     // children
    Strike,     // children
    Code,       // text
    Link,       // url, title, children; url is never javascript:/data: (sanitised at load)
    Image,      // url (original src), text = alt, asset = index in Book::assets or -1
    LineBreak,  // hard break (<br>, two trailing spaces)
    SoftBreak,  // a newline inside a paragraph (rendered as nothing between CJK, a space otherwise)
    FootnoteRef,  // text = label, number = 1-based footnote number in its chapter
    Math,         // math = the formula (inline), text = its TeX source
};

struct Inline {
    InlineKind kind = InlineKind::Text;
    std::string text;
    std::string url;
    std::string title;
    int asset = -1;
    int number = 0;
    std::vector<Inline> children;
    std::shared_ptr<math::Formula> math;  // Math
    Span span;
};

using Inlines = std::vector<Inline>;

// ---------------------------------------------------------------- blocks
enum class BlockKind {
    Paragraph,      // inlines; role may be "lead" (a 简介 summary)
    Heading,        // level 1..6, inlines, id
    CodeBlock,      // text (content, '\n'-separated, no trailing newline), info = language,
                    // tokens (highlighting), line_numbers, first_line
    BlockQuote,     // children
    List,           // children = ListItem blocks; ordered, start, tight
    ListItem,       // children; task: -1 not a task, 0 open, 1 done
    Table,          // aligns, rows (rows[0..header_rows) are header rows)
    ThematicBreak,  //
    MediaNote,      // an <audio>/<video> replaced by a note: info = "audio"|"video",
                    // inlines = its title, url = the media link (may be empty)
    MathBlock,      // a display formula: math, text = its TeX source, id = its anchor when
                    // it is labelled; math->tag its number
};

enum class Align { None, Left, Center, Right };

// What a highlighted piece of code is, whatever the language: a small fixed vocabulary
// (src/highlight/ maps the highlighter's default styles onto it). Writers style by class:
// the EPUB with `tok-<name>` spans, the typesetter with the layout's code theme.
enum class TokenClass {
    Keyword,       // func, if, return, def
    Type,          // int, string, a data type
    String,        // "…", '…', raw strings, regular expressions
    Escape,        // \n inside a string
    Number,        // 42, 0x1F, 3.14
    Comment,       // comments and doc comments
    Function,      // a function name where the language marks it
    Operator,      // + := ->
    Preprocessor,  // #include, import, package
    Constant,      // true, nil, None
    Builtin,       // built-in functions and classes (len, print)
    Variable,      // $x in shell or PHP
    Attribute,     // @decorator, [[nodiscard]]
    Error,         // what the highlighter marks as wrong
};
inline constexpr int kTokenClassCount = 14;
// The class's short name: "kw", "type", "str", … (EPUB class tok-<name>, dumps).
const char* token_class_name(TokenClass c);

// A highlighted piece of a code block's text: bytes [begin, end) of Block::text.
struct CodeToken {
    std::uint32_t begin = 0, end = 0;
    TokenClass cls = TokenClass::Keyword;
    bool operator==(const CodeToken&) const = default;
};

struct Block;
using Blocks = std::vector<Block>;

struct TableCell {
    Inlines content;
    Span span;
};
using TableRow = std::vector<TableCell>;

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    Inlines inlines;
    Blocks children;
    std::string text;
    std::string info;
    std::string url;
    std::string id;    // headings: "ch01-s2" (model::assign_ids), unique in the book
    std::string role;  // "lead" for a summary paragraph
    bool ordered = false;
    int start = 1;
    bool tight = true;
    int task = -1;
    std::vector<Align> aligns;
    std::vector<TableRow> rows;
    int header_rows = 0;
    // Code blocks: the highlighted tokens, in order, not overlapping (empty: plain);
    // numbered lines (-1: as the layout says, 0: no, 1: yes) counting from first_line.
    std::vector<CodeToken> tokens;
    int line_numbers = -1;
    int first_line = 1;
    std::shared_ptr<math::Formula> math;  // MathBlock
    Span span;
};

struct Footnote {
    std::string label;  // as written ([^label])
    int number = 0;     // 1-based, in order of first reference
    std::string id;     // "ch01-fn3" (model::assign_ids; the loader's "fn-3" until then)
    Blocks blocks;
    Span span;
};

// ---------------------------------------------------------------- comments
struct Comment {
    std::string author;
    std::string avatar_url;  // remote; downloaded only with [comments] avatars = true
    int avatar_asset = -1;   // index in Book::assets once downloaded, else -1
    int likes = 0;
    int reply_count = 0;
    std::string date;  // "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" as given
    // The comment's text: paragraphs (each line break of the source, newline or <br>, is a
    // LineBreak) and code blocks (a ``` fence, or indented lines pasted from a program).
    Blocks body;
    bool has_reply = false;
    Inlines reply;  // the author's reply (作者回复); line breaks kept as LineBreak
    std::string reply_date;
    int source_order = 0;  // position in the source, for sort = "source"
    Span span;
};

struct CommentThread {
    std::string heading = "精选留言";  // the heading as found, without the count
    int declared = -1;                 // N of 精选留言（N）, -1 when not given
    std::vector<Comment> comments;
    Span span;
};

// ---------------------------------------------------------------- chapters and book
enum class Format { Markdown, Html, PlainText };

struct Chapter {
    std::string title;
    Inlines title_inlines;  // rich title when the source had markup (may be empty: use title)
    std::string id;  // "ch01" (model::assign_ids: reading order, ≥ 2 digits); EPUB file name
    FileId file = base::kNoFile;
    std::string rel_path;  // source path relative to the book folder
    Format format = Format::Markdown;
    // Front matter / metadata
    std::string author;
    std::string date;
    std::string description;
    std::vector<std::string> tags;
    Blocks blocks;
    std::vector<Footnote> footnotes;
    std::optional<CommentThread> comments;
    Span title_span;
    bool title_from_file = false;  // no title in the source: the file name stands in
};

struct Part {
    std::string title;  // empty: chapters not grouped into a part
    std::vector<Chapter> chapters;
};

// A file the book uses (images). Bytes are loaded once and shared by the writers.
// Remote images that were fetched (or found in the cache) are assets too. WebP images are
// converted to PNG; GIF and SVG images keep their bytes for the EPUB and carry a PNG
// rendering for the PDF (load/images.hpp: make_image_asset).
struct Asset {
    std::string rel_path;    // relative to the book folder, '/'-separated; a remote image's URL
    std::string media_type;  // image/png, image/jpeg, image/gif, image/svg+xml
    std::shared_ptr<const std::string> data;
    int width = 0;  // pixels, 0 when unknown (an SVG: its size in CSS pixels)
    int height = 0;
    // The PDF's PNG rendering of a GIF (first frame) or SVG; null otherwise.
    std::shared_ptr<const std::string> print_png;
};

struct BookMeta {
    std::string title;
    std::string subtitle;
    std::vector<std::string> authors;
    std::string language = "zh-CN";
    std::string identifier;  // empty: writers derive one from title + slug
    std::string date;        // YYYY-MM-DD or empty
    std::string description;
    std::vector<std::string> subjects;
    std::string slug;
    int cover_asset = -1;  // index in assets, -1 when no cover image
    // Build timestamp for outputs (ISO 8601, UTC, "YYYY-MM-DDThh:mm:ssZ"): from
    // SOURCE_DATE_EPOCH, else the book's date, else a fixed epoch. Never the clock.
    std::string modified;
};

struct Book {
    BookMeta meta;
    std::vector<Part> parts;
    std::vector<Asset> assets;

    std::size_t chapter_count() const;
    // Visit chapters in reading order.
    template <class F>
    void for_each_chapter(F&& f) const {
        for (const auto& p : parts)
            for (const auto& c : p.chapters) f(c);
    }
    template <class F>
    void for_each_chapter(F&& f) {
        for (auto& p : parts)
            for (auto& c : p.chapters) f(c);
    }
};

// Plain text of inlines (for titles, ids, search): markup dropped, breaks become spaces
// (between Latin text) or nothing (between CJK).
std::string plain_text(const Inlines& inlines);
// The text of blocks, a line per paragraph or code line (as book_text has it).
std::string plain_text(const Blocks& blocks);

// The book's text in reading order (titles, body, footnotes, comments), one block a line.
std::string book_text(const Book& book, bool footnotes = true);

// Stable, human-readable dump of the whole model (the goldens in tests/golden/model).
std::string dump(const Book& book);

}  // namespace bookc::model
