// Maths in HTML: pandoc's <span class="math inline|display">, MathJax's
// <script type="math/tex[; mode=display]"> and MathML <math> as sites export it. MathML
// is parsed into the same tree as TeX: from its TeX annotation when it carries one, else
// element by element (mi mn mo mtext mrow mfrac msqrt mroot msub msup msubsup munder
// mover munderover mtable mspace).
#include <cstdlib>
#include <string_view>

#include "load/html.hpp"
#include "load/html_tree.hpp"
#include "load/math_input.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

bool has_class(const GumboNode* n, std::string_view want) {
    const char* c = attr(n, "class");
    std::string_view s = c ? c : "";
    while (!s.empty()) {
        std::size_t sp = s.find(' ');
        if (s.substr(0, sp) == want) return true;
        if (sp == std::string_view::npos) break;
        s.remove_prefix(sp + 1);
    }
    return false;
}

math::Class mo_class(std::string_view t) {
    static constexpr std::string_view kBin[] = {"+",      "-",      "\u2212", "\u00D7",
                                                "\u22C5", "\u00B1", "\u2213", "\u00F7",
                                                "\u2217", "\u2218", "\u2229", "\u222A"};
    static constexpr std::string_view kRel[] = {
        "=",      "<",      ">",      "\u2264", "\u2265", "\u2260", "\u2248",
        "\u2261", "\u2208", "\u2209", "\u2282", "\u2286", "\u2192", "\u2190",
        "\u21D2", "\u21D4", "\u21A6", "\u223C", "\u2245", "\u221D", ":"};
    static constexpr std::string_view kOpen[] = {"(", "[", "{", "\u27E8", "\u2308", "\u230A"};
    static constexpr std::string_view kClose[] = {")", "]", "}", "\u27E9", "\u2309", "\u230B"};
    static constexpr std::string_view kBig[] = {"\u2211", "\u220F", "\u222B", "\u22C3",
                                                "\u22C2", "\u222C", "\u222E", "\u2210"};
    for (auto b : kBin)
        if (t == b) return math::Class::Bin;
    for (auto r : kRel)
        if (t == r) return math::Class::Rel;
    for (auto o : kOpen)
        if (t == o) return math::Class::Open;
    for (auto c : kClose)
        if (t == c) return math::Class::Close;
    for (auto b : kBig)
        if (t == b) return math::Class::Op;
    if (t == "," || t == ";") return math::Class::Punct;
    return math::Class::Ord;
}

std::vector<const GumboNode*> elements(const GumboNode* n) {
    std::vector<const GumboNode*> out;
    for_children(n, [&](const GumboNode* c) {
        if (c->type == GUMBO_NODE_ELEMENT) out.push_back(c);
    });
    return out;
}

math::Node empty_node() {
    math::Node e;
    e.kind = math::Kind::Empty;
    return e;
}

math::Node from_mathml(const GumboNode* n, int depth);

math::Node row_of(const GumboNode* n, int depth) {
    math::Node r;
    for (const GumboNode* c : elements(n)) {
        std::string t = tag_name(c);
        if (t == "annotation" || t == "annotation-xml") continue;
        r.children.push_back(from_mathml(c, depth + 1));
    }
    return r;
}

math::Node arg(const std::vector<const GumboNode*>& kids, std::size_t k, int depth) {
    return k < kids.size() ? from_mathml(kids[k], depth + 1) : empty_node();
}

math::Node from_mathml(const GumboNode* n, int depth) {
    std::string t = tag_name(n);
    math::Node out;
    std::string text(trim(node_text(n)));
    if (depth > kMaxDepth) {
        out.kind = math::Kind::Text;
        out.text = text;
        return out;
    }
    auto kids = elements(n);
    if (t == "mi") {
        out.kind = math::Kind::Ident;
        out.text = text;
        const char* v = attr(n, "mathvariant");
        if (v && std::string_view(v) == "normal") out.variant = math::Variant::Normal;
    } else if (t == "mn") {
        out.kind = math::Kind::Number;
        out.text = text;
    } else if (t == "mo") {
        out.kind = math::Kind::Op;
        out.text = text == "-" ? "\u2212" : text;
        out.cls = mo_class(out.text);
    } else if (t == "mtext" || t == "ms") {
        out.kind = math::Kind::Text;
        out.text = text;
    } else if (t == "mspace") {
        out.kind = math::Kind::Space;
        const char* w = attr(n, "width");
        out.width = w ? std::atof(w) * 18 : 3;  // "0.167em" → 3 mu
    } else if (t == "mfrac") {
        out.kind = math::Kind::Frac;
        out.children = {arg(kids, 0, depth), arg(kids, 1, depth)};
        const char* lt = attr(n, "linethickness");
        out.rule = !(lt && (std::string_view(lt) == "0" || std::string_view(lt) == "0px"));
    } else if (t == "msqrt") {
        out.kind = math::Kind::Sqrt;
        out.children.push_back(row_of(n, depth));
    } else if (t == "mroot") {
        out.kind = math::Kind::Sqrt;
        out.children = {arg(kids, 0, depth), arg(kids, 1, depth)};
    } else if (t == "msub" || t == "msup" || t == "msubsup" || t == "munder" || t == "mover" ||
               t == "munderover") {
        out.kind = math::Kind::Scripts;
        out.limits = t[1] == 'u';
        bool sub = t == "msub" || t == "msubsup" || t == "munder" || t == "munderover";
        bool both = t == "msubsup" || t == "munderover";
        out.children = {arg(kids, 0, depth), sub ? arg(kids, 1, depth) : empty_node(),
                        both  ? arg(kids, 2, depth)
                        : sub ? empty_node()
                              : arg(kids, 1, depth)};
    } else if (t == "mtable") {
        out.kind = math::Kind::Table;
        out.env = "matrix";
        for (const GumboNode* tr : kids) {
            math::Node row;
            for (const GumboNode* td : elements(tr)) row.children.push_back(row_of(td, depth + 1));
            out.children.push_back(std::move(row));
        }
    } else if (t == "semantics" && !kids.empty()) {
        return from_mathml(kids[0], depth + 1);
    } else {  // math mrow mstyle mpadded menclose mphantom, unknown elements: their content
        out = row_of(n, depth);
    }
    return out;
}

// The TeX annotation of a MathML element, "" when it has none.
std::string tex_annotation(const GumboNode* n, int depth) {
    if (depth > kMaxDepth) return {};
    for (const GumboNode* c : elements(n)) {
        const char* enc = attr(c, "encoding");
        if (tag_name(c) == "annotation" && enc &&
            std::string_view(enc).find("tex") != std::string_view::npos)
            return node_text(c);
        std::string s = tex_annotation(c, depth + 1);
        if (!s.empty()) return s;
    }
    return {};
}

}  // namespace

bool is_math_element(const GumboNode* n) {
    std::string t = tag_name(n);
    if (t == "math") return true;
    if (t == "script") {
        const char* type = attr(n, "type");
        return type && std::string_view(type).substr(0, 8) == "math/tex";
    }
    return (t == "span" || t == "div") && has_class(n, "math") &&
           (has_class(n, "inline") || has_class(n, "display"));
}

bool HtmlConverter::math_node(const GumboNode* n, model::Inlines& out) {
    if (!is_math_element(n)) return false;
    std::string t = tag_name(n);
    base::Span sp = span_of(n);
    std::shared_ptr<math::Formula> f;
    if (t == "math") {
        const char* d = attr(n, "display");
        bool display = d && std::string_view(d) == "block";
        std::string tex = tex_annotation(n, 0);
        if (!tex.empty()) {
            f = make_formula(ctx_, std::string(trim(tex)), display, -1, sp);
        } else {
            f = std::make_shared<math::Formula>();
            f->display = display;
            f->root = from_mathml(n, 0);
            const char* alt = attr(n, "alttext");
            f->tex = alt ? alt : math::linear(f->root);
        }
    } else {
        bool display = false;
        if (t == "script") {
            display =
                std::string_view(attr(n, "type")).find("mode=display") != std::string_view::npos;
        } else {
            display = has_class(n, "display");
        }
        bool delim_display = false;
        std::string tex = strip_tex_delimiters(node_text(n), delim_display);
        f = make_formula(ctx_, std::move(tex), display || delim_display, -1, sp);
    }
    if (f->tex.empty() && f->root.children.empty()) return true;
    out.push_back(math_inline(std::move(f), sp));
    return true;
}

}  // namespace bookc::load
