// Hostile input, reading side: FIFOs and devices are refused without blocking, files have
// size limits ([limits] raises them), nothing outside the book is read unless named on the
// command line, globs cannot hang or overflow, and diagnostics print names safely and cap
// repeated warnings.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "cli/hostile_helpers.hpp"

using namespace bookc::test;
using namespace hostile;

namespace {
void make_fifo(const std::string& path) { REQUIRE(::mkfifo(path.c_str(), 0644) == 0); }
}  // namespace

TEST_CASE("hostile read: a FIFO listed as a chapter is refused at once, not waited on") {
    HostileCase c("hostile-fifo-chapter");
    make_fifo(c.dir + "/book/pipe.md");
    c.write("book/book.toml", "chapters = [\"pipe.md\", \"1-开篇.md\"]\n");
    c.keep_listing();
    auto r = c.bookc("build book -o out -q");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/pipe.md: error: the article is not a regular file (a FIFO); skipped\n"
          "bookc: 1 error\n");
    CHECK(c.listing() == c.before);
}

TEST_CASE("hostile read: a FIFO among the articles of a folder without book.toml is reported") {
    HostileCase c("hostile-fifo-scan");
    make_fifo(c.dir + "/book/2-管道.md");
    c.keep_listing();
    auto r = c.bookc("check book -q");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/2-管道.md: error: the article is not a regular file (a FIFO); skipped\n"
          "bookc: 1 error\n");
    CHECK(c.listing() == c.before);
}

TEST_CASE("hostile read: a FIFO or a device as an image is an error, never opened blocking") {
    HostileCase c("hostile-fifo-image", "");
    c.write("book/1-a.md", "# 标题\n\n![图](pic.png)\n\n![零](zero.png)\n");
    make_fifo(c.dir + "/book/pic.png");
    fs::create_symlink("/dev/zero", c.dir + "/book/zero.png");  // endless, inside by name only
    c.keep_listing();
    auto r = c.bookc("check book -q");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/1-a.md:3:1: error: image is not a regular file (a FIFO): pic.png\n"
          "book/1-a.md:5:1: error: image is outside the book folder: zero.png\n"
          "  hint: it resolves (through a symbolic link) to a file outside the book\n"
          "bookc: 2 errors\n");
    CHECK(c.listing() == c.before);
}

TEST_CASE("hostile read: files over the size limit are refused; [limits] raises the limit") {
    HostileCase c("hostile-limits", "");
    c.write("book/1-big.md", "# 大\n\n" + std::string(1536 * 1024, 'a') + "\n");
    c.write("book/book.toml", "[limits]\narticle_mb = 1\n");
    c.keep_listing();
    auto r = c.bookc("check book -q");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/1-big.md: error: the article is larger than the limit (1572872 bytes; at most "
          "1048576); skipped\n  hint: raise the limit in book.toml: [limits] article_mb = …\n"
          "book: error: no articles found (.md, .markdown, .html, .htm or .txt files)\n"
          "bookc: 2 errors\n");
    CHECK(c.listing() == c.before);
    c.write("book/book.toml", "[limits]\narticle_mb = 2\n");
    auto ok = c.bookc("check book -q");
    CHECK(ok.status == 0);
    CHECK(ok.err == "");
    c.write("book/book.toml", "[limits]\narticle_mb = 0\nvideo_mb = 3\n");
    auto bad = c.bookc("check book -q");
    CHECK(bad.status == 2);
    CHECK(bad.err.find(
              "book/book.toml:2:14: error: `limits.article_mb` must be between 1 and 4096\n") == 0);
    CHECK(bad.err.find("book/book.toml:3:1: error: unknown key `limits.video_mb`\n") !=
          std::string::npos);
}

TEST_CASE("hostile read: a layout outside the book is read only when named with --layout") {
    HostileCase c("hostile-layout");
    c.write("secret.toml", "SECRET-CONTENT = [\n");
    for (const char* where : {"../secret.toml", "/etc/passwd"}) {
        CAPTURE(where);
        c.write("book/book.toml", std::string("[book]\nlayout = \"") + where + "\"\n");
        c.keep_listing();
        auto r = c.bookc("check book -q");
        CHECK(r.status == 2);
        CHECK(r.err ==
              "book/book.toml:2:10: error: `book.layout` is outside the book folder and the "
              "bundled layouts; not read\n  hint: put the layout folder inside the book "
              "folder, or name it on the command line: bookc build --layout PATH\n"
              "bookc: 1 error\n");
        CHECK(c.listing() == c.before);
    }
    // Named on the command line, the same file is read (and is a bad layout: exit 2).
    c.write("book/book.toml", "[book]\ntitle = \"书\"\n");
    auto cli = c.bookc("check book -q --layout secret.toml");
    CHECK(cli.status == 2);
    CHECK(cli.err ==
          "secret.toml:1:20: error: Error while parsing array: encountered end-of-file\n"
          "bookc: 1 error\n");
    // A layout inside the book folder is fine.
    c.write("book/look/layout.toml", "[page]\nwidth = \"148mm\"\n");
    c.write("book/book.toml", "[book]\nlayout = \"look\"\n");
    auto inside = c.bookc("check book -q");
    CHECK(inside.err == "");
    CHECK(inside.status == 0);
}

TEST_CASE("hostile read: book.toml as a link to a file outside, or as a FIFO, is not read") {
    HostileCase c("hostile-booktoml");
    c.write("secret.txt", "SECRET-CONTENT\n");
    fs::create_symlink("../secret.txt", c.dir + "/book/book.toml");
    c.keep_listing();
    auto r = c.bookc("check book -q");
    CHECK(r.status == 2);
    CHECK(r.err ==
          "book/book.toml: error: book.toml is a symbolic link to a file outside the book folder\n"
          "  hint: copy the file into the book folder\nbookc: 1 error\n");
    CHECK(c.listing() == c.before);
    fs::remove(c.dir + "/book/book.toml");
    make_fifo(c.dir + "/book/book.toml");
    auto f = c.bookc("check book -q");
    CHECK(f.status == 2);
    CHECK(f.err ==
          "book/book.toml: error: book.toml is not a regular file (a FIFO)\nbookc: 1 error\n");
}

TEST_CASE("hostile globs: backtracking patterns finish; huge patterns are an error at their line") {
    HostileCase c("hostile-glob");
    c.write("book/" + std::string(200, 'a') + ".md", "# 长名\n\n正文。\n");
    write_text(
        c.dir + "/book/book.toml",
        "chapters = [\n  \"1-*.md\",\n  \"*a*a*a*a*a*a*a*a*a*a*a*a*b.md\",\n  \"" +
            [] {
                std::string s;
                for (int i = 0; i < 90000; ++i) s += "**/";
                return s;
            }() +
            "x.md\",\n]\n");
    c.keep_listing();
    auto r = c.bookc("check book -q");
    CHECK(r.status == 2);
    CHECK(r.err ==
          "book/book.toml:4:3: error: chapter pattern is too long (270004 bytes, 180000 `*`; "
          "at most 1024 bytes and 64 `*`)\nbookc: 1 error\n");
    CHECK(c.listing() == c.before);
    c.write("book/book.toml",
            "chapters = [\n  \"1-*.md\",\n  \"*a*a*a*a*a*a*a*a*a*a*a*a*b.md\",\n]\n");
    auto slow = c.bookc("check book -q");
    CHECK(slow.status == 1);
    CHECK(slow.err ==
          "book/book.toml:3: error: no article matches '*a*a*a*a*a*a*a*a*a*a*a*a*b.md'\n"
          "bookc: 1 error\n");
}

TEST_CASE("hostile names: control characters in names are escaped in diagnostics") {
    HostileCase c("hostile-names");
    c.write("book/2-\x1b[31mred\nx:1:1: error: fake.md", "");
    c.write("book/3-\xff\xfe.md", "");
    c.keep_listing();
    auto r = c.bookc("check book -q");
    CHECK(r.status == 0);
    CHECK(r.err ==
          "book/2-\\e[31mred\\nx:1:1: error: fake.md:1:1: warning: empty article\n"
          "book/3-\\xFF\\xFE.md:1:1: warning: empty article\nbookc: 2 warnings\n");
    CHECK(c.listing() == c.before);
}

TEST_CASE("hostile names: 50 empty files give 20 warnings and one line for the other 30") {
    HostileCase c("hostile-many");
    for (int i = 0; i < 50; ++i) c.write("book/e" + std::to_string(100 + i) + ".md", "");
    auto r = c.bookc("check book -q");
    CHECK(r.status == 0);
    std::string want;
    for (int i = 0; i < 20; ++i)
        want += "book/e" + std::to_string(100 + i) + ".md:1:1: warning: empty article\n";
    want += "bookc: 30 more warnings like this\nbookc: 50 warnings\n";
    CHECK(r.err == want);
}

TEST_CASE(
    "hostile read: a FIFO in the book's fonts/ is skipped with a warning, not handed to "
    "fontconfig") {
    HostileCase c("hostile-fonts");
    fs::create_directories(c.dir + "/book/fonts");
    make_fifo(c.dir + "/book/fonts/evil.ttf");
    fs::create_symlink("/etc/passwd", c.dir + "/book/fonts/outside.ttf");
    std::string book_before = listing(c.dir + "/book");
    auto r = c.bookc("build book -o out -q --format epub");
    CHECK(r.status == 0);
    CHECK(r.err ==
          "book/fonts/evil.ttf: warning: font file is not a regular file (a FIFO); skipped\n"
          "book/fonts/outside.ttf: warning: font file is outside its fonts folder (symbolic link); "
          "skipped\nbookc: 2 warnings\n");
    CHECK(listing(c.dir + "/book") == book_before);
    CHECK(names_ending(c.dir + "/out", "") == std::vector<std::string>{"book.epub"});
}
