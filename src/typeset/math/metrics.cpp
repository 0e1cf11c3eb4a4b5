// Reading the MATH constants of the math font through HarfBuzz.
#include "typeset/math/metrics.hpp"

#include <hb-ot.h>

namespace bookc::typeset::math_layout {

MathMetrics math_metrics(const font::Font* font) {
    MathMetrics m;
    if (!font || !hb_ot_math_has_data(font->hb_face())) return m;
    hb_font_t* f = font->hb_font();  // scaled to units per em
    const float em = static_cast<float>(font->units_per_em());
    auto pct = [&](hb_ot_math_constant_t c, float fallback) {
        hb_position_t v = hb_ot_math_get_constant(f, c);
        return v > 0 ? static_cast<float>(v) / 100.0f : fallback;
    };
    auto len = [&](hb_ot_math_constant_t c, float fallback) {
        hb_position_t v = hb_ot_math_get_constant(f, c);
        return v > 0 ? static_cast<float>(v) / em : fallback;
    };
    m.from_font = true;
    m.script_scale = pct(HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN, m.script_scale);
    m.script_script_scale =
        pct(HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN, m.script_script_scale);
    m.superscript_shift = len(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP, m.superscript_shift);
    m.subscript_shift = len(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN, m.subscript_shift);
    return m;
}

}  // namespace bookc::typeset::math_layout
