// The TeX-subset parser: the tree of each construct (compact dump), the symbol table, the
// linear Unicode form, problems for what it does not know, and no crash or hang on
// hostile input.
#include <doctest/doctest.h>

#include <string>

#include "math/math.hpp"

using namespace bookc;

namespace {
std::string tree(const char* tex, bool display = false) {
    return math::dump(math::parse_tex(tex, display).root);
}
std::string lin(const char* tex) { return math::linear(math::parse_tex(tex, false).root); }
}  // namespace

TEST_CASE("atoms: identifiers, numbers, operators with their TeX classes") {
    CHECK(tree("a+1.5=b") == "(row (id a) (op + bin) (num 1.5) (op = rel) (id b))");
    CHECK(tree("(x,y)") == "(row (op ( open) (id x) (op , punct) (id y) (op ) close))");
    CHECK(tree("a-b") == "(row (id a) (op \u2212 bin) (id b))");
    CHECK(tree("\\alpha\\le\\infty") == "(row (id α) (op ≤ rel) (op ∞ ord))");
    CHECK(tree("A\\cup B\\Rightarrow\\neg p") ==
          "(row (id A) (op ∪ bin) (id B) (op ⇒ rel) (op ¬ ord) (id p))");
}

TEST_CASE("scripts, primes and groups") {
    CHECK(tree("x^2") == "(row (scripts (id x) _ (num 2)))");
    CHECK(tree("x_i^{n+1}") == "(row (scripts (id x) (id i) (row (id n) (op + bin) (num 1))))");
    CHECK(tree("f'") == "(row (scripts (id f) _ (op ′ ord)))");
    CHECK(tree("^2") == "(row (scripts _ _ (num 2)))");
}

TEST_CASE("fractions, binomials, roots") {
    CHECK(tree("\\frac{1}{2}") == "(row (frac (num 1) (num 2)))");
    CHECK(tree("\\dfrac12") == "(row (frac display (num 1) (num 2)))");
    CHECK(tree("\\tfrac{a}{b}") == "(row (frac text (id a) (id b)))");
    CHECK(tree("\\binom{n}{k}") == "(row (fenced ( ) (binom (id n) (id k))))");
    CHECK(tree("\\sqrt{x}") == "(row (sqrt (id x)))");
    CHECK(tree("\\sqrt[3]{27}") == "(row (root (num 27) (row (num 3))))");
}

TEST_CASE("big operators take limits in display style, integrals do not") {
    CHECK(tree("\\sum_{i=1}^n i", true) ==
          "(row (underover (op ∑ op size1 limits) (row (id i) (op = rel) (num 1)) (id n)) (id i))");
    CHECK(tree("\\sum_i i") == "(row (scripts (op ∑ op size1) (id i) _) (id i))");
    CHECK(tree("\\int_0^1", true) == "(row (scripts (op ∫ op size1) (num 0) (num 1)))");
    CHECK(tree("\\lim_{n\\to\\infty}", true) ==
          "(row (underover (id lim op limits) (row (id n) (op → rel) (op ∞ ord)) _))");
    CHECK(tree("\\sin x") == "(row (id sin op) (id x))");
    CHECK(tree("\\operatorname{rank}A") == "(row (id rank op) (id A))");
}

TEST_CASE("delimiters: \\left \\middle \\right and \\big") {
    CHECK(tree("\\left( x \\middle| y \\right]") ==
          "(row (fenced ( ] (id x) (op | rel stretchy) (id y)))");
    CHECK(tree("\\left. x \\right\\}") == "(row (fenced . } (id x)))");
    CHECK(tree("\\bigl( a \\Bigr\\rangle") ==
          "(row (op ( open stretchy size1) (id a) (op ⟩ close stretchy size2))");
}

TEST_CASE("environments") {
    CHECK(
        tree("\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}") ==
        "(row (fenced ( ) (table pmatrix (row (row (num 1)) (row (num 0))) (row (row (num 0)) (row "
        "(num 1))))))");
    CHECK(tree("\\begin{matrix}a\\end{matrix}") == "(row (table matrix (row (row (id a)))))");
    CHECK(tree("\\begin{bmatrix}a\\end{bmatrix}") ==
          "(row (fenced [ ] (table bmatrix (row (row (id a))))))");
    CHECK(tree("\\begin{vmatrix}a\\end{vmatrix}") ==
          "(row (fenced | | (table vmatrix (row (row (id a))))))");
    CHECK(tree("\\begin{cases}1&x>0\\\\0&\\text{否则}\\end{cases}") ==
          "(row (fenced { . (table cases (row (row (num 1)) (row (id x) (op > rel) (num 0))) (row "
          "(row "
          "(num 0)) (row (text \"否则\"))))))");
    CHECK(tree("\\begin{array}{lr}a&b\\end{array}") ==
          "(row (table array {lr} (row (row (id a)) (row (id b)))))");
    CHECK(tree("\\begin{aligned}a&=b\\\\&=c\\end{aligned}") ==
          "(row (table aligned (row (row (id a)) (row (op = rel) (id b))) (row (row) (row (op = "
          "rel) (id "
          "c)))))");
    CHECK(tree("\\begin{gathered}a\\\\b\\\\\\end{gathered}") ==
          "(row (table gathered (row (row (id a))) (row (row (id b)))))");
}

TEST_CASE("font commands, accents, spaces, text") {
    CHECK(tree("\\mathbb{R}^n") == "(row (scripts (style double (id R)) _ (id n)))");
    CHECK(
        tree("\\mathbf{v}\\mathcal L\\mathrm{d}\\mathit{ab}\\mathsf A\\mathtt "
             "x\\boldsymbol\\alpha") ==
        "(row (style bold (id v)) (style script (id L)) (style normal (id d)) (style italic (id a) "
        "(id b)) (style sans (id A)) (style mono (id x)) (style bold-italic (id α)))");
    CHECK(tree("\\hat x\\overline{AB}\\underbrace{a}") ==
          "(row (accent ^ (id x)) (accent ¯ (row (id A) (id B))) (accent under ⏟ (id a)))");
    CHECK(tree("a\\,b\\quad c\\!d") ==
          "(row (id a) (space 3) (id b) (space 18) (id c) (space -3) (id d))");
    CHECK(tree("\\text{当 } x") == "(row (text \"当 \") (id x))");
}

TEST_CASE("\\tag, \\label and \\eqref") {
    math::Formula f = math::parse_tex("E=mc^2\\tag{1.1}", true);
    CHECK(f.tag == "(1.1)");
    CHECK_FALSE(f.auto_number);
    math::Formula g = math::parse_tex("E=mc^2\\label{eq:e}", true);
    CHECK(g.label == "eq:e");
    CHECK(g.auto_number);
    CHECK(tree("\\eqref{eq:e}") == "(row (ref eq:e))");
}

TEST_CASE("unknown commands stay as source, with a problem at their offset") {
    math::Formula f = math::parse_tex("a+\\foo{b}", false);
    CHECK(math::dump(f.root) == "(row (id a) (op + bin) (raw \"\\foo\") (row (id b)))");
    REQUIRE(f.problems.size() == 1);
    CHECK(f.problems[0].offset == 2);
    CHECK(f.problems[0].message == "unknown TeX command \\foo; its source is shown as code");
}

TEST_CASE("hostile input: deep nesting, unclosed groups, stray braces never crash or hang") {
    std::string deep(100000, '{');
    math::Formula f = math::parse_tex(deep, true);
    CHECK(!f.problems.empty());
    std::string lefts;
    for (int i = 0; i < 5000; ++i) lefts += "\\left(\\frac{\\sqrt[";
    f = math::parse_tex(lefts, false);
    CHECK(!f.problems.empty());
    for (const char* s : {"}", "&&\\\\", "\\right)", "\\end{x}", "\\begin{pmatrix", "x^", "\\frac",
                          "\\sqrt[", "\\left", "\\", "_^_^", "\\begin{array}{"}) {
        CAPTURE(s);
        math::Formula h = math::parse_tex(s, false);
        CHECK(math::linear(h.root).size() < 100);
    }
}

TEST_CASE("symbol table and spacing") {
    math::Symbol s;
    REQUIRE(math::find_symbol("rightarrow", s));
    CHECK(s.cp == 0x2192);
    CHECK(s.cls == math::Class::Rel);
    CHECK_FALSE(math::find_symbol("nosuch", s));
    CHECK(math::spacing_mu(math::Class::Ord, math::Class::Rel, false) == 5);
    CHECK(math::spacing_mu(math::Class::Ord, math::Class::Bin, false) == 4);
    CHECK(math::spacing_mu(math::Class::Ord, math::Class::Op, false) == 3);
    CHECK(math::spacing_mu(math::Class::Ord, math::Class::Rel, true) == 0);
    CHECK(math::styled_letter('R', math::Variant::DoubleStruck) == 0x211D);
    CHECK(math::styled_letter('x', math::Variant::Italic) == 0x1D465);
}

TEST_CASE("linear form: what copied text and search see") {
    CHECK(lin("x^2+y^2=r^2") == "x² + y² = r²");
    CHECK(lin("\\frac{a+b}{c}") == "(a + b)/c");
    CHECK(lin("\\sqrt{x}") == "√x");
    CHECK(lin("\\mathbb{R}^n") == "ℝⁿ");
    CHECK(lin("a_{ij}") == "aᵢⱼ");
    CHECK(lin("e^{i\\pi}") == "e^(iπ)");
    CHECK(lin("\\sin x") == "sin x");
}
