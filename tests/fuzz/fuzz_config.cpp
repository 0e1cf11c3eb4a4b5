// libFuzzer target: book.toml and layout.toml, read from a book folder as a build reads
// them. The first byte picks the file (even: book.toml through load_book_config and, when
// it is accepted, the layout it names; odd: a layout folder's layout.toml through
// load_layout); the rest is the file. A rejected file must come with an error.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "base/diag.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "fuzz_support.hpp"

using namespace bookc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool layout = data[0] & 1;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string dir = fuzz::fresh_dir("book");
    base::DiagSink diags;
    base::SourceMap sources;
    if (!layout) {
        fuzz::write_file(dir + "/book.toml", text);
        auto cfg = config::load_book_config(dir, diags);
        BOOKC_FUZZ_CHECK(cfg || diags.has_errors(), "book.toml refused without an error");
        if (cfg) {
            BOOKC_FUZZ_CHECK(!cfg->language.empty(), "no language");
            BOOKC_FUZZ_CHECK(config::slug_problem(cfg->slug).empty() || cfg->slug.empty(),
                             cfg->slug);
            // The layout book.toml names: a bundled one, or a path that must stay inside
            // the book folder (nothing outside is read).
            auto before = diags.errors();
            auto L = config::load_book_layout(*cfg, dir, "", diags);
            BOOKC_FUZZ_CHECK(L || diags.errors() > before, "layout refused without an error");
        }
    } else {
        std::filesystem::create_directories(dir + "/mine");
        fuzz::write_file(dir + "/mine/layout.toml", text);
        auto L = config::load_layout(dir + "/mine", diags);
        BOOKC_FUZZ_CHECK(L || diags.has_errors(), "layout.toml refused without an error");
        if (L) {
            // Every accepted number is finite and leaves room for text (NaN compares false
            // with every bound, so a range check alone lets `nan` through).
            const double measure = L->page_width - L->margin_inner - L->margin_outer;
            const double height = L->page_height - L->margin_top - L->margin_bottom;
            for (double v :
                 {L->page_width, L->page_height, L->margin_top, L->margin_bottom, L->margin_inner,
                  L->margin_outer, L->body_size, L->leading, L->indent_em, L->code_size_ratio,
                  L->comment_size_ratio, L->footnote_size_ratio})
                BOOKC_FUZZ_CHECK(std::isfinite(v), "a layout number is not finite");
            for (double v : L->heading_scale)
                BOOKC_FUZZ_CHECK(std::isfinite(v) && v > 0, "heading scale");
            for (double v : {L->margin_top, L->margin_bottom, L->margin_inner, L->margin_outer})
                BOOKC_FUZZ_CHECK(v >= 0, "a negative margin puts text off the page");
            BOOKC_FUZZ_CHECK(L->body_size > 0 && measure >= 4 * L->body_size, "no room for a line");
            BOOKC_FUZZ_CHECK(height >= 4 * L->body_size * L->leading, "no room for four lines");
        }
    }
    std::string report = diags.format(sources);
    BOOKC_FUZZ_CHECK(report.empty() == diags.all().empty(), "diagnostics without text");
    return 0;
}
