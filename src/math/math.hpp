// The maths model: one tree for every formula of the book, whatever its source (TeX in
// Markdown or HTML, MathML from sites). Loaders parse into it, the model holds it, and
// the writers read it (MathML in the EPUB, a linear Unicode form or a layout in the PDF).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bookc::math {

// TeX's atom classes (The TeXbook, ch. 17): they decide the spacing between atoms.
enum class Class { Ord, Op, Bin, Rel, Open, Close, Punct, Inner };

// How a letter is drawn (the MathML mathvariant values bookc uses).
enum class Variant {
    Auto,  // single letters italic, the rest upright (MathML's default)
    Normal,
    Italic,
    Bold,
    BoldItalic,
    DoubleStruck,
    Script,
    SansSerif,
    Monospace,
};

enum class Kind {
    Row,      // children, set one after the other
    Ident,    // text: a letter or a name (\sin, \operatorname{x})
    Number,   // text: digits and a decimal point
    Op,       // text: an operator or symbol; cls; stretchy for \left/\big delimiters
    Text,     // text: \text{…} (may be Chinese)
    Space,    // width in mu (1/18 em); negative for \!
    Frac,     // children: numerator, denominator; rule = false for \binom
    Sqrt,     // children: radicand [, index]
    Scripts,  // children: base, sub, sup (Kind::Empty when absent); limits above/below
    Fenced,   // text = open delimiter, close = close delimiter; children: the content
    Accent,   // text = the accent mark; children: base; under for \underline, \underbrace
    Table,    // children: rows (Row), each holding cells (Row); env = environment name
    Style,    // variant (font commands) or display style (\displaystyle); children
    Ref,      // text = label of \eqref, number filled in when the chapter is numbered
    Raw,      // text = TeX source the parser did not understand (shown as code)
    Empty,    // nothing (a missing script)
};

// Display style of fractions: \dfrac, \tfrac, or as the context decides.
enum class FracStyle { Auto, Display, Text };

struct Node {
    Kind kind = Kind::Row;
    Class cls = Class::Ord;
    Variant variant = Variant::Auto;
    std::string text;
    std::string close;  // Fenced: closing delimiter
    std::string env;    // Table: environment (matrix, pmatrix, cases, aligned, …); columns spec
    std::vector<Node> children;
    double width = 0;  // Space: mu
    bool stretchy = false;
    bool limits = false;  // Scripts: under/over (big operators in display, \lim)
    bool under = false;   // Accent: below the base
    bool rule = true;     // Frac: with a bar
    FracStyle frac_style = FracStyle::Auto;
    int size = 0;              // Op: \big = 1 … \Bigg = 4
    std::uint32_t offset = 0;  // byte offset in the TeX source
    std::string number;        // Ref: resolved equation number
};

// A problem found while parsing: offset is a byte offset into the TeX source.
struct Problem {
    std::uint32_t offset = 0;
    std::string message;
};

struct Formula {
    std::string tex;  // the source as written (TeX; for MathML input, its TeX annotation or text)
    bool display = false;
    Node root;
    std::string tag;           // \tag{…} as written, or the automatic number; empty: unnumbered
    std::string label;         // \label{…}
    bool auto_number = false;  // \label without \tag: numbered in chapter order
    std::vector<Problem> problems;
};

// Parses a TeX formula (the text between the delimiters). Never fails: what it does not
// understand becomes Raw nodes and a Problem. Nesting is limited (kMaxDepth).
Formula parse_tex(std::string_view tex, bool display);
inline constexpr int kMaxDepth = 64;

// The Unicode code point and class of a TeX symbol command (without the backslash):
// \alpha → U+03B1 Ord, \le → U+2264 Rel. Returns false when the command is no symbol.
struct Symbol {
    char32_t cp = 0;
    Class cls = Class::Ord;
};
bool find_symbol(std::string_view command, Symbol& out);

// Thin space amounts between two atom classes, in mu, in text/display style (TeX's table;
// 0 none, 3 thin, 4 medium, 5 thick). `script` gives the script-style values.
int spacing_mu(Class left, Class right, bool script);

// A letter or digit in a math alphabet (\mathbb R → ℝ, Italic x → 𝑥); other characters
// and Auto/Normal come back unchanged.
char32_t styled_letter(char32_t c, Variant v);

// TeX's rule (The TeXbook, p. 170, rule 5): a binary operator after nothing, or after an
// operator, relation, opening or punctuation, is an ordinary atom (the unary minus of −b).
bool binary_as_ord(const Node* prev);

// A linear Unicode form of a formula (α² + β = √x, (a+b)/(c)): for copied text, search
// and the PDF before it lays maths out.
std::string linear(const Node& n);

// Compact one-line dump for tests: (row (id x) (op + bin) (frac (num 1) (num 2))).
std::string dump(const Node& n);

}  // namespace bookc::math
