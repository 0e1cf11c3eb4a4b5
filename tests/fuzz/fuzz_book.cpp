// libFuzzer target: the whole pipeline on a book of one article, as `bookc build` runs it
// (src/cli/cmd_build.cpp): load (offline) → model passes → EPUB bytes; typeset → display
// dump → PDF bytes, all in memory. The input is one article as fuzz_load reads it (first
// byte: file name and [comments] options, see article_options.hpp). The handbook layout
// and the fonts (fontconfig, fonts-noto-cjk) are loaded once per process.
#include <cstdint>
#include <cstdlib>

#include "article_options.hpp"
#include "base/diag.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "display/display.hpp"
#include "font/font.hpp"
#include "fuzz_support.hpp"
#include "load/load.hpp"
#include "model/model.hpp"
#include "model/passes.hpp"
#include "typeset/typeset.hpp"
#include "write/epub/epub.hpp"
#include "write/pdf/pdf.hpp"

using namespace bookc;

namespace {

constexpr const char* kFontDir = BOOKC_FUZZ_FONT_DIR;

struct Shared {
    config::Layout layout;
    std::unique_ptr<font::FontDb> fonts;
    Shared() {
        base::DiagSink diags;
        auto L = config::load_layout("handbook", diags);
        BOOKC_FUZZ_CHECK(L, "the handbook layout does not load (BOOKC_DATA_DIR?)");
        layout = *L;
        // The small subsets of the CJK faces (make_fonts.cpp) come before the system's.
        fonts = std::make_unique<font::FontDb>(
            config::data_dir(), std::vector<std::string>{layout.dir + "/fonts", kFontDir});
        for (const char* family : {"Noto Serif CJK SC", "Noto Sans CJK SC"}) {
            auto face = fonts->find(family);
            BOOKC_FUZZ_CHECK(face && face->path.rfind(kFontDir, 0) == 0,
                             std::string(family) + " is not the subset in " + kFontDir);
        }
    }
};
Shared& shared() {
    static Shared s;
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    shared();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    config::BookConfig cfg;
    fuzz::Article a = fuzz::article_from(data, size, cfg);
    const std::string dir = fuzz::fresh_dir("book");
    fuzz::write_file(dir + "/" + a.rel, a.bytes);
    cfg.images.offline = true;
    cfg.images.cache_dir = fuzz::scratch_dir() + "/cache";
    cfg.title = "fuzz";
    cfg.slug = "fuzz";

    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, cfg, sources, diags);
    if (!book) return 0;
    model::run_passes(*book, load::pass_options(cfg), diags);
    Shared& s = shared();
    auto epub = epub::write_epub(*book, cfg, s.layout, *s.fonts, diags);
    BOOKC_FUZZ_CHECK(!epub || epub->compare(0, 2, "PK") == 0, "the EPUB is not a zip");
    display::Document doc = typeset::typeset_book(*book, s.layout, *s.fonts, sources, diags);
    BOOKC_FUZZ_CHECK(!doc.pages.empty(), "a book without pages");
    BOOKC_FUZZ_CHECK(!display::dump(doc).empty(), "empty display dump");
    auto pdf = pdf::write_pdf(doc, diags);
    BOOKC_FUZZ_CHECK(pdf || diags.has_errors(), "no PDF and no error");
    BOOKC_FUZZ_CHECK(!pdf || pdf->compare(0, 5, "%PDF-") == 0, "the PDF does not start with %PDF-");
    (void)diags.format(sources);
    return 0;
}
