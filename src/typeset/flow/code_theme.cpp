// The print theme of highlighted code (layout `[code] theme = "print"`): a colour and a
// weight for each token class. Made for paper and greyscale printers: kinds differ by
// lightness and weight, not by hue alone — keywords and types bold and darkest, strings
// and numbers dark, comments a light grey — and every colour is dark enough to read.
#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

TokenLook token_look(model::TokenClass c) {
    using model::TokenClass;
    switch (c) {
        case TokenClass::Keyword:
            return {{0.05f, 0.10f, 0.40f}, true};
        case TokenClass::Type:
            return {{0.00f, 0.30f, 0.33f}, true};
        case TokenClass::String:
            return {{0.10f, 0.38f, 0.10f}, false};
        case TokenClass::Escape:
            return {{0.45f, 0.25f, 0.00f}, true};
        case TokenClass::Number:
            return {{0.55f, 0.15f, 0.05f}, false};
        case TokenClass::Comment:
            return {{0.50f, 0.50f, 0.50f}, false};
        case TokenClass::Function:
            return {{0.10f, 0.25f, 0.55f}, false};
        case TokenClass::Operator:
            return {{0.25f, 0.25f, 0.25f}, false};
        case TokenClass::Preprocessor:
            return {{0.45f, 0.25f, 0.05f}, false};
        case TokenClass::Constant:
            return {{0.55f, 0.15f, 0.05f}, true};
        case TokenClass::Builtin:
            return {{0.00f, 0.30f, 0.40f}, false};
        case TokenClass::Variable:
            return {{0.40f, 0.30f, 0.00f}, false};
        case TokenClass::Attribute:
            return {{0.35f, 0.35f, 0.10f}, false};
        case TokenClass::Error:
            return {{0.70f, 0.00f, 0.00f}, true};
    }
    return {};
}

}  // namespace bookc::typeset::flow
