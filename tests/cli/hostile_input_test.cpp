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
    std::string dir = temp_dir("hostile-fifo-chapter");
    small_book(dir, "正文。");
    make_fifo(dir + "/book/pipe.md");
    write_text(dir + "/book/book.toml", "chapters = [\"pipe.md\", \"1-开篇.md\"]\n");
    std::string before = listing(dir);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q"));
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/pipe.md: error: the article is not a regular file (a FIFO); skipped\n"
          "bookc: 1 error\n");
    CHECK(listing(dir) == before);
}

TEST_CASE("hostile read: a FIFO among the articles of a folder without book.toml is reported") {
    std::string dir = temp_dir("hostile-fifo-scan");
    small_book(dir, "正文。");
    make_fifo(dir + "/book/2-管道.md");
    std::string before = listing(dir);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/2-管道.md: error: the article is not a regular file (a FIFO); skipped\n"
          "bookc: 1 error\n");
    CHECK(listing(dir) == before);
}

TEST_CASE("hostile read: a FIFO or a device as an image is an error, never opened blocking") {
    std::string dir = temp_dir("hostile-fifo-image");
    write_text(dir + "/book/1-a.md", "# 标题\n\n![图](pic.png)\n\n![零](zero.png)\n");
    make_fifo(dir + "/book/pic.png");
    fs::create_symlink("/dev/zero", dir + "/book/zero.png");  // endless, inside by name only
    std::string before = listing(dir);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/1-a.md:3:1: error: image is not a regular file (a FIFO): pic.png\n"
          "book/1-a.md:5:1: error: image is outside the book folder: zero.png\n"
          "  hint: it resolves (through a symbolic link) to a file outside the book\n"
          "bookc: 2 errors\n");
    CHECK(listing(dir) == before);
}

TEST_CASE("hostile read: files over the size limit are refused; [limits] raises the limit") {
    std::string dir = temp_dir("hostile-limits");
    write_text(dir + "/book/1-big.md", "# 大\n\n" + std::string(1536 * 1024, 'a') + "\n");
    write_text(dir + "/book/book.toml", "[limits]\narticle_mb = 1\n");
    std::string before = listing(dir);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(r.status == 1);
    CHECK(r.err ==
          "book/1-big.md: error: the article is larger than the limit (1572872 bytes; at most "
          "1048576); skipped\n  hint: raise the limit in book.toml: [limits] article_mb = …\n"
          "book: error: no articles found (.md, .markdown, .html, .htm or .txt files)\n"
          "bookc: 2 errors\n");
    CHECK(listing(dir) == before);
    write_text(dir + "/book/book.toml", "[limits]\narticle_mb = 2\n");
    auto ok = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(ok.status == 0);
    CHECK(ok.err == "");
    write_text(dir + "/book/book.toml", "[limits]\narticle_mb = 0\nvideo_mb = 3\n");
    auto bad = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(bad.status == 2);
    CHECK(bad.err.find(
              "book/book.toml:2:14: error: `limits.article_mb` must be between 1 and 4096\n") == 0);
    CHECK(bad.err.find("book/book.toml:3:1: error: unknown key `limits.video_mb`\n") !=
          std::string::npos);
}

TEST_CASE("hostile read: a layout outside the book is read only when named with --layout") {
    std::string dir = temp_dir("hostile-layout");
    small_book(dir, "正文。");
    write_text(dir + "/secret.toml", "SECRET-CONTENT = [\n");
    for (const char* where : {"../secret.toml", "/etc/passwd"}) {
        CAPTURE(where);
        write_text(dir + "/book/book.toml", std::string("[book]\nlayout = \"") + where + "\"\n");
        std::string before = listing(dir);
        auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
        CHECK(r.status == 2);
        CHECK(r.err ==
              "book/book.toml:2:10: error: `book.layout` is outside the book folder and the "
              "bundled layouts; not read\n  hint: put the layout folder inside the book "
              "folder, or name it on the command line: bookc build --layout PATH\n"
              "bookc: 1 error\n");
        CHECK(listing(dir) == before);
    }
    // Named on the command line, the same file is read (and is a bad layout: exit 2).
    write_text(dir + "/book/book.toml", "[book]\ntitle = \"书\"\n");
    auto cli = run("cd " + q(dir) + " && " + bookc_cmd("check book -q --layout secret.toml"));
    CHECK(cli.status == 2);
    CHECK(cli.err ==
          "secret.toml:1:20: error: Error while parsing array: encountered end-of-file\n"
          "bookc: 1 error\n");
    // A layout inside the book folder is fine.
    write_text(dir + "/book/look/layout.toml", "[page]\nwidth = \"148mm\"\n");
    write_text(dir + "/book/book.toml", "[book]\nlayout = \"look\"\n");
    auto inside = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(inside.err == "");
    CHECK(inside.status == 0);
}

TEST_CASE("hostile read: book.toml as a link to a file outside, or as a FIFO, is not read") {
    std::string dir = temp_dir("hostile-booktoml");
    small_book(dir, "正文。");
    write_text(dir + "/secret.txt", "SECRET-CONTENT\n");
    fs::create_symlink("../secret.txt", dir + "/book/book.toml");
    std::string before = listing(dir);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(r.status == 2);
    CHECK(r.err ==
          "book/book.toml: error: book.toml is a symbolic link to a file outside the book folder\n"
          "  hint: copy the file into the book folder\nbookc: 1 error\n");
    CHECK(listing(dir) == before);
    fs::remove(dir + "/book/book.toml");
    make_fifo(dir + "/book/book.toml");
    auto f = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(f.status == 2);
    CHECK(f.err ==
          "book/book.toml: error: book.toml is not a regular file (a FIFO)\nbookc: 1 error\n");
}

TEST_CASE("hostile globs: backtracking patterns finish; huge patterns are an error at their line") {
    std::string dir = temp_dir("hostile-glob");
    small_book(dir, "正文。");
    write_text(dir + "/book/" + std::string(200, 'a') + ".md", "# 长名\n\n正文。\n");
    write_text(
        dir + "/book/book.toml",
        "chapters = [\n  \"1-*.md\",\n  \"*a*a*a*a*a*a*a*a*a*a*a*a*b.md\",\n  \"" +
            [] {
                std::string s;
                for (int i = 0; i < 90000; ++i) s += "**/";
                return s;
            }() +
            "x.md\",\n]\n");
    std::string before = listing(dir);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(r.status == 2);
    CHECK(r.err ==
          "book/book.toml:4:3: error: chapter pattern is too long (270004 bytes, 180000 `*`; "
          "at most 1024 bytes and 64 `*`)\nbookc: 1 error\n");
    CHECK(listing(dir) == before);
    write_text(dir + "/book/book.toml",
               "chapters = [\n  \"1-*.md\",\n  \"*a*a*a*a*a*a*a*a*a*a*a*a*b.md\",\n]\n");
    auto slow = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(slow.status == 1);
    CHECK(slow.err ==
          "book/book.toml:3: error: no article matches '*a*a*a*a*a*a*a*a*a*a*a*a*b.md'\n"
          "bookc: 1 error\n");
}

TEST_CASE("hostile names: control characters in names are escaped in diagnostics") {
    std::string dir = temp_dir("hostile-names");
    small_book(dir, "正文。");
    write_text(dir + "/book/2-\x1b[31mred\nx:1:1: error: fake.md", "");
    write_text(dir + "/book/3-\xff\xfe.md", "");
    std::string before = listing(dir);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
    CHECK(r.status == 0);
    CHECK(r.err ==
          "book/2-\\e[31mred\\nx:1:1: error: fake.md:1:1: warning: empty article\n"
          "book/3-\\xFF\\xFE.md:1:1: warning: empty article\nbookc: 2 warnings\n");
    CHECK(listing(dir) == before);
}

TEST_CASE("hostile names: 50 empty files give 20 warnings and one line for the other 30") {
    std::string dir = temp_dir("hostile-many");
    small_book(dir, "正文。");
    for (int i = 0; i < 50; ++i) write_text(dir + "/book/e" + std::to_string(100 + i) + ".md", "");
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("check book -q"));
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
    std::string dir = temp_dir("hostile-fonts");
    small_book(dir, "正文。");
    fs::create_directories(dir + "/book/fonts");
    make_fifo(dir + "/book/fonts/evil.ttf");
    fs::create_symlink("/etc/passwd", dir + "/book/fonts/outside.ttf");
    std::string book_before = listing(dir + "/book");
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q --format epub"));
    CHECK(r.status == 0);
    CHECK(r.err ==
          "book/fonts/evil.ttf: warning: font file is not a regular file (a FIFO); skipped\n"
          "book/fonts/outside.ttf: warning: font file is outside its fonts folder (symbolic link); "
          "skipped\nbookc: 2 warnings\n");
    CHECK(listing(dir + "/book") == book_before);
    CHECK(names_ending(dir + "/out", "") == std::vector<std::string>{"book.epub"});
}
