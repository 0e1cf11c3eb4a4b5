// The steps every subcommand shares: read the configuration and load the book.
#pragma once
#include <optional>
#include <string>

#include "base/diag.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "model/model.hpp"

namespace bookc::cli {

enum Exit { kOk = 0, kContentError = 1, kUsageError = 2 };

struct Options {
    std::string book_dir = ".";
    std::string out_dir = "dist";
    std::string formats = "epub,pdf";
    std::string layout;
    bool strict = false;
    bool quiet = false;
    bool no_footnotes = false;          // text: leave footnotes out
    bool offline = false;               // remote images: only what the cache holds
    std::string diagnostics = "human";  // human | json | github
    std::string cache_dir;  // remote image cache; empty: $BOOKC_CACHE_DIR, else <book>/.bookc-cache
};

struct Loaded {
    config::BookConfig cfg;
    config::Layout layout;
    model::Book book;
};

// Loads config, layout and book, runs the model passes. Returns nullopt with `exit` set
// when the run cannot go on (bad book.toml or layout: 2; no book: 1).
std::optional<Loaded> load_all(const Options& opts, base::SourceMap& sources, base::DiagSink& diags,
                               int& exit);

// Prints every diagnostic and the closing count, in the form opts.diagnostics names:
// "human" (stderr, path:line:col: severity: message), "json" (JSON Lines on stderr) or
// "github" (GitHub Actions annotations on stdout, the count on stderr).
void report(const base::DiagSink& diags, const base::SourceMap& sources, const Options& opts);
// Exit status for the diagnostics so far.
int exit_status(const base::DiagSink& diags, bool strict);

int cmd_build(const Options& opts);
int cmd_check(const Options& opts);
int cmd_fonts(const Options& opts);
int cmd_text(const Options& opts);
int cmd_init(const Options& opts);

}  // namespace bookc::cli
