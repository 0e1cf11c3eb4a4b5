// Tables of the TeX commands the parser handles by kind: spaces, accents, \big…,
// function names (\sin, \lim). Symbols proper are in symbols.cpp.
#include "math/commands.hpp"

namespace bookc::math {

namespace {

template <class T, std::size_t N>
const T* find_in(const T (&table)[N], std::string_view name) {
    for (const T& e : table)
        if (e.name == name) return &e;
    return nullptr;
}

constexpr SpaceInfo kSpaces[] = {
    {",", 3},          {"thinspace", 3}, {":", 4},
    {">", 4},          {"medspace", 4},  {";", 5},
    {"thickspace", 5}, {"!", -3},        {"negthinspace", -3},
    {" ", 6},          {"quad", 18},     {"qquad", 36},
};

constexpr AccentInfo kAccents[] = {
    {"hat", "^", false, false},
    {"widehat", "^", false, true},
    {"bar", "\u00AF", false, false},
    {"overline", "\u00AF", false, true},
    {"vec", "\u2192", false, false},
    {"overrightarrow", "\u2192", false, true},
    {"overleftarrow", "\u2190", false, true},
    {"tilde", "~", false, false},
    {"widetilde", "~", false, true},
    {"dot", "\u02D9", false, false},
    {"ddot", "\u00A8", false, false},
    {"check", "\u02C7", false, false},
    {"breve", "\u02D8", false, false},
    {"acute", "\u00B4", false, false},
    {"grave", "`", false, false},
    {"underline", "\u00AF", true, true},
    {"overbrace", "\u23DE", false, true},
    {"underbrace", "\u23DF", true, true},
};

constexpr BigInfo kBigs[] = {
    {"big", 1, Class::Ord},    {"Big", 2, Class::Ord},     {"bigg", 3, Class::Ord},
    {"Bigg", 4, Class::Ord},   {"bigl", 1, Class::Open},   {"Bigl", 2, Class::Open},
    {"biggl", 3, Class::Open}, {"Biggl", 4, Class::Open},  {"bigr", 1, Class::Close},
    {"Bigr", 2, Class::Close}, {"biggr", 3, Class::Close}, {"Biggr", 4, Class::Close},
    {"bigm", 1, Class::Rel},   {"Bigm", 2, Class::Rel},    {"biggm", 3, Class::Rel},
    {"Biggm", 4, Class::Rel},
};

constexpr FunctionInfo kFunctions[] = {
    {"sin", "sin", false},       {"cos", "cos", false},       {"tan", "tan", false},
    {"cot", "cot", false},       {"sec", "sec", false},       {"csc", "csc", false},
    {"arcsin", "arcsin", false}, {"arccos", "arccos", false}, {"arctan", "arctan", false},
    {"sinh", "sinh", false},     {"cosh", "cosh", false},     {"tanh", "tanh", false},
    {"log", "log", false},       {"ln", "ln", false},         {"lg", "lg", false},
    {"exp", "exp", false},       {"arg", "arg", false},       {"deg", "deg", false},
    {"dim", "dim", false},       {"ker", "ker", false},       {"hom", "hom", false},
    {"lim", "lim", true},        {"liminf", "lim inf", true}, {"limsup", "lim sup", true},
    {"max", "max", true},        {"min", "min", true},        {"sup", "sup", true},
    {"inf", "inf", true},        {"det", "det", true},        {"gcd", "gcd", true},
    {"Pr", "Pr", true},          {"argmax", "arg max", true}, {"argmin", "arg min", true},
};

}  // namespace

const SpaceInfo* find_space(std::string_view name) { return find_in(kSpaces, name); }
const AccentInfo* find_accent(std::string_view name) { return find_in(kAccents, name); }
const BigInfo* find_big(std::string_view name) { return find_in(kBigs, name); }
const FunctionInfo* find_function(std::string_view name) { return find_in(kFunctions, name); }

}  // namespace bookc::math
