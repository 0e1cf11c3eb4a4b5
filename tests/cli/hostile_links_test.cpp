// Hostile input, links and notes: protocol-relative links agree in both outputs, a huge URL
// wrapped over many lines is stored once in the PDF, and many references to one footnote
// stay linear in the EPUB.
#include <doctest/doctest.h>

#include "cli/hostile_helpers.hpp"

using namespace bookc::test;
using namespace hostile;

namespace {
// Every XHTML document of the EPUB, concatenated (python3's zipfile: no unzip needed).
std::string epub_xhtml(const std::string& epub) {
    auto r =
        run("python3 -c 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n"
            "sys.stdout.write(\"\".join(z.read(n).decode() for n in sorted(z.namelist()) "
            "if n.endswith(\".xhtml\")))' " +
            q(epub));
    REQUIRE(r.status == 0);
    return r.out;
}

// The PDF rewritten by qpdf in QDF form (objects uncompressed, one per block).
std::string qdf(const std::string& pdf) {
    REQUIRE(have_tool("qpdf"));
    std::string out = pdf + ".qdf";
    auto r = run("qpdf --qdf --object-streams=disable " + q(pdf) + " " + q(out));
    REQUIRE(r.status == 0);
    return read_text(out);
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}
}  // namespace

TEST_CASE("hostile links: a protocol-relative //host link is https in both the EPUB and the PDF") {
    HostileCase c("hostile-protorel", "");
    c.write("book/1-a.md", "# 链接\n\n见[站点](//example.org/p?q=1)和[空](//)。\n");
    auto r = c.bookc("build book -o out -q");
    CHECK(r.status == 0);
    CHECK(r.err == "");
    std::string x = epub_xhtml(c.dir + "/out/book.epub");
    CHECK(count(x, "href=\"https://example.org/p?q=1\"") == 1);
    CHECK(x.find("href=\"//") == std::string::npos);
    std::string p = qdf(c.dir + "/out/book.pdf");
    CHECK(count(p, "/URI (https://example.org/p?q=1)") == 1);
    CHECK(p.find("/URI (//") == std::string::npos);
    CHECK(count(p, "/S /URI") == 1);  // the host-less "//" is a link in neither output
    CHECK(count(x, "href=\"https://") == 1);
}

TEST_CASE("hostile links: a 100 KB URL wrapped over many lines is one URI action in the PDF") {
    HostileCase c("hostile-longurl", "");
    std::string url = "https://example.org/" + std::string(100 * 1024, 'a');
    c.write("book/1-a.md", "# 长链接\n\n<" + url + ">\n");
    auto r = c.bookc("build book -o out -q --format pdf");
    CHECK(r.status == 0);
    CHECK(r.err == "");
    auto size = fs::file_size(c.dir + "/out/book.pdf");
    CHECK(size < 2 * 1024 * 1024);  // was 180 MB: the URI repeated in every line's annotation
    std::string p = qdf(c.dir + "/out/book.pdf");
    CHECK(count(p, "/Subtype /Link") > 1000);  // one annotation per wrapped line
    CHECK(count(p, "/URI (" + url + ")") == 1);
    CHECK(count(p, "/S /URI") == 1);
}

TEST_CASE("hostile notes: 20,000 references to one footnote each get an id and link to it") {
    HostileCase c("hostile-footnotes", "");
    std::string refs;
    for (int i = 0; i < 20000; ++i) refs += "字[^n]";
    c.write("book/1-a.md", "# 注\n\n" + refs + "\n\n[^n]: 脚注。\n");
    auto r = c.bookc("build book -o out -q --format epub");
    CHECK(r.status == 0);
    CHECK(r.err == "");
    std::string x = epub_xhtml(c.dir + "/out/book.epub");
    CHECK(count(x, "epub:type=\"noteref\"") == 20000);
    CHECK(count(x, "href=\"#ch01-fn1\"") == 20000);
    CHECK(x.find("id=\"fnref-1\"") != std::string::npos);
    CHECK(x.find("id=\"fnref-1-20000\"") != std::string::npos);  // ids stay unique and in order
    CHECK(x.find("id=\"fnref-1-20001\"") == std::string::npos);
    CHECK(x.find("href=\"#fnref-1\"") != std::string::npos);  // the note links back to the first
}
