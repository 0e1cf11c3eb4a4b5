// JPEG pass-through for the kinds found in the wild: progressive (web photos) and CMYK
// with an Adobe marker (print tools, which store the inks inverted). Each is made here
// with libjpeg, written into a PDF, and drawn by poppler and mupdf: the colour must be
// the one the file means, in both.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "support/make_jpeg.hpp"
#include "write/pdf/pdf.hpp"
#include "write/pdf/pdf_fixture.hpp"

using namespace bookc;
using bookc::test::run;
using bookc::test::shell_quote;

namespace {

// A w×h JPEG of one colour; `cmyk`: four components written as Photoshop does (inverted,
// Adobe APP14 marker); `progressive`: a progressive scan script.
std::string make_jpeg(int w, int h, std::vector<unsigned char> pixel, bool cmyk, bool progressive) {
    std::vector<unsigned char> one;
    for (int x = 0; x < w; ++x)
        for (unsigned char v : pixel) one.push_back(cmyk ? static_cast<unsigned char>(255 - v) : v);
    return test::make_jpeg({w, h, cmyk ? 4 : 3, 95, progressive},
                           [&](unsigned, std::vector<unsigned char>& row) { row = one; });
}

struct Rgb {
    int r = 0, g = 0, b = 0;
};
struct Range {
    int lo, hi;
    bool has(int v) const { return v >= lo && v <= hi; }
};

// The colour at the centre of a one-page PNM (P6) rendering.
Rgb centre(const std::string& ppm_path) {
    std::ifstream in(ppm_path, std::ios::binary);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    std::vector<unsigned char> px(std::size_t(w) * std::size_t(h) * 3);
    in.read(reinterpret_cast<char*>(px.data()), std::streamsize(px.size()));
    const std::size_t i = (std::size_t(h / 2) * std::size_t(w) + std::size_t(w / 2)) * 3;
    return {px[i], px[i + 1], px[i + 2]};
}

}  // namespace

TEST_CASE("pdf images: progressive and CMYK JPEGs pass through and draw in their colours") {
    if (!pdf_test::fonts_available({"pdftoppm", "mutool"})) return;
    struct Case {
        const char* name;
        std::vector<unsigned char> pixel;
        bool cmyk, progressive;
        Range r, g, b;
    };
    // CMYK → RGB differs between renderers without ICC profiles (poppler draws cyan as
    // 0,172,239, mupdf as 0,255,255): the ranges tell each ink from its inverse.
    const Case cases[] = {
        {"progressive RGB orange", {230, 120, 20}, false, true, {220, 240}, {110, 130}, {10, 30}},
        {"CMYK cyan (Adobe, inverted)",
         {255, 0, 0, 0},
         true,
         false,
         {0, 40},
         {150, 255},
         {200, 255}},
        {"progressive CMYK magenta", {0, 255, 0, 0}, true, true, {200, 255}, {0, 40}, {120, 255}},
    };
    const std::string dir = test::temp_dir("pdf_jpeg");
    for (const auto& k : cases) {
        INFO(k.name);
        const std::string jpeg = make_jpeg(32, 32, k.pixel, k.cmyk, k.progressive);
        display::Document doc;
        display::Page page;
        page.width = page.height = 100;
        display::Image im;
        im.x = im.y = 0;
        im.w = im.h = 100;
        im.format = display::ImageFormat::Jpeg;
        im.data = std::make_shared<const std::string>(jpeg);
        im.pixel_width = im.pixel_height = 32;
        im.key = k.name;
        page.items.push_back(im);
        doc.pages.push_back(page);
        base::DiagSink diags;
        auto bytes = pdf::write_pdf(doc, diags);
        REQUIRE(bytes.has_value());
        CHECK(diags.warnings() == 0);
        // Passed through: the JPEG's bytes are in the file as they are.
        CHECK(bytes->find(jpeg.substr(0, 200)) != std::string::npos);
        const std::string pdf = dir + "/" + std::to_string(&k - cases) + ".pdf";
        test::write_text(pdf, *bytes);
        CHECK(run("qpdf --check " + shell_quote(pdf)).status == 0);
        auto p = run("pdftoppm -r 36 -singlefile " + shell_quote(pdf) + " " +
                     shell_quote(pdf + ".poppler"));
        CHECK(p.err.empty());
        auto m = run("mutool draw -q -r 36 -o " + shell_quote(pdf + ".mupdf.ppm") + " " +
                     shell_quote(pdf) + " 2>&1 | grep -v 'ICC support is not available'");
        CHECK(m.out.empty());
        for (const std::string& out : {pdf + ".poppler.ppm", pdf + ".mupdf.ppm"}) {
            CAPTURE(out);
            const Rgb c = centre(out);
            INFO("rgb " << c.r << "," << c.g << "," << c.b);
            CHECK(k.r.has(c.r));
            CHECK(k.g.has(c.g));
            CHECK(k.b.has(c.b));
        }
    }
}
