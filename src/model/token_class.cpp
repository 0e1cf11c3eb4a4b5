// The names of the code token classes (model.hpp): the EPUB's `tok-<name>` classes and the
// model dump use them.
#include "model/model.hpp"

namespace bookc::model {

const char* token_class_name(TokenClass c) {
    switch (c) {
        case TokenClass::Keyword:
            return "kw";
        case TokenClass::Type:
            return "type";
        case TokenClass::String:
            return "str";
        case TokenClass::Escape:
            return "esc";
        case TokenClass::Number:
            return "num";
        case TokenClass::Comment:
            return "com";
        case TokenClass::Function:
            return "fn";
        case TokenClass::Operator:
            return "op";
        case TokenClass::Preprocessor:
            return "pp";
        case TokenClass::Constant:
            return "const";
        case TokenClass::Builtin:
            return "builtin";
        case TokenClass::Variable:
            return "var";
        case TokenClass::Attribute:
            return "attr";
        case TokenClass::Error:
            return "err";
    }
    return "kw";
}

}  // namespace bookc::model
