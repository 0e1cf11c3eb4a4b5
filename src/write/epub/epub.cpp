#include "write/epub/epub.hpp"
namespace bookc::epub {
std::optional<std::string> write_epub(const model::Book&, const config::BookConfig&,
                                      const config::Layout&, font::FontDb&, base::DiagSink& diags) {
    diags.error({}, "the EPUB writer is not implemented yet");
    return std::nullopt;
}
}  // namespace bookc::epub
