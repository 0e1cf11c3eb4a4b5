// The golden harness: output compared with a file under tests/golden/, rewritten with
// BOOKC_UPDATE_GOLDEN=1 (only when a change is intended, and said in the commit). Goldens
// of typeset output depend on the fonts: they are made with the files named in
// kGoldenFonts, which scripts/deps.txt installs, and checked against them first.
#pragma once
#include <string>
#include <vector>

namespace bookc::test {

// The font files of the display goldens (fonts-noto-cjk, fonts-dejavu-core).
extern const std::vector<std::string> kGoldenFonts;

// Compares `actual` with tests/golden/<rel>. On a difference: fails naming the first
// differing line, and writes the live output beside the golden as <rel>.actual.
void check_golden(const std::string& rel, const std::string& actual);
// The same with only a hash kept in tests/golden/<rel> (third-party text such as the
// shared seeds is never copied into the repository); the live output goes to the build tree.
void check_golden_hash(const std::string& rel, const std::string& actual);
// Before a typeset golden: true when every file of kGoldenFonts is installed (else a skip,
// or a failure under BOOKC_REQUIRE_TOOLS=1, naming it) and `used`, the font files the
// output embeds, names none other (else a failure naming the stranger).
bool golden_fonts(const std::vector<std::string>& used);

}  // namespace bookc::test
