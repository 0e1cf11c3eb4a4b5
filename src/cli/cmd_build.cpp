#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "base/atomic_file.hpp"
#include "cli/pipeline.hpp"
#include "display/display.hpp"
#include "font/font.hpp"
#include "highlight/highlight.hpp"
#include "typeset/typeset.hpp"
#include "write/epub/epub.hpp"
#include "write/pdf/pdf.hpp"

namespace fs = std::filesystem;

namespace bookc::cli {

namespace {

std::string human_size(std::size_t n) {
    char buf[32];
    if (n >= 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f MB", n / 1048576.0);
    else
        std::snprintf(buf, sizeof buf, "%.0f KB", n / 1024.0);
    return buf;
}

}  // namespace

int cmd_build(const Options& opts) {
    std::set<std::string> formats;
    {
        std::stringstream ss(opts.formats);
        std::string f;
        while (std::getline(ss, f, ',')) {
            if (f.empty()) continue;
            if (f != "epub" && f != "pdf") {
                std::fprintf(stderr, "bookc: error: unknown format `%s` (use epub, pdf)\n",
                             f.c_str());
                return kUsageError;
            }
            formats.insert(f);
        }
        if (formats.empty()) {
            std::fprintf(stderr, "bookc: error: --format needs epub, pdf or both\n");
            return kUsageError;
        }
    }

    base::SourceMap sources;
    base::DiagSink diags;
    int exit = kOk;
    auto loaded = load_all(opts, sources, diags, exit);
    if (!loaded || exit_status(diags, opts.strict) != kOk) {
        report(diags, sources, opts);
        return loaded ? exit_status(diags, opts.strict) : exit;
    }
    // Code blocks with a language are highlighted once, into the model both writers read.
    if (loaded->layout.code_theme != "none") highlight::highlight_book(loaded->book);
    const model::Book& book = loaded->book;
    font::FontDb fonts(config::data_dir(),
                       {loaded->layout.dir + "/fonts", opts.book_dir + "/fonts"},
                       loaded->cfg.limits.font);
    for (const auto& r : fonts.refused())
        diags.warning_at(r.path, 0, 0, "font file is " + r.problem + "; skipped");

    // Every output is made in memory first; files are written only when all succeeded,
    // each through a temporary file and a rename, so a failed build leaves the previous
    // book intact and never a half-written one.
    std::vector<std::pair<std::string, std::string>> outputs;  // path, bytes
    std::string slug = book.meta.slug.empty() ? "book" : book.meta.slug;
    if (std::string problem = config::slug_problem(slug); !problem.empty()) {
        // book.toml reports a bad slug with its line; this guards every other source of one.
        diags.error_at(loaded->cfg.path.empty() ? opts.book_dir : loaded->cfg.path, 0, 0,
                       "the output name `" + slug + "` " + problem);
        report(diags, sources, opts);
        return kUsageError;
    }
    fs::path out_dir(opts.out_dir);
    if (formats.count("epub")) {
        auto bytes = epub::write_epub(book, loaded->cfg, loaded->layout, fonts, diags);
        if (bytes) outputs.emplace_back((out_dir / (slug + ".epub")).string(), std::move(*bytes));
    }
    if (formats.count("pdf") && !diags.has_errors()) {
        display::Document doc = typeset::typeset_book(book, loaded->layout, fonts, sources, diags);
        doc.meta.creator = std::string("bookc ") + BOOKC_VERSION;
        if (!diags.has_errors()) {
            auto bytes = pdf::write_pdf(doc, diags);
            if (bytes)
                outputs.emplace_back((out_dir / (slug + ".pdf")).string(), std::move(*bytes));
        }
    }
    int status = exit_status(diags, opts.strict);
    if (status == kOk) {
        std::error_code ec;
        fs::create_directories(out_dir, ec);
        if (ec) {
            diags.error_at(out_dir.string(), 0, 0,
                           "cannot create the output folder: " + ec.message());
        } else {
            // Leftovers of interrupted builds of this book: finish a half-done commit, remove
            // temporaries whose process is gone (see base/atomic_file.hpp).
            for (const auto& line :
                 base::recover_outputs(out_dir.string(), {slug + ".epub", slug + ".pdf"}))
                if (!opts.quiet) std::printf("bookc: %s\n", line.c_str());
            // Every output is written to its temporary first; only then are they renamed
            // over the targets, back to back, so the EPUB and the PDF change together.
            base::OutputBatch batch;
            std::string err;
            for (const auto& [path, bytes] : outputs) {
                err = batch.stage(path, bytes);
                if (!err.empty()) break;
            }
            if (err.empty()) err = batch.commit();
            if (!err.empty()) {
                diags.error_at(out_dir.string(), 0, 0, "the book could not be written: " + err);
            } else if (!opts.quiet) {
                for (const auto& [path, bytes] : outputs)
                    std::printf("wrote %s (%s)\n", path.c_str(), human_size(bytes.size()).c_str());
            }
        }
        status = exit_status(diags, opts.strict);
    }
    report(diags, sources, opts);
    return status;
}

}  // namespace bookc::cli
