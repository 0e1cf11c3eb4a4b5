// The package stylesheet: taken from the layout, designed for Chinese reading.
#include <doctest/doctest.h>

#include <algorithm>

#include "epub_support.hpp"
#include "support/test_support.hpp"
#include "write/epub/css.hpp"

using namespace bookc;
using namespace bookc::epubtest;

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
