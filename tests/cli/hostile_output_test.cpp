// Hostile input, output side: a slug cannot name a file outside the output folder; outputs
// are committed through unique temporaries (no planted symlink is written through, no two
// builds mix, a signal leaves no temporary, kill -9 leftovers are cleaned, a kill between
// the EPUB's and the PDF's rename is finished by the next build).
#include <doctest/doctest.h>

#include "cli/hostile_helpers.hpp"

using namespace bookc::test;
using namespace hostile;

TEST_CASE("hostile slug: a path or a dot name is an error at book.toml:line:col, exit 2") {
    struct Case {
        const char* slug;
        const char* message;
    };
    const Case cases[] = {
        {"../../x", "`book.slug` must not start with `.`"},
        {"a/../../x", "`book.slug` may only contain letters, digits, `-`, `_` and `.`"},
        {"/tmp/bookc-abs", "`book.slug` may only contain letters, digits, `-`, `_` and `.`"},
        {".hidden", "`book.slug` must not start with `.`"},
        {"a b", "`book.slug` may only contain letters, digits, `-`, `_` and `.`"},
        {"", "`book.slug` must not be empty"},
    };
    for (const auto& k : cases) {
        CAPTURE(k.slug);
        HostileCase c("hostile-slug");
        c.write("book/book.toml", std::string("[book]\nslug = \"") + k.slug + "\"\n");
        c.keep_listing();
        auto r = c.bookc("build book -o out -q");
        CHECK(r.status == 2);
        CHECK(r.err == std::string("book/book.toml:2:8: error: ") + k.message +
                           "\n  hint: the slug names the output files (OUT/<slug>.epub, .pdf): one "
                           "name of letters, digits, `-`, `_` and `.`, not starting with `.`\n"
                           "bookc: 1 error\n");
        CHECK(c.listing() == c.before);  // no output folder, nothing anywhere
        CHECK_FALSE(fs::exists("/tmp/bookc-abs.epub"));
    }
}

TEST_CASE("hostile slug: letters of any script, digits, - _ . are fine") {
    HostileCase c("hostile-slug-ok");
    c.write("book/book.toml", "[book]\nslug = \"中文书_v1.2-é\"\n");
    auto r = c.bookc("build book -o out -q --format epub");
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(listing(c.dir + "/out") ==
          "中文书_v1.2-é.epub " + std::to_string(fs::file_size(c.dir + "/out/中文书_v1.2-é.epub")) +
              "\n");
}

TEST_CASE("hostile output: planted symbolic links are replaced, never written through") {
    HostileCase c("hostile-symlink");
    c.write("victim.txt", "precious\n");
    fs::create_directories(c.dir + "/out");
    // The old fixed temporary name, and the output itself, as links to a file outside.
    fs::create_symlink(c.dir + "/victim.txt", c.dir + "/out/book.epub.tmp-bookc");
    fs::create_symlink(c.dir + "/victim.txt", c.dir + "/out/book.pdf");
    auto r = c.bookc("build book -o out -q");
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(read_text(c.dir + "/victim.txt") == "precious\n");
    CHECK(fs::is_regular_file(fs::symlink_status(c.dir + "/out/book.pdf")));
    CHECK(read_text(c.dir + "/out/book.pdf").rfind("%PDF-", 0) == 0);
    CHECK(fs::is_regular_file(fs::symlink_status(c.dir + "/out/book.epub")));
    // The planted link is left alone (it is not ours), and no temporary remains.
    CHECK(fs::is_symlink(fs::symlink_status(c.dir + "/out/book.epub.tmp-bookc")));
    CHECK(names_ending(c.dir + "/out", ".tmp-bookc") ==
          std::vector<std::string>{"book.epub.tmp-bookc"});
}

TEST_CASE("hostile output: a build that cannot commit exits 1, says why, and changes nothing") {
    HostileCase c("hostile-commit", "旧的正文。");
    auto first = c.bookc("build book -o out -q");
    REQUIRE(first.status == 0);
    std::string old_pdf = read_text(c.dir + "/out/book.pdf");
    // The EPUB's place is taken by a folder: its rename must fail.
    fs::remove(c.dir + "/out/book.epub");
    fs::create_directories(c.dir + "/out/book.epub/inside");
    small_book(c.dir, "新的正文。");
    std::string before = listing(c.dir + "/out");
    auto r = c.bookc("build book -o out -q");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "out: error: the book could not be written: cannot replace out/book.epub: Is a "
          "directory\nbookc: 1 error\n");
    CHECK(listing(c.dir + "/out") == before);  // no temporary, no journal, the old PDF
    CHECK(read_text(c.dir + "/out/book.pdf") == old_pdf);
}

TEST_CASE("hostile output: two builds into one folder each leave whole files") {
    HostileCase c("hostile-concurrent", "同时构建的正文。");
    auto ref = c.bookc("build book -o ref -q");
    REQUIRE(ref.status == 0);
    auto r =
        run("cd " + q(c.dir) + " && (" + bookc_cmd("build book -o out -q") + " & " +
            bookc_cmd("build book -o out -q") + " & wait %1; a=$?; wait %2; b=$?; echo $a $b)");
    CHECK(r.out == "0 0\n");
    CHECK(r.err == "");
    CHECK(read_text(c.dir + "/out/book.epub") == read_text(c.dir + "/ref/book.epub"));
    CHECK(read_text(c.dir + "/out/book.pdf") == read_text(c.dir + "/ref/book.pdf"));
    CHECK(listing(c.dir + "/out") == listing(c.dir + "/ref"));  // the two outputs, nothing else
}

TEST_CASE("hostile output: SIGTERM or SIGINT while writing removes the temporaries") {
    for (int sig : {SIGTERM, SIGINT}) {
        CAPTURE(sig);
        HostileCase c("hostile-sigterm", "旧的正文。");
        REQUIRE(c.bookc("build book -o out -q").status == 0);
        small_book(c.dir, "新的正文。");
        c.keep_listing();
        pid_t pid =
            start_stopped({"build", c.dir + "/book", "-o", c.dir + "/out", "-q"}, "staged", c.dir);
        REQUIRE(pid > 0);
        // Stopped with both temporaries written, before any rename.
        CHECK(names_ending(c.dir + "/out", ".tmp-bookc").size() == 2);
        ::kill(pid, sig);
        ::kill(pid, SIGCONT);
        int st = wait_for(pid);
        CHECK(WIFSIGNALED(st));
        CHECK(WTERMSIG(st) == sig);
        fs::remove(c.dir + "/stdout.txt");
        fs::remove(c.dir + "/stderr.txt");
        CHECK(c.listing() == c.before);  // old outputs, no temporary
    }
}

TEST_CASE("hostile output: temporaries left by kill -9 are removed by the next build") {
    HostileCase c("hostile-kill9");
    pid_t pid =
        start_stopped({"build", c.dir + "/book", "-o", c.dir + "/out", "-q"}, "staged", c.dir);
    REQUIRE(pid > 0);
    ::kill(pid, SIGKILL);
    wait_for(pid);
    auto left = names_ending(c.dir + "/out", ".tmp-bookc");
    REQUIRE(left.size() == 2);
    // Recognisable names: .<output>.<pid>.<16 hex>.tmp-bookc
    std::string p = std::to_string(pid);
    CHECK(left[0].rfind(".book.epub." + p + ".", 0) == 0);
    CHECK(left[0].size() == std::string(".book.epub." + p + ".").size() + 16 + 10);
    CHECK(left[1].rfind(".book.pdf." + p + ".", 0) == 0);
    auto r = c.bookc("build book -o out");
    CHECK(r.status == 0);
    CHECK(r.out.find("bookc: removed out/" + left[0] + ", left by an interrupted build\n") !=
          std::string::npos);
    CHECK(r.out.find("bookc: removed out/" + left[1] + ", left by an interrupted build\n") !=
          std::string::npos);
    CHECK(names_ending(c.dir + "/out", "-bookc").empty());
    CHECK(fs::exists(c.dir + "/out/book.epub"));
    CHECK(fs::exists(c.dir + "/out/book.pdf"));
}

TEST_CASE("hostile output: a kill between the two renames is finished by the next build") {
    HostileCase c("hostile-split", "旧的正文。");
    REQUIRE(c.bookc("build book -o out -q").status == 0);
    std::string old_pdf = read_text(c.dir + "/out/book.pdf");
    small_book(c.dir, "新的正文。");
    REQUIRE(c.bookc("build book -o ref -q").status == 0);
    std::string new_pdf = read_text(c.dir + "/ref/book.pdf");
    REQUIRE(new_pdf != old_pdf);

    pid_t pid =
        start_stopped({"build", c.dir + "/book", "-o", c.dir + "/out", "-q"}, "renamed-one", c.dir);
    REQUIRE(pid > 0);
    ::kill(pid, SIGKILL);
    wait_for(pid);
    // New EPUB, old PDF, and the journal that says so, with the PDF's temporary.
    CHECK(read_text(c.dir + "/out/book.epub") == read_text(c.dir + "/ref/book.epub"));
    CHECK(read_text(c.dir + "/out/book.pdf") == old_pdf);
    std::string journal = ".book.epub." + std::to_string(pid) + ".commit-bookc";
    CHECK(names_ending(c.dir + "/out", ".commit-bookc") == std::vector<std::string>{journal});
    CHECK(names_ending(c.dir + "/out", ".tmp-bookc").size() == 1);

    // The next build, even of the EPUB alone, first finishes the interrupted commit.
    auto r = c.bookc("build book -o out --format epub");
    CHECK(r.status == 0);
    CHECK(r.out.find("bookc: finished the interrupted replacement of out/book.pdf\n") !=
          std::string::npos);
    CHECK(read_text(c.dir + "/out/book.pdf") == new_pdf);
    CHECK(names_ending(c.dir + "/out", "-bookc").empty());
}
