// Rendering: poppler and mupdf must draw the same glyphs (a wrong CID→glyph mapping in
// one of them shows as different ink), and the embedded font programs are bare subsets.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <regex>

#include "write/pdf/pdf.hpp"
#include "write/pdf/pdf_fixture.hpp"

using namespace bookc;
using bookc::test::run;
using bookc::test::shell_quote;

namespace {

bool tools_available() { return pdf_test::fonts_available({"qpdf", "pdftoppm", "mutool"}); }

struct Gray {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
};

Gray load_gray(const std::string& path) {
    Gray g;
    const std::string data = test::read_text(path);
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.data(), data.size())) return g;
    image.format = PNG_FORMAT_GRAY;
    g.px.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, g.px.data(), 0, nullptr)) return {};
    g.w = static_cast<int>(image.width);
    g.h = static_cast<int>(image.height);
    return g;
}

// Mean absolute difference of 6×6-pixel block averages, over blocks with ink in either
// image (0 = same picture, 255 = opposite). Blocks hide renderers' sub-pixel differences.
double block_difference(const Gray& a, const Gray& b, int* ink_blocks) {
    const int w = std::min(a.w, b.w), h = std::min(a.h, b.h), n = 6;
    double sum = 0;
    int blocks = 0;
    for (int by = 0; by + n <= h; by += n)
        for (int bx = 0; bx + n <= w; bx += n) {
            double sa = 0, sb = 0;
            for (int y = by; y < by + n; ++y)
                for (int x = bx; x < bx + n; ++x) {
                    sa += a.px[static_cast<std::size_t>(y * a.w + x)];
                    sb += b.px[static_cast<std::size_t>(y * b.w + x)];
                }
            sa /= n * n;
            sb /= n * n;
            if (sa > 250 && sb > 250) continue;
            sum += std::abs(sa - sb);
            ++blocks;
        }
    *ink_blocks = blocks;
    return blocks ? sum / blocks : 0;
}

display::Document text_only_document() {
    display::Document doc = pdf_test::sample_document();
    for (auto& page : doc.pages) {
        std::vector<display::Item> kept;
        for (auto& item : page.items)
            if (std::holds_alternative<display::GlyphRun>(item)) kept.push_back(item);
        page.items = kept;
    }
    return doc;
}

}  // namespace

TEST_CASE("pdf render: poppler and mupdf draw the same glyphs") {
    if (!tools_available()) return;
    base::DiagSink diags;
    auto bytes = pdf::write_pdf(text_only_document(), diags);
    REQUIRE(bytes.has_value());
    const std::string dir = test::temp_dir("pdf_render_compare");
    test::write_text(dir + "/text.pdf", *bytes);
    auto p = run("pdftoppm -r 100 -gray -png " + shell_quote(dir + "/text.pdf") + " " +
                 shell_quote(dir + "/poppler"));
    REQUIRE(p.status == 0);
    auto m = run("mutool draw -r 100 -c gray -o " + shell_quote(dir + "/mupdf-%d.png") + " " +
                 shell_quote(dir + "/text.pdf"));
    REQUIRE(m.status == 0);
    std::vector<Gray> pop, mu;
    for (int page = 1; page <= 3; ++page) {
        pop.push_back(load_gray(dir + "/poppler-" + std::to_string(page) + ".png"));
        mu.push_back(load_gray(dir + "/mupdf-" + std::to_string(page) + ".png"));
        REQUIRE(pop.back().w > 0);
        REQUIRE(mu.back().w > 0);
    }
    double worst = 0;  // measured: 0.8–5 with the right glyphs
    for (int page = 0; page < 3; ++page) {
        int blocks = 0;
        double same = block_difference(pop[static_cast<std::size_t>(page)],
                                       mu[static_cast<std::size_t>(page)], &blocks);
        INFO("page " << page + 1 << ": " << blocks << " ink blocks, difference " << same);
        CHECK(blocks > 20);
        CHECK(same < 9);
        worst = std::max(worst, same);
    }
    // Control: the same layout drawn with wrong glyphs (every glyph id + 1), the fault a
    // viewer ignoring the CFF charset shows, differs far more with the same measure.
    display::Document wrong = text_only_document();
    for (auto& page : wrong.pages)
        for (auto& item : page.items)
            if (auto* r = std::get_if<display::GlyphRun>(&item))
                for (auto& g : r->glyphs) g.gid += 1;
    auto wrong_bytes = pdf::write_pdf(wrong, diags);
    REQUIRE(wrong_bytes.has_value());
    test::write_text(dir + "/wrong.pdf", *wrong_bytes);
    REQUIRE(run("mutool draw -r 100 -c gray -o " + shell_quote(dir + "/wrong-%d.png") + " " +
                shell_quote(dir + "/wrong.pdf") + " 2")
                .status == 0);
    int blocks = 0;
    double other = block_difference(pop[1], load_gray(dir + "/wrong-2.png"), &blocks);
    INFO("correct vs wrong glyphs: " << other);
    CHECK(other > 12);  // measured: 15
    CHECK(worst < 0.5 * other);
}

namespace {

// The table tags of an OpenType/TrueType font file.
std::vector<std::string> table_tags(const std::string& font) {
    std::vector<std::string> tags;
    if (font.size() < 12) return tags;
    auto u16 = [&](std::size_t i) {
        return (static_cast<unsigned>(static_cast<unsigned char>(font[i])) << 8) |
               static_cast<unsigned char>(font[i + 1]);
    };
    unsigned n = u16(4);
    for (unsigned i = 0; i < n && 12 + 16 * i + 4 <= font.size(); ++i)
        tags.push_back(font.substr(12 + 16 * i, 4));
    return tags;
}

}  // namespace

TEST_CASE("pdf render: embedded programs are subsets without layout tables") {
    if (!tools_available()) return;
    base::DiagSink diags;
    auto bytes = pdf::write_pdf(pdf_test::sample_document(), diags);
    REQUIRE(bytes.has_value());
    const std::string dir = test::temp_dir("pdf_font_programs");
    test::write_text(dir + "/out.pdf", *bytes);
    // Object numbers of the font files, from the descriptors.
    auto json = run("qpdf --json=2 --json-key=qpdf " + shell_quote(dir + "/out.pdf")).out;
    std::smatch m;
    REQUIRE(std::regex_search(json, m, std::regex(R"re("/FontFile2": "(\d+) 0 R")re")));
    const std::string tt = run("qpdf --show-object=" + m[1].str() + " --filtered-stream-data " +
                               shell_quote(dir + "/out.pdf"))
                               .out;
    REQUIRE(std::regex_search(json, m, std::regex(R"re("/FontFile3": "(\d+) 0 R")re")));
    const std::string cff = run("qpdf --show-object=" + m[1].str() + " --filtered-stream-data " +
                                shell_quote(dir + "/out.pdf"))
                                .out;
    INFO("TrueType " << tt.size() << " bytes, CFF " << cff.size() << " bytes");
    // DejaVu Sans is 740 KB, Noto Serif CJK's CFF ~20 MB: a few glyphs stay small.
    CHECK(tt.size() < 20000);
    CHECK(cff.size() < 30000);
    const auto tags = table_tags(tt);
    CHECK(std::find(tags.begin(), tags.end(), "glyf") != tags.end());
    for (const char* layout : {"GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx"})
        CHECK(std::find(tags.begin(), tags.end(), layout) == tags.end());
    // A bare CFF table (major version 1), not an OpenType wrapper ('OTTO').
    REQUIRE(cff.size() > 4);
    CHECK(cff[0] == 1);
    CHECK(cff.compare(0, 4, "OTTO") != 0);
}
