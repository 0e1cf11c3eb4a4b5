#include <cstdio>

#include "cli/pipeline.hpp"

namespace bookc::cli {

// Loads and validates everything, prints diagnostics, writes nothing.
int cmd_check(const Options& opts) {
    base::SourceMap sources;
    base::DiagSink diags;
    int exit = kOk;
    auto loaded = load_all(opts, sources, diags, exit);
    report(diags, sources, opts);
    if (!loaded) return exit;
    if (!opts.quiet && !diags.has_errors())
        std::printf("%s: %zu chapters, %zu images\n", loaded->book.meta.title.c_str(),
                    loaded->book.chapter_count(), loaded->book.assets.size());
    return exit_status(diags, opts.strict);
}

}  // namespace bookc::cli
