// The linear Unicode form of a formula (x² + y² = r², (a + b)/(c), √x, ℝⁿ): what copied
// text and search see, and what the PDF sets until it lays maths out as such.
#include "base/utf8.hpp"
#include "math/math.hpp"

namespace bookc::math {

namespace {

std::string restyle(const std::string& s, Variant v) {
    if (v != Variant::DoubleStruck && v != Variant::Script) return s;
    std::string out;
    for (char32_t c : base::to_u32(s)) base::append_utf8(out, styled_letter(c, v));
    return out;
}

// Superscript/subscript forms when every character has one (x², aᵢ), else "".
std::string small_form(const std::string& s, bool sup) {
    static const std::u32string_view kSupFrom = U"0123456789+-=()ni\u2212";
    static const std::u32string_view kSup = U"⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ⁻";
    static const std::u32string_view kSubFrom = U"0123456789+-=()aeijkmnoprstx\u2212";
    static const std::u32string_view kSub = U"₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜₓ₋";
    std::u32string in = base::to_u32(s), out;
    if (in.empty()) return "";
    for (char32_t c : in) {
        if (sup && c == U'\u2032') {
            out += c;
            continue;
        }
        auto from = sup ? kSupFrom : kSubFrom;
        std::size_t k = from.find(c);
        if (k == std::u32string_view::npos) return "";
        out += (sup ? kSup : kSub)[k];
    }
    return base::to_utf8(out);
}

bool single(const Node& n) {
    if (n.kind == Kind::Row || n.kind == Kind::Style) {
        return n.children.size() == 1 && single(n.children[0]);
    }
    return n.kind == Kind::Ident || n.kind == Kind::Number || n.kind == Kind::Op ||
           n.kind == Kind::Fenced || n.kind == Kind::Sqrt;
}

std::string group(const Node& n) {
    std::string s = linear(n);
    return single(n) ? s : "(" + s + ")";
}

std::string combining(const Node& n) {
    std::string base = linear(n.children.empty() ? Node{} : n.children[0]);
    static const std::pair<std::string_view, std::string_view> kMarks[] = {
        {"^", "\u0302"},      {"\u00AF", "\u0304"}, {"\u2192", "\u20D7"}, {"~", "\u0303"},
        {"\u02D9", "\u0307"}, {"\u00A8", "\u0308"}, {"\u02C7", "\u030C"}, {"\u02D8", "\u0306"},
        {"\u00B4", "\u0301"}, {"`", "\u0300"},
    };
    if (n.text == "\u23DE" || n.text == "\u23DF") return base;
    std::string_view mark;
    for (const auto& [m, c] : kMarks)
        if (m == n.text) mark = c;
    if (n.stretchy && n.text == "\u00AF") mark = n.under ? "\u0332" : "\u0305";
    if (mark.empty() || base.empty()) return base;
    // After every character when the accent spans several (\overline{AB}).
    std::string out;
    for (char32_t c : base::to_u32(base)) {
        base::append_utf8(out, c);
        if (n.stretchy || single(n.children[0])) out += mark;
    }
    if (!n.stretchy && !single(n.children[0])) out = "(" + base + ")" + std::string(mark);
    return out;
}

std::string row(const std::vector<Node>& kids) {
    std::string out;
    const Node* prev = nullptr;
    bool prev_unary = false;
    for (const Node& k : kids) {
        if (k.kind == Kind::Empty) continue;
        bool unary = k.kind == Kind::Op && k.cls == Class::Bin && binary_as_ord(prev);
        bool spaced = k.kind == Kind::Op && (k.cls == Class::Bin || k.cls == Class::Rel) &&
                      prev != nullptr && !k.stretchy && !unary;
        bool after = prev && prev->kind == Kind::Op &&
                     (prev->cls == Class::Bin || prev->cls == Class::Rel) && !prev->stretchy &&
                     !prev_unary;
        prev_unary = unary;
        if ((spaced || after) && !out.empty() && out.back() != ' ') out += ' ';
        if (!after && prev && prev->kind == Kind::Ident && prev->cls == Class::Op &&
            k.kind != Kind::Fenced && !(k.kind == Kind::Op && k.cls == Class::Open))
            out += ' ';  // "sin x"
        out += linear(k);
        if (k.kind == Kind::Op && k.cls == Class::Punct) out += ' ';
        prev = &k;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

bool binary_as_ord(const Node* prev) {
    if (!prev) return true;
    if (prev->kind != Kind::Op && !(prev->kind == Kind::Ident && prev->cls == Class::Op))
        return false;
    return prev->cls == Class::Bin || prev->cls == Class::Op || prev->cls == Class::Rel ||
           prev->cls == Class::Open || prev->cls == Class::Punct;
}

std::string linear(const Node& n) {
    switch (n.kind) {
        case Kind::Row:
            return row(n.children);
        case Kind::Style: {
            std::string s = row(n.children);
            return restyle(s, n.variant);
        }
        case Kind::Ident:
        case Kind::Number:
        case Kind::Op:
        case Kind::Text:
        case Kind::Raw:
            return n.text;
        case Kind::Space:
            return n.width >= 18 ? "\u2003" : n.width >= 3 ? "\u2009" : "";
        case Kind::Frac:
            if (!n.rule) return linear(n.children[0]) + ", " + linear(n.children[1]);
            return group(n.children[0]) + "/" + group(n.children[1]);
        case Kind::Sqrt: {
            std::string root = "√";
            if (n.children.size() > 1) {
                std::string idx = linear(n.children[1]);
                root = idx == "3" ? "∛" : idx == "4" ? "∜" : small_form(idx, true) + "√";
                if (root == "√" && !idx.empty()) root = "(" + idx + ")√";
            }
            return root + group(n.children[0]);
        }
        case Kind::Scripts: {
            std::string out = linear(n.children[0]);
            for (int k : {1, 2}) {
                const Node& s = n.children[static_cast<std::size_t>(k)];
                if (s.kind == Kind::Empty) continue;
                std::string t = linear(s);
                std::string small = small_form(t, k == 2);
                out += !small.empty() ? small : (k == 2 ? "^" : "_") + group(s);
            }
            return out;
        }
        case Kind::Fenced: {
            std::string out = n.text;
            if (n.children.size() == 1 && n.children[0].kind == Kind::Table)
                out += linear(n.children[0]);
            else
                out += row(n.children);
            return out + n.close;
        }
        case Kind::Accent:
            return combining(n);
        case Kind::Table: {
            std::string out;
            for (std::size_t r = 0; r < n.children.size(); ++r) {
                if (r) out += "; ";
                for (std::size_t c = 0; c < n.children[r].children.size(); ++c) {
                    if (c)
                        out += n.env == "aligned" || n.env == "align" || n.env == "split" ? " "
                               : n.env == "cases"                                         ? "\u2003"
                                                                                          : ", ";
                    out += linear(n.children[r].children[c]);
                }
            }
            return out;
        }
        case Kind::Ref:
            return n.close.empty() ? n.number : "(" + (n.number.empty() ? "?" : n.number) + ")";
        case Kind::Empty:
            return "";
    }
    return "";
}

}  // namespace bookc::math
