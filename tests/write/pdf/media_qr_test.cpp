// An audio note in the PDF: its QR code, drawn as vector cells, scans back to the link
// (zbarimg on the rendered page); the text shows the host only; the link annotation keeps
// the whole address.
#include <doctest/doctest.h>

#include "typeset/pages_fixtures.hpp"
#include "write/pdf/pdf.hpp"

using namespace bookc;
using bookc::test::run;
using bookc::test::shell_quote;

TEST_CASE("pdf media: the audio note's QR code scans to its link; the text shows the host") {
    for (const char* tool : {"pdftotext", "pdftoppm", "zbarimg", "qpdf"})
        REQUIRE_MESSAGE(test::have_tool(tool), tool << " is needed (scripts/deps.txt)");
    const std::string url =
        "https://static001.geekbang.org/resource/audio/2f/4a/2fd7a3c9b1e84a5f6c0d8e7b9a1c2d3e.mp3";
    model::Block note;
    note.kind = model::BlockKind::MediaNote;
    note.info = "audio";
    note.inlines = {test::text("第一讲：互斥锁")};
    note.url = url;
    const display::Document doc = test::typeset_it(test::one_chapter({note}));
    int page = -1;
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const auto& it : doc.pages[p].items)
            if (std::holds_alternative<display::Cells>(it)) page = int(p) + 1;
    REQUIRE(page > 0);
    base::DiagSink diags;
    auto bytes = pdf::write_pdf(doc, diags);
    REQUIRE(bytes.has_value());
    const std::string dir = test::temp_dir("pdf_media_qr");
    const std::string file = dir + "/out.pdf";
    test::write_text(file, *bytes);
    CHECK(run("qpdf --check " + shell_quote(file)).status == 0);

    const std::string n = std::to_string(page);
    auto t = run("pdftotext -enc UTF-8 -f " + n + " -l " + n + " " + shell_quote(file) + " -");
    INFO(t.out);
    CHECK(t.out.find("［音频］第一讲：互斥锁") != std::string::npos);
    CHECK(t.out.find("static001.geekbang.org…") != std::string::npos);
    CHECK(t.out.find("resource/audio") == std::string::npos);
    // The link annotation holds the whole address.
    auto q = run("qpdf --qdf --object-streams=disable " + shell_quote(file) + " -");
    CHECK(q.out.find("/URI (" + url + ")") != std::string::npos);

    // Rendered at 300 dpi, the page's QR code decodes to the address.
    REQUIRE(run("pdftoppm -r 300 -gray -png -singlefile -f " + n + " -l " + n + " " +
                shell_quote(file) + " " + shell_quote(dir + "/page"))
                .status == 0);
    auto z = run("zbarimg --quiet --raw " + shell_quote(dir + "/page.png"));
    INFO(z.out << z.err);
    CHECK(z.status == 0);
    CHECK(z.out.find(url + "\n") != std::string::npos);
}
