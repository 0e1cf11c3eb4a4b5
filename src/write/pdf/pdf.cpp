#include "write/pdf/pdf.hpp"
namespace bookc::pdf {
std::optional<std::string> write_pdf(const display::Document&, base::DiagSink& diags) {
    diags.error({}, "the PDF writer is not implemented yet");
    return std::nullopt;
}
}  // namespace bookc::pdf
