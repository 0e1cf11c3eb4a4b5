// Private to inline/: the data handed between the paragraph sub-steps.
//
//   collect + itemize (itemize.cpp)  text → Itemized {u32 text, FontItems}
//   shape (shape.cpp)                FontItems → ShapedText {glyphs, clusters}
//   breaks (breaks.cpp)              libunibreak break classes per character
//   cjk_rules (cjk_rules.cpp)        clusters + breaks → BreakItems (boxes, glue, candidates)
//   linebreak_{optimal,greedy}.cpp   BreakItems → LineSpans
//   line (line.cpp)                  LineSpan → SetLine (justified) → display runs
//
// The breaker only sees `Measured` (text + clusters with widths), so tests can feed it
// constant-width clusters without any font (minikin's ConstantRun).
#pragma once
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "typeset/inline/paragraph.hpp"

namespace bookc::typeset::inl {

// One unbreakable unit for the breaker: a HarfBuzz cluster (one or more characters).
struct Cluster {
    std::uint32_t begin = 0, end = 0;              // characters [begin, end) of the text
    std::uint32_t glyph_begin = 0, glyph_end = 0;  // glyphs [glyph_begin, glyph_end)
    std::uint32_t item = 0;                        // FontItem index (0 in constant tests)
    float width = 0;                               // natural advance, pt
    float em = 10;                                 // font size, pt
    bool blank_left = false;   // full-width mark whose left half is empty (opening bracket)
    bool blank_right = false;  // full-width mark whose right half is empty (，。」）…)
    bool mono = false;         // monospace/code text: no CJK glue, breaks anywhere
    bool raised = false;       // super/subscript (footnote marks): hugs the text before it
};

struct Measured {
    std::u32string text;
    std::vector<Cluster> clusters;
};

// Per-cluster break data (index k: the cluster, the glue after it, the break after it).
inline constexpr float kNoBreak = std::numeric_limits<float>::infinity();
inline constexpr float kEmergencyPenalty = 1e5f;  // p² outweighs any loose line

// clreq's adjustment priorities (CJK-RULES A5). Stretch: Western word spaces, then the
// Han–Western space, then inter-character spacing. Shrink: word spaces, punctuation,
// the Han–Western space, then the rest. kGlueLatin is a gap between two characters of a
// Latin run (letters, digits, their punctuation): never stretched beyond a trace, and only
// inside URLs, paths and identifiers (kLatinTrace); a Latin run stretches at its spaces.
enum GlueClass : std::uint8_t {
    kGlueSpace = 0,
    kGluePunct = 1,
    kGlueHanLatin = 2,
    kGlueInter = 3,
    kGlueLatin = 4,
};
inline constexpr int kGlueClasses = 5;
inline constexpr float kLatinTrace = 0.02f;  // em: the most a gap inside a Latin run opens
// How far each class may stretch, as a multiple of its nominal stretch, when the nominal
// stretch of the whole line is not enough: word spaces to four times (a space of at most
// 1¼ em), the Han–Latin space and the glue between Han characters to twice (the first
// pass's tolerance), a gap inside a Latin run never beyond its trace. Then the glue between
// Han characters takes what is left, up to kMaxHanStretch times its nominal stretch (½ em
// a gap: Han text keeps its inter-character justification, but one Han pair in a Latin
// line does not gape); a line its glue cannot fill is set short by the rest: slightly
// loose, never letter-spaced.
inline constexpr float kMaxStretch[kGlueClasses] = {4, 2, 2, 2, 1};
inline constexpr float kMaxHanStretch = 5;
inline constexpr bool han_glue(std::uint8_t c) { return c == kGlueInter || c == kGluePunct; }

struct BreakItems {
    std::vector<float> box;    // width after punctuation-pair compression
    std::vector<float> ltrim;  // compression taken from the left of the cluster (pair)
    std::vector<float> rtrim;  // compression taken from the right (pair)
    std::vector<float> glue, stretch, shrink;  // glue between cluster k and k+1
    std::vector<std::uint8_t> glue_class;      // GlueClass: the order of adjustment (A5)
    std::vector<float> penalty;                // break after k: kNoBreak when not allowed
    std::vector<float> emergency;              // break after k when nothing else fits (pass 2)
    std::vector<float> end_trim;         // removed when a line ends with k (mark set half width;
                                         // negative: a hyphen drawn after k)
    std::vector<std::uint8_t> hyphen;    // 1: a line ending with k draws a hyphen after it
    std::vector<float> start_trim;       // removed when a line starts with k (opening bracket)
    std::vector<std::uint32_t> forced;   // forced breaks ('\n') after cluster k (2: one empty line)
    std::uint32_t leading_breaks = 0;    // forced breaks before the first cluster (empty lines)
    std::vector<std::uint8_t> core;      // counts as a character for the 孤字 rule
    std::vector<std::uint8_t> compound;  // part of a URL, path or identifier: not hyphenated
    // Prefix sums over box+glue, stretch, shrink, the stretch beyond the nominal one that
    // kMaxStretch allows, and the stretch of Han glue: sum over clusters [0, k).
    std::vector<double> sum_w, sum_st, sum_sh, sum_beyond, sum_han;
    std::size_t size() const { return box.size(); }
};

struct BreakOptions {
    float width = 300;
    float first_indent = 0;
    TextAlign align = TextAlign::Justify;
    bool code = false;
    float mark_width = 0;  // code: width of the continuation mark
    bool optimal = true;   // Knuth–Plass (false: greedy first fit)
    // TeX's \doublehyphendemerits and \finalhyphendemerits, scaled to this breaker's looser
    // tolerance (at TeX's 10000 and 5000 they changed nothing measurable).
    double double_hyphen_demerits = 1e5;
    double final_hyphen_demerits = 5e4;
};

// A line: clusters [first, end).
struct LineSpan {
    std::uint32_t first = 0, end = 0;
    bool last = false;          // last line of the paragraph
    bool forced = false;        // ends at a forced break (set like a last line)
    bool continuation = false;  // code: continues the previous source line
};

inline double beyond_stretch(const BreakItems& it, std::size_t k) {
    return it.stretch[k] * (kMaxStretch[it.glue_class[k]] - 1);
}
inline double han_stretch(const BreakItems& it, std::size_t k) {
    return han_glue(it.glue_class[k]) ? it.stretch[k] : 0;
}

// What Han glue of nominal stretch `han_nominal` may stretch past kMaxStretch.
inline double han_extra(double han_nominal) {
    return han_nominal * (kMaxHanStretch - kMaxStretch[kGlueInter]);
}

// Natural width, stretch and shrink of clusters [a, b) set as one line; `beyond`: what its
// glue may stretch past `stretch` (kMaxStretch); `han`: the nominal stretch of its Han
// glue. A justified line is filled up to natural + stretch + beyond + han_extra(han) and
// left short by what remains.
struct LineMeasure {
    double natural = 0, stretch = 0, shrink = 0, beyond = 0, han = 0;
    double fill() const { return stretch + beyond + han_extra(han); }
    bool fillable(double width) const { return width - natural <= fill() + 0.01; }
};
inline LineMeasure measure_line(const BreakItems& it, std::uint32_t a, std::uint32_t b) {
    LineMeasure m;
    if (b <= a) return m;
    m.natural = it.sum_w[b] - it.sum_w[a] - it.glue[b - 1] - it.start_trim[a] - it.end_trim[b - 1];
    m.stretch = it.sum_st[b] - it.sum_st[a] - it.stretch[b - 1];
    m.shrink = it.sum_sh[b] - it.sum_sh[a] - it.shrink[b - 1];
    m.beyond = it.sum_beyond[b] - it.sum_beyond[a] - beyond_stretch(it, b - 1);
    m.han = it.sum_han[b] - it.sum_han[a] - han_stretch(it, b - 1);
    return m;
}
float line_width_for(const BreakOptions& o, bool first_line, bool continuation);

// cjk_rules.cpp
BreakItems build_break_items(const Measured& m, const std::vector<char>& brks, bool code);
bool is_no_start(char32_t c);
bool is_no_end(char32_t c);
bool is_opening_mark(char32_t c);
bool is_closing_mark(char32_t c);  // closing brackets/quotes and pause/stop marks
bool is_cjk_ideo(char32_t c);      // ideographs, kana, hangul, fullwidth letters
bool is_latin_alnum(char32_t c);
bool is_space_char(char32_t c);

// compound_breaks.cpp: break points inside URLs, paths and identifiers (Latin runs without
// spaces), refining libunibreak's `brks`; `mono` marks inline code (always such a run).
inline constexpr std::size_t kCompoundMargin = 2;  // characters kept on each side of a break
struct CompoundTokens {
    std::vector<std::uint8_t> in;        // per character: part of a Latin run without spaces
    std::vector<std::uint8_t> compound;  // per character: part of a URL/path/identifier
    std::vector<std::uint8_t> brk;       // per character: its run may break after it
};
CompoundTokens compound_tokens(const std::u32string& text, const std::vector<char>& brks,
                               const std::vector<std::uint8_t>& mono);

// hyphenate.cpp: hyphenation points of Latin words become breaks that draw a hyphen.
struct Shaped;
void add_hyphenation(const Shaped& sh, BreakItems& items);

// breaks.cpp: libunibreak classes after each character (LINEBREAK_*).
std::vector<char> unibreak(const std::u32string& text);

// linebreak_*.cpp
std::vector<LineSpan> break_lines(const Measured& m, const BreakItems& items,
                                  const BreakOptions& o);
std::vector<LineSpan> break_greedy(const BreakItems& items, const BreakOptions& o);
// Empty when no breaking was possible within the limits (caller falls back to greedy).
std::vector<LineSpan> break_optimal(const BreakItems& items, const BreakOptions& o);

// line.cpp: the justified line, as per-cluster adjustments.
struct SetLine {
    float x = 0;                 // where the first cluster's pen starts (indent, alignment)
    float natural = 0;           // natural width of the content
    std::vector<float> shift;    // per cluster of the line: glyphs move left by this (pt)
    std::vector<float> advance;  // per cluster: final pen advance (width + delta - shift)
};
SetLine set_line(const BreakItems& items, const LineSpan& line, const BreakOptions& o);

// ---- font side: itemize.cpp, shape.cpp, line.cpp (commit)

struct FontItem {
    std::uint32_t run = 0;             // StyledRun index
    std::uint32_t begin = 0, end = 0;  // characters
    std::shared_ptr<font::Font> font;
    int script = 0;  // hb_script_t
};

struct ShapedGlyph {
    std::uint32_t gid = 0;
    std::uint32_t ch = 0;               // cluster: character index of its cluster's first character
    float advance = 0, dx = 0, dy = 0;  // pt; dy up positive
};

struct Itemized {
    std::u32string text;
    std::vector<std::uint32_t> run_of_char;
    std::vector<FontItem> items;  // chars outside every item are dropped (missing, '\n')
};

struct Shaped {
    Measured m;
    std::vector<FontItem> items;
    std::vector<ShapedGlyph> glyphs;
};

Itemized itemize(const ParagraphSpec& spec, base::DiagSink& diags);
Shaped shape(Itemized&& text, const ParagraphSpec& spec);
Line commit_line(const Shaped& s, const BreakItems& items, const LineSpan& span, const SetLine& set,
                 const BreakOptions& o, const ParagraphSpec& spec, FontTable& table,
                 const std::shared_ptr<font::Font>& mark_font, std::uint32_t mark_gid,
                 float mark_advance);

}  // namespace bookc::typeset::inl
