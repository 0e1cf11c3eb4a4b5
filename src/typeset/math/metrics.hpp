// Private to typeset/: the numbers maths layout takes from the math font's OpenType MATH
// table (HarfBuzz hb_ot_math_*): script sizes and shifts, for now; fractions, radicals
// and stretchy delimiters follow in the layout slice.
#pragma once
#include "font/font.hpp"

namespace bookc::typeset::math_layout {

// In em of the formula's size (shifts) or as factors (scales).
struct MathMetrics {
    bool from_font = false;            // false: the font has no MATH table; TeX-like defaults
    float script_scale = 0.7f;         // scriptPercentScaleDown
    float script_script_scale = 0.5f;  // scriptScriptPercentScaleDown
    float superscript_shift = 0.36f;   // superscriptShiftUp
    float subscript_shift = 0.18f;     // subscriptShiftDown
};

MathMetrics math_metrics(const font::Font* font);

}  // namespace bookc::typeset::math_layout
