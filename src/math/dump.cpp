// A compact one-line dump of a formula tree, for tests and `bookc check --dump`.
#include "math/math.hpp"

namespace bookc::math {

namespace {

const char* class_name(Class c) {
    static constexpr const char* kNames[] = {"ord",  "op",    "bin",   "rel",
                                             "open", "close", "punct", "inner"};
    return kNames[static_cast<int>(c)];
}

const char* variant_name(Variant v) {
    static constexpr const char* kNames[] = {"auto",   "normal", "italic", "bold", "bold-italic",
                                             "double", "script", "sans",   "mono"};
    return kNames[static_cast<int>(v)];
}

void kids(const Node& n, std::string& out) {
    for (const Node& k : n.children) out += " " + dump(k);
}

}  // namespace

std::string dump(const Node& n) {
    std::string out;
    switch (n.kind) {
        case Kind::Row:
            out = "(row";
            kids(n, out);
            return out + ")";
        case Kind::Ident:
            return "(id " + n.text + (n.cls == Class::Op ? " op" : "") +
                   (n.limits ? " limits" : "") + ")";
        case Kind::Number:
            return "(num " + n.text + ")";
        case Kind::Op:
            out = "(op " + (n.text.empty() ? std::string(".") : n.text) + " " + class_name(n.cls);
            if (n.stretchy) out += " stretchy";
            if (n.size) out += " size" + std::to_string(n.size);
            if (n.limits) out += " limits";
            return out + ")";
        case Kind::Text:
            return "(text \"" + n.text + "\")";
        case Kind::Space:
            return "(space " + std::to_string(static_cast<int>(n.width)) + ")";
        case Kind::Frac:
            out = n.rule ? "(frac" : "(binom";
            if (n.frac_style == FracStyle::Display) out += " display";
            if (n.frac_style == FracStyle::Text) out += " text";
            kids(n, out);
            return out + ")";
        case Kind::Sqrt:
            out = n.children.size() > 1 ? "(root" : "(sqrt";
            kids(n, out);
            return out + ")";
        case Kind::Scripts:
            out = n.limits ? "(underover" : "(scripts";
            kids(n, out);
            return out + ")";
        case Kind::Fenced:
            out = "(fenced " + (n.text.empty() ? std::string(".") : n.text) + " " +
                  (n.close.empty() ? std::string(".") : n.close);
            kids(n, out);
            return out + ")";
        case Kind::Accent:
            out = std::string("(accent") + (n.under ? " under " : " ") + n.text;
            kids(n, out);
            return out + ")";
        case Kind::Table:
            out = "(table " + n.env + (n.text.empty() ? "" : " {" + n.text + "}");
            kids(n, out);
            return out + ")";
        case Kind::Style:
            out = std::string("(style ") + variant_name(n.variant);
            kids(n, out);
            return out + ")";
        case Kind::Ref:
            return "(ref " + n.text + (n.number.empty() ? "" : " " + n.number) + ")";
        case Kind::Raw:
            return "(raw \"" + n.text + "\")";
        case Kind::Empty:
            return "_";
    }
    return out;
}

}  // namespace bookc::math
