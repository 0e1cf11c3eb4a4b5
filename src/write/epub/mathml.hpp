// Presentation MathML for the EPUB: a formula of the maths model as
// <math xmlns="http://www.w3.org/1998/Math/MathML" display="…" alttext="TeX">, built with
// pugixml. Documents holding one get properties="mathml" in the OPF.
#pragma once
#include <pugixml.hpp>

#include "math/math.hpp"

namespace bookc::epub {

inline constexpr const char* kMathMlNs = "http://www.w3.org/1998/Math/MathML";

// Appends <math> for `f` under `parent`.
pugi::xml_node write_mathml(pugi::xml_node parent, const math::Formula& f, bool display);

}  // namespace bookc::epub
