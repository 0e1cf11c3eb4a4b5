// bookc: compiles a folder of articles into an EPUB 3 and a print-quality PDF.
// The CLI is a thin layer: one file per subcommand (cmd_*.cpp).
#include <CLI/CLI.hpp>

#include <clocale>
#include <cstdio>

#include "cli/pipeline.hpp"

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "C");
    using namespace bookc::cli;
    CLI::App app{"bookc: compile a folder of articles into an EPUB 3 and a print-quality PDF",
                 "bookc"};
    app.set_version_flag("--version", std::string("bookc ") + BOOKC_VERSION);
    app.require_subcommand(1);

    Options opts;
    auto* build = app.add_subcommand("build", "Compile the book into OUT_DIR/<slug>.epub and .pdf");
    build->add_option("BOOK_DIR", opts.book_dir, "The book folder (default: current folder)");
    build->add_option("-o,--out", opts.out_dir, "Output folder (default: dist)");
    build->add_option("--format", opts.formats, "Outputs to make: epub, pdf or epub,pdf");
    build->add_option("--layout", opts.layout, "Layout name (handbook, a4) or path");
    build->add_flag("--strict", opts.strict, "Treat warnings as errors");
    build->add_flag("-q,--quiet", opts.quiet, "Print only problems");
    build->add_flag("--offline", opts.offline,
                    "Download nothing: remote images come from the cache or stay placeholders");
    build->add_option(
        "--cache", opts.cache_dir,
        "Remote image cache folder (default: $BOOKC_CACHE_DIR, else BOOK_DIR/.bookc-cache)");

    auto* check = app.add_subcommand("check", "Load and validate the book; write nothing");
    check->add_option("BOOK_DIR", opts.book_dir, "The book folder (default: current folder)");
    check->add_option("--layout", opts.layout, "Layout name (handbook, a4) or path");
    check->add_flag("--strict", opts.strict, "Treat warnings as errors");
    check->add_flag("-q,--quiet", opts.quiet, "Print only problems");
    check->add_option("--cache", opts.cache_dir,
                      "Remote image cache folder (check never downloads)");

    auto* fonts =
        app.add_subcommand("fonts", "Show which font file serves each role of the layout");
    fonts->add_option("BOOK_DIR", opts.book_dir, "The book folder (default: current folder)");
    fonts->add_option("--layout", opts.layout, "Layout name (handbook, a4) or path");

    auto* text =
        app.add_subcommand("text", "Print the book's text in reading order (for search or checks)");
    text->add_option("BOOK_DIR", opts.book_dir, "The book folder (default: current folder)");
    text->add_flag("--no-footnotes", opts.no_footnotes, "Leave footnotes out");

    auto* init = app.add_subcommand(
        "init", "Start a book: a commented book.toml, a sample article and a .gitignore");
    init->add_option("DIR", opts.book_dir, "The new book's folder (default: current folder)");
    init->add_flag("-q,--quiet", opts.quiet, "Print only problems");

    // Every subcommand that reports diagnostics takes the same --diagnostics option.
    for (CLI::App* sub : {build, check, fonts, text})
        sub->add_option("--diagnostics", opts.diagnostics,
                        "How problems are printed: human, json (JSON Lines) or github "
                        "(GitHub Actions annotations)")
            ->check(CLI::IsMember({"human", "json", "github"}));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kUsageError;
    }
    if (*build) return cmd_build(opts);
    if (*init) return cmd_init(opts);
    // check and text write nothing, the cache included: they use only what it holds.
    if (*check || *text) opts.offline = true;
    if (*check) return cmd_check(opts);
    if (*fonts) return cmd_fonts(opts);
    if (*text) return cmd_text(opts);
    return kUsageError;
}
