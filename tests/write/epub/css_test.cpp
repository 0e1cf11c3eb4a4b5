// The package stylesheet: taken from the layout, designed for Chinese reading.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <string_view>
#include <vector>

#include "epub_support.hpp"
#include "support/test_support.hpp"
#include "write/epub/css.hpp"

using namespace bookc;
using namespace bookc::epubtest;

namespace {

// One rule of the stylesheet: its selector, its declarations and the at-rule it is in
// ("" at the top level, else the at-rule's prelude such as "@media (prefers-color-scheme:
// dark)"). Enough for our own stylesheets: comments, rules, and one level of @media/@supports.
struct Rule {
    std::string at, selector, body;
};

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<Rule> rules_of(std::string css) {
    for (auto c = css.find("/*"); c != std::string::npos; c = css.find("/*", c))
        css.erase(c, css.find("*/", c) + 2 - c);
    std::vector<Rule> out;
    std::string at;
    std::size_t pos = 0;
    while (pos < css.size()) {
        const auto open = css.find('{', pos), close = css.find('}', pos);
        if (close != std::string::npos && (open == std::string::npos || close < open)) {
            at.clear();  // the end of an at-rule block
            pos = close + 1;
            continue;
        }
        if (open == std::string::npos) break;
        const std::string head = trim(css.substr(pos, open - pos));
        if (head.rfind("@", 0) == 0) {
            at = head;
            pos = open + 1;
            continue;
        }
        const auto end = css.find('}', open);
        out.push_back({at, head, css.substr(open + 1, end - open - 1)});
        pos = end + 1;
    }
    return out;
}

// WCAG 2 contrast ratio of two #rrggbb colours.
double luminance(const std::string& hex) {
    double l = 0;
    const double weights[] = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; ++i) {
        double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
        c = c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        l += weights[i] * c;
    }
    return l;
}
double contrast(const std::string& a, const std::string& b) {
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// The #rrggbb value of the rule's `color:` declaration, or "".
std::string text_colour(const Rule& r) {
    static const std::regex re("(^|[;\\s])color:\\s*(#[0-9a-fA-F]{6})");
    std::smatch m;
    return std::regex_search(r.body, m, re) ? m[2].str() : "";
}

std::vector<std::string> selectors(const std::string& list) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= list.size()) {
        auto comma = list.find(',', pos);
        if (comma == std::string::npos) comma = list.size();
        out.push_back(trim(list.substr(pos, comma - pos)));
        pos = comma + 1;
    }
    return out;
}

constexpr const char* kDark = "@media (prefers-color-scheme: dark)";

}  // namespace

TEST_CASE("epub css: both layouts' epub.css carry the Chinese reading rules") {
    for (const char* layout : {"handbook", "a4"}) {
        CAPTURE(layout);
        base::DiagSink diags;
        auto L = config::load_layout(layout, diags);
        REQUIRE(L);
        std::string css = epub::layout_css(*L, diags);
        CHECK(diags.all().empty());
        REQUIRE(!css.empty());
        for (const char* rule :
             {"text-indent: 2em", "text-align: justify", "text-justify: inter-character",
              "line-break: strict", "line-height: 1.8", "section.comments", "div.comment-reply",
              "monospace", "\"Noto Serif CJK SC\"", "serif;", "sans-serif;",
              ":lang(en) {\n  text-justify: auto;"})
            CHECK_MESSAGE(css.find(rule) != std::string::npos, rule);
        // Braces balance (a cheap well-formedness check).
        CHECK(std::count(css.begin(), css.end(), '{') == std::count(css.begin(), css.end(), '}'));
    }
    // The built-in default is the handbook's stylesheet.
    CHECK(epub::default_css() ==
          test::read_text(test::source_dir() + "/layouts/handbook/epub.css"));
}

TEST_CASE("epub css: the layout's file is used, the default when it is missing") {
    std::string dir = test::temp_dir("epub-layout-css");
    test::write_text(dir + "/epub.css", "body { color: #123456; }\n");
    config::Layout l;
    l.name = "custom";
    l.dir = dir;
    auto m = unzip_map(build(sample_book(), {}, l).bytes);
    CHECK(m.at("OEBPS/css/book.css") == "body { color: #123456; }\n");

    config::Layout missing;
    missing.name = "nocss";
    missing.dir = test::temp_dir("epub-layout-nocss");
    auto b = build(sample_book(), {}, missing);
    CHECK(unzip_map(b.bytes).at("OEBPS/css/book.css") == epub::default_css());
    CHECK(b.diags.warnings() == 1);
    // Every document links the stylesheet.
    // Named, not a structured binding: CHECK_MESSAGE captures them in a lambda (clang 14).
    for (const auto& entry : unzip_map(b.bytes)) {
        const std::string& name = entry.first;
        const std::string& data = entry.second;
        if (name.size() > 6 && name.substr(name.size() - 6) == ".xhtml")
            CHECK_MESSAGE(data.find("css/book.css\"") != std::string::npos, name);
    }
}

TEST_CASE("epub css: a layout imports another layout's stylesheet and states what differs") {
    base::DiagSink diags;
    auto a4 = config::load_layout("a4", diags);
    REQUIRE(a4);
    std::string css = epub::layout_css(*a4, diags);
    CHECK(diags.all().empty());
    CHECK(css.find("@import") == std::string::npos);            // inlined, not left to readers
    CHECK(css.find(epub::default_css()) != std::string::npos);  // the handbook design
    CHECK(css.rfind("line-height: 1.85") > css.find(epub::default_css()));  // overrides after it

    // An import that leaves the layouts folder is refused with a warning.
    std::string root = test::temp_dir("epub-css-import");
    test::write_text(root + "/secret.css", "body { color: red; }\n");
    test::write_text(root + "/layouts/x/epub.css",
                     "@import \"../../secret.css\";\np { margin: 0; }\n");
    config::Layout x;
    x.name = "x";
    x.dir = root + "/layouts/x";
    base::DiagSink d2;
    std::string out = epub::layout_css(x, d2);
    CHECK(out.find("color: red") == std::string::npos);
    CHECK(out.find("p { margin: 0; }") != std::string::npos);
    base::SourceMap sources;
    CHECK(d2.format(sources).find(
              "warning: cannot import `../../secret.css` into the EPUB stylesheet") !=
          std::string::npos);
}

TEST_CASE("epub css: night mode: text and grounds are the reader's, accents keep 4.5:1") {
    base::DiagSink diags;
    auto L = config::load_layout("handbook", diags);
    REQUIRE(L);
    const std::string css = epub::layout_css(*L, diags);
    const auto rules = rules_of(css);
    REQUIRE(rules.size() > 50);

    std::set<std::string> dark_selectors;
    for (const auto& r : rules)
        if (r.at == kDark)
            for (const auto& s : selectors(r.selector)) dark_selectors.insert(s);
    REQUIRE(dark_selectors.size() >= 10);

    int coloured = 0;
    for (const auto& r : rules) {
        CAPTURE(r.selector);
        // No opaque fill anywhere: panels are borders and translucent tints (rgba).
        CHECK(r.body.find("background-color: #") == std::string::npos);
        CHECK(r.body.find("background: #") == std::string::npos);
        const std::string c = text_colour(r);
        if (c.empty()) continue;
        ++coloured;
        CAPTURE(c);
        if (r.at == kDark) {  // on black and on the usual dark greys
            CHECK(contrast(c, "#000000") >= 4.5);
            CHECK(contrast(c, "#121212") >= 4.5);
            continue;
        }
        CHECK(contrast(c, "#ffffff") >= 4.5);
        // A colour too dark for a black ground is switched for every selector that uses it.
        if (contrast(c, "#000000") < 4.5)
            for (const auto& s : selectors(r.selector)) CHECK_MESSAGE(dark_selectors.count(s), s);
    }
    CHECK(coloured >= 15);

    // Body text and ground are left to the reading system, which may also go dark.
    for (const auto& r : rules) {
        if (r.at.empty() && (r.selector == "body" || r.selector == "html")) {
            CHECK(text_colour(r).empty());
            CHECK(r.body.find("background") == std::string::npos);
        }
        if (r.selector == "html")
            CHECK(r.body.find("color-scheme: light dark") != std::string::npos);
    }
}

TEST_CASE("epub css: inter-character justification applies to Han text only") {
    base::DiagSink diags;
    auto L = config::load_layout("handbook", diags);
    REQUIRE(L);
    int han = 0;
    for (const auto& r : rules_of(epub::layout_css(*L, diags))) {
        CAPTURE(r.selector);
        const bool inter = r.body.find("text-justify: inter-character") != std::string::npos;
        if (inter) {
            ++han;
            for (const auto& s : selectors(r.selector))
                CHECK((s == ":lang(zh)" || s == ":lang(ja)"));
        }
        if (r.selector == "body") CHECK(r.body.find("text-justify: auto") != std::string::npos);
        if (r.selector == ":lang(en)") {
            CHECK(r.body.find("text-justify: auto") != std::string::npos);
            CHECK(r.body.find("letter-spacing") == std::string::npos);
        }
    }
    CHECK(han == 1);
}

TEST_CASE("epub css: emphasis falls back to bold where emphasis dots are not supported") {
    base::DiagSink diags;
    auto L = config::load_layout("handbook", diags);
    REQUIRE(L);
    const std::string fallback =
        "@supports not ((text-emphasis: dot) or (-webkit-text-emphasis: dot))";
    bool bold = false, italic = false, dots = false;
    for (const auto& r : rules_of(epub::layout_css(*L, diags))) {
        if (r.at.empty() && r.selector == "em")
            dots = r.body.find("-webkit-text-emphasis: filled dot") != std::string::npos &&
                   r.body.find("\n  text-emphasis: filled dot") != std::string::npos;
        if (r.at != fallback) continue;
        if (r.selector == "em") bold = r.body.find("font-weight: bold") != std::string::npos;
        if (r.selector == "em:lang(en)")
            italic = r.body.find("font-style: italic") != std::string::npos;
    }
    CHECK(dots);
    CHECK(bold);
    CHECK(italic);
}
