// The golden harness (golden.hpp): one comparison, one update switch, one font check.
#include "support/golden.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "base/hash.hpp"
#include "support/need.hpp"
#include "support/test_support.hpp"

namespace bookc::test {

const std::vector<std::string> kGoldenFonts = {
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
};

namespace {

bool updating() {
    const char* v = std::getenv("BOOKC_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

std::string line_at(const std::string& s, std::size_t at) {
    std::size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
    b = (b == std::string::npos || at == 0) ? 0 : b + 1;
    return s.substr(b, s.find('\n', b) - b);
}

// Under BOOKC_UPDATE_GOLDEN=1 writes `content` to `path` and returns false; otherwise
// returns true with the golden in `expected` (a missing golden fails the test).
bool read_golden(const std::string& path, const std::string& content, std::string& expected) {
    if (updating()) {
        write_text(path, content);
        MESSAGE("golden updated: " << path);
        return false;
    }
    expected = read_text(path);
    REQUIRE_MESSAGE(!expected.empty(),
                    "missing golden " << path << " (run with BOOKC_UPDATE_GOLDEN=1)");
    return true;
}

}  // namespace

void check_golden(const std::string& rel, const std::string& actual) {
    const std::string path = source_dir() + "/tests/golden/" + rel;
    std::string expected;
    if (!read_golden(path, actual, expected) || actual == expected) return;
    std::size_t i = 0, line = 1;
    while (i < actual.size() && i < expected.size() && actual[i] == expected[i])
        line += actual[i++] == '\n';
    write_text(path + ".actual", actual);
    FAIL_CHECK("golden " << rel << " differs at line " << line
                         << "\n  expected: " << line_at(expected, i)
                         << "\n  actual:   " << line_at(actual, i) << "\n(diff " << path << " "
                         << path << ".actual; BOOKC_UPDATE_GOLDEN=1 rewrites it)");
}

void check_golden_hash(const std::string& rel, const std::string& actual) {
    auto h = base::hash128(actual);
    const std::string hex = base::to_hex(h.data(), h.size()) + "\n";
    std::string expected;
    if (!read_golden(source_dir() + "/tests/golden/" + rel, hex, expected) || hex == expected)
        return;
    const std::string live = std::string(BOOKC_TEST_TMP) + "/" + rel + ".actual.txt";
    write_text(live, actual);
    FAIL_CHECK("the output hashed in " << rel << " changed; it is in " << live);
}

bool golden_fonts(const std::vector<std::string>& used) {
    if (!need(kGoldenFonts)) return false;
    bool ok = true;
    for (const auto& u : used)
        if (std::find(kGoldenFonts.begin(), kGoldenFonts.end(), u) == kGoldenFonts.end()) {
            FAIL_CHECK("the output uses " << u << ", not a golden font (tests/support/golden.cpp)");
            ok = false;
        }
    return ok;
}

}  // namespace bookc::test
