// libFuzzer target: one article's bytes through everything load_book does with a file of
// a book folder: the read checks (NUL bytes, UTF-16 and GB18030 detection, invalid UTF-8),
// format detection, front matter, the Markdown, HTML and plain-text loaders, the readers'
// comment block, boilerplate, images (remote ones only from an empty cache: offline), the
// title rules; then the model dump and the diagnostics as the CLI prints them.
#include <cstdint>
#include <cstdlib>

#include "article_options.hpp"
#include "base/diag.hpp"
#include "base/source.hpp"
#include "fuzz_support.hpp"
#include "load/load.hpp"
#include "model/model.hpp"

using namespace bookc;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    config::BookConfig cfg;
    fuzz::Article a = fuzz::article_from(data, size, cfg);
    const std::string dir = fuzz::fresh_dir("book");
    fuzz::write_file(dir + "/" + a.rel, a.bytes);
    cfg.images.offline = true;  // never the network: remote images come from the cache
    cfg.images.cache_dir = fuzz::scratch_dir() + "/cache";

    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, cfg, sources, diags);
    if (book) {
        BOOKC_FUZZ_CHECK(book->chapter_count() == 1, a.rel);
        book->for_each_chapter(
            [&](const model::Chapter& ch) { BOOKC_FUZZ_CHECK(!ch.title.empty(), a.rel); });
        std::string dump = model::dump(*book);
        BOOKC_FUZZ_CHECK(!dump.empty(), a.rel);
    } else {
        BOOKC_FUZZ_CHECK(diags.has_errors(), "no book and no error");
    }
    std::string report = diags.format(sources);
    BOOKC_FUZZ_CHECK(report.empty() == diags.all().empty(), "diagnostics without text");
    return 0;
}
