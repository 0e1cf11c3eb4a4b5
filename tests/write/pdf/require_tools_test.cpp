// The required-tools switch (tests/support/need.hpp) on a real PDF test: run again with no
// tool on PATH, it fails naming them under BOOKC_REQUIRE_TOOLS=1, and says SKIPPED without.
#include <doctest/doctest.h>

#include <filesystem>

#include "support/test_support.hpp"

using namespace bookc::test;

TEST_CASE("required tools: missing tools fail under BOOKC_REQUIRE_TOOLS=1, skip visibly without") {
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const std::string cmd = "PATH=/nonexistent " + shell_quote(self) +
                            " -tc=" + shell_quote("pdf: qpdf --check finds no problem");
    const std::string missing = "missing qpdf, pdffonts, pdftotext, pdftoppm, pdfinfo, mutool";

    auto loud = run("BOOKC_REQUIRE_TOOLS=1 " + cmd);
    INFO(loud.out);
    CHECK(loud.status != 0);
    CHECK(loud.out.find("ERROR: " + missing +
                        " (BOOKC_REQUIRE_TOOLS=1: scripts/deps.txt installs them)") !=
          std::string::npos);

    auto quiet = run("BOOKC_REQUIRE_TOOLS=0 " + cmd);
    INFO(quiet.out);
    CHECK(quiet.status == 0);
    CHECK(quiet.out.find("MESSAGE: SKIPPED: " + missing +
                         " (set BOOKC_REQUIRE_TOOLS=1 to make this a failure)") !=
          std::string::npos);
}
