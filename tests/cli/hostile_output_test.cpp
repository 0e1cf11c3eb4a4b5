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
    for (const auto& c : cases) {
        CAPTURE(c.slug);
        std::string dir = temp_dir("hostile-slug");
        small_book(dir, "正文。");
        write_text(dir + "/book/book.toml", std::string("[book]\nslug = \"") + c.slug + "\"\n");
        std::string before = listing(dir);
        auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q"));
        CHECK(r.status == 2);
        CHECK(r.err == std::string("book/book.toml:2:8: error: ") + c.message +
                           "\n  hint: the slug names the output files (OUT/<slug>.epub, .pdf): one "
                           "name of letters, digits, `-`, `_` and `.`, not starting with `.`\n"
                           "bookc: 1 error\n");
        CHECK(listing(dir) == before);  // no output folder, nothing anywhere
        CHECK_FALSE(fs::exists("/tmp/bookc-abs.epub"));
    }
}

TEST_CASE("hostile slug: letters of any script, digits, - _ . are fine") {
    std::string dir = temp_dir("hostile-slug-ok");
    small_book(dir, "正文。");
    write_text(dir + "/book/book.toml", "[book]\nslug = \"中文书_v1.2-é\"\n");
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q --format epub"));
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(listing(dir + "/out") ==
          "中文书_v1.2-é.epub " + std::to_string(fs::file_size(dir + "/out/中文书_v1.2-é.epub")) +
              "\n");
}

TEST_CASE("hostile output: planted symbolic links are replaced, never written through") {
    std::string dir = temp_dir("hostile-symlink");
    small_book(dir, "正文。");
    write_text(dir + "/victim.txt", "precious\n");
    fs::create_directories(dir + "/out");
    // The old fixed temporary name, and the output itself, as links to a file outside.
    fs::create_symlink(dir + "/victim.txt", dir + "/out/book.epub.tmp-bookc");
    fs::create_symlink(dir + "/victim.txt", dir + "/out/book.pdf");
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q"));
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(read_text(dir + "/victim.txt") == "precious\n");
    CHECK(fs::is_regular_file(fs::symlink_status(dir + "/out/book.pdf")));
    CHECK(read_text(dir + "/out/book.pdf").rfind("%PDF-", 0) == 0);
    CHECK(fs::is_regular_file(fs::symlink_status(dir + "/out/book.epub")));
    // The planted link is left alone (it is not ours), and no temporary remains.
    CHECK(fs::is_symlink(fs::symlink_status(dir + "/out/book.epub.tmp-bookc")));
    CHECK(names_ending(dir + "/out", ".tmp-bookc") ==
          std::vector<std::string>{"book.epub.tmp-bookc"});
}

TEST_CASE("hostile output: a build that cannot commit exits 1, says why, and changes nothing") {
    std::string dir = temp_dir("hostile-commit");
    small_book(dir, "旧的正文。");
    auto first = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q"));
    REQUIRE(first.status == 0);
    std::string old_pdf = read_text(dir + "/out/book.pdf");
    // The EPUB's place is taken by a folder: its rename must fail.
    fs::remove(dir + "/out/book.epub");
    fs::create_directories(dir + "/out/book.epub/inside");
    small_book(dir, "新的正文。");
    std::string before = listing(dir + "/out");
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q"));
    CHECK(r.status == 1);
    CHECK(r.err ==
          "out: error: the book could not be written: cannot replace out/book.epub: Is a "
          "directory\nbookc: 1 error\n");
    CHECK(listing(dir + "/out") == before);  // no temporary, no journal, the old PDF
    CHECK(read_text(dir + "/out/book.pdf") == old_pdf);
}

TEST_CASE("hostile output: two builds into one folder each leave whole files") {
    std::string dir = temp_dir("hostile-concurrent");
    small_book(dir, "同时构建的正文。");
    auto ref = run("cd " + q(dir) + " && " + bookc_cmd("build book -o ref -q"));
    REQUIRE(ref.status == 0);
    auto r =
        run("cd " + q(dir) + " && (" + bookc_cmd("build book -o out -q") + " & " +
            bookc_cmd("build book -o out -q") + " & wait %1; a=$?; wait %2; b=$?; echo $a $b)");
    CHECK(r.out == "0 0\n");
    CHECK(r.err == "");
    CHECK(read_text(dir + "/out/book.epub") == read_text(dir + "/ref/book.epub"));
    CHECK(read_text(dir + "/out/book.pdf") == read_text(dir + "/ref/book.pdf"));
    CHECK(listing(dir + "/out") == listing(dir + "/ref"));  // the two outputs, nothing else
}

TEST_CASE("hostile output: SIGTERM or SIGINT while writing removes the temporaries") {
    for (int sig : {SIGTERM, SIGINT}) {
        CAPTURE(sig);
        std::string dir = temp_dir("hostile-sigterm");
        small_book(dir, "旧的正文。");
        REQUIRE(run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q")).status == 0);
        small_book(dir, "新的正文。");
        std::string before = listing(dir);
        pid_t pid =
            start_stopped({"build", dir + "/book", "-o", dir + "/out", "-q"}, "staged", dir);
        REQUIRE(pid > 0);
        // Stopped with both temporaries written, before any rename.
        CHECK(names_ending(dir + "/out", ".tmp-bookc").size() == 2);
        ::kill(pid, sig);
        ::kill(pid, SIGCONT);
        int st = wait_for(pid);
        CHECK(WIFSIGNALED(st));
        CHECK(WTERMSIG(st) == sig);
        fs::remove(dir + "/stdout.txt");
        fs::remove(dir + "/stderr.txt");
        CHECK(listing(dir) == before);  // old outputs, no temporary
    }
}

TEST_CASE("hostile output: temporaries left by kill -9 are removed by the next build") {
    std::string dir = temp_dir("hostile-kill9");
    small_book(dir, "正文。");
    pid_t pid = start_stopped({"build", dir + "/book", "-o", dir + "/out", "-q"}, "staged", dir);
    REQUIRE(pid > 0);
    ::kill(pid, SIGKILL);
    wait_for(pid);
    auto left = names_ending(dir + "/out", ".tmp-bookc");
    REQUIRE(left.size() == 2);
    // Recognisable names: .<output>.<pid>.<16 hex>.tmp-bookc
    std::string p = std::to_string(pid);
    CHECK(left[0].rfind(".book.epub." + p + ".", 0) == 0);
    CHECK(left[0].size() == std::string(".book.epub." + p + ".").size() + 16 + 10);
    CHECK(left[1].rfind(".book.pdf." + p + ".", 0) == 0);
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out"));
    CHECK(r.status == 0);
    CHECK(r.out.find("bookc: removed out/" + left[0] + ", left by an interrupted build\n") !=
          std::string::npos);
    CHECK(r.out.find("bookc: removed out/" + left[1] + ", left by an interrupted build\n") !=
          std::string::npos);
    CHECK(names_ending(dir + "/out", "-bookc").empty());
    CHECK(fs::exists(dir + "/out/book.epub"));
    CHECK(fs::exists(dir + "/out/book.pdf"));
}

TEST_CASE("hostile output: a kill between the two renames is finished by the next build") {
    std::string dir = temp_dir("hostile-split");
    small_book(dir, "旧的正文。");
    REQUIRE(run("cd " + q(dir) + " && " + bookc_cmd("build book -o out -q")).status == 0);
    std::string old_pdf = read_text(dir + "/out/book.pdf");
    small_book(dir, "新的正文。");
    REQUIRE(run("cd " + q(dir) + " && " + bookc_cmd("build book -o ref -q")).status == 0);
    std::string new_pdf = read_text(dir + "/ref/book.pdf");
    REQUIRE(new_pdf != old_pdf);

    pid_t pid =
        start_stopped({"build", dir + "/book", "-o", dir + "/out", "-q"}, "renamed-one", dir);
    REQUIRE(pid > 0);
    ::kill(pid, SIGKILL);
    wait_for(pid);
    // New EPUB, old PDF, and the journal that says so, with the PDF's temporary.
    CHECK(read_text(dir + "/out/book.epub") == read_text(dir + "/ref/book.epub"));
    CHECK(read_text(dir + "/out/book.pdf") == old_pdf);
    std::string journal = ".book.epub." + std::to_string(pid) + ".commit-bookc";
    CHECK(names_ending(dir + "/out", ".commit-bookc") == std::vector<std::string>{journal});
    CHECK(names_ending(dir + "/out", ".tmp-bookc").size() == 1);

    // The next build, even of the EPUB alone, first finishes the interrupted commit.
    auto r = run("cd " + q(dir) + " && " + bookc_cmd("build book -o out --format epub"));
    CHECK(r.status == 0);
    CHECK(r.out.find("bookc: finished the interrupted replacement of out/book.pdf\n") !=
          std::string::npos);
    CHECK(read_text(dir + "/out/book.pdf") == new_pdf);
    CHECK(names_ending(dir + "/out", "-bookc").empty());
}
