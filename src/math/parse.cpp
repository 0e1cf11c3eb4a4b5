// The TeX-subset parser: formula source → math::Node tree. It never fails and never
// loops: every step consumes input, nesting is cut at kMaxDepth, and what it does not
// understand is kept as a Raw node (shown as code) with a Problem naming it.
#include <cctype>
#include <string>

#include "base/utf8.hpp"
#include "math/commands.hpp"
#include "math/math.hpp"

namespace bookc::math {

namespace {

enum class Stop { End, Brace, Amp, Newline, Right, Middle, EndEnv };

class Parser {
public:
    Parser(std::string_view s, Formula& f) : s_(s), f_(f) {}

    Node formula() {
        Node row;
        for (;;) {
            Stop st = parse_row(row, 0);
            if (st == Stop::End) break;
            // Stray '}', '&', '\\', \right, \middle or \end at the top: noted, and the
            // row goes on (a line break in a display becomes a space).
            if (st != Stop::Newline)
                problem(last_stop_, "unexpected " + stop_name(st) + " in a formula");
        }
        return row;
    }

private:
    std::string_view s_;
    Formula& f_;
    std::size_t i_ = 0;
    std::size_t last_stop_ = 0;
    bool deep_ = false;

    void problem(std::size_t at, std::string msg) {
        if (deep_) return;  // past the depth limit: one problem says it all
        f_.problems.push_back({static_cast<std::uint32_t>(at), std::move(msg)});
    }
    static std::string stop_name(Stop st) {
        switch (st) {
            case Stop::Brace:
                return "'}'";
            case Stop::Amp:
                return "'&'";
            case Stop::Right:
                return "\\right";
            case Stop::Middle:
                return "\\middle";
            case Stop::EndEnv:
                return "\\end";
            default:
                return "'\\\\'";
        }
    }
    bool at_end() const { return i_ >= s_.size(); }
    void skip_space() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    // A command name after '\' (letters, or one other character).
    std::string_view command_name() {
        std::size_t b = i_;
        if (at_end()) return {};
        if (std::isalpha(static_cast<unsigned char>(s_[i_]))) {
            while (!at_end() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
            if (!at_end() && s_[i_] == '*') ++i_;
        } else {
            std::size_t k = i_;
            base::next_codepoint(s_, k);
            i_ = k;
        }
        return s_.substr(b, i_ - b);
    }
    // The raw text of a {…} group (for \text, \label, environments); "" when none.
    std::string braced_raw() {
        skip_space();
        if (at_end() || s_[i_] != '{') return {};
        int level = 0;
        std::size_t b = ++i_;
        for (; !at_end(); ++i_) {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                ++i_;
                continue;
            }
            if (s_[i_] == '{') ++level;
            if (s_[i_] == '}' && level-- == 0) break;
        }
        std::string out(s_.substr(b, i_ - b));
        if (!at_end()) ++i_;
        return out;
    }
    std::string optional_raw() {
        skip_space();
        if (at_end() || s_[i_] != '[') return {};
        std::size_t e = s_.find(']', i_);
        if (e == std::string_view::npos) return {};
        std::string out(s_.substr(i_ + 1, e - i_ - 1));
        i_ = e + 1;
        return out;
    }

    Node raw(std::size_t from, std::string msg) {
        Node n;
        n.kind = Kind::Raw;
        n.offset = static_cast<std::uint32_t>(from);
        n.text = std::string(s_.substr(from, i_ - from));
        if (!msg.empty()) problem(from, std::move(msg));
        return n;
    }

    // Parses atoms into `row` until a stop token (consumed) or the end.
    Stop parse_row(Node& row, int depth) {
        if (depth > kMaxDepth) {
            if (!deep_)
                problem(i_, "formula nested deeper than " + std::to_string(kMaxDepth) +
                                " levels; the rest is kept as source");
            deep_ = true;
            std::size_t b = i_;
            i_ = s_.size();
            row.children.push_back(raw(b, ""));
            return Stop::End;
        }
        for (;;) {
            skip_space();
            if (at_end()) return Stop::End;
            std::size_t at = i_;
            char c = s_[i_];
            if (c == '}') {
                last_stop_ = at;
                ++i_;
                return Stop::Brace;
            }
            if (c == '&') {
                last_stop_ = at;
                ++i_;
                return Stop::Amp;
            }
            if (c == '^' || c == '_') {
                ++i_;
                attach_script(row, c == '^', depth);
                continue;
            }
            if (c == '\'') {
                ++i_;
                Node p = op("\u2032", Class::Ord, at);
                attach(row, true, std::move(p));
                continue;
            }
            if (c == '\\') {
                ++i_;
                std::string_view name = command_name();
                if (name == "\\") {
                    optional_raw();  // \\[2pt]
                    last_stop_ = at;
                    return Stop::Newline;
                }
                if (name == "right" || name == "middle") {
                    last_stop_ = at;
                    return name == "right" ? Stop::Right : Stop::Middle;
                }
                if (name == "end") {
                    last_stop_ = at;
                    braced_raw();
                    return Stop::EndEnv;
                }
                command(row, name, at, depth);
                continue;
            }
            row.children.push_back(atom(depth));
        }
    }

    static Node op(std::string text, Class cls, std::size_t at) {
        Node n;
        n.kind = Kind::Op;
        n.cls = cls;
        n.text = std::move(text);
        n.offset = static_cast<std::uint32_t>(at);
        return n;
    }

    // One non-command character atom, or a {group}.
    Node atom(int depth) {
        std::size_t at = i_;
        char c = s_[i_];
        if (c == '{') {
            ++i_;
            Node g;
            g.offset = static_cast<std::uint32_t>(at);
            Stop st = parse_row(g, depth + 1);
            if (st != Stop::Brace && st != Stop::End)
                problem(last_stop_, "unexpected " + stop_name(st) + " inside a group");
            if (st == Stop::End && !deep_) problem(at, "'{' is not closed");
            return g;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t b = i_;
            while (!at_end() && (std::isdigit(static_cast<unsigned char>(s_[i_])) ||
                                 (s_[i_] == '.' && i_ + 1 < s_.size() &&
                                  std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))))
                ++i_;
            Node n;
            n.kind = Kind::Number;
            n.text = std::string(s_.substr(b, i_ - b));
            n.offset = static_cast<std::uint32_t>(at);
            return n;
        }
        std::size_t k = i_;
        char32_t cp = base::next_codepoint(s_, k);
        i_ = k;
        std::string text(s_.substr(at, k - at));
        if (std::isalpha(static_cast<unsigned char>(c)) || cp >= 0x80) {
            Node n;
            n.kind = base::is_cjk(cp) ? Kind::Text : Kind::Ident;
            n.text = text;
            n.offset = static_cast<std::uint32_t>(at);
            return n;
        }
        switch (c) {
            case '+':
                return op("+", Class::Bin, at);
            case '-':
                return op("\u2212", Class::Bin, at);
            case '*':
                return op("\u2217", Class::Bin, at);
            case '=':
            case '<':
            case '>':
            case ':':
                return op(text, Class::Rel, at);
            case '(':
            case '[':
                return op(text, Class::Open, at);
            case ')':
            case ']':
                return op(text, Class::Close, at);
            case ',':
            case ';':
                return op(text, Class::Punct, at);
            case '!':
                return op("!", Class::Close, at);
            case '~': {
                Node n;
                n.kind = Kind::Space;
                n.width = 6;
                return n;
            }
            default:
                return op(text, Class::Ord, at);
        }
    }

    // The argument of a command or script: one token or a {group}.
    Node argument(int depth) {
        skip_space();
        std::size_t at = i_;
        if (at_end()) {
            problem(at, "a formula ends where an argument was expected");
            Node e;
            e.kind = Kind::Empty;
            return e;
        }
        if (s_[i_] == '\\') {
            Node row;
            ++i_;
            std::string_view name = command_name();
            command(row, name, at, depth + 1);
            if (row.children.size() == 1) return std::move(row.children[0]);
            return row;
        }
        if (s_[i_] == '}' || s_[i_] == '&' || s_[i_] == '^' || s_[i_] == '_') {
            problem(at, "missing argument before '" + std::string(1, s_[i_]) + "'");
            Node e;
            e.kind = Kind::Empty;
            return e;
        }
        if (std::isdigit(static_cast<unsigned char>(s_[i_]))) {  // one digit: \frac12
            Node n;
            n.kind = Kind::Number;
            n.text = std::string(1, s_[i_++]);
            n.offset = static_cast<std::uint32_t>(at);
            return n;
        }
        Node a = atom(depth + 1);
        if (a.kind == Kind::Row && a.children.size() == 1) return std::move(a.children[0]);
        return a;
    }

    void attach(Node& row, bool sup, Node script) {
        if (row.children.empty() || row.children.back().kind != Kind::Scripts ||
            row.children.back().children[sup ? 2 : 1].kind != Kind::Empty) {
            Node s;
            s.kind = Kind::Scripts;
            Node empty;
            empty.kind = Kind::Empty;
            Node base = empty;
            if (!row.children.empty()) {
                base = std::move(row.children.back());
                row.children.pop_back();
            }
            s.offset = base.offset;
            s.limits = base.limits;
            s.children = {std::move(base), empty, empty};
            row.children.push_back(std::move(s));
        }
        row.children.back().children[sup ? 2 : 1] = std::move(script);
    }
    void attach_script(Node& row, bool sup, int depth) { attach(row, sup, argument(depth)); }

    // A delimiter after \left, \right, \middle, \big…: "" for '.'.
    bool delimiter(std::string& out) {
        skip_space();
        if (at_end()) return false;
        std::size_t at = i_;
        if (s_[i_] == '\\') {
            ++i_;
            std::string_view n = command_name();
            if (n == "{" || n == "lbrace") return out = "{", true;
            if (n == "}" || n == "rbrace") return out = "}", true;
            if (n == "|" || n == "Vert" || n == "lVert" || n == "rVert")
                return out = "\u2016", true;
            if (n == "vert" || n == "lvert" || n == "rvert") return out = "|", true;
            Symbol sym;
            if (find_symbol(n, sym)) return out = to_utf8(sym.cp), true;
            i_ = at;
            return false;
        }
        char c = s_[i_];
        if (c == '.') return ++i_, out.clear(), true;
        if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '/' || c == '<' ||
            c == '>') {
            ++i_;
            out = c == '<' ? "\u27E8" : c == '>' ? "\u27E9" : std::string(1, c);
            return true;
        }
        return false;
    }
    static std::string to_utf8(char32_t cp) {
        std::string s;
        base::append_utf8(s, cp);
        return s;
    }

    void command(Node& row, std::string_view name, std::size_t at, int depth);
    void environment(Node& row, std::size_t at, int depth);
    bool font_command(Node& row, std::string_view name, std::size_t at, int depth);
    bool accent_command(Node& row, std::string_view name, std::size_t at, int depth);
};

void Parser::environment(Node& row, std::size_t at, int depth) {
    std::string env = braced_raw();
    std::string base_env = env;
    if (!base_env.empty() && base_env.back() == '*') base_env.pop_back();
    Node table;
    table.kind = Kind::Table;
    table.env = base_env;
    table.offset = static_cast<std::uint32_t>(at);
    if (base_env == "array") table.text = braced_raw();
    static const std::string_view kKnown[] = {
        "matrix",  "pmatrix",  "bmatrix", "Bmatrix", "vmatrix",  "Vmatrix", "cases",      "array",
        "aligned", "gathered", "align",   "gather",  "equation", "split",   "smallmatrix"};
    bool known = false;
    for (auto k : kKnown) known |= k == base_env;
    if (!known) problem(at, "unknown TeX environment '" + env + "'; it is set as a table");
    Node cur_row, cell;
    for (;;) {
        Stop st = parse_row(cell, depth + 1);
        cur_row.children.push_back(std::move(cell));
        cell = Node{};
        if (st == Stop::Amp) continue;
        table.children.push_back(std::move(cur_row));
        cur_row = Node{};
        if (st == Stop::Newline) continue;
        if (st == Stop::End && !deep_) problem(at, "\\begin{" + env + "} is not ended");
        if (st != Stop::EndEnv && st != Stop::End)
            problem(last_stop_, "unexpected " + stop_name(st) + " in \\begin{" + env + "}");
        if (st == Stop::EndEnv || st == Stop::End) break;
    }
    // A trailing "\\" leaves an empty last row: drop it.
    if (table.children.size() > 1) {
        const Node& last = table.children.back();
        if (last.children.size() == 1 && last.children[0].children.empty())
            table.children.pop_back();
    }
    std::string open, close;
    if (base_env == "pmatrix") open = "(", close = ")";
    if (base_env == "bmatrix") open = "[", close = "]";
    if (base_env == "Bmatrix") open = "{", close = "}";
    if (base_env == "vmatrix") open = "|", close = "|";
    if (base_env == "Vmatrix") open = close = "\u2016";
    if (base_env == "cases") open = "{";
    if (open.empty()) {
        row.children.push_back(std::move(table));
        return;
    }
    Node f;
    f.kind = Kind::Fenced;
    f.text = open;
    f.close = close;
    f.offset = static_cast<std::uint32_t>(at);
    f.children.push_back(std::move(table));
    row.children.push_back(std::move(f));
}

bool Parser::font_command(Node& row, std::string_view name, std::size_t at, int depth) {
    if (name == "text" || name == "textrm" || name == "mbox" || name == "textit" ||
        name == "textbf" || name == "texttt" || name == "textsf") {
        Node t;
        t.kind = Kind::Text;
        t.offset = static_cast<std::uint32_t>(at);
        t.text = braced_raw();
        t.variant = name == "textbf"   ? Variant::Bold
                    : name == "textit" ? Variant::Italic
                    : name == "texttt" ? Variant::Monospace
                    : name == "textsf" ? Variant::SansSerif
                                       : Variant::Normal;
        row.children.push_back(std::move(t));
        return true;
    }
    if (name == "operatorname" || name == "operatorname*") {
        Node n;
        n.kind = Kind::Ident;
        n.cls = Class::Op;
        n.variant = Variant::Normal;
        n.text = braced_raw();
        n.limits = name.back() == '*';
        n.offset = static_cast<std::uint32_t>(at);
        row.children.push_back(std::move(n));
        return true;
    }
    struct F {
        std::string_view name;
        Variant v;
    };
    static constexpr F kFonts[] = {
        {"mathrm", Variant::Normal},
        {"mathbf", Variant::Bold},
        {"mathit", Variant::Italic},
        {"mathbb", Variant::DoubleStruck},
        {"mathcal", Variant::Script},
        {"mathscr", Variant::Script},
        {"mathsf", Variant::SansSerif},
        {"mathtt", Variant::Monospace},
        {"boldsymbol", Variant::BoldItalic},
        {"bm", Variant::BoldItalic},
        {"rm", Variant::Normal},
        {"bf", Variant::Bold},
    };
    for (const auto& f : kFonts) {
        if (f.name != name) continue;
        Node st;
        st.kind = Kind::Style;
        st.variant = f.v;
        st.offset = static_cast<std::uint32_t>(at);
        Node arg = argument(depth);
        if (arg.kind == Kind::Row)
            st.children = std::move(arg.children);
        else
            st.children.push_back(std::move(arg));
        row.children.push_back(std::move(st));
        return true;
    }
    return false;
}

bool Parser::accent_command(Node& row, std::string_view name, std::size_t at, int depth) {
    const AccentInfo* a = find_accent(name);
    if (!a) return false;
    Node n;
    n.kind = Kind::Accent;
    n.text = a->mark;
    n.under = a->under;
    n.stretchy = a->stretchy;
    n.offset = static_cast<std::uint32_t>(at);
    n.children.push_back(argument(depth));
    row.children.push_back(std::move(n));
    return true;
}

void Parser::command(Node& row, std::string_view name, std::size_t at, int depth) {
    if (const SpaceInfo* sp = find_space(name)) {
        Node n;
        n.kind = Kind::Space;
        n.width = sp->mu;
        n.offset = static_cast<std::uint32_t>(at);
        row.children.push_back(std::move(n));
        return;
    }
    if (name.size() == 1 && std::string_view("{}$%&#_|").find(name[0]) != std::string_view::npos) {
        Class cls = name == "{" ? Class::Open : name == "}" ? Class::Close : Class::Ord;
        row.children.push_back(op(name == "|" ? "\u2016" : std::string(name), cls, at));
        return;
    }
    if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "binom" ||
        name == "dbinom" || name == "tbinom" || name == "cfrac") {
        Node f;
        f.kind = Kind::Frac;
        f.offset = static_cast<std::uint32_t>(at);
        f.frac_style = name[0] == 'd' || name == "cfrac" ? FracStyle::Display
                       : name[0] == 't'                  ? FracStyle::Text
                                                         : FracStyle::Auto;
        f.children.push_back(argument(depth));
        f.children.push_back(argument(depth));
        if (name.find("binom") == std::string_view::npos) {
            row.children.push_back(std::move(f));
            return;
        }
        f.rule = false;
        Node fence;
        fence.kind = Kind::Fenced;
        fence.text = "(";
        fence.close = ")";
        fence.offset = f.offset;
        fence.children.push_back(std::move(f));
        row.children.push_back(std::move(fence));
        return;
    }
    if (name == "sqrt") {
        Node n;
        n.kind = Kind::Sqrt;
        n.offset = static_cast<std::uint32_t>(at);
        skip_space();
        Node index;
        bool has_index = false;
        if (!at_end() && s_[i_] == '[') {
            ++i_;
            has_index = true;
            // The index ends at the first ']' of its level.
            std::size_t e = i_;
            int level = 0;
            for (; e < s_.size(); ++e) {
                if (s_[e] == '{') ++level;
                if (s_[e] == '}') --level;
                if (s_[e] == ']' && level <= 0) break;
            }
            Parser sub(s_.substr(0, e), f_);
            sub.i_ = i_;
            sub.deep_ = deep_;
            sub.parse_row(index, depth + 1);
            deep_ = sub.deep_;
            i_ = e < s_.size() ? e + 1 : e;
        }
        n.children.push_back(argument(depth));
        if (has_index) n.children.push_back(std::move(index));
        row.children.push_back(std::move(n));
        return;
    }
    if (name == "left") {
        Node f;
        f.kind = Kind::Fenced;
        f.offset = static_cast<std::uint32_t>(at);
        if (!delimiter(f.text)) problem(at, "\\left needs a delimiter");
        Node content;
        for (;;) {
            Stop st = parse_row(content, depth + 1);
            if (st == Stop::Middle) {
                Node m = op("", Class::Rel, last_stop_);
                m.stretchy = true;
                if (!delimiter(m.text)) problem(last_stop_, "\\middle needs a delimiter");
                content.children.push_back(std::move(m));
                continue;
            }
            if (st == Stop::Right) {
                if (!delimiter(f.close)) problem(last_stop_, "\\right needs a delimiter");
                break;
            }
            if (st != Stop::End || !deep_) problem(at, "\\left without a matching \\right");
            if (st == Stop::End) break;
        }
        f.children = std::move(content.children);
        row.children.push_back(std::move(f));
        return;
    }
    if (const BigInfo* big = find_big(name)) {
        Node d = op("", big->cls, at);
        d.stretchy = true;
        d.size = big->size;
        if (!delimiter(d.text)) problem(at, "\\" + std::string(name) + " needs a delimiter");
        row.children.push_back(std::move(d));
        return;
    }
    if (name == "begin") {
        environment(row, at, depth);
        return;
    }
    if (font_command(row, name, at, depth) || accent_command(row, name, at, depth)) return;
    if (name == "tag" || name == "tag*") {
        std::string t = braced_raw();
        f_.tag = name == "tag" ? "(" + t + ")" : t;
        return;
    }
    if (name == "label") {
        f_.label = braced_raw();
        return;
    }
    if (name == "eqref" || name == "ref") {
        Node r;
        r.kind = Kind::Ref;
        r.offset = static_cast<std::uint32_t>(at);
        r.text = braced_raw();
        r.close = name == "eqref" ? "()" : "";
        row.children.push_back(std::move(r));
        return;
    }
    if (name == "limits" || name == "nolimits") {
        if (!row.children.empty()) row.children.back().limits = name == "limits";
        return;
    }
    if (name == "displaystyle" || name == "textstyle" || name == "scriptstyle" ||
        name == "nonumber" || name == "notag" || name == "mathstrut" || name == "strut") {
        return;
    }
    if (name == "overset" || name == "underset" || name == "stackrel") {
        Node over = argument(depth);
        Node base = argument(depth);
        Node s;
        s.kind = Kind::Scripts;
        s.limits = true;
        s.offset = static_cast<std::uint32_t>(at);
        Node empty;
        empty.kind = Kind::Empty;
        base.cls = Class::Rel;
        if (name == "underset")
            s.children = {std::move(base), std::move(over), empty};
        else
            s.children = {std::move(base), empty, std::move(over)};
        row.children.push_back(std::move(s));
        return;
    }
    if (name == "not") {
        Node next = argument(depth);
        if (next.kind == Kind::Op) next.text += "\u0338";
        row.children.push_back(std::move(next));
        return;
    }
    if (const FunctionInfo* fn = find_function(name)) {
        Node n;
        n.kind = Kind::Ident;
        n.cls = Class::Op;
        n.variant = Variant::Normal;
        n.text = fn->text;
        n.limits = fn->limits && f_.display;
        n.offset = static_cast<std::uint32_t>(at);
        row.children.push_back(std::move(n));
        return;
    }
    Symbol sym;
    if (find_symbol(name, sym)) {
        Node n = op(to_utf8(sym.cp), sym.cls, at);
        if (sym.cls == Class::Ord && ((sym.cp >= 0x391 && sym.cp <= 0x3F5))) n.kind = Kind::Ident;
        if (sym.cls == Class::Op) {
            n.limits = f_.display && !(sym.cp >= 0x222B && sym.cp <= 0x2233);
            n.size = 1;  // a big operator: the display size in display style
        }
        row.children.push_back(std::move(n));
        return;
    }
    row.children.push_back(
        raw(at, "unknown TeX command \\" + std::string(name) + "; its source is shown as code"));
}

}  // namespace

Formula parse_tex(std::string_view tex, bool display) {
    Formula f;
    f.tex = std::string(tex);
    f.display = display;
    Parser p(f.tex, f);
    f.root = p.formula();
    if (!f.label.empty() && f.tag.empty()) f.auto_number = true;
    return f;
}

}  // namespace bookc::math
