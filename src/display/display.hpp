// The display list: pages of positioned glyph runs, rules, boxes, cells, images and links.
// The typesetter produces it; the PDF writer serialises it and needs nothing else.
//
// Units: points. Origin at the page's top-left corner, y grows downwards.
// A glyph run's (x, y) is the pen position of its first glyph on the baseline.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace bookc::display {

struct Color {
    float r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};

// A font face used by the document: the PDF writer opens it by path + face index and
// subsets it to the glyphs that runs use.
struct FontFace {
    std::string path;
    int face_index = 0;
    std::string postscript_name;
    int units_per_em = 1000;
};

struct Glyph {
    std::uint32_t gid = 0;
    std::uint32_t cluster = 0;  // byte offset into GlyphRun::text where this glyph's cluster starts
    float advance = 0;          // pen advance in points, after justification
    float dx = 0, dy = 0;       // offset from the pen position in points (dy: up is positive)
};

// Glyphs in logical order. The text of a cluster is text[cluster, next larger cluster)
// (or to the end of `text`); several glyphs may share a cluster, and one glyph may cover
// several characters (ligatures, "——"). This is what the PDF writer maps back to Unicode.
struct GlyphRun {
    int tag = -1;  // element of Document::structure it belongs to; -1: an artifact
    int font = 0;  // index into Document::fonts
    float size = 10;
    Color color;
    float x = 0, y = 0;
    std::string text;
    std::vector<Glyph> glyphs;
    // false: drawn but not text (a code line's number): the PDF gives it an empty
    // ActualText, so copying, searching and pdftotext pass over it.
    bool copy = true;
};

struct Rule {  // a straight line
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    float width = 0.5f;
    Color color;
    bool dotted = false;
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool fill = true;
    Color fill_color{0.95f, 0.95f, 0.95f};
    float stroke_width = 0;  // 0: no stroke
    Color stroke_color;
};

// A grid of square cells whose dark ones are filled in one colour, as one path so that
// touching cells show no seams: a QR code's modules.
struct Cells {
    int tag = -1;        // element of Document::structure; -1: an artifact
    float x = 0, y = 0;  // top-left corner of cell (0, 0)
    float size = 1;      // side of one cell, pt
    int columns = 0, rows = 0;
    std::vector<std::uint8_t> dark;  // rows × columns, row by row: 1 filled
    Color color;
};

enum class ImageFormat { Jpeg, Png };

struct Image {
    int tag = -1;                      // element of Document::structure; -1: an artifact
    float x = 0, y = 0, w = 0, h = 0;  // placement box
    ImageFormat format = ImageFormat::Png;
    std::shared_ptr<const std::string> data;  // the file's bytes
    int pixel_width = 0, pixel_height = 0;
    std::string key;  // stable identity (e.g. the asset path): one XObject per key
};

struct Link {  // a clickable area
    float x = 0, y = 0, w = 0, h = 0;
    std::string uri;   // external link, or
    std::string dest;  // a named destination in this document
    int tag = -1;      // element of Document::structure whose text it covers
};

struct Anchor {  // a named destination
    std::string name;
    float y = 0;  // top of the target, page coordinates
};

using Item = std::variant<GlyphRun, Rule, Rect, Cells, Image, Link, Anchor>;

struct Page {
    float width = 0, height = 0;
    std::vector<Item> items;
};

struct OutlineEntry {
    std::string title;
    std::string dest;  // named destination (an Anchor somewhere in the document)
    std::vector<OutlineEntry> children;
};

enum class LabelStyle { Decimal, LowerRoman, UpperRoman, None };

struct PageLabelRange {
    int first_page = 0;  // 0-based index of the first page of the range
    LabelStyle style = LabelStyle::Decimal;
    std::string prefix;
    int start = 1;
};

struct Metadata {
    std::string title;
    std::string author;  // authors joined with ", "
    std::string subject;
    std::string keywords;
    std::string language;  // BCP 47, e.g. zh-CN
    std::string creator;   // "bookc 0.1.0"
    std::string date;      // ISO 8601 ("2024-05-01" or "2024-05-01T00:00:00Z"); empty = none
};

// The logical structure (tagged PDF): elements in reading order, each naming its parent.
// Glyph runs and images name the element they belong to; what belongs to none (running
// heads, folios, rules, backgrounds, repeated table headers) is an artifact. Leaf
// elements (P, H1…H6, Lbl, TD, TH, Caption, Code, Note, TOCI, Figure) hold content;
// the others hold elements.
struct StructElem {
    std::string role;  // a standard structure type of PDF 1.7 (14.8.4)
    int parent = -1;   // index in Document::structure; -1: the document itself
    std::string alt;   // Figure: the alternative text
};

struct Document {
    Metadata meta;
    std::vector<StructElem> structure;
    std::vector<FontFace> fonts;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<PageLabelRange> page_labels;
};

// One item per line, numbers rounded: for golden tests and debugging.
std::string dump(const Document& doc);

}  // namespace bookc::display
