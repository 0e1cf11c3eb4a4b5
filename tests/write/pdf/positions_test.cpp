// Glyph positions: every glyph lands where the display list puts it, whether the pen
// follows the font's widths, is stretched by justification, moved by kerning, or offset
// (combining marks). Read back per glyph with mupdf's structured text (origins in pt).
#include <doctest/doctest.h>

#include <cmath>
#include <regex>

#include "write/pdf/pdf.hpp"
#include "write/pdf/pdf_fixture.hpp"

using namespace bookc;
using bookc::test::run;
using bookc::test::shell_quote;

namespace {

struct Origin {
    double x, y;
};

std::vector<Origin> char_origins(const std::string& pdf, int page) {
    auto r = run("mutool draw -F stext -o - " + shell_quote(pdf) + " " + std::to_string(page));
    std::vector<Origin> out;
    std::regex re(R"re(<char quad="[^"]*" x="([-0-9.e]+)" y="([-0-9.e]+)")re");
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), re);
         it != std::sregex_iterator(); ++it)
        out.push_back({std::stod((*it)[1].str()), std::stod((*it)[2].str())});
    return out;
}

std::vector<Origin> glyph_origins(const display::GlyphRun& run) {
    std::vector<Origin> out;
    double x = run.x;
    for (const auto& g : run.glyphs) {
        out.push_back({x + g.dx, run.y - g.dy});
        x += g.advance;
    }
    return out;
}

}  // namespace

TEST_CASE("pdf positions: justified, kerned and offset glyphs land on their pen positions") {
    if (!pdf_test::fonts_available({"mutool"})) return;
    display::Document doc = pdf_test::sample_document();
    display::Page page;
    page.width = 420;
    page.height = 595;
    // Justified Chinese: 0.37 pt more after every glyph but the last.
    auto justified = pdf_test::shape(doc, 0, "中文排版——测试，引号“你好”……完毕。", 12, 50, 70);
    for (std::size_t i = 0; i + 1 < justified.glyphs.size(); ++i)
        justified.glyphs[i].advance += 0.37f;
    // Kerning (DejaVu's GPOS): advances differ from the widths by small amounts.
    auto kerned = pdf_test::shape(doc, 1, "AVAWAY To Ty. LT", 14, 50, 100);
    // Combining marks: offsets in x and y.
    auto marks = pdf_test::shape(doc, 1, "q\xCC\x83 x\xCC\xA3 q\xCC\xA3\xCC\x83", 14, 50, 130);
    // A run on the same baseline after a gap, and one with a smaller size.
    auto after_gap = pdf_test::shape(doc, 0, "后面", 12, 300, 70);
    auto small = pdf_test::shape(doc, 0, "小字注释", 7.5f, 300, 100);
    for (const auto* r : {&justified, &kerned, &marks, &after_gap, &small})
        page.items.push_back(*r);
    doc.pages = {page};
    doc.outline.clear();
    doc.page_labels.clear();

    base::DiagSink diags;
    auto bytes = pdf::write_pdf(doc, diags);
    REQUIRE(bytes.has_value());
    const std::string path = test::temp_dir("pdf_positions") + "/positions.pdf";
    test::write_text(path, *bytes);
    const auto chars = char_origins(path, 1);
    REQUIRE(!chars.empty());

    // mupdf gives one char per Unicode character: the glyph origins must appear among
    // them, in order (the 2nd character of a ligature sits at the glyph's end).
    std::size_t at = 0;
    for (const auto* r : {&justified, &kerned, &marks, &after_gap, &small}) {  // content order
        for (const Origin& want : glyph_origins(*r)) {
            std::size_t k = at;
            while (k < chars.size() &&
                   !(std::abs(chars[k].x - want.x) < 0.02 && std::abs(chars[k].y - want.y) < 0.02))
                ++k;
            INFO("glyph at " << want.x << "," << want.y << " of run at " << r->x << "," << r->y);
            CHECK(k < chars.size());
            if (k < chars.size()) at = k + 1;
        }
    }

    // Adjustments are written only where the pen differs from the widths: the unjustified
    // run after the gap and the small run have none; the justified one has one per glyph.
    auto q = run("qpdf --qdf --object-streams=disable " + shell_quote(path) + " -").out;
    std::smatch m;
    REQUIRE(
        std::regex_search(q, m, std::regex(R"(\[(<[0-9A-Fa-f]+>-?[0-9.]+)+<[0-9A-Fa-f]+>\]TJ)")));
    CHECK(std::regex_search(
        q, std::regex(R"(\[<[0-9A-Fa-f]{16}>\]TJ)")));  // 后面 / 小字注释: bare codes
}
