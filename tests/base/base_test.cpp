#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "base/atomic_file.hpp"
#include "base/diag.hpp"
#include "base/hash.hpp"
#include "base/utf8.hpp"
#include "support/test_support.hpp"

using namespace bookc;

TEST_CASE("line and column are counted in characters, 1-based") {
    base::SourceMap m;
    auto id = m.add("a.md", "a.md", "第一行\n中文ab\n");
    const auto& f = m.get(id);
    CHECK(f.line_col(0).line == 1);
    auto lc = f.line_col(static_cast<std::uint32_t>(std::string("第一行\n中文").size()));
    CHECK(lc.line == 2);
    CHECK(lc.col == 3);
}

TEST_CASE("diagnostics print as path:line:col: severity: message with hints and a count") {
    base::SourceMap m;
    auto id = m.add("book/a.md", "a.md", "abc\ndef\n");
    base::DiagSink d;
    d.warning({id, 5, 6}, "something odd", {"try this"});
    d.error_at("book/book.toml", 3, 7, "bad key");
    CHECK(d.format(m) ==
          "book/a.md:2:2: warning: something odd\n  hint: try this\n"
          "book/book.toml:3:7: error: bad key\n");
    CHECK(d.summary() == "1 error, 1 warning");
    CHECK(d.has_errors());
}

TEST_CASE("invalid UTF-8 is found at its exact offset and replaced by U+FFFD") {
    std::string s = "ok\xff\xfe中";
    auto probs = base::find_invalid_utf8(s);
    REQUIRE(probs.size() == 2);
    CHECK(probs[0].offset == 2);
    CHECK(base::sanitize_utf8(s) == "ok\xEF\xBF\xBD\xEF\xBF\xBD中");
    CHECK(base::find_invalid_utf8("\xe4\xb8").size() == 1);      // truncated sequence
    CHECK(base::find_invalid_utf8("\xed\xa0\x80").size() >= 1);  // surrogate
}

TEST_CASE("uuid_from is stable, version-5 shaped, and differs for different names") {
    std::string a = base::uuid_from("书|slug");
    CHECK(a == base::uuid_from("书|slug"));
    CHECK(a != base::uuid_from("书|slug2"));
    CHECK(a.size() == 36);
    CHECK(a[14] == '5');
}

TEST_CASE("atomic writes replace the whole file and leave no temporary behind") {
    std::string dir = bookc::test::temp_dir("atomic");
    std::string p = dir + "/out.bin";
    CHECK(base::write_file_atomic(p, "first").empty());
    CHECK(base::write_file_atomic(p, "second").empty());
    std::string back;
    REQUIRE(base::read_file(p, back));
    CHECK(back == "second");
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"out.bin"});
    // A folder that does not exist: an error message, and nothing written.
    CHECK(base::write_file_atomic(dir + "/missing/out.bin", "x")
              .rfind("cannot create " + dir + "/missing/.out.bin.", 0) == 0);
}

TEST_CASE("an output batch that is not committed leaves nothing; a planted link is not followed") {
    std::string dir = bookc::test::temp_dir("atomic-batch");
    bookc::test::write_text(dir + "/victim", "keep");
    {
        base::OutputBatch batch;
        CHECK(batch.stage(dir + "/a.epub", "A").empty());
        CHECK(batch.stage(dir + "/a.pdf", "P").empty());
        std::size_t n = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir)) {
            std::string name = e.path().filename().string();
            if (name != "victim") {
                ++n;
                CHECK(name.size() > 10);
                CHECK(name.substr(name.size() - 10) == ".tmp-bookc");
            }
        }
        CHECK(n == 2);
    }  // destroyed without commit()
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"victim"});

    std::filesystem::create_symlink(dir + "/victim", dir + "/a.epub");
    base::OutputBatch batch;
    CHECK(batch.stage(dir + "/a.epub", "A").empty());
    CHECK(batch.stage(dir + "/a.pdf", "P").empty());
    CHECK(batch.commit().empty());
    CHECK(bookc::test::read_text(dir + "/victim") == "keep");
    CHECK(bookc::test::read_text(dir + "/a.epub") == "A");
    CHECK(std::filesystem::is_regular_file(std::filesystem::symlink_status(dir + "/a.epub")));
    names.clear();
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"a.epub", "a.pdf", "victim"});  // no journal left
}

TEST_CASE("read_regular_file refuses FIFOs at once and files over the limit") {
    std::string dir = bookc::test::temp_dir("read-regular");
    REQUIRE(::mkfifo((dir + "/pipe").c_str(), 0644) == 0);
    std::string out = "x";
    CHECK(base::read_regular_file(dir + "/pipe", 100, out) == "not a regular file (a FIFO)");
    CHECK(out.empty());
    CHECK(base::read_regular_file(dir, 100, out) == "not a regular file (a folder)");
    bookc::test::write_text(dir + "/f", "0123456789");
    CHECK(base::read_regular_file(dir + "/f", 9, out) ==
          "larger than the limit (10 bytes; at most 9)");
    CHECK(base::read_regular_file(dir + "/f", 10, out).empty());
    CHECK(out == "0123456789");
    CHECK(base::read_regular_file(dir + "/none", 10, out) ==
          "cannot be read: No such file or directory");
}

TEST_CASE("diagnostics escape control characters and malformed UTF-8 in names and messages") {
    CHECK(base::printable("a\x1b[2Jb\nc\td\r\x7f") == "a\\e[2Jb\\nc\\td\\r\\x7F");
    CHECK(base::printable("中文 ok \"q\" 'q'") == "中文 ok \"q\" 'q'");
    CHECK(base::printable("\xff\xfe") == "\\xFF\\xFE");
    CHECK(base::printable("\xEF\xBF\xBD") == "\xEF\xBF\xBD");  // a real U+FFFD stays
    CHECK(base::printable("x\u202Ey\u2028\xc2\x85") == "x\\u{202E}y\\u{2028}\\u{0085}");
    base::SourceMap m;
    base::DiagSink d;
    d.error_at("bad\nname.md", 3, 1, "image not found: a\x1b.png", {"hint\x07"});
    CHECK(d.format(m) ==
          "bad\\nname.md:3:1: error: image not found: a\\e.png\n  hint: hint\\x07\n");
}

TEST_CASE("diagnostics of one kind are capped at 20 with one line for the rest") {
    CHECK(base::DiagSink::kind_of("image not found: a.png") == "image not found");
    CHECK(base::DiagSink::kind_of("'a.md' is already a chapter; listed again here") ==
          " is already a chapter; listed again here");
    CHECK(base::DiagSink::kind_of("unknown key `x`") == base::DiagSink::kind_of("unknown key `y`"));
    base::SourceMap m;
    base::DiagSink d;
    for (int i = 0; i < 25; ++i)
        d.warning_at("f" + std::to_string(i), 0, 0, "image not found: " + std::to_string(i));
    d.error_at("g", 0, 0, "other");
    for (int i = 0; i < 21; ++i) d.error_at("e", 0, 0, "bad `" + std::to_string(i) + "`");
    std::string out = d.format(m);
    std::string want;
    for (int i = 0; i < 20; ++i)
        want += "f" + std::to_string(i) + ": warning: image not found: " + std::to_string(i) + "\n";
    want += "bookc: 5 more warnings like this\ng: error: other\n";
    for (int i = 0; i < 20; ++i) want += "e: error: bad `" + std::to_string(i) + "`\n";
    want += "bookc: 1 more error like this\n";
    CHECK(out == want);
    CHECK(d.summary() == "22 errors, 25 warnings");  // the count still covers every one
}
