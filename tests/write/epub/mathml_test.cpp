// MathML in the EPUB: the exact markup of a few formulas, the structure of the rest, the
// equation number, the OPF "mathml" property only on documents with maths, epubcheck.
#include <doctest/doctest.h>

#include "epub_support.hpp"
#include "model/passes.hpp"
#include "support/math_nodes.hpp"

using namespace bookc;
using namespace bookc::epubtest;

namespace {

model::Inline M(const char* tex) { return test::math_inline(tex); }
model::Block D(const char* tex) { return test::math_block(tex); }

model::Book maths_book() {
    model::Book book;
    book.meta.title = "公式";
    book.meta.slug = "maths";
    model::Part part;
    model::Chapter ch;
    ch.title = "有公式的一章";
    ch.blocks.push_back(Para({T("勾股定理 "), M("a^2+b^2=c^2"), T(" 人人都知道。")}));
    ch.blocks.push_back(
        Para({M("\\frac{1}{2}"), T("、"), M("\\sqrt[3]{27}"), T("、"), M("\\left( x \\right)"),
              T("、"), M("\\mathbb{R}"), T("、"), M("\\foo")}));
    ch.blocks.push_back(D("\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\\tag{2}"));
    ch.blocks.push_back(D("\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}"));
    ch.blocks.push_back(D("E=mc^2\\label{e}"));
    ch.blocks.push_back(Para({T("见 "), M("\\eqref{e}"), T("。")}));
    model::Chapter plain;
    plain.title = "没有公式的一章";
    plain.blocks.push_back(Para({T("只有文字。")}));
    part.chapters.push_back(std::move(ch));
    part.chapters.push_back(std::move(plain));
    book.parts.push_back(std::move(part));
    model::assign_ids(book);
    base::DiagSink d;
    model::number_equations(book, d);
    return book;
}

std::string xhtml() { return unzip_map(build(maths_book()).bytes).at("OEBPS/text/ch01.xhtml"); }

}  // namespace

TEST_CASE("epub: inline formulas as exact MathML") {
    std::string x = xhtml();
    const char* ns = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\" ";
    for (std::string want : {
             std::string(ns) +
                 "alttext=\"a^2+b^2=c^2\"><msup><mi>a</mi><mn>2</mn></msup><mo>+</mo><msup><mi>b</"
                 "mi><mn>2</mn></msup><mo>=</mo><msup><mi>c</mi><mn>2</mn></msup></math>",
             std::string(ns) +
                 "alttext=\"\\frac{1}{2}\"><mfrac><mn>1</mn><mn>2</mn></mfrac></math>",
             std::string(ns) +
                 "alttext=\"\\sqrt[3]{27}\"><mroot><mn>27</mn><mn>3</mn></mroot></math>",
             std::string(ns) + "alttext=\"\\left( x \\right)\"><mrow><mo form=\"prefix\" "
                               "stretchy=\"true\">(</mo><mi>x</"
                               "mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow></math>",
             std::string(ns) +
                 "alttext=\"\\mathbb{R}\"><mi mathvariant=\"double-struck\">R</mi></math>",
             std::string(ns) + "alttext=\"\\foo\"><mtext mathvariant=\"monospace\" "
                               "class=\"tex-unknown\">\\foo</mtext></math>",
         }) {
        CAPTURE(want);
        CHECK(x.find(want) != std::string::npos);
    }
}

TEST_CASE("epub: display formulas, their numbers and references") {
    auto files = unzip_map(build(maths_book()).bytes);
    pugi::xml_document doc;
    parse_xml(doc, files.at("OEBPS/text/ch01.xhtml"), "ch01.xhtml");
    auto eqs = doc.select_nodes("//div[@class='equation']");
    REQUIRE(eqs.size() == 3);
    pugi::xml_node first = eqs[0].node();
    CHECK(std::string(first.child("span").child_value()) == "(2)");
    pugi::xml_node m = first.child("math");
    CHECK(std::string(m.attribute("display").value()) == "block");
    CHECK(m.select_node("munderover/mo[text()='∑']"));
    CHECK(m.select_node("mfrac/mrow/mi[text()='n']"));
    // pmatrix: stretchy parentheses around a 2×2 table.
    pugi::xml_node pm = eqs[1].node().child("math");
    CHECK(pm.select_nodes("mrow/mtable/mtr").size() == 2);
    CHECK(pm.select_nodes("mrow/mtable/mtr/mtd").size() == 4);
    CHECK(std::string(pm.select_node("mrow/mo[@form='prefix']").node().child_value()) == "(");
    // \label without \tag: numbered (1), with an anchor; \eqref shows the number.
    CHECK(std::string(eqs[2].node().child("span").child_value()) == "(1)");
    CHECK(std::string(eqs[2].node().attribute("id").value()) == "ch01-eq1");
    CHECK(files.at("OEBPS/text/ch01.xhtml").find("<mtext>(1)</mtext>") != std::string::npos);
}

TEST_CASE("epub: the OPF marks only documents with MathML") {
    auto files = unzip_map(build(maths_book()).bytes);
    pugi::xml_document opf;
    parse_xml(opf, files.at("OEBPS/content.opf"), "content.opf");
    auto item = [&](const char* id) {
        return opf.select_node((std::string("//item[@id='") + id + "']").c_str()).node();
    };
    CHECK(std::string(item("ch01").attribute("properties").value()) == "mathml");
    CHECK(std::string(item("ch02").attribute("properties").value()).empty());
}

TEST_CASE("epub: a book with maths is kept for epubcheck") {
    keep_for_epubcheck(build(maths_book()).bytes, "maths");  // tests/validate/epubcheck_test.cpp
}
