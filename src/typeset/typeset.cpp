#include "typeset/typeset.hpp"
namespace bookc::typeset {
display::Document typeset_book(const model::Book&, const config::Layout&, font::FontDb&,
                               const base::SourceMap&, base::DiagSink& diags) {
    diags.error({}, "the typesetter is not implemented yet");
    return {};
}
}  // namespace bookc::typeset
