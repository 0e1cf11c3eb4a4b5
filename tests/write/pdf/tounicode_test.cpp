// Unit tests of the writer's text mapping and number formatting (private headers).
#include <doctest/doctest.h>

#include "write/pdf/format.hpp"
#include "write/pdf/tounicode.hpp"

using namespace bookc;

namespace {

display::GlyphRun run_of(const std::string& text,
                         std::vector<std::pair<std::uint32_t, std::uint32_t>> glyphs) {
    display::GlyphRun run;
    run.text = text;
    for (auto [gid, cluster] : glyphs) {
        display::Glyph g;
        g.gid = gid;
        g.cluster = cluster;
        g.advance = 5;
        run.glyphs.push_back(g);
    }
    return run;
}

}  // namespace

TEST_CASE("pdf tounicode: clusters slice the run's text, in either direction") {
    std::vector<pdf::Cluster> cs;
    // "ffi" as one glyph, then "x" + two marks as three glyphs of one cluster.
    auto ltr = run_of("ffix\xCC\x83\xCC\xA3", {{10, 0}, {11, 3}, {12, 3}, {13, 3}});
    pdf::clusters_of(ltr, cs);
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].text(ltr) == "ffi");
    CHECK(cs[1].text(ltr) == "x\xCC\x83\xCC\xA3");
    CHECK(cs[1].last - cs[1].first == 3);
    // Right-to-left: clusters decrease; each still ends at the next larger cluster.
    auto rtl = run_of("abc", {{3, 2}, {2, 1}, {1, 0}});
    pdf::clusters_of(rtl, cs);
    REQUIRE(cs.size() == 3);
    CHECK(cs[0].text(rtl) == "c");
    CHECK(cs[1].text(rtl) == "b");
    CHECK(cs[2].text(rtl) == "a");
}

TEST_CASE("pdf tounicode: glyph text from clusters, CMap blocks of at most 100") {
    display::Document doc;
    display::Page page;
    // Glyph 5 stands for "——" first, later for "—" alone: the first decides.
    page.items.push_back(run_of("——a—", {{5, 0}, {6, 6}, {5, 7}}));
    // 150 distinct glyphs, one supplementary-plane character (U+20000).
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> many;
    for (std::uint32_t i = 0; i < 150; ++i) {
        many.push_back({100 + i, static_cast<std::uint32_t>(text.size())});
        text += i == 0 ? "\xF0\xA0\x80\x80" : "x";
    }
    page.items.push_back(run_of(text, many));
    doc.pages.push_back(page);

    std::vector<pdf::FontEntry> fonts(1);
    fonts[0].usable = true;
    fonts[0].glyph_count = 1000;
    pdf::collect_glyph_text(doc, fonts);
    CHECK(fonts[0].text_of(5) == "——");
    CHECK(fonts[0].text_of(6) == "a");
    CHECK(fonts[0].used[100]);
    CHECK_FALSE(fonts[0].used[99]);

    const auto& r = std::get<display::GlyphRun>(doc.pages[0].items[0]);
    std::vector<pdf::Cluster> cs;
    pdf::clusters_of(r, cs);
    std::string scratch;
    CHECK(pdf::maps_to_source(fonts[0], r, cs[0], scratch));
    CHECK(pdf::maps_to_source(fonts[0], r, cs[1], scratch));
    CHECK_FALSE(pdf::maps_to_source(fonts[0], r, cs[2], scratch));  // needs /ActualText

    for (std::uint32_t g = 0; g < 1000; ++g) fonts[0].codes[g] = static_cast<std::uint16_t>(g);
    const std::string cmap = pdf::make_tounicode_cmap(fonts[0]);
    CHECK(cmap.find("100 beginbfchar") != std::string::npos);
    CHECK(cmap.find("52 beginbfchar") != std::string::npos);  // 5, 6 and 100..249
    CHECK(cmap.find("<0005> <20142014>") != std::string::npos);
    CHECK(cmap.find("<0064> <D840DC00>") != std::string::npos);  // surrogate pair
    CHECK(cmap.find("/CMapType 2 def") != std::string::npos);
    CHECK(cmap.find("<0000> <FFFF>") != std::string::npos);
}

TEST_CASE("pdf format: at most two decimals, no exponent, no negative zero") {
    CHECK(pdf::num(0) == "0");
    CHECK(pdf::num(-0.004) == "0");
    CHECK(pdf::num(12.5) == "12.5");
    CHECK(pdf::num(1.005) == "1");  // 1.005 is 1.00499… in binary
    CHECK(pdf::num(-3.14159) == "-3.14");
    CHECK(pdf::num(0.05) == "0.05");
    CHECK(pdf::num(1e-7) == "0");
    CHECK(pdf::num(1.5e9) == "1500000000");
    CHECK(pdf::num(0.1234, 3) == "0.123");
    CHECK(pdf::num(0.95, 3) == "0.95");
    std::string hex;
    pdf::put_utf16_hex(hex, U"A\u4E2D\U0001F600");
    CHECK(hex == "00414E2DD83DDE00");
}
