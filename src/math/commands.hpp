// Private to math/: the tables of TeX commands that are not plain symbols (spaces,
// accents, \big sizes, function names), used by the parser.
#pragma once
#include <string_view>

#include "math/math.hpp"

namespace bookc::math {

struct SpaceInfo {
    std::string_view name;
    double mu;
};
struct AccentInfo {
    std::string_view name;
    std::string_view mark;  // the combining-free mark MathML and the PDF draw
    bool under;
    bool stretchy;
};
struct BigInfo {
    std::string_view name;
    int size;  // 1 \big … 4 \Bigg
    Class cls;
};
struct FunctionInfo {
    std::string_view name;
    std::string_view text;
    bool limits;  // scripts go under it in display style (\lim, \max)
};

const SpaceInfo* find_space(std::string_view name);
const AccentInfo* find_accent(std::string_view name);
const BigInfo* find_big(std::string_view name);
const FunctionInfo* find_function(std::string_view name);

}  // namespace bookc::math
