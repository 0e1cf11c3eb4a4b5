// The required-tools switch (need.hpp): a missing tool or font fails the test in CI and
// is a visible skip on a partial machine.
#include "support/need.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "support/test_support.hpp"

namespace bookc::test {

bool tools_required() {
    const char* v = std::getenv("BOOKC_REQUIRE_TOOLS");
    return v && std::string(v) == "1";
}

std::vector<std::string> missing(const std::vector<std::string>& what) {
    std::vector<std::string> out;
    for (const auto& w : what) {
        std::error_code ec;
        bool there = w.find('/') != std::string::npos ? std::filesystem::is_regular_file(w, ec)
                                                      : have_tool(w);
        if (!there) out.push_back(w);
    }
    return out;
}

bool need(const std::vector<std::string>& what) {
    auto gone = missing(what);
    if (gone.empty()) return true;
    std::string list;
    for (const auto& g : gone) list += (list.empty() ? "" : ", ") + g;
    if (tools_required())
        FAIL_CHECK("missing " << list
                              << " (BOOKC_REQUIRE_TOOLS=1: scripts/deps.txt installs them)");
    else
        MESSAGE("SKIPPED: missing " << list
                                    << " (set BOOKC_REQUIRE_TOOLS=1 to make this a failure)");
    return false;
}

}  // namespace bookc::test
