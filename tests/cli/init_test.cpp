// bookc init: a new book that builds at once with no warning, and never a file replaced.
#include <doctest/doctest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace bookc::test;

namespace {
std::string cmd(const std::string& args) { return shell_quote(bookc_bin()) + " " + args; }
}  // namespace

TEST_CASE("init: a commented book.toml, a sample article and a .gitignore that build cleanly") {
    std::string dir = temp_dir("init-new");
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("init My-Notes"));
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out ==
          "bookc: started a book in My-Notes: book.toml, 01-first.md, .gitignore\n"
          "  next: bookc build My-Notes\n");
    std::string toml = read_text(dir + "/My-Notes/book.toml");
    CHECK(toml.find("title = \"My-Notes\"\n") != std::string::npos);
    CHECK(toml.find("slug = \"my-notes\"") != std::string::npos);
    CHECK(toml.find("# layout = \"handbook\"") != std::string::npos);
    CHECK(read_text(dir + "/My-Notes/.gitignore") ==
          "# bookc's outputs and its cache of downloaded images (safe to delete)\n"
          "/dist/\n/.bookc-cache/\n");

    // It builds at once, with no warning (-q prints only problems), and the sample's
    // text, footnote and readers' comment reach the PDF.
    auto b = run("cd " + shell_quote(dir + "/My-Notes") + " && " + cmd("build -q"));
    INFO(b.err);
    REQUIRE(b.status == 0);
    CHECK(b.err.empty());
    CHECK(fs::exists(dir + "/My-Notes/dist/my-notes.epub"));
    std::string text =
        run("pdftotext " + shell_quote(dir + "/My-Notes/dist/my-notes.pdf") + " -").out;
    CHECK(text.find("示例文章") != std::string::npos);
    CHECK(text.find("脚注排在页脚") != std::string::npos);
    CHECK(text.find("这一段留言会出现在本章的留言区里。") != std::string::npos);
    CHECK(text.find("示例读者") != std::string::npos);
}

TEST_CASE("init: a Chinese folder name is the title; the slug falls back to book") {
    std::string dir = temp_dir("init-zh");
    auto r = run(cmd("init -q " + shell_quote(dir + "/读书笔记")));
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    std::string toml = read_text(dir + "/读书笔记/book.toml");
    CHECK(toml.find("title = \"读书笔记\"\n") != std::string::npos);
    CHECK(toml.find("slug = \"book\"") != std::string::npos);
}

TEST_CASE("init: refuses to overwrite anything, and then writes nothing") {
    std::string dir = temp_dir("init-refuse");
    write_text(dir + "/b/book.toml", "[book]\ntitle = \"原有的书\"\n");
    auto r = run(cmd("init " + shell_quote(dir + "/b")));
    CHECK(r.status == 1);
    CHECK(r.err == "bookc: error: " + dir +
                       "/b already has book.toml; init writes nothing\n"
                       "  hint: bookc init starts a new book; edit the files that are there "
                       "instead\n");
    CHECK(read_text(dir + "/b/book.toml") == "[book]\ntitle = \"原有的书\"\n");
    CHECK_FALSE(fs::exists(dir + "/b/01-first.md"));
    CHECK_FALSE(fs::exists(dir + "/b/.gitignore"));

    // A dangling symbolic link counts as present: init never writes through one.
    fs::create_directories(dir + "/c");
    fs::create_symlink(dir + "/elsewhere", dir + "/c/.gitignore");
    auto r2 = run(cmd("init " + shell_quote(dir + "/c")));
    CHECK(r2.status == 1);
    CHECK(r2.err.find("already has .gitignore; init writes nothing") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/elsewhere"));
    CHECK_FALSE(fs::exists(dir + "/c/book.toml"));

    // A file where the folder should be.
    write_text(dir + "/f", "x");
    auto r3 = run(cmd("init " + shell_quote(dir + "/f")));
    CHECK(r3.status == 1);
    CHECK(r3.err == "bookc: error: " + dir + "/f exists and is not a folder\n");
}
