// The bookc command as a user meets it: exit codes, diagnostics, outputs written
// atomically, determinism, and nothing written outside the output folder.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace bookc::test;

namespace {
std::string cmd(const std::string& args) { return shell_quote(bookc_bin()) + " " + args; }

// A tiny book: two Markdown articles, one with a comment block.
std::string make_book(const std::string& name) {
    std::string dir = temp_dir(name);
    write_text(dir + "/book/10-后记.md", "# 后记\n\n写在最后的几句话。\n");
    write_text(dir + "/book/2-开篇.md",
               "---\ntitle: 开篇\nauthor: 编者\n---\n\n第一段文字，讲为什么要把文章编成书。\n\n"
               "## 小节\n\n第二段。\n\n"
               "<div><strong>精选留言（1）</strong></div><ul>\n"
               "<li><img src=\"https://example.invalid/a.jpg\" width=\"30px\"><span>青石</span> "
               "👍（4） 💬（0）<div>写得清楚。</div>2024-03-01</li><br/>\n</ul>\n");
    return dir;
}

std::string list_tree(const std::string& dir) {
    std::string out;
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir)) names.push_back(e.path().string());
    std::sort(names.begin(), names.end());
    for (const auto& n : names) out += n + "\n";
    return out;
}
}  // namespace

TEST_CASE("--version and --help") {
    auto r = run(cmd("--version"));
    CHECK(r.status == 0);
    CHECK(r.out == "bookc 0.1.0\n");
    auto h = run(cmd("build --help"));
    CHECK(h.status == 0);
    CHECK(h.out.find("--format") != std::string::npos);
    CHECK(h.out.find("--strict") != std::string::npos);
}

TEST_CASE("bad usage exits 2") {
    CHECK(run(cmd("")).status == 2);
    CHECK(run(cmd("frobnicate")).status == 2);
    CHECK(run(cmd("build --no-such-flag")).status == 2);
    std::string dir = make_book("cli-usage");
    auto r = run(cmd("build " + shell_quote(dir + "/book") + " -o " + shell_quote(dir + "/out") +
                     " --format mobi"));
    CHECK(r.status == 2);
    CHECK(r.err.find("unknown format `mobi`") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/out"));
}

TEST_CASE("a bad book.toml exits 2 and names the key and line") {
    std::string dir = make_book("cli-badtoml");
    write_text(dir + "/book/book.toml", "[book]\ntitle = \"书\"\ntitel = \"typo\"\n");
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("check book"));
    CHECK(r.status == 2);
    CHECK(r.err.find("book/book.toml:3:1: error: unknown key `book.titel`\n") != std::string::npos);
    CHECK(r.err.find("bookc: 1 error\n") != std::string::npos);
}

TEST_CASE("an unknown layout exits 2") {
    std::string dir = make_book("cli-layout");
    auto r = run(cmd("check " + shell_quote(dir + "/book") + " --layout nonesuch"));
    CHECK(r.status == 2);
    CHECK(r.err.find("error: layout `nonesuch` not found") != std::string::npos);
}

TEST_CASE("a layout name means the bundled layout even beside a folder of that name") {
    std::string dir = make_book("cli-layout-name");
    std::filesystem::create_directories(dir + "/a4");  // e.g. an earlier output folder
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("check book --layout a4"));
    CHECK(r.status == 0);
    CHECK(r.err.find("error") == std::string::npos);
}

TEST_CASE("a folder without articles is an error (exit 1)") {
    std::string dir = temp_dir("cli-empty");
    fs::create_directories(dir + "/book");
    write_text(dir + "/book/notes.pdf", "%PDF-1.4");
    auto r = run(cmd("check " + shell_quote(dir + "/book")));
    CHECK(r.status == 1);
    CHECK(r.err.find(": error: ") != std::string::npos);
    CHECK(r.err.find("bookc: 1 error") != std::string::npos);
}

TEST_CASE("check writes nothing and reports the book") {
    std::string dir = make_book("cli-check");
    std::string before = list_tree(dir);
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("check book"));
    CHECK(r.status == 0);
    CHECK(r.out.find("2 chapters") != std::string::npos);
    CHECK(list_tree(dir) == before);
}

TEST_CASE("build writes both outputs into the output folder only, byte-identical twice") {
    std::string dir = make_book("cli-build");
    std::string book_before = list_tree(dir + "/book");
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("wrote out/book.epub") != std::string::npos);
    CHECK(r.out.find("wrote out/book.pdf") != std::string::npos);
    std::string epub1 = read_text(dir + "/out/book.epub");
    std::string pdf1 = read_text(dir + "/out/book.pdf");
    CHECK(epub1.rfind("PK", 0) == 0);
    CHECK(pdf1.rfind("%PDF-", 0) == 0);
    CHECK(list_tree(dir + "/book") == book_before);  // nothing written into the book
    CHECK(list_tree(dir) == dir + "/book\n" + book_before + dir + "/out\n" + dir +
                                "/out/book.epub\n" + dir + "/out/book.pdf\n");

    auto r2 = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out -q"));
    REQUIRE(r2.status == 0);
    CHECK(r2.out.empty());
    CHECK(read_text(dir + "/out/book.epub") == epub1);
    CHECK(read_text(dir + "/out/book.pdf") == pdf1);
}

TEST_CASE("--format epub writes only the EPUB") {
    std::string dir = make_book("cli-format");
    auto r = run(cmd("build " + shell_quote(dir + "/book") + " -o " + shell_quote(dir + "/out") +
                     " --format epub -q"));
    REQUIRE(r.status == 0);
    CHECK(fs::exists(dir + "/out/book.epub"));
    CHECK_FALSE(fs::exists(dir + "/out/book.pdf"));
}

TEST_CASE("a failed build leaves the previous book intact") {
    std::string dir = make_book("cli-atomic");
    std::string build =
        cmd("build " + shell_quote(dir + "/book") + " -o " + shell_quote(dir + "/out") + " -q");
    REQUIRE(run(build).status == 0);
    std::string epub = read_text(dir + "/out/book.epub");
    std::string pdf = read_text(dir + "/out/book.pdf");
    // An image outside the book folder is an error: the build fails, outputs stay as they were.
    write_text(dir + "/secret.png", "not really a png");
    write_text(dir + "/book/3-bad.md", "# 坏\n\n![x](../secret.png)\n");
    auto r = run(build);
    CHECK(r.status == 1);
    CHECK(r.err.find("3-bad.md:3:") != std::string::npos);
    CHECK(read_text(dir + "/out/book.epub") == epub);
    CHECK(read_text(dir + "/out/book.pdf") == pdf);
    for (const auto& e : fs::directory_iterator(dir + "/out"))
        CHECK(e.path().filename().string().find("tmp") == std::string::npos);
}

TEST_CASE("--strict turns warnings into a failure") {
    std::string dir = make_book("cli-strict");
    write_text(dir + "/book/5-空.md", "");  // an empty file is a warning
    std::string base = cmd("check " + shell_quote(dir + "/book"));
    auto lax = run(base);
    CHECK(lax.status == 0);
    CHECK(lax.err.find("warning: ") != std::string::npos);
    CHECK(run(base + " --strict").status == 1);
}

TEST_CASE("text prints the book in reading order") {
    std::string dir = make_book("cli-text");
    auto r = run(cmd("text " + shell_quote(dir + "/book")));
    CHECK(r.status == 0);
    auto a = r.out.find("开篇");
    auto b = r.out.find("写得清楚。");
    auto c = r.out.find("后记");
    CHECK(a < b);
    CHECK(b < c);
    CHECK(c != std::string::npos);
}

TEST_CASE("bookc fonts names a file for every role of the default layout") {
    auto r = run(cmd("fonts " + shell_quote(source_dir() + "/content")));
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("body") != std::string::npos);
    CHECK(r.out.find("NotoSerifCJK") != std::string::npos);
    // fonts.math: an OpenType MATH font (fonts-dejavu-extra).
    CHECK(r.out.find("math      DejaVu Math TeX Gyre") != std::string::npos);
    CHECK(r.out.find("DejaVuMathTeXGyre.ttf") != std::string::npos);
}

TEST_CASE("the EPUB identifier follows the book, not its folder") {
    std::string dir = temp_dir("cli-identity");
    auto identifier = [&](const std::string& folder, const std::string& title) {
        write_text(dir + "/" + folder + "/book.toml",
                   "[book]\ntitle = \"" + title + "\"\nauthors = [\"编者\"]\nslug = \"book\"\n");
        write_text(dir + "/" + folder + "/01.md", "# 开篇\n\n第一段文字。\n");
        auto r = run(cmd("build " + shell_quote(dir + "/" + folder) + " -o " +
                         shell_quote(dir + "/out-" + folder) + " --format epub -q"));
        REQUIRE(r.status == 0);
        std::string opf = run("unzip -p " + shell_quote(dir + "/out-" + folder + "/book.epub") +
                              " OEBPS/content.opf")
                              .out;
        auto begin = opf.find("<dc:identifier id=\"book-id\">");
        REQUIRE(begin != std::string::npos);
        begin += 28;
        return opf.substr(begin, opf.find('<', begin) - begin);
    };
    const std::string a = identifier("书稿", "同一本书");
    CHECK(a.rfind("urn:uuid:", 0) == 0);
    CHECK(identifier("another-folder-name", "同一本书") == a);  // same content, other folder
    CHECK(identifier("书稿-第二版", "另一本书") != a);          // another title
}
