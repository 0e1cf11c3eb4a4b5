// The required-tools switch: how a test says which programs and files (fonts, validators'
// jars) it needs. With BOOKC_REQUIRE_TOOLS=1 (set for every test by CTest, see
// tests/CMakeLists.txt, and by scripts/test.sh, so always in CI) a missing one FAILS the
// test, naming it; without it (a developer's partial machine, a test binary run by hand)
// the test is skipped with a visible message. Never a silent return:
//   if (!test::need({"qpdf", "pdffonts", pdf_test::kNotoSerifCjk})) return;
#pragma once
#include <string>
#include <vector>

namespace bookc::test {

// Whether BOOKC_REQUIRE_TOOLS=1 is set.
bool tools_required();
// The missing ones of `what`: a name with a '/' is a file that must exist, any other a
// program that must be on PATH.
std::vector<std::string> missing(const std::vector<std::string>& what);
// True when everything of `what` is there; otherwise reports the missing ones (a failure
// under BOOKC_REQUIRE_TOOLS=1, a skip message without) and returns false.
bool need(const std::vector<std::string>& what);

}  // namespace bookc::test
