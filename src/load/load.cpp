#include "load/load.hpp"
namespace bookc::load {
std::optional<model::Book> load_book(const std::string&, const config::BookConfig&,
                                     base::SourceMap&, base::DiagSink& diags) {
    diags.error({}, "loading is not implemented yet");
    return std::nullopt;
}
}  // namespace bookc::load
