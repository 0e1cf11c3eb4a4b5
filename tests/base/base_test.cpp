#include <doctest/doctest.h>

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
    CHECK(d.format(m) == "book/a.md:2:2: warning: something odd\n  hint: try this\n"
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
    CHECK(base::find_invalid_utf8("\xe4\xb8").size() == 1);  // truncated sequence
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
    CHECK_FALSE(std::filesystem::exists(p + ".tmp-bookc"));
    // A folder that does not exist: an error message, and nothing written.
    CHECK_FALSE(base::write_file_atomic(dir + "/missing/out.bin", "x").empty());
}
