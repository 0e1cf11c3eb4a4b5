#include <cstdio>

#include "cli/pipeline.hpp"

namespace bookc::cli {

// Prints the book's text in reading order on stdout; diagnostics go to stderr.
int cmd_text(const Options& opts) {
    base::SourceMap sources;
    base::DiagSink diags;
    int exit = kOk;
    auto loaded = load_all(opts, sources, diags, exit);
    {
        Options quiet = opts;
        quiet.quiet = true;
        report(diags, sources, quiet);
    }
    if (!loaded) return exit;
    std::string text = model::book_text(loaded->book, !opts.no_footnotes);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return exit_status(diags, opts.strict);
}

}  // namespace bookc::cli
