#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/pipeline.hpp"
#include "load/load.hpp"

namespace bookc::cli {

void report(const base::DiagSink& diags, const base::SourceMap& sources, bool quiet) {
    std::string text = diags.format(sources);
    std::fputs(text.c_str(), stderr);
    if (diags.errors() || diags.warnings() || !quiet)
        std::fprintf(stderr, "bookc: %s\n", diags.summary().c_str());
}

int exit_status(const base::DiagSink& diags, bool strict) {
    if (diags.errors()) return kContentError;
    if (strict && diags.warnings()) return kContentError;
    return kOk;
}

std::optional<Loaded> load_all(const Options& opts, base::SourceMap& sources, base::DiagSink& diags,
                               int& exit) {
    std::error_code ec;
    if (!std::filesystem::is_directory(opts.book_dir, ec)) {
        diags.error_at(opts.book_dir, 0, 0, "not a folder");
        exit = kUsageError;
        return std::nullopt;
    }
    auto cfg = config::load_book_config(opts.book_dir, diags);
    if (!cfg) {
        exit = kUsageError;
        return std::nullopt;
    }
    cfg->images.offline = opts.offline;
    if (!opts.cache_dir.empty()) {
        cfg->images.cache_dir = opts.cache_dir;
    } else if (const char* env = std::getenv("BOOKC_CACHE_DIR"); env && *env) {
        cfg->images.cache_dir = env;
    }
    auto layout = config::load_book_layout(*cfg, opts.book_dir, opts.layout, diags);
    if (!layout) {
        exit = kUsageError;
        return std::nullopt;
    }
    auto book = load::load_book(opts.book_dir, *cfg, sources, diags);
    if (!book) {
        exit = kContentError;
        return std::nullopt;
    }
    model::run_passes(*book, load::pass_options(*cfg), diags);
    exit = kOk;
    return Loaded{std::move(*cfg), std::move(*layout), std::move(*book)};
}

}  // namespace bookc::cli
