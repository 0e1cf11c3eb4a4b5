// The PDF writer, checked with the real tools: qpdf, pdffonts, pdftotext, pdftoppm, mutool.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "base/utf8.hpp"
#include "write/pdf/pdf.hpp"
#include "write/pdf/pdf_fixture.hpp"

using namespace bookc;
using bookc::test::run;
using bookc::test::shell_quote;

namespace {

bool tools_available() {
    return pdf_test::fonts_available(
        {"qpdf", "pdffonts", "pdftotext", "pdftoppm", "pdfinfo", "mutool"});
}

struct Written {
    std::string path;
    std::string bytes;
    base::DiagSink diags;
};

Written write(const display::Document& doc, const std::string& name) {
    Written w;
    auto bytes = pdf::write_pdf(doc, w.diags);
    REQUIRE_MESSAGE(bytes.has_value(), w.diags.format({}));
    w.bytes = *bytes;
    w.path = test::temp_dir("pdf_" + name) + "/out.pdf";
    test::write_text(w.path, w.bytes);
    return w;
}

const Written& sample() {
    static Written w = write(pdf_test::sample_document(), "sample");
    return w;
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\f' || line.back() == '\r'))
            line.pop_back();
        while (!line.empty() && line.front() == '\f') line.erase(0, 1);
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

// The decompressed, uncompressed-object form of the PDF (qpdf --qdf).
std::string qdf(const Written& w) {
    auto r = run("qpdf --qdf --object-streams=disable " + shell_quote(w.path) + " -");
    return r.out;
}

}  // namespace

TEST_CASE("pdf: qpdf --check finds no problem") {
    if (!tools_available()) return;
    const auto& w = sample();
    CHECK(w.diags.errors() == 0);
    CHECK(w.diags.warnings() == 0);
    auto r = run("qpdf --check " + shell_quote(w.path));
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("pdf: fonts are embedded CID subsets with ToUnicode") {
    if (!tools_available()) return;
    const auto& w = sample();
    auto r = run("pdffonts " + shell_quote(w.path));
    REQUIRE(r.status == 0);
    auto rows = lines_of(r.out);
    REQUIRE(rows.size() == 4);  // header, ruler, two fonts
    bool cff = false, truetype = false;
    for (std::size_t i = 2; i < rows.size(); ++i) {
        INFO(rows[i]);
        std::regex row(
            R"(^([A-Z]{6})\+(\S+)\s+(CID Type 0C|CID TrueType)\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+0$)");
        std::smatch m;
        REQUIRE(std::regex_match(rows[i], m, row));
        if (m[3] == "CID Type 0C") {
            cff = true;
            CHECK(m[2] == "NotoSerifCJKsc-Regular-Identity-H");
        } else {
            truetype = true;
            CHECK(m[2] == "DejaVuSans");
        }
    }
    CHECK(cff);
    CHECK(truetype);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

std::string page_text(const Written& w, int page, bool raw = false) {
    auto r = run(std::string("pdftotext -enc UTF-8 ") + (raw ? "-raw " : "") + "-f " +
                 std::to_string(page + 1) + " -l " + std::to_string(page + 1) + " " +
                 shell_quote(w.path) + " -");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    return r.out;
}

TEST_CASE("pdf: pdftotext gives back exactly the source text") {
    if (!tools_available()) return;
    const auto& w = sample();
    // Chinese with —— and ……, Latin with ffi/fi/fl ligatures and combining marks.
    CHECK(lines_of(page_text(w, 0)) == pdf_test::sample_lines(0));
    CHECK(lines_of(page_text(w, 1)) == pdf_test::sample_lines(1));
    // pdftotext (and mutool) turn U+3000 into an ASCII space and poppler's layout mode
    // splits the line at a 1 em gap: compare in raw mode, and check the CMap itself.
    auto expected = pdf_test::sample_lines(2);
    for (auto& line : expected) line = replace_all(line, "\u3000", " ");
    CHECK(lines_of(page_text(w, 2, true)) == expected);
    CHECK(qdf(w).find("<057B> <3000>") != std::string::npos);

    auto all = run("pdftotext -enc UTF-8 " + shell_quote(w.path) + " -").out;
    CHECK(all.find("\xEF\xBF\xBD") == std::string::npos);  // U+FFFD
    std::u32string u = base::to_u32(all);
    for (char32_t c : u) {
        INFO(static_cast<unsigned>(c));
        CHECK_FALSE((c >= 0xE000 && c <= 0xF8FF));  // private use
        CHECK_FALSE((c >= 0xFB00 && c <= 0xFB06));  // ligature code points (ﬁ ﬃ)
        CHECK_FALSE((c >= 0xF900 && c <= 0xFAFF));  // compatibility ideographs
    }
}

TEST_CASE("pdf: ActualText only where the glyph's ToUnicode text is not the source text") {
    if (!tools_available()) return;
    const std::string q = qdf(sample());
    // U+2F00 shares the glyph of U+4E00, which the CMap maps to 一: one span, nothing else.
    std::size_t spans = 0;
    for (std::size_t at = q.find("/ActualText"); at != std::string::npos;
         at = q.find("/ActualText", at + 1))
        ++spans;
    CHECK(spans == 1);
    CHECK(q.find("/Span<</ActualText<feff2f00>>>BDC") != std::string::npos);
    // ——, ffi, fi: one glyph, several characters, mapped in the CMap.
    CHECK(q.find("<20142014>") != std::string::npos);
    CHECK(q.find("<006600660069>") != std::string::npos);
    CHECK(q.find("<00660069>") != std::string::npos);
}

// Lines of `s` that are not mupdf's note about its own build.
std::string mutool_errors(const std::string& err) {
    std::string out;
    for (const auto& line : lines_of(err))
        if (line != "warning: ICC support is not available" && line.rfind("page ", 0) != 0)
            out += line + "\n";
    return out;
}

TEST_CASE("pdf: poppler and mupdf render every page without a complaint") {
    if (!tools_available()) return;
    const auto& w = sample();
    const std::string dir = test::temp_dir("pdf_render");
    auto p =
        run("pdftoppm -r 70 -png " + shell_quote(w.path) + " " + shell_quote(dir + "/poppler"));
    CHECK(p.status == 0);
    CHECK(p.err.empty());
    auto m = run("mutool draw -r 70 -o " + shell_quote(dir + "/mupdf-%d.png") + " " +
                 shell_quote(w.path));
    CHECK(m.status == 0);
    CHECK(mutool_errors(m.err).empty());
    for (int page = 1; page <= 3; ++page) {
        CHECK(!test::read_text(dir + "/poppler-" + std::to_string(page) + ".png").empty());
        CHECK(!test::read_text(dir + "/mupdf-" + std::to_string(page) + ".png").empty());
    }
    // mupdf's text device reads the same glyph codes through the ToUnicode CMap.
    auto t = run("mutool draw -F txt -o - " + shell_quote(w.path) + " 2");
    CHECK(lines_of(t.out) == pdf_test::sample_lines(1));
}

TEST_CASE("pdf: outline, named destinations, links and page labels") {
    if (!tools_available()) return;
    const auto& w = sample();
    auto o = run("mutool show " + shell_quote(w.path) + " outline");
    INFO(o.out << o.err);
    CHECK(o.status == 0);
    CHECK(o.out.find("前言") != std::string::npos);
    CHECK(o.out.find("第一章 开始") != std::string::npos);
    CHECK(o.out.find("第一节 English") != std::string::npos);
    CHECK(o.out.find("第二章") != std::string::npos);

    auto j = run("qpdf --json=2 --json-key=outlines --json-key=pagelabels " + shell_quote(w.path));
    INFO(j.out);
    CHECK(j.status == 0);
    // Entries resolve to their anchors' pages and heights (XYZ top = page height − y).
    CHECK(o.out.find("\"前言\"\t#page=1&zoom=nan,nan,60") != std::string::npos);
    CHECK(o.out.find("\"第一章 开始\"\t#page=2&zoom=nan,nan,50") != std::string::npos);
    CHECK(o.out.find("\t\"第一节 English\"\t#page=2") != std::string::npos);
    CHECK(o.out.find("\"第二章\"\t#page=3&zoom=nan,nan,50") != std::string::npos);
    CHECK(j.out.find("\"destpageposfrom1\": 3") != std::string::npos);
    // Page labels: roman front matter, decimal body from 1.
    CHECK(std::regex_search(j.out, std::regex(R"re("index": 0,\s*"label": \{\s*"/S": "/r")re")));
    CHECK(std::regex_search(j.out, std::regex(R"re("index": 1,\s*"label": \{\s*"/S": "/D")re")));
    auto info = run("pdfinfo -f 1 -l 3 " + shell_quote(w.path)).out;
    (void)info;

    const std::string q = qdf(w);
    CHECK(q.find("/Dests") != std::string::npos);
    CHECK(q.find("/PageMode /UseOutlines") != std::string::npos);
    CHECK(q.find("/DisplayDocTitle true") != std::string::npos);
    CHECK(q.find("/Dest (chap2)") != std::string::npos);
    CHECK(q.find("/URI (https://example.org/%E4%B9%A6?q=1)") != std::string::npos);
    std::ptrdiff_t links = 0, borders = 0;
    for (std::size_t at = q.find("/Subtype /Link"); at != std::string::npos;
         at = q.find("/Subtype /Link", at + 1))
        ++links;
    std::regex border(R"(/Border \[\s*0\s+0\s+0\s*\])");
    borders =
        std::distance(std::sregex_iterator(q.begin(), q.end(), border), std::sregex_iterator());
    CHECK(links == 2);
    CHECK(borders == 2);
    CHECK(q.find("/M (") == std::string::npos);  // no annotation timestamps
}

TEST_CASE("pdf: metadata comes from the document, never from the clock") {
    if (!tools_available()) return;
    const auto& w = sample();
    auto r = run("pdfinfo -isodates " + shell_quote(w.path));
    INFO(r.out);
    CHECK(r.out.find("Title:           测试之书") != std::string::npos);
    CHECK(r.out.find("Author:          张三, Li Si") != std::string::npos);
    CHECK(r.out.find("Subject:         PDF writer test") != std::string::npos);
    CHECK(r.out.find("Keywords:        pdf, 测试") != std::string::npos);
    CHECK(r.out.find("Creator:         bookc 0.1.0") != std::string::npos);
    CHECK(r.out.find("Producer:        bookc PDF writer") != std::string::npos);
    CHECK(r.out.find("CreationDate:    2024-05-01") != std::string::npos);
    CHECK(r.out.find("Pages:           3") != std::string::npos);
    CHECK(qdf(w).find("/Lang (zh-CN)") != std::string::npos);

    auto undated = pdf_test::sample_document();
    undated.meta.date.clear();
    const auto u = write(undated, "undated");
    auto ru = run("pdfinfo " + shell_quote(u.path)).out;
    CHECK(ru.find("CreationDate") == std::string::npos);
    CHECK(ru.find("ModDate") == std::string::npos);
}

TEST_CASE("pdf: the same document gives the same bytes; another gives another /ID") {
    if (!tools_available()) return;
    const auto& a = sample();
    const auto b = write(pdf_test::sample_document(), "again");
    CHECK(a.bytes == b.bytes);
    const auto c = write(pdf_test::sample_document("！"), "variant");
    CHECK(a.bytes != c.bytes);
    auto id = [](const std::string& bytes) {
        std::smatch m;
        std::regex re(R"(/ID\s*\[\s*<([0-9a-fA-F]{32})>\s*<([0-9a-fA-F]{32})>\s*\])");
        std::string tail = bytes.substr(bytes.rfind("trailer"));
        REQUIRE(std::regex_search(tail, m, re));
        return m[1].str();
    };
    CHECK(id(a.bytes) != id(c.bytes));
    CHECK(id(a.bytes) != std::string(32, '0'));
    // Same Info dictionary, different pages: PoDoFo's own /ID would have been equal.
    auto d = pdf_test::sample_document();
    d.pages.pop_back();
    const auto e = write(d, "shorter");
    CHECK(id(a.bytes) != id(e.bytes));
}

TEST_CASE("pdf: compact content streams and small font subsets") {
    if (!tools_available()) return;
    const auto& w = sample();
    // A few hundred glyphs at most: the whole file stays in the tens of KB.
    INFO("size " << w.bytes.size());
    CHECK(w.bytes.size() < 60000);
    std::string q;  // the content streams only
    {
        const std::string all = qdf(w);
        for (std::size_t at = all.find("%% Contents for page"); at != std::string::npos;
             at = all.find("%% Contents for page", at + 1))
            q += all.substr(at, all.find("endstream", at) - at);
    }
    REQUIRE(!q.empty());
    // Content: one BT per text block, glyph codes in TJ arrays, numbers without exponents.
    CHECK(q.find("[<255c4e2b") != std::string::npos);
    CHECK(std::regex_search(q, std::regex(R"(\]TJ\n)")));
    CHECK_FALSE(std::regex_search(q, std::regex(R"((^|[ \n\]>])-?[0-9.]+[eE][-+]?[0-9])")));
    CHECK_FALSE(std::regex_search(q, std::regex(R"(\d\.\d{3,} (Td|Tf|cm|re|m|l|w))")));
    // The CFF is bare (no OpenType wrapper); TrueType has its CIDToGIDMap.
    q = qdf(w);
    CHECK(q.find("/Subtype /CIDFontType0C") != std::string::npos);
    CHECK(q.find("/CIDToGIDMap") != std::string::npos);
    CHECK(q.find("/FontFile2") != std::string::npos);
    CHECK(q.find("/Subtype /OpenType") == std::string::npos);
}

TEST_CASE("pdf: images: JPEG passed through, PNG lossless with a soft mask, one XObject per key") {
    if (!tools_available()) return;
    const auto& w = sample();
    auto r = run("pdfimages -list " + shell_quote(w.path));
    INFO(r.out);
    auto rows = lines_of(r.out);
    REQUIRE(rows.size() >= 3);
    std::string body;
    for (std::size_t i = 2; i < rows.size(); ++i) body += rows[i] + "\n";
    CHECK(std::regex_search(body, std::regex(R"(\s+image\s+16\s+8\s+rgb\s+3\s+8\s+jpeg)")));
    CHECK(std::regex_search(body, std::regex(R"(\s+image\s+20\s+20\s+rgb\s+3\s+8\s+image)")));
    CHECK(std::regex_search(body, std::regex(R"(\s+smask\s+20\s+20\s+gray\s+1\s+8\s+image)")));
    // The JPEG's bytes are in the file as they are.
    CHECK(w.bytes.find(pdf_test::jpeg_fixture()) != std::string::npos);
    // The PNG used on two pages is one XObject (pdfimages lists it twice with the same id).
    const std::string q = qdf(w);
    std::size_t images = 0;
    for (std::size_t at = q.find("/Subtype /Image"); at != std::string::npos;
         at = q.find("/Subtype /Image", at + 1))
        ++images;
    CHECK(images == 3);  // JPEG, PNG, its mask

    // Lossless: the PNG's samples come back exactly (pixels as made by png_with_alpha).
    auto json = run("qpdf --json=2 --json-key=qpdf " + shell_quote(w.path)).out;
    std::smatch m;
    REQUIRE(std::regex_search(
        json, m,
        std::regex(
            R"re("obj:(\d+) 0 R": \{\s*"stream": \{\s*"dict": \{[^}]*"/SMask": "(\d+) 0 R")re")));
    auto data = [&](const std::string& obj) {
        return run("qpdf --show-object=" + obj + " --filtered-stream-data " + shell_quote(w.path))
            .out;
    };
    const std::string rgb = data(m[1].str()), alpha = data(m[2].str());
    REQUIRE(rgb.size() == 20 * 20 * 3);
    REQUIRE(alpha.size() == 20 * 20);
    bool same = true;
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) {
            const auto* px = reinterpret_cast<const unsigned char*>(rgb.data()) + (y * 20 + x) * 3;
            const auto a = static_cast<unsigned char>(alpha[static_cast<std::size_t>(y * 20 + x)]);
            same = same && px[0] == 255 * x / 19 && px[1] == 40 && px[2] == 255 * y / 19 &&
                   a == (x < 10 ? 255 : 64);
        }
    CHECK(same);
}

TEST_CASE("pdf: PoDoFo errors and unusable fonts become diagnostics") {
    display::Document doc;
    base::DiagSink diags;
    CHECK_FALSE(pdf::write_pdf(doc, diags).has_value());
    CHECK(diags.errors() == 1);

    if (!pdf_test::fonts_available()) return;
    auto broken = pdf_test::sample_document();
    broken.fonts[1].path = "/nonexistent/font.ttf";
    base::DiagSink d2;
    auto bytes = pdf::write_pdf(broken, d2);
    CHECK(bytes.has_value());  // still a PDF, without the runs of the missing font
    CHECK(d2.errors() == 1);
}

TEST_CASE("pdf: tagged: structure elements own their text, furniture is an artifact") {
    if (!tools_available()) return;
    display::Document doc = pdf_test::sample_document();
    // Untagged: no structure tree, no marked content.
    {
        std::string q = qdf(sample());
        CHECK(q.find("/StructTreeRoot") == std::string::npos);
        CHECK(q.find("/MCID") == std::string::npos);
        CHECK(q.find("/Artifact") == std::string::npos);
    }
    // Page 1: a heading; page 2: a paragraph over two lines (one element, two runs), a
    // figure with alternative text; page 3: the paragraph goes on, under a running head.
    doc.structure = {
        {"Sect", -1, {}}, {"H1", 0, {}}, {"P", 0, {}}, {"Figure", 0, "一张小图"}, {"Link", 2, {}}};
    auto tag_runs = [&](std::size_t page, int tag) {
        for (auto& it : doc.pages[page].items)
            if (auto* r = std::get_if<display::GlyphRun>(&it)) r->tag = tag;
    };
    tag_runs(0, 1);
    tag_runs(1, 2);
    tag_runs(2, 2);
    // The paragraph's first link has no Link element of its own (one is made for it); the
    // second covers the third line, whose run is in the Link element #4.
    for (auto& it : doc.pages[1].items) {
        if (auto* im = std::get_if<display::Image>(&it); im && im->key == "images/tiny.jpg")
            im->tag = 3;
        if (auto* l = std::get_if<display::Link>(&it)) l->tag = l->uri.empty() ? 2 : 4;
        if (auto* r = std::get_if<display::GlyphRun>(&it); r && r->text == pdf_test::kLatin1)
            r->tag = 4;
    }
    doc.pages[2].items.push_back(pdf_test::shape(doc, 0, "页眉文字", 9, 50, 30));  // tag -1
    Written w = write(doc, "tagged");
    CHECK(run("qpdf --check " + shell_quote(w.path)).status == 0);
    std::string q = qdf(w);
    CHECK(q.find("/Marked true") != std::string::npos);
    CHECK(q.find("/Artifact BMC") != std::string::npos);
    CHECK(q.find("/H1<</MCID 0>>BDC") != std::string::npos);
    CHECK(q.find("/StructParents 1") != std::string::npos);
    auto s = run("pdfinfo -struct-text " + shell_quote(w.path));
    REQUIRE(s.status == 0);
    INFO(s.out);
    // The tree: Document > Sect > H1, P, Figure, in that order, and the paragraph's text
    // from both pages; the running head is not in it.
    const auto sect = s.out.find("Sect"), h1 = s.out.find("H1"), p = s.out.find("P (block)"),
               fig = s.out.find("Figure");
    CHECK(sect != std::string::npos);
    CHECK(sect < h1);
    CHECK(h1 < p);
    CHECK(p < fig);
    CHECK(s.out.find("前言") != std::string::npos);
    CHECK(s.out.find(pdf_test::kLine1) != std::string::npos);
    CHECK(s.out.find("第二章　尾声。最后一页——完。") != std::string::npos);
    CHECK(s.out.find("页眉文字") == std::string::npos);
    CHECK(q.find("/Alt <feff") != std::string::npos);
    // Each link annotation is a Link element of the paragraph, found back through the
    // ParentTree by its /StructParent.
    CHECK(q.find("/Type /OBJR") != std::string::npos);
    CHECK(q.find("/StructParent 3") != std::string::npos);  // after the pages' keys 0-2
    CHECK(q.find("/StructParent 4") != std::string::npos);
    CHECK(q.find("/ParentTreeNextKey 5") != std::string::npos);
    // Both Link elements are in the paragraph: the typesetter's holds its line's text,
    // between the paragraph's text before and after it; the one made for the other link
    // holds only the annotation, after the paragraph's text.
    const auto link = s.out.find("Link"), link2 = s.out.find("Link", link + 1);
    REQUIRE(link2 != std::string::npos);
    CHECK(link > p);
    CHECK(link2 < fig);
    const auto latin = s.out.find(pdf_test::kLatin1);
    CHECK(s.out.find(pdf_test::kLine1) < link);
    CHECK(latin > link);
    CHECK(latin < s.out.find("fish flow"));
    CHECK(s.out.find("第二章") < link2);
    // pdftotext still reads everything.
    CHECK(run("pdftotext -enc UTF-8 " + shell_quote(w.path) + " -").out.find("页眉文字") !=
          std::string::npos);
}

TEST_CASE("pdf: XMP metadata says what the Info dictionary says, uncompressed") {
    if (!tools_available()) return;
    const Written& w = sample();
    // Uncompressed: a plain search of the file finds it.
    CHECK(w.bytes.find("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">") != std::string::npos);
    auto m = run("pdfinfo -meta " + shell_quote(w.path));
    REQUIRE(m.status == 0);
    INFO(m.out);
    CHECK(m.out.find("<rdf:li xml:lang=\"x-default\">测试之书</rdf:li>") != std::string::npos);
    // Authors as an ordered list, keywords as a bag and as pdf:Keywords.
    auto zhang = m.out.find("<rdf:li>张三</rdf:li>"), li = m.out.find("<rdf:li>Li Si</rdf:li>");
    CHECK(zhang != std::string::npos);
    CHECK(zhang < li);
    CHECK(m.out.find("<rdf:Seq>") < zhang);
    CHECK(m.out.find("<rdf:li>测试</rdf:li>") != std::string::npos);
    CHECK(m.out.find("<pdf:Keywords>pdf, 测试</pdf:Keywords>") != std::string::npos);
    CHECK(m.out.find("<dc:language>") != std::string::npos);
    CHECK(m.out.find("<rdf:li>zh-CN</rdf:li>") != std::string::npos);
    CHECK(m.out.find("<xmp:CreatorTool>bookc 0.1.0</xmp:CreatorTool>") != std::string::npos);
    // The date is the document's (2024-05-01), never the clock's.
    CHECK(m.out.find("<xmp:CreateDate>2024-05-01</xmp:CreateDate>") != std::string::npos);
    CHECK(m.out.find("<xmp:ModifyDate>2024-05-01</xmp:ModifyDate>") != std::string::npos);
    CHECK(m.out.find("<?xpacket end=\"r\"?>") != std::string::npos);
}
