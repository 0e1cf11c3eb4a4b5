// Maths in the loaders: $…$, $$…$$, \(…\), \[…\], ```math in Markdown (with the usual
// rules, code untouched); pandoc spans, MathJax scripts and MathML in HTML; warnings for
// unknown commands at their place.
#include <doctest/doctest.h>

#include "load_helpers.hpp"
#include "model/passes.hpp"

using namespace bookc;

namespace {

// The chapter's maths, one formula a line: "inline|display TeX = tree".
void collect(const model::Inlines& ins, std::string& out) {
    for (const auto& in : ins) {
        if (in.kind == model::InlineKind::Math && in.math)
            out += std::string(in.math->display ? "display " : "inline ") + in.text + "\n";
        collect(in.children, out);
    }
}
void collect(const model::Blocks& bs, std::string& out) {
    for (const auto& b : bs) {
        if (b.kind == model::BlockKind::MathBlock) out += "block " + b.text + "\n";
        collect(b.inlines, out);
        collect(b.children, out);
    }
}
std::string maths(const test::Loaded& l) {
    std::string out;
    collect(l.chapter.blocks, out);
    return out;
}

}  // namespace

TEST_CASE("markdown: $ rules — prices, escapes and code are not maths") {
    test::Loaded l;
    test::load_text(l, "math-dollars", "a.md",
                    "# 价格\n\n苹果 $5 和梨 $6，转义 \\$x\\$ 是美元，`$PATH` 与 `$a$` 是代码，"
                    "$ x$ 不是公式，$y$ 是。\n\n```sh\necho $HOME $z$\n```\n");
    CHECK(maths(l) == "inline y\n");
    std::string text = model::plain_text(l.chapter.blocks);
    CHECK(
        text.find("苹果 $5 和梨 $6，转义 $x$ 是美元，$PATH 与 $a$ 是代码，$ x$ 不是公式，y 是。") !=
        std::string::npos);
    CHECK(text.find("echo $HOME $z$") != std::string::npos);
    CHECK(l.diag_text().empty());
}

TEST_CASE("markdown: every delimiter, and display maths splits its paragraph") {
    test::Loaded l;
    test::load_text(l, "math-delims", "a.md",
                    "# 公式\n\n行内 $a_1*b_2*c$ 与 \\(x^2\\)，然后\n$$\n\\sum_{i=1}^n i\n$$\n接着 "
                    "\\[ y \\] 结束。\n\n```math\n\\frac{1}{2}\n```\n");
    CHECK(
        maths(l) ==
        "inline a_1*b_2*c\ninline x^2\nblock \n\\sum_{i=1}^n i\n\nblock  y \nblock \\frac{1}{2}\n");
    // The paragraph is cut around its display formulas (the heading became the title).
    REQUIRE(l.chapter.blocks.size() == 6);
    CHECK(l.chapter.blocks[0].kind == model::BlockKind::Paragraph);
    CHECK(l.chapter.blocks[1].kind == model::BlockKind::MathBlock);
    CHECK(model::plain_text(l.chapter.blocks[2].inlines) == "接着");
    CHECK(l.chapter.blocks[3].kind == model::BlockKind::MathBlock);
    CHECK(model::plain_text(l.chapter.blocks[4].inlines) == "结束。");
    CHECK(l.chapter.blocks[5].kind == model::BlockKind::MathBlock);
    CHECK(l.diag_text().empty());
}

TEST_CASE("markdown: an unknown command is a warning at its line and column, its source kept") {
    test::Loaded l;
    test::load_text(l, "math-unknown", "a.md", "# 题\n\n第一行\n公式 $a + \\foo{b}$ 在此。\n");
    const std::string p = l.sources.get(0).path;
    CHECK(l.diag_text() ==
          p + ":4:9: warning: unknown TeX command \\foo; its source is shown as code\n");
    CHECK(model::plain_text(l.chapter.blocks).find("a + \\foob") != std::string::npos);
}

TEST_CASE("markdown: maths in lists, quotes, tables and footnotes") {
    test::Loaded l;
    test::load_text(
        l, "math-containers", "a.md",
        "# 题\n\n- 项 $\\alpha$\n  续 $\\beta$\n\n> 引 $\\gamma$\n\n| 甲 | 乙 |\n|--|--|\n| "
        "$\\delta$ | `$c$` |\n\n注[^1]。\n\n[^1]: 脚注 $\\epsilon$\n");
    CHECK(maths(l) == "inline \\alpha\ninline \\beta\ninline \\gamma\n");
    std::string d = test::dump_chapter(l.chapter);
    CHECK(d.find("math tex=\"\\\\delta\"") != std::string::npos);
    CHECK(d.find("code \"$c$\"") != std::string::npos);
    CHECK(d.find("math tex=\"\\\\epsilon\"") != std::string::npos);
}

TEST_CASE("markdown: \\label, \\tag and \\eqref are numbered within the chapter") {
    test::Loaded l;
    test::load_text(
        l, "math-refs", "a.md",
        "# 题\n\n$$a\\label{x}$$\n\n$$b\\tag{A}\\label{y}$$\n\n见 \\eqref{x} 与 $\\eqref{y}$，"
        "\\eqref{z}。\n");
    model::Book b;
    model::Part p;
    p.chapters.push_back(l.chapter);
    b.parts.push_back(p);
    config::BookConfig cfg;
    model::run_passes(b, load::pass_options(cfg), l.diags);
    const auto& ch = b.parts[0].chapters[0];
    CHECK(model::plain_text(ch.blocks) == "a (1)\nb (A)\n见 (1) 与 (A)，(?)。\n");
    CHECK(l.diag_text().find(
              ":7:27: warning: \\eqref{z}: no equation with this \\label in the chapter") !=
          std::string::npos);
}

TEST_CASE("html: pandoc spans, MathJax scripts and MathML") {
    test::Loaded l;
    test::load_text(
        l, "math-html", "a.html",
        "<h1>题</h1><p>甲 <span class=\"math inline\">\\(x^2\\)</span> 乙</p>"
        "<p><span class=\"math display\">\\[\\frac{a}{b}\\]</span></p>"
        "<p><script type=\"math/tex\">\\alpha</script> 与 "
        "<script type=\"math/tex; mode=display\">\\beta</script></p>"
        "<p><math><semantics><msup><mi>y</mi><mn>2</mn></msup>"
        "<annotation encoding=\"application/x-tex\">y^{2}</annotation></semantics></math> "
        "<math><mfrac><mn>1</mn><mi>n</mi></mfrac></math></p>");
    CHECK(
        maths(l) ==
        "inline x^2\nblock \\frac{a}{b}\ninline \\alpha\nblock \\beta\ninline y^{2}\ninline 1/n\n");
    std::string d = test::dump_chapter(l.chapter);
    CHECK(d.find("(row (frac (num 1) (id n)))") != std::string::npos);
    CHECK(l.diag_text().empty());
}

TEST_CASE("markdown: '$' in link addresses and alt text stays as written") {
    test::Loaded l;
    test::load_text(
        l, "math-links", "a.md",
        "# 题\n\n[价目 $x$](https://example.com/a$b$c \"t $y$\") 与 ![图 $z$](p.png)\n");
    std::string d = test::dump_chapter(l.chapter);
    CHECK(d.find("url=\"https://example.com/a$b$c\" title=\"t $y$\"") != std::string::npos);
    CHECK(d.find("image alt=\"图 $z$\"") != std::string::npos);
    CHECK(d.find("math tex=\"x\"") != std::string::npos);  // the link's text is maths
}

TEST_CASE("markdown: hostile maths loads, keeps its text and warns") {
    std::string md = "# 题\n\n$" + std::string(20000, '{') + "$\n\n";
    for (int i = 0; i < 20000; ++i) md += "$a ";
    md += "\n\n$$";
    for (int i = 0; i < 2000; ++i) md += "\\left(\\begin{pmatrix}\\sqrt[";
    md += "$$\n\n\\(\\foo\\qux\\)\n";
    test::Loaded l;
    test::load_text(l, "math-hostile", "a.md", md);
    CHECK(l.diag_text().find("formula nested deeper than 64 levels") != std::string::npos);
    CHECK(l.diags.warnings() == 3);  // depth once (nothing more past it), \\foo, \\qux
    CHECK(l.diag_text().find("unknown TeX command \\qux") != std::string::npos);
    CHECK(model::plain_text(l.chapter.blocks).find("$a $a $a") != std::string::npos);
}
