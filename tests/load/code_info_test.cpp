// A code block's language and numbered lines, from Markdown fences (a bare name, pandoc's
// attributes, Hugo's linenos) and from HTML <pre><code> classes.
#include "load/chapter.hpp"
#include "load_helpers.hpp"

using namespace bookc;

namespace {

// The code blocks of one loaded article: "info|line_numbers|first_line" each.
std::vector<std::string> code_blocks(const std::string& name, const std::string& rel,
                                     const std::string& text) {
    test::Loaded l;
    test::load_text(l, name, rel, text);
    CHECK(l.diag_text() == "");
    std::vector<std::string> out;
    for (const auto& b : l.chapter.blocks)
        if (b.kind == model::BlockKind::CodeBlock)
            out.push_back(b.info + "|" + std::to_string(b.line_numbers) + "|" +
                          std::to_string(b.first_line));
    return out;
}

}  // namespace

TEST_CASE("code info: Markdown fences name the language and may number the lines") {
    auto blocks = code_blocks("code-info-md", "a.md",
                              "# 代码\n\n"
                              "```go\nx\n```\n\n"
                              "```Go {.numberLines}\nx\n```\n\n"
                              "```{.python .numberLines startFrom=\"10\"}\nx\n```\n\n"
                              "```rust {linenos=true linenostart=5}\nx\n```\n\n"
                              "```sh {linenos=false}\nx\n```\n\n"
                              "```\nx\n```\n\n"
                              "```text\nx\n```\n");
    CHECK(blocks == std::vector<std::string>{"go|-1|1", "Go|1|1", "python|1|10", "rust|1|5",
                                             "sh|0|1", "|-1|1", "text|-1|1"});
}

TEST_CASE("code info: HTML <pre><code> classes (language-, lang-, pandoc's sourceCode)") {
    auto blocks = code_blocks(
        "code-info-html", "a.html",
        "<h1>代码</h1>\n<pre><code class=\"language-go\">x</code></pre>\n"
        "<pre class=\"numberLines\"><code class=\"hljs lang-python\">x</code></pre>\n"
        "<pre><code class=\"line-numbers language-sql\">x</code></pre>\n<pre>x</pre>\n"
        "<div class=\"sourceCode\"><pre class=\"sourceCode rust numberSource numberLines\">"
        "<code class=\"sourceCode rust\"><span>x</span></code></pre></div>\n");
    CHECK(blocks ==
          std::vector<std::string>{"go|-1|1", "python|1|1", "sql|1|1", "|-1|1", "rust|1|1"});
}
