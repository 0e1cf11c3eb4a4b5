// Paths and identifiers broken across lines by the typesetter read back exactly from the
// PDF: the breaks add no character (no hyphen, no space) and the letters are not spaced
// out (poppler splits letter-spaced text into one-letter words).
#include <doctest/doctest.h>

#include <string>

#include "font/font.hpp"
#include "typeset/inline/paragraph.hpp"
#include "write/pdf/pdf.hpp"
#include "write/pdf/pdf_fixture.hpp"

using namespace bookc;
using bookc::test::run;
using bookc::test::shell_quote;

TEST_CASE("pdf latin runs: a path broken after / and . reads back exactly with pdftotext") {
    REQUIRE(test::have_tool("pdftotext"));
    font::FontDb db{"/nonexistent"};
    typeset::FontChain chain;
    chain.fonts.push_back(db.get("Noto Serif CJK SC"));
    REQUIRE(chain.fonts[0]);
    const std::string path = "D:/Go/src/runtime/checkptr.go:20";
    const std::string ident = "github.com/boltdb/bolt.(*freelist).write";
    typeset::ParagraphSpec spec;
    typeset::StyledRun r;
    r.text =
        "关键的两行报错" + path + " 之后是 " + ident + " 这一行，调用 atomic.LoadUint32 的地方。";
    r.style.fonts = &chain;
    r.style.size = 10;
    spec.runs.push_back(r);
    spec.width = 90;  // narrower than the path: it must break inside it
    typeset::FontTable table;
    base::DiagSink diags;
    const auto layout = typeset::layout_paragraph(spec, table, diags);
    REQUIRE(layout.lines.size() >= 4);

    display::Document doc;
    doc.meta.title = "路径";
    display::Page page;
    page.width = 200;
    page.height = 400;
    float y = 40;
    int broken_inside = 0;
    for (const auto& line : layout.lines) {
        for (auto run : line.runs) {
            run.x += 40;
            run.y += y;
            page.items.push_back(run);
        }
        const std::string& last = line.runs.back().text;
        broken_inside += !line.last && (last.back() == '/' || last.back() == '.');
        y += 18;
    }
    CHECK(broken_inside >= 2);
    doc.pages.push_back(page);
    doc.fonts = table.faces();
    auto bytes = pdf::write_pdf(doc, diags);
    REQUIRE(bytes.has_value());
    const std::string file = test::temp_dir("pdf_latin_runs") + "/out.pdf";
    test::write_text(file, *bytes);

    auto t = run("pdftotext -enc UTF-8 " + shell_quote(file) + " -");
    REQUIRE(t.status == 0);
    std::string joined;  // the lines joined without their line ends
    for (char c : t.out)
        if (c != '\n' && c != '\f') joined += c;
    INFO(t.out);
    CHECK(joined.find(path) != std::string::npos);
    CHECK(joined.find(ident) != std::string::npos);
    CHECK(joined.find("atomic.LoadUint32") != std::string::npos);
    CHECK(joined.find("\xC2\xAD") == std::string::npos);  // no soft hyphen anywhere
}
