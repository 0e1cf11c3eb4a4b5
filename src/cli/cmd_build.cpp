#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "base/atomic_file.hpp"
#include "cli/pipeline.hpp"
#include "font/font.hpp"
#include "typeset/typeset.hpp"
#include "write/epub/epub.hpp"
#include "write/pdf/pdf.hpp"

namespace fs = std::filesystem;

namespace bookc::cli {

namespace {

std::string human_size(std::size_t n) {
    char buf[32];
    if (n >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", n / 1048576.0);
    else std::snprintf(buf, sizeof buf, "%.0f KB", n / 1024.0);
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
                std::fprintf(stderr, "bookc: error: unknown format `%s` (use epub, pdf)\n", f.c_str());
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
        report(diags, sources, opts.quiet);
        return loaded ? exit_status(diags, opts.strict) : exit;
    }
    const model::Book& book = loaded->book;
    font::FontDb fonts(config::data_dir(), {loaded->layout.dir + "/fonts", opts.book_dir + "/fonts"});

    // Every output is made in memory first; files are written only when all succeeded,
    // each through a temporary file and a rename, so a failed build leaves the previous
    // book intact and never a half-written one.
    std::vector<std::pair<std::string, std::string>> outputs;  // path, bytes
    std::string slug = book.meta.slug.empty() ? "book" : book.meta.slug;
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
            if (bytes) outputs.emplace_back((out_dir / (slug + ".pdf")).string(), std::move(*bytes));
        }
    }
    int status = exit_status(diags, opts.strict);
    if (status == kOk) {
        std::error_code ec;
        fs::create_directories(out_dir, ec);
        if (ec) {
            diags.error_at(out_dir.string(), 0, 0, "cannot create the output folder: " + ec.message());
        } else {
            for (const auto& [path, bytes] : outputs) {
                std::string err = base::write_file_atomic(path, bytes);
                if (!err.empty()) diags.error_at(path, 0, 0, err);
                else if (!opts.quiet) std::printf("wrote %s (%s)\n", path.c_str(), human_size(bytes.size()).c_str());
            }
        }
        status = exit_status(diags, opts.strict);
    }
    report(diags, sources, opts.quiet);
    return status;
}

}  // namespace bookc::cli
