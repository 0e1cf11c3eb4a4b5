// A book-sized document (500 pages of shaped Chinese) for measuring the writer by hand:
//   test_pdf -tc="pdf bench*" --no-skip -s
// It reports time and size; nothing here is asserted on time.
#include <doctest/doctest.h>

#include <chrono>

#include "base/utf8.hpp"
#include "write/pdf/pdf.hpp"
#include "write/pdf/pdf_fixture.hpp"

using namespace bookc;

TEST_CASE("pdf bench: 500 pages of Chinese" * doctest::skip()) {
    if (!pdf_test::fonts_available()) return;
    display::Document doc;
    doc.fonts.push_back({pdf_test::kNotoSerifCjk, 2, "NotoSerifCJKsc-Regular", 1000});
    // 1,000 distinct hanzi from the common range, 35 per line, 40 lines per page.
    std::u32string pool;
    for (char32_t c = 0x4E00; pool.size() < 1000; c += 7) pool += c;
    std::size_t next = 0, glyphs = 0;
    std::vector<display::GlyphRun> lines;
    for (int i = 0; i < 200; ++i) {  // shape 200 distinct lines, reuse them
        std::u32string line;
        for (int k = 0; k < 34; ++k) line += pool[next++ % pool.size()];
        line += U'。';
        lines.push_back(pdf_test::shape(doc, 0, base::to_utf8(line), 10.5f, 60, 0));
    }
    for (int p = 0; p < 500; ++p) {
        display::Page page;
        page.width = 420;
        page.height = 595;
        for (int l = 0; l < 40; ++l) {
            display::GlyphRun run = lines[static_cast<std::size_t>((p * 40 + l) % 200)];
            run.y = 60 + 12.5f * static_cast<float>(l);
            glyphs += run.glyphs.size();
            page.items.push_back(std::move(run));
        }
        doc.pages.push_back(std::move(page));
    }
    base::DiagSink diags;
    auto t0 = std::chrono::steady_clock::now();
    auto bytes = pdf::write_pdf(doc, diags);
    auto t1 = std::chrono::steady_clock::now();
    REQUIRE(bytes.has_value());
    MESSAGE("500 pages, " << glyphs << " glyphs: "
                          << std::chrono::duration<double, std::milli>(t1 - t0).count() << " ms, "
                          << bytes->size() / 1024 << " KB");
    test::write_text(test::temp_dir("pdf_bench") + "/bench.pdf", *bytes);
}
