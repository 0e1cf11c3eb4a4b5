// DAISY Ace (scripts/install-ace.sh; its puppeteer entry in Debian's chromium) on a built
// EPUB: no critical, serious or moderate violation, the accessibility metadata Ace looks for
// declared, and no DPUB-ARIA role missing (epub-type-has-matching-role). Ace's JSON report
// is read by ace_report.py. A missing Ace or chromium fails the check, as a missing
// epubcheck does: setup.sh installs both.
#pragma once
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "books.hpp"
#include "support/test_support.hpp"

namespace bookc::test {

// Debian's chromium, or the one PUPPETEER_EXECUTABLE_PATH names.
inline std::string chromium() {
    const char* env = std::getenv("PUPPETEER_EXECUTABLE_PATH");
    return env && *env ? env : "/usr/bin/chromium";
}

inline void check_ace(const Built& b, const std::string& name) {
    REQUIRE_FALSE(b.epub.empty());
    // Missing tools fail the test (as epubcheck does): setup.sh installs them.
    REQUIRE_MESSAGE(have_tool("ace-puppeteer"),
                    "DAISY Ace is not installed: run scripts/install-ace.sh (npm @daisy/ace)");
    REQUIRE_MESSAGE(std::filesystem::exists(chromium()),
                    "chromium is not installed (scripts/deps.txt)");
    const std::string out = temp_dir("ace-" + name);
    auto r = run("PUPPETEER_EXECUTABLE_PATH=" + shell_quote(chromium()) +
                 " ace-puppeteer --silent --force --outdir " + shell_quote(out) + " " +
                 shell_quote(b.epub));
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    REQUIRE(std::filesystem::exists(out + "/report.json"));
    auto report = run("python3 " + shell_quote(source_dir() + "/tests/validate/ace_report.py") +
                      " " + shell_quote(out + "/report.json"));
    REQUIRE(report.status == 0);
    INFO(report.out);
    auto kv = key_values(report);
    CHECK(kv["critical"] == "0");
    CHECK(kv["serious"] == "0");
    CHECK(kv["moderate"] == "0");  // heading order, roles, metadata: all ours to get right
    CHECK(report.out.find("epub-type-has-matching-role") == std::string::npos);
    CHECK(report.out.find("metadata-") == std::string::npos);
    // What Ace reports missing are only the certification fields (no one certified us).
    CHECK(kv["missing"] == "a11y:certifiedBy a11y:certifierCredential a11y:certifierReport");
}

}  // namespace bookc::test
