// Highlighted code end to end: a book with Go, Python, an unknown language and a numbered
// block built by the bookc command. The EPUB's XHTML holds the token spans (epubcheck
// clean), the PDF's copied text is the code exactly, without its line numbers, and the
// layout's [code] options switch numbering and highlighting in both outputs.
#include <doctest/doctest.h>

#include "cli/hostile_helpers.hpp"
#include "fetch/fetch_support.hpp"

using namespace bookc::test;
using namespace hostile;

namespace {

const char* kArticle =
    "# 代码\n\n一段 Go：\n\n"
    "```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"你好\") // 问候\n}\n"
    "```\n\n一段 Python：\n\n"
    "```python\ndef twice(x):\n    return x * 2  # 加倍\n```\n\n"
    "一段没有人认识的语言：\n\n```nosuchlang\nfunc keep(\"plain\")\n```\n\n"
    "带行号：\n\n```{.go .numberLines startFrom=\"7\"}\nx := 1\ny := \"二\"\n```\n";

struct Built {
    std::string dir;
    RunResult result;
    std::string xhtml, text;
};

// Builds the article with `layout_toml` (empty: the default layout) into dir/out.
Built build(const std::string& name, const std::string& layout_toml = {}) {
    Built b;
    b.dir = temp_dir(name);
    write_text(b.dir + "/book/code.md", kArticle);
    std::string layout;
    if (!layout_toml.empty()) {
        write_text(b.dir + "/layout/layout.toml", layout_toml);
        layout = " --layout " + q(b.dir + "/layout");
    }
    b.result = run(bookc_cmd("build " + q(b.dir + "/book") + " -o " + q(b.dir + "/out") + layout));
    b.xhtml = epub_xhtml(b.dir + "/out/book.epub");
    REQUIRE(have_tool("pdftotext"));
    auto t = run("pdftotext -raw -enc UTF-8 " + q(b.dir + "/out/book.pdf") + " -");
    REQUIRE(t.status == 0);
    b.text = t.out;
    return b;
}

bool has(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("highlight: the EPUB has token spans for Go and Python, none for an unknown language") {
    Built b = build("hl-epub");
    INFO(b.result.err);
    CHECK(b.result.status == 0);
    CHECK(b.result.err.find("warning") == std::string::npos);
    CHECK(has(b.xhtml, "<code class=\"language-go\"><span class=\"tok-kw\">package</span> main"));
    CHECK(has(b.xhtml,
              "<span class=\"tok-kw\">import</span> <span class=\"tok-str\">\"fmt\"</span>"));
    CHECK(has(b.xhtml, "<span class=\"tok-kw\">func</span> main"));
    CHECK(has(b.xhtml, "<span class=\"tok-str\">\"你好\"</span>"));
    CHECK(has(b.xhtml, "<span class=\"tok-com\">// 问候</span>"));
    CHECK(has(b.xhtml, "<span class=\"tok-kw\">def</span> twice(x):"));
    CHECK(has(b.xhtml,
              "<span class=\"tok-kw\">return</span> x <span class=\"tok-op\">*</span> "
              "<span class=\"tok-num\">2</span>  <span class=\"tok-com\"># 加倍</span>"));
    CHECK(has(b.xhtml, "<code class=\"language-nosuchlang\">func keep(\"plain\")</code>"));
    // The numbered block: one span a line, counted from 7 by CSS (never in the text).
    CHECK(has(b.xhtml,
              "<pre class=\"code-block numbered\" style=\"counter-reset: code-line 6\">"
              "<code class=\"language-go\"><span class=\"line\">x <span "
              "class=\"tok-op\">:=</span> <span class=\"tok-num\">1</span></span>\n"
              "<span class=\"line\">y"));
    CHECK_FALSE(has(b.xhtml, ">7<"));

    REQUIRE(have_tool("java"));
    auto r = run("java -jar /usr/share/java/epubcheck.jar " + q(b.dir + "/out/book.epub"));
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(has(r.out, "No errors or warnings detected"));
}

// pdftotext -raw of the article, from its first code block on: the code's lines exactly as
// pdftotext gives any text (leading blanks, blank lines and runs of spaces fall away).
const char* kCodeText =
    "一段 Go：\npackage main\nimport \"fmt\"\nfunc main() {\nfmt.Println(\"你好\") // 问候\n}\n"
    "一段 Python：\ndef twice(x):\nreturn x * 2 # 加倍\n"
    "一段没有人认识的语言：\nfunc keep(\"plain\")\n带行号：\nx := 1\ny := \"二\"\n";

TEST_CASE("highlight: pdftotext gives the code exactly, without the line numbers") {
    Built b = build("hl-pdf");
    CHECK(b.result.status == 0);
    INFO(b.text);
    REQUIRE(has(b.text, "一段 Go："));
    CHECK(b.text.substr(b.text.find("一段 Go："), std::string(kCodeText).size()) == kCodeText);
    CHECK_FALSE(has(b.text, "7"));  // the numbered block counts from 7
    CHECK_FALSE(has(b.text, "8"));
}

TEST_CASE("highlight: [code] line_numbers numbers every block, theme none drops the spans") {
    Built n = build("hl-layout-numbers", "[code]\nline_numbers = true\n");
    INFO(n.result.err);
    CHECK(n.result.status == 0);
    CHECK(n.xhtml.find("<pre class=\"code-block numbered\"") != std::string::npos);
    CHECK(n.xhtml.find("<pre class=\"code-block\"") == std::string::npos);
    REQUIRE(has(n.text, "一段 Go："));
    CHECK(n.text.substr(n.text.find("一段 Go："), std::string(kCodeText).size()) == kCodeText);

    Built p = build("hl-layout-none", "[code]\ntheme = \"none\"\n");
    CHECK(p.result.status == 0);
    CHECK_FALSE(has(p.xhtml, "tok-"));
    CHECK(has(p.xhtml, "<code class=\"language-go\">package main\n"));
}

TEST_CASE("highlight: a bad [code] option is an error at its line") {
    std::string dir = temp_dir("hl-bad-layout");
    write_text(dir + "/book/a.md", "# 一\n\n正文。\n");
    write_text(dir + "/layout/layout.toml", "[code]\ntheme = \"rainbow\"\nline_numbers = 1\n");
    auto r = run(bookc_cmd("build " + q(dir + "/book") + " -o " + q(dir + "/out") + " --layout " +
                           q(dir + "/layout")));
    CHECK(r.status == 2);
    CHECK(has(r.err, "layout.toml:2:9: error: `code.theme` must be \"print\" or \"none\""));
    CHECK(has(r.err, "layout.toml:3:16: error: `code.line_numbers` must be true or false"));
}
