// The maths tree → presentation MathML. Token elements get mathvariant only where the
// default would be wrong (upright Greek capitals and one-letter \mathrm, font commands);
// \left…\right fences stretch, other brackets do not (as in TeX); \big sizes are minsize.
#include "write/epub/mathml.hpp"

#include <string>

#include "base/utf8.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {

namespace {

using math::Kind;
using math::Node;
using math::Variant;

const char* variant_value(Variant v) {
    switch (v) {
        case Variant::Normal:
            return "normal";
        case Variant::Italic:
            return "italic";
        case Variant::Bold:
            return "bold";
        case Variant::BoldItalic:
            return "bold-italic";
        case Variant::DoubleStruck:
            return "double-struck";
        case Variant::Script:
            return "script";
        case Variant::SansSerif:
            return "sans-serif";
        case Variant::Monospace:
            return "monospace";
        default:
            return "";
    }
}

std::string em(double mu) {
    // Three decimals, classic locale (no printf: the output must not follow the locale).
    long v = static_cast<long>(mu * 1000.0 / 18.0 + (mu < 0 ? -0.5 : 0.5));
    std::string s = v < 0 ? "-" : "";
    long a = v < 0 ? -v : v;
    s += std::to_string(a / 1000) + "." + std::to_string(1000 + a % 1000).substr(1) + "em";
    return s;
}

class Writer {
public:
    void node(pugi::xml_node parent, const Node& n, Variant inherited) {
        Variant v = n.variant != Variant::Auto ? n.variant : inherited;
        switch (n.kind) {
            case Kind::Row:
                row(parent, n.children, v);
                return;
            case Kind::Style:
                row(parent, n.children, v);
                return;
            case Kind::Ident: {
                pugi::xml_node mi = add_text_el(parent, "mi", n.text);
                std::u32string t = base::to_u32(n.text);
                bool upright_greek = t.size() == 1 && t[0] >= 0x391 && t[0] <= 0x3A9;
                if (v != Variant::Auto && !(v == Variant::Normal && t.size() > 1))
                    set_attr(mi, "mathvariant", variant_value(v));
                else if (upright_greek)
                    set_attr(mi, "mathvariant", "normal");
                return;
            }
            case Kind::Number: {
                pugi::xml_node mn = add_text_el(parent, "mn", n.text);
                if (v != Variant::Auto && v != Variant::Normal)
                    set_attr(mn, "mathvariant", variant_value(v));
                return;
            }
            case Kind::Op:
                op(parent, n);
                return;
            case Kind::Text: {
                pugi::xml_node t = add_text_el(parent, "mtext", n.text);
                if (v != Variant::Auto && v != Variant::Normal)
                    set_attr(t, "mathvariant", variant_value(v));
                return;
            }
            case Kind::Space:
                set_attr(add_el(parent, "mspace"), "width", em(n.width));
                return;
            case Kind::Frac: {
                pugi::xml_node where = parent;
                if (n.frac_style != math::FracStyle::Auto) {
                    where = add_el(parent, "mstyle");
                    set_attr(where, "displaystyle",
                             n.frac_style == math::FracStyle::Display ? "true" : "false");
                }
                pugi::xml_node f = add_el(where, "mfrac");
                if (!n.rule) set_attr(f, "linethickness", "0");
                one(f, n.children[0], v);
                one(f, n.children[1], v);
                return;
            }
            case Kind::Sqrt: {
                if (n.children.size() > 1) {
                    pugi::xml_node r = add_el(parent, "mroot");
                    one(r, n.children[0], v);
                    one(r, n.children[1], v);
                } else {
                    row(add_el(parent, "msqrt"), {n.children[0]}, v);
                }
                return;
            }
            case Kind::Scripts:
                scripts(parent, n, v);
                return;
            case Kind::Fenced: {
                pugi::xml_node r = add_el(parent, "mrow");
                if (!n.text.empty()) fence(r, n.text, "prefix");
                row(r, n.children, v);
                if (!n.close.empty()) fence(r, n.close, "postfix");
                return;
            }
            case Kind::Accent: {
                pugi::xml_node a = add_el(parent, n.under ? "munder" : "mover");
                set_attr(a, n.under ? "accentunder" : "accent", "true");
                one(a, n.children[0], v);
                pugi::xml_node mo = add_text_el(a, "mo", n.text);
                set_attr(mo, "stretchy", n.stretchy ? "true" : "false");
                return;
            }
            case Kind::Table:
                table(parent, n, v);
                return;
            case Kind::Ref:
                add_text_el(
                    parent, "mtext",
                    n.close.empty() ? n.number : "(" + (n.number.empty() ? "?" : n.number) + ")");
                return;
            case Kind::Raw: {
                pugi::xml_node t = add_text_el(parent, "mtext", n.text);
                set_attr(t, "mathvariant", "monospace");
                set_attr(t, "class", "tex-unknown");
                return;
            }
            case Kind::Empty:
                add_el(parent, "mrow");
                return;
        }
    }

private:
    // Exactly one element (the child slots of mfrac, msub, …).
    void one(pugi::xml_node parent, const Node& n, Variant v) {
        if ((n.kind == Kind::Row || n.kind == Kind::Style) && n.children.size() != 1) {
            pugi::xml_node r = add_el(parent, "mrow");
            row(r, n.children, n.variant != Variant::Auto ? n.variant : v);
            return;
        }
        if (n.kind == Kind::Row || n.kind == Kind::Style) {
            one(parent, n.children[0], n.variant != Variant::Auto ? n.variant : v);
            return;
        }
        node(parent, n, v);
    }
    void row(pugi::xml_node parent, const std::vector<Node>& kids, Variant v) {
        for (const Node& k : kids) {
            if (k.kind == Kind::Row && k.children.size() != 1) {
                row(add_el(parent, "mrow"), k.children, v);  // a {group} stays one atom
                continue;
            }
            node(parent, k, v);
        }
    }
    void op(pugi::xml_node parent, const Node& n) {
        pugi::xml_node mo = add_text_el(parent, "mo", n.text);
        if (n.stretchy && n.size > 0) {
            static constexpr const char* kSizes[] = {"1.2em", "1.8em", "2.4em", "3em"};
            const char* s = kSizes[std::min(n.size, 4) - 1];
            set_attr(mo, "minsize", s);
            set_attr(mo, "maxsize", s);
        } else if (n.stretchy) {
            set_attr(mo, "stretchy", "true");
        } else if (n.cls == math::Class::Open || n.cls == math::Class::Close) {
            set_attr(mo, "stretchy", "false");
        }
    }
    void fence(pugi::xml_node parent, const std::string& d, const char* form) {
        pugi::xml_node mo = add_text_el(parent, "mo", d);
        set_attr(mo, "form", form);
        set_attr(mo, "stretchy", "true");
    }
    void scripts(pugi::xml_node parent, const Node& n, Variant v) {
        bool sub = n.children[1].kind != Kind::Empty, sup = n.children[2].kind != Kind::Empty;
        const char* name = n.limits ? (sub && sup ? "munderover"
                                       : sub      ? "munder"
                                                  : "mover")
                                    : (sub && sup ? "msubsup"
                                       : sub      ? "msub"
                                                  : "msup");
        pugi::xml_node s = add_el(parent, name);
        one(s, n.children[0], v);
        if (sub) one(s, n.children[1], v);
        if (sup) one(s, n.children[2], v);
    }
    void table(pugi::xml_node parent, const Node& n, Variant v) {
        pugi::xml_node t = add_el(parent, "mtable");
        std::string align;
        if (n.env == "aligned" || n.env == "align" || n.env == "split") align = "right left";
        if (n.env == "cases") align = "left left";
        if (n.env == "array")
            for (char c : n.text)
                if (c == 'l' || c == 'c' || c == 'r')
                    align += std::string(align.empty() ? "" : " ") + (c == 'l'   ? "left"
                                                                      : c == 'r' ? "right"
                                                                                 : "center");
        if (!align.empty()) set_attr(t, "columnalign", align);
        if (n.env == "aligned" || n.env == "align" || n.env == "split")
            set_attr(t, "columnspacing", "0em");
        if (n.env == "cases") set_attr(t, "columnspacing", "1em");
        for (const Node& r : n.children) {
            pugi::xml_node tr = add_el(t, "mtr");
            for (const Node& c : r.children) row(add_el(tr, "mtd"), c.children, v);
        }
    }
};

}  // namespace

pugi::xml_node write_mathml(pugi::xml_node parent, const math::Formula& f, bool display) {
    pugi::xml_node m = add_el(parent, "math");
    set_attr(m, "xmlns", kMathMlNs);
    set_attr(m, "display", display ? "block" : "inline");
    std::string alt = f.tex;
    while (!alt.empty() && (alt.back() == ' ' || alt.back() == '\n')) alt.pop_back();
    std::size_t s = 0;
    while (s < alt.size() && (alt[s] == ' ' || alt[s] == '\n')) ++s;
    set_attr(m, "alttext", alt.substr(s));
    Writer w;
    w.node(m, f.root, Variant::Auto);
    return m;
}

}  // namespace bookc::epub
