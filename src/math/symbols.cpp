// The table from TeX symbol commands to Unicode code points and atom classes, shared by
// the MathML writer and the PDF (both see only the code points), and TeX's spacing table.
#include <algorithm>
#include <array>
#include <iterator>

#include "math/math.hpp"

namespace bookc::math {

namespace {

struct Entry {
    std::string_view name;
    char32_t cp;
    Class cls;
};

constexpr Class O = Class::Ord, P = Class::Op, B = Class::Bin, R = Class::Rel, L = Class::Open,
                C = Class::Close, U = Class::Punct;

// Sorted by name (checked once at first use).
constexpr Entry kSymbols[] = {
    {"Delta", 0x394, O},
    {"Gamma", 0x393, O},
    {"Im", 0x2111, O},
    {"Lambda", 0x39B, O},
    {"Leftarrow", 0x21D0, R},
    {"Leftrightarrow", 0x21D4, R},
    {"Longleftarrow", 0x27F8, R},
    {"Longleftrightarrow", 0x27FA, R},
    {"Longrightarrow", 0x27F9, R},
    {"Omega", 0x3A9, O},
    {"Phi", 0x3A6, O},
    {"Pi", 0x3A0, O},
    {"Psi", 0x3A8, O},
    {"Re", 0x211C, O},
    {"Rightarrow", 0x21D2, R},
    {"Sigma", 0x3A3, O},
    {"Theta", 0x398, O},
    {"Upsilon", 0x3A5, O},
    {"Xi", 0x39E, O},
    {"aleph", 0x2135, O},
    {"alpha", 0x3B1, O},
    {"approx", 0x2248, R},
    {"ast", 0x2217, B},
    {"beta", 0x3B2, O},
    {"bigcap", 0x22C2, P},
    {"bigcup", 0x22C3, P},
    {"bigodot", 0x2A00, P},
    {"bigoplus", 0x2A01, P},
    {"bigotimes", 0x2A02, P},
    {"bigvee", 0x22C1, P},
    {"bigwedge", 0x22C0, P},
    {"bot", 0x22A5, O},
    {"bullet", 0x2219, B},
    {"cap", 0x2229, B},
    {"cdot", 0x22C5, B},
    {"cdots", 0x22EF, Class::Inner},
    {"chi", 0x3C7, O},
    {"circ", 0x2218, B},
    {"colon", 0x3A, U},
    {"cong", 0x2245, R},
    {"coprod", 0x2210, P},
    {"cup", 0x222A, B},
    {"dagger", 0x2020, B},
    {"ddots", 0x22F1, Class::Inner},
    {"delta", 0x3B4, O},
    {"div", 0xF7, B},
    {"downarrow", 0x2193, R},
    {"ell", 0x2113, O},
    {"emptyset", 0x2205, O},
    {"epsilon", 0x3F5, O},
    {"equiv", 0x2261, R},
    {"eta", 0x3B7, O},
    {"exists", 0x2203, O},
    {"forall", 0x2200, O},
    {"gamma", 0x3B3, O},
    {"ge", 0x2265, R},
    {"geq", 0x2265, R},
    {"gets", 0x2190, R},
    {"gg", 0x226B, R},
    {"hbar", 0x210F, O},
    {"iff", 0x27FA, R},
    {"iiint", 0x222D, P},
    {"iint", 0x222C, P},
    {"implies", 0x27F9, R},
    {"in", 0x2208, R},
    {"infty", 0x221E, O},
    {"int", 0x222B, P},
    {"iota", 0x3B9, O},
    {"kappa", 0x3BA, O},
    {"lambda", 0x3BB, O},
    {"land", 0x2227, B},
    {"langle", 0x27E8, L},
    {"lbrace", 0x7B, L},
    {"lceil", 0x2308, L},
    {"ldots", 0x2026, Class::Inner},
    {"le", 0x2264, R},
    {"leftarrow", 0x2190, R},
    {"leftrightarrow", 0x2194, R},
    {"leq", 0x2264, R},
    {"lfloor", 0x230A, L},
    {"ll", 0x226A, R},
    {"lnot", 0xAC, O},
    {"longleftarrow", 0x27F5, R},
    {"longmapsto", 0x27FC, R},
    {"longrightarrow", 0x27F6, R},
    {"lor", 0x2228, B},
    {"mapsto", 0x21A6, R},
    {"mid", 0x2223, R},
    {"mp", 0x2213, B},
    {"mu", 0x3BC, O},
    {"nabla", 0x2207, O},
    {"ne", 0x2260, R},
    {"neg", 0xAC, O},
    {"neq", 0x2260, R},
    {"ni", 0x220B, R},
    {"notin", 0x2209, R},
    {"nu", 0x3BD, O},
    {"odot", 0x2299, B},
    {"oint", 0x222E, P},
    {"omega", 0x3C9, O},
    {"ominus", 0x2296, B},
    {"oplus", 0x2295, B},
    {"otimes", 0x2297, B},
    {"parallel", 0x2225, R},
    {"partial", 0x2202, O},
    {"perp", 0x22A5, R},
    {"phi", 0x3D5, O},
    {"pi", 0x3C0, O},
    {"pm", 0xB1, B},
    {"prec", 0x227A, R},
    {"prime", 0x2032, O},
    {"prod", 0x220F, P},
    {"propto", 0x221D, R},
    {"psi", 0x3C8, O},
    {"rangle", 0x27E9, C},
    {"rbrace", 0x7D, C},
    {"rceil", 0x2309, C},
    {"rfloor", 0x230B, C},
    {"rho", 0x3C1, O},
    {"rightarrow", 0x2192, R},
    {"setminus", 0x2216, B},
    {"sigma", 0x3C3, O},
    {"sim", 0x223C, R},
    {"simeq", 0x2243, R},
    {"star", 0x22C6, B},
    {"subset", 0x2282, R},
    {"subseteq", 0x2286, R},
    {"succ", 0x227B, R},
    {"sum", 0x2211, P},
    {"supset", 0x2283, R},
    {"supseteq", 0x2287, R},
    {"tau", 0x3C4, O},
    {"therefore", 0x2234, R},
    {"theta", 0x3B8, O},
    {"times", 0xD7, B},
    {"to", 0x2192, R},
    {"top", 0x22A4, O},
    {"triangle", 0x25B3, O},
    {"uparrow", 0x2191, R},
    {"upsilon", 0x3C5, O},
    {"varepsilon", 0x3B5, O},
    {"varphi", 0x3C6, O},
    {"varpi", 0x3D6, O},
    {"varrho", 0x3F1, O},
    {"varsigma", 0x3C2, O},
    {"vartheta", 0x3D1, O},
    {"vdots", 0x22EE, O},
    {"vee", 0x2228, B},
    {"wedge", 0x2227, B},
    {"xi", 0x3BE, O},
    {"zeta", 0x3B6, O},
};

bool sorted_once() {
    static const bool ok =
        std::is_sorted(std::begin(kSymbols), std::end(kSymbols),
                       [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return ok;
}

}  // namespace

bool find_symbol(std::string_view command, Symbol& out) {
    if (!sorted_once()) return false;
    auto it = std::lower_bound(std::begin(kSymbols), std::end(kSymbols), command,
                               [](const Entry& e, std::string_view n) { return e.name < n; });
    if (it == std::end(kSymbols) || it->name != command) return false;
    out = {it->cp, it->cls};
    return true;
}

int spacing_mu(Class left, Class right, bool script) {
    // The TeXbook, p. 170: rows left, columns right (Ord Op Bin Rel Open Close Punct Inner).
    // Values: 0 none, 1 thin, 2 medium, 3 thick; negative: only in text/display style.
    static constexpr std::array<std::array<int, 8>, 8> kTable = {{
        {0, 1, -2, -3, 0, 0, 0, -1},
        {1, 1, 0, -3, 0, 0, 0, -1},
        {-2, -2, 0, 0, -2, 0, 0, -2},
        {-3, -3, 0, 0, -3, 0, 0, -3},
        {0, 0, 0, 0, 0, 0, 0, 0},
        {0, 1, -2, -3, 0, 0, 0, -1},
        {-1, -1, 0, -1, -1, -1, -1, -1},
        {-1, 1, -2, -3, -1, 0, -1, -1},
    }};
    int v = kTable[static_cast<int>(left)][static_cast<int>(right)];
    if (v < 0) v = script ? 0 : -v;
    static constexpr int kMu[] = {0, 3, 4, 5};
    return kMu[v];
}

}  // namespace bookc::math
