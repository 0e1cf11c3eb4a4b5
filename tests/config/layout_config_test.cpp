#include <doctest/doctest.h>

#include <cmath>

#include "config/config.hpp"
#include "support/test_support.hpp"

using namespace bookc;

TEST_CASE("the bundled handbook layout is A5, facing, 30 characters a line") {
    base::DiagSink sink;
    auto L = config::load_layout("handbook", sink);
    REQUIRE(L);
    CHECK(sink.all().empty());
    CHECK(std::abs(L->page_width - 419.53) < 0.05);
    CHECK(std::abs(L->page_height - 595.28) < 0.05);
    CHECK(L->facing);
    double measure = L->page_width - L->margin_inner - L->margin_outer;
    CHECK(std::abs(measure - 30 * L->body_size) < 1e-6);
    CHECK(L->body.families.front() == "Noto Serif CJK SC");
    CHECK(L->heading.weight == "bold");
}

TEST_CASE("the bundled a4 layout is one-sided with 40 characters a line") {
    base::DiagSink sink;
    auto L = config::load_layout("a4", sink);
    REQUIRE(L);
    CHECK_FALSE(L->facing);
    double measure = L->page_width - L->margin_inner - L->margin_outer;
    CHECK(std::abs(measure - 40 * L->body_size) < 1e-6);
    CHECK(std::abs(L->margin_inner - L->margin_outer) < 0.1);  // centred text block
}

TEST_CASE("an empty name means the handbook layout") {
    base::DiagSink sink;
    auto L = config::load_layout("", sink);
    REQUIRE(L);
    CHECK(L->name == "handbook");
}

TEST_CASE("a layout given by path, with lengths in several units") {
    std::string dir = test::temp_dir("layout-path");
    test::write_text(dir + "/layout.toml",
                     "[page]\nwidth = \"10cm\"\nheight = \"7in\"\nmargin_top = 36\n"
                     "margin_bottom = \"12.7mm\"\nmargin_inner = \"36pt\"\nmargin_outer = 36\n"
                     "[colors]\naccent = \"#ff0000\"\n");
    base::DiagSink sink;
    auto L = config::load_layout(dir, sink);
    REQUIRE(L);
    CHECK(std::abs(L->page_width - 283.46) < 0.01);
    CHECK(std::abs(L->page_height - 504) < 0.01);
    CHECK(std::abs(L->margin_bottom - 36) < 0.01);
    CHECK(L->accent.r == doctest::Approx(1.0));
    CHECK(L->dir == dir);
}

TEST_CASE("layout errors name the key and line; unknown layouts list the known ones") {
    std::string dir = test::temp_dir("layout-bad");
    test::write_text(dir + "/layout.toml",
                     "[page]\nwidth = \"wide\"\n[text]\nleading = 9\nsize2 = 3\ntoc_depth = 3\n");
    base::DiagSink sink;
    base::SourceMap sources;
    CHECK_FALSE(config::load_layout(dir + "/layout.toml", sink));
    std::string text = sink.format(sources);
    CHECK(text.find("layout.toml:5:1: error: unknown key `text.size2`") != std::string::npos);
    CHECK(text.find("layout.toml:2:9: error: `page.width` must be a length") != std::string::npos);
    CHECK(text.find("layout.toml:4:11: error: `text.leading` must be between 1") !=
          std::string::npos);
    CHECK(text.find("layout.toml:6:13: error: `text.toc_depth` must be 1 (parts and chapters) or 2 "
                    "(and their sections)") != std::string::npos);

    base::DiagSink sink2;
    CHECK_FALSE(config::load_layout("no-such-layout", sink2));
    std::string t2 = sink2.format(sources);
    CHECK(t2.find("error: layout `no-such-layout` not found") != std::string::npos);
    CHECK(t2.find("hint: available layouts: ") != std::string::npos);
    CHECK(t2.find("handbook") != std::string::npos);
}

// Found by tests/fuzz/fuzz_config: TOML's nan and inf, and negative margins, passed every
// range check (comparisons with NaN are false) into the page geometry.
TEST_CASE("a length or number that is nan, infinite, negative or beyond 200 in is an error") {
    std::string dir = test::temp_dir("layout-nan");
    test::write_text(
        dir + "/layout.toml",
        "[page]\nwidth = nan\nheight = \"inf\"\nmargin_top = -10\nmargin_inner = \"1e999mm\"\n"
        "margin_outer = 14401\nmargin_bottom = -inf\n[text]\nsize = nan\nleading = +nan\n");
    base::DiagSink sink;
    base::SourceMap sources;
    CHECK_FALSE(config::load_layout(dir + "/layout.toml", sink));
    std::string text = sink.format(sources);
    CHECK(text.find("layout.toml:2:9: error: `page.width` must be a length") != std::string::npos);
    CHECK(text.find("layout.toml:3:10: error: `page.height` must be a length") !=
          std::string::npos);
    CHECK(text.find("layout.toml:4:14: error: `page.margin_top` must be a length") !=
          std::string::npos);
    CHECK(text.find("layout.toml:5:16: error: `page.margin_inner` must be a length") !=
          std::string::npos);
    CHECK(text.find("layout.toml:6:16: error: `page.margin_outer` must be a length") !=
          std::string::npos);
    CHECK(text.find("layout.toml:7:17: error: `page.margin_bottom` must be a length") !=
          std::string::npos);
    CHECK(text.find("hint: from 0 to 14400 pt (200 in)") != std::string::npos);
    CHECK(text.find("layout.toml:9:8: error: `text.size` must be between 4") != std::string::npos);
    CHECK(text.find("layout.toml:10:11: error: `text.leading` must be between 1") !=
          std::string::npos);

    // The largest page is still accepted.
    test::write_text(dir + "/layout.toml",
                     "[page]\nwidth = \"200in\"\nheight = 14400\nmargin_inner = 0\n");
    base::DiagSink ok;
    auto L = config::load_layout(dir + "/layout.toml", ok);
    REQUIRE(L);
    CHECK(L->page_width == 14400);
    CHECK(L->margin_inner == 0);
}
