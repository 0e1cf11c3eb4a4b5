// Letters in a math alphabet (\mathbb R → ℝ, italic x → 𝑥): the Mathematical
// Alphanumeric Symbols block with the letters Unicode placed elsewhere before it existed.
#include "math/math.hpp"

namespace bookc::math {

namespace {

char32_t exception(Variant v, char32_t c) {
    struct X {
        Variant v;
        char c;
        char32_t cp;
    };
    static constexpr X kHoles[] = {
        {Variant::Italic, 'h', 0x210E},       {Variant::Script, 'B', 0x212C},
        {Variant::Script, 'E', 0x2130},       {Variant::Script, 'F', 0x2131},
        {Variant::Script, 'H', 0x210B},       {Variant::Script, 'I', 0x2110},
        {Variant::Script, 'L', 0x2112},       {Variant::Script, 'M', 0x2133},
        {Variant::Script, 'R', 0x211B},       {Variant::Script, 'e', 0x212F},
        {Variant::Script, 'g', 0x210A},       {Variant::Script, 'o', 0x2134},
        {Variant::DoubleStruck, 'C', 0x2102}, {Variant::DoubleStruck, 'H', 0x210D},
        {Variant::DoubleStruck, 'N', 0x2115}, {Variant::DoubleStruck, 'P', 0x2119},
        {Variant::DoubleStruck, 'Q', 0x211A}, {Variant::DoubleStruck, 'R', 0x211D},
        {Variant::DoubleStruck, 'Z', 0x2124},
    };
    for (const X& x : kHoles)
        if (x.v == v && static_cast<char32_t>(x.c) == c) return x.cp;
    return 0;
}

}  // namespace

char32_t styled_letter(char32_t c, Variant v) {
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    if (!upper && !lower && !digit) return c;
    if (char32_t x = exception(v, c)) return x;
    char32_t base = 0;
    switch (v) {
        case Variant::Bold:
            base = 0x1D400;
            break;
        case Variant::Italic:
            base = 0x1D434;
            break;
        case Variant::BoldItalic:
            base = 0x1D468;
            break;
        case Variant::Script:
            base = 0x1D49C;
            break;
        case Variant::DoubleStruck:
            base = 0x1D538;
            break;
        case Variant::SansSerif:
            base = 0x1D5A0;
            break;
        case Variant::Monospace:
            base = 0x1D670;
            break;
        default:
            return c;
    }
    if (digit) {
        switch (v) {
            case Variant::Bold:
                return 0x1D7CE + (c - '0');
            case Variant::DoubleStruck:
                return 0x1D7D8 + (c - '0');
            case Variant::SansSerif:
                return 0x1D7E2 + (c - '0');
            case Variant::Monospace:
                return 0x1D7F6 + (c - '0');
            default:
                return c;
        }
    }
    return base + (upper ? c - 'A' : 26 + (c - 'a'));
}

}  // namespace bookc::math
