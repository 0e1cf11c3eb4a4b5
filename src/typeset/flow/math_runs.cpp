// Formulas in the PDF until maths is laid out as such: a linear form of the tree set in
// the math font (letters in math italic, \mathbb and friends in their Unicode alphabets),
// scripts as smaller raised or lowered runs, TeX's medium and thick spaces around binary
// operators and relations as fixed spaces, \text in the body font, unknown commands in mono.
// Display formulas are centred on their own lines, kept on one page, numbered at the right.
#include <cmath>

#include "base/utf8.hpp"
#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

using math::Kind;
using math::Node;
using math::Variant;

class MathRuns {
public:
    MathRuns(const Styles& st, std::vector<StyledRun>& out, base::Span span)
        : st_(st), out_(out), span_(span) {}

    void node(const Node& n, const TextStyle& s, Variant v) {
        Variant var = n.variant != Variant::Auto ? n.variant : v;
        switch (n.kind) {
            case Kind::Row:
            case Kind::Style: {
                const Node* prev = nullptr;
                for (const Node& k : n.children) {
                    unary_ = k.kind == Kind::Op && k.cls == math::Class::Bin &&
                             math::binary_as_ord(prev);
                    node(k, s, var);
                    if (k.kind != Kind::Space) prev = &k;
                }
                return;
            }
            case Kind::Ident: {
                std::u32string t = base::to_u32(n.text);
                Variant use = var;
                if (use == Variant::Auto) use = t.size() == 1 ? Variant::Italic : Variant::Normal;
                if (n.cls == math::Class::Op && !out_.empty()) add(" ", s);
                add(letters(t, use), s);
                if (n.cls == math::Class::Op && !in_base_) add("\u2006", s);
                return;
            }
            case Kind::Number:
                add(letters(base::to_u32(n.text), var == Variant::Auto ? Variant::Normal : var), s);
                return;
            case Kind::Op: {
                bool bin = n.cls == math::Class::Bin && !unary_, rel = n.cls == math::Class::Rel;
                const char* gap = rel ? "\u2004" : bin ? "\u2005" : "";
                if (n.stretchy) gap = "";
                TextStyle big = s;
                if (n.size > 0 && n.cls == math::Class::Op) big.size = s.size * 1.3f;
                add(gap, s);
                add(n.text, big);
                add(gap, s);
                if (n.cls == math::Class::Punct) add("\u2006", s);
                return;
            }
            case Kind::Text: {
                TextStyle t = s;
                t.fonts = &st_.body;
                add(n.text, t);
                return;
            }
            case Kind::Space:
                add(n.width >= 36   ? "\u2003\u2003"
                    : n.width >= 18 ? "\u2003"
                    : n.width >= 5  ? "\u2004"
                    : n.width >= 3  ? "\u2009"
                                    : "",
                    s);
                return;
            case Kind::Frac:
                frac(n, s, var);
                return;
            case Kind::Sqrt:
                if (n.children.size() > 1) script(n.children[1], s, var, true);
                add("\u221A", s);
                grouped(n.children[0], s, var);
                return;
            case Kind::Scripts: {
                // \sin^2 x: the thin space after the function name comes after its scripts.
                bool fn = n.children[0].kind == Kind::Ident && n.children[0].cls == math::Class::Op;
                in_base_ = fn;
                node(n.children[0], s, var);
                in_base_ = false;
                if (n.children[1].kind != Kind::Empty) script(n.children[1], s, var, false);
                if (n.children[2].kind != Kind::Empty) script(n.children[2], s, var, true);
                if (fn) add("\u2006", s);
                return;
            }
            case Kind::Fenced:
                add(n.text, s);
                for (const Node& k : n.children) node(k, s, var);
                add(n.close, s);
                return;
            case Kind::Accent:
            case Kind::Ref:
                add(math::linear(n), s);
                return;
            case Kind::Table: {
                // Rows of aligned, gathered and cases are lines of a display; matrix rows
                // are separated by ';'.
                bool lines =
                    display_ && (n.env == "aligned" || n.env == "align" || n.env == "gathered" ||
                                 n.env == "gather" || n.env == "split" || n.env == "cases");
                bool aligned = n.env == "aligned" || n.env == "align" || n.env == "split";
                for (std::size_t r = 0; r < n.children.size(); ++r) {
                    if (r) add(lines ? "\n" : ";\u2003", s);
                    for (std::size_t c = 0; c < n.children[r].children.size(); ++c) {
                        if (c) add(aligned ? "" : n.env == "cases" ? "\u2003" : ",\u2004", s);
                        node(n.children[r].children[c], s, var);
                    }
                }
                return;
            }
            case Kind::Raw: {
                TextStyle m = s;
                m.fonts = &st_.mono;
                m.monospace = true;
                add(n.text, m);
                return;
            }
            case Kind::Empty:
                return;
        }
    }

private:
    const Styles& st_;
    std::vector<StyledRun>& out_;
    base::Span span_;
    bool unary_ = false;    // the Op being set is a binary sign used as a unary one (−b)
    bool in_base_ = false;  // setting the base of scripts
    int level_ = 0;         // script level: 0 text, 1 script, 2 scriptscript
public:
    bool display_ = false;
    float base_size_ = 10.5f;

private:
    void add(std::string_view text, const TextStyle& s) {
        if (text.empty()) return;
        if (!out_.empty() && out_.back().style.size == s.size &&
            out_.back().style.baseline_shift == s.baseline_shift &&
            out_.back().style.fonts == s.fonts && out_.back().style.monospace == s.monospace) {
            out_.back().text += text;
            return;
        }
        StyledRun r;
        r.text = std::string(text);
        r.style = s;
        r.span = span_;
        out_.push_back(std::move(r));
    }
    static std::string letters(const std::u32string& t, Variant v) {
        std::string out;
        for (char32_t c : t) base::append_utf8(out, math::styled_letter(c, v));
        return out;
    }
    static bool simple(const Node& n) {
        if (n.kind == Kind::Row || n.kind == Kind::Style)
            return n.children.size() == 1 && simple(n.children[0]);
        return n.kind == Kind::Ident || n.kind == Kind::Number || n.kind == Kind::Fenced ||
               (n.kind == Kind::Op && n.cls == math::Class::Ord) || n.kind == Kind::Scripts;
    }
    void grouped(const Node& n, const TextStyle& s, Variant v) {
        bool paren = !simple(n);
        if (paren) add("(", s);
        node(n, s, v);
        if (paren) add(")", s);
    }
    void frac(const Node& n, const TextStyle& s, Variant v) {
        if (!n.rule) {  // \binom inside its parentheses: "n, k"
            node(n.children[0], s, v);
            add(",\u2004", s);
            node(n.children[1], s, v);
            return;
        }
        grouped(n.children[0], s, v);
        add("/", s);
        grouped(n.children[1], s, v);
    }
    // A script one level down: its size and shift from the math font's MATH constants.
    void script(const Node& n, const TextStyle& s, Variant v, bool sup) {
        const math_layout::MathMetrics& m = st_.math_metrics;
        TextStyle t = s;
        ++level_;
        t.size = base_size_ * (level_ == 1 ? m.script_scale : m.script_script_scale);
        t.baseline_shift =
            s.baseline_shift + (sup ? m.superscript_shift : -m.subscript_shift) * s.size;
        node(n, t, v);
        --level_;
    }
};

}  // namespace

void math_runs(const math::Formula& f, const TextStyle& base, const Styles& st, base::Span span,
               std::vector<StyledRun>& out) {
    TextStyle s = base;
    s.fonts = &st.math;
    MathRuns m(st, out, span);
    m.display_ = f.display;
    m.base_size_ = s.size;
    m.node(f.root, s, Variant::Auto);
}

void flow_equation(Builder& b, const model::Block& blk, Area a) {
    if (!blk.math) return;
    const Styles& st = b.st;
    std::vector<StyledRun> runs;
    math_runs(*blk.math, st.body_style(), st, blk.span, runs);
    if (runs.empty()) return;
    ParagraphSpec spec;
    spec.runs = std::move(runs);
    float tag_room = blk.math->tag.empty() ? 0 : 3.5f * st.size;
    spec.width = a.width - 2 * tag_room;  // centred on the measure, clear of the number
    spec.align = TextAlign::Center;
    ParagraphLayout pl = b.layout(std::move(spec));
    b.glue(st.pitch * 0.35f);
    b.tag = b.elem("Formula", blk.text);  // /Alt: the TeX
    // One box for every line of the formula: a page break never falls inside it.
    VBox box;
    std::vector<float> baselines;
    for (const Line& ln : pl.lines) {
        float h = st.pitch;
        float content = ln.ascent + ln.descent;
        if (content > st.pitch * 1.02f) h = std::ceil(content / st.pitch) * st.pitch;
        float baseline = box.height + (h - st.size) / 2 + 0.88f * st.size;
        if (content > st.pitch * 1.02f) baseline = box.height + (h - content) / 2 + ln.ascent;
        b.place_line(box, ln, a.x + tag_room, baseline);
        baselines.push_back(baseline);
        box.height += h;
    }
    if (!blk.math->tag.empty() && !baselines.empty()) {
        ParagraphSpec tag;
        StyledRun r;
        r.text = blk.math->tag;
        r.style = st.body_style();
        r.span = blk.span;
        tag.runs.push_back(std::move(r));
        tag.width = a.width;
        tag.align = TextAlign::Right;
        ParagraphLayout tl = b.layout(std::move(tag));
        if (!tl.lines.empty()) b.place_line(box, tl.lines[0], a.x, baselines[baselines.size() / 2]);
    }
    if (!blk.id.empty()) {
        display::Anchor anchor;
        anchor.name = b.dest_prefix + blk.id;
        anchor.y = 0;
        box.items.insert(box.items.begin(), anchor);
    }
    b.push(std::move(box));
    b.glue(st.pitch * 0.35f);
}

}  // namespace bookc::typeset::flow
