// libFuzzer target: one article's bytes through load::load_article, the entry load_book
// hands every article file's bytes to: the text checks (NUL bytes, UTF-16 and GB18030
// detection, invalid UTF-8), format detection, front matter, the Markdown, HTML and
// plain-text loaders, the readers' comment block, boilerplate, images, the title rules;
// then the model dump and the diagnostics as the CLI prints them. All in memory: the book
// folder named does not exist, so an image reference is "not found" without reading
// anything (reading the article file itself is load_book's part, tested in tests/load).
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
    cfg.images.offline = true;  // never the network (load_article fetches nothing anyway)

    base::SourceMap sources;
    base::DiagSink diags;
    model::Book book;
    auto ch = load::load_article("/nonexistent/bookc-fuzz", a.rel, std::string(a.bytes), nullptr,
                                 cfg, book, sources, diags);
    if (ch) {
        BOOKC_FUZZ_CHECK(!ch->title.empty(), a.rel);
        book.parts.emplace_back().chapters.push_back(std::move(*ch));
        BOOKC_FUZZ_CHECK(book.assets.empty(), "an image read from a folder that does not exist");
        std::string dump = model::dump(book);
        BOOKC_FUZZ_CHECK(!dump.empty(), a.rel);
    } else {
        BOOKC_FUZZ_CHECK(diags.all().size() == 1, "an article refused without one diagnostic");
    }
    std::string report = diags.format(sources);
    BOOKC_FUZZ_CHECK(report.empty() == diags.all().empty(), "diagnostics without text");
    return 0;
}
