// epubcheck on the packages the EPUB writer's tests build (tests/write/epub keeps each in
// test::kept_epubs_dir(); CTest runs the epub test first, see the fixture in
// tests/CMakeLists.txt). Each must pass with no errors and no warnings. A package missing
// or older than the epub test binary is a failure: the list below is the writer tests'.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "support/need.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace bookc::test;

namespace {

const char* const kEpubcheckJar = "/usr/share/java/epubcheck.jar";

void check_kept(const std::string& name) {
    CAPTURE(name);
    const fs::path path = fs::path(kept_epubs_dir()) / (name + ".epub");
    REQUIRE_MESSAGE(fs::exists(path), path.string() << " is missing: run ctest -L epub first");
    REQUIRE_MESSAGE(fs::last_write_time(path) >= fs::last_write_time(BOOKC_EPUB_TEST_BIN),
                    path.string() << " is older than the epub tests: run ctest -L epub first");
    auto r =
        run("java -jar " + shell_quote(kEpubcheckJar) + " " + shell_quote(path.string()) + " 2>&1");
    INFO(r.out);
    std::smatch m;
    static const std::regex counts(R"(Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?)");
    if (std::regex_search(r.out, m, counts)) {
        CHECK(std::stoi(m[1]) + std::stoi(m[2]) == 0);
        CHECK(std::stoi(m[3]) == 0);
    } else {
        CHECK(r.out.find("No errors or warnings detected") != std::string::npos);
    }
    CHECK(r.status == 0);
}

}  // namespace

TEST_CASE("epubcheck: the EPUB writer's test books are valid, with no warnings") {
    if (!need({"java", kEpubcheckJar})) return;
    // package_test: the sample book (every model element), one chapter, no chapters;
    // fonts_test: a subset body font embedded; lang_test: Latin runs in a Chinese book;
    // safety_test: hostile content; fixtures_test: whole folders through the loaders;
    // mathml_test: MathML.
    for (const char* name :
         {"sample", "minimal", "empty", "fonts", "latin-lang", "hostile", "features",
          "content-fonts", "content", "examples-mixed", "examples-zero-config", "maths"})
        check_kept(name);
    if (!seeds_dir().empty()) check_kept("seeds");
}
