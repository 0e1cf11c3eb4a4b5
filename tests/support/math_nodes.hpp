// Model nodes holding formulas, for the writer and typesetter tests (header-only: the
// stages' tests link the maths parser through the model).
#pragma once
#include <memory>

#include "math/math.hpp"
#include "model/model.hpp"

namespace bookc::test {

inline model::Inline math_inline(const char* tex) {
    model::Inline in;
    in.kind = model::InlineKind::Math;
    in.text = tex;
    in.math = std::make_shared<math::Formula>(math::parse_tex(tex, false));
    return in;
}

inline model::Block math_block(const char* tex) {
    model::Block b;
    b.kind = model::BlockKind::MathBlock;
    b.text = tex;
    b.math = std::make_shared<math::Formula>(math::parse_tex(tex, true));
    return b;
}

}  // namespace bookc::test
