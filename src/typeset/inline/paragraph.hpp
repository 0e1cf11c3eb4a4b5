// Paragraph layout: styled text → shaped, broken, justified lines of glyph runs.
// This is the boundary between the inline engine (itemize, shape, break, justify) and the
// block/page engine (flow, pagination), which only places the returned lines.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/diag.hpp"
#include "display/display.hpp"
#include "font/font.hpp"

namespace bookc::typeset {

// The document's font table: maps opened fonts to display::Document::fonts indices.
// Thread-safe, so chapters can be laid out in parallel.
class FontTable {
public:
    int index_of(const std::shared_ptr<font::Font>& f);
    std::vector<display::FontFace> faces() const;  // in index order

private:
    mutable std::mutex mutex_;
    std::vector<std::shared_ptr<font::Font>> fonts_;
};

// Fonts for one role: the preferred font first, then the per-character fallback chain.
struct FontChain {
    std::vector<std::shared_ptr<font::Font>> fonts;
};

struct TextStyle {
    const FontChain* fonts = nullptr;
    float size = 10.5f;  // pt
    display::Color color;
    float baseline_shift = 0;  // pt, up is positive (superscripts)
    std::string link_uri;      // non-empty: this run is an external link
    std::string link_dest;     // non-empty: this run links to a named destination
    bool monospace = false;    // code: may break between any characters, no CJK glue
    bool strike = false;       // struck through: the line gets a rule across the run
};

struct StyledRun {
    std::string text;  // UTF-8; '\n' is a forced line break
    TextStyle style;
    base::Span span;  // where the text came from (diagnostics for missing glyphs)
};

// JustifyNear: justified only where the glue's nominal stretch suffices, ragged elsewhere
// (display type: a heading's full line of Han characters ends flush, a wrapped title with
// a short first line is not spaced out).
enum class TextAlign { Justify, Left, Center, Right, JustifyNear };
inline bool justified(TextAlign a) {
    return a == TextAlign::Justify || a == TextAlign::JustifyNear;
}

struct ParagraphSpec {
    std::vector<StyledRun> runs;
    float width = 300;       // measure in pt
    float first_indent = 0;  // extra indent of the first line, pt (2 em for body text)
    TextAlign align = TextAlign::Justify;
    bool code = false;  // code block: no justification, long lines wrapped anywhere
                        // (continuation lines get a mark), spaces kept
    std::string lang = "zh-Hans";
};

struct Line {
    float width = 0;    // width of the measure this line was set to
    float natural = 0;  // natural width of its content (without the first-line indent or
                        // the code continuation mark; line-end marks counted half width)
    float ascent = 0;   // pt above the baseline (max over runs)
    float descent = 0;  // pt below the baseline (positive)
    // Positioned relative to the line origin: x from the line's left edge, y = 0 on the
    // baseline (display coordinates, so y grows downwards). The caller translates them.
    std::vector<display::GlyphRun> runs;
    std::vector<display::Link> links;
    std::vector<display::Rule> rules;  // strike-through rules, line-relative like `runs`
    bool last = false;                 // the paragraph's last line
};

struct ParagraphLayout {
    std::vector<Line> lines;
};

// Shapes the paragraph once, breaks it (Knuth–Plass total fit with the clreq rules of
// ../shared/notes/CJK-RULES.md; greedy for code and huge paragraphs) and justifies it.
// Each GlyphRun's text is exactly the characters its glyphs stand for; a character no font
// of the chain has is left out with a warning at its run's span. Thread-safe: paragraphs
// may be laid out in parallel sharing one FontTable (each thread with its own DiagSink).
ParagraphLayout layout_paragraph(const ParagraphSpec& spec, FontTable& table,
                                 base::DiagSink& diags);

}  // namespace bookc::typeset
