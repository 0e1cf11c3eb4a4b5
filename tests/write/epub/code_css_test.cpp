// The stylesheet of highlighted code (layouts/handbook/epub.css): a rule for every token
// class, each colour readable (contrast ≥ 4.5:1) on a white and on a black ground, and no
// background of its own on code blocks that would fight a reader's night mode.
#include <doctest/doctest.h>

#include <cmath>
#include <regex>

#include "model/model.hpp"
#include "support/test_support.hpp"

using namespace bookc;

namespace {

double luminance(unsigned rgb) {
    auto lin = [](double c) {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin((rgb >> 16) & 0xff) + 0.7152 * lin((rgb >> 8) & 0xff) +
           0.0722 * lin(rgb & 0xff);
}

double contrast(double a, double b) { return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05); }

}  // namespace

TEST_CASE("epub css: every token class has a colour readable on white and on black") {
    std::string css = test::read_text(test::source_dir() + "/layouts/handbook/epub.css");
    REQUIRE_FALSE(css.empty());
    for (int i = 0; i < model::kTokenClassCount; ++i) {
        std::string name = model::token_class_name(model::TokenClass(i));
        std::smatch m;
        std::regex rule("\\.tok-" + name + " \\{ color: (#([0-9a-f]{6})|inherit)");
        REQUIRE_MESSAGE(std::regex_search(css, m, rule), name);
        if (m[1] == "inherit") continue;  // the reader's own text colour
        double l = luminance(unsigned(std::stoul(m[2].str(), nullptr, 16)));
        INFO(name, " ", m[1].str());
        CHECK(contrast(l, 1.0) >= 4.5);
        CHECK(contrast(l, 0.0) >= 4.5);
    }
    std::smatch block;
    REQUIRE(std::regex_search(css, block, std::regex("pre\\.code-block \\{[^}]*\\}")));
    CHECK_FALSE(std::regex_search(block.str(), std::regex("background(-color)?\\s*:")));
}
