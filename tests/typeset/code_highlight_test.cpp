// Highlighted code in print: the glyph runs of a code block carry their token class's
// colour (and the mono bold face for bold classes), numbered lines carry numbers that are
// artifacts and never copied, and the layout switches both.
#include <doctest/doctest.h>

#include "highlight/highlight.hpp"
#include "pages_fixtures.hpp"
#include "typeset/flow/flow.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

model::Block code_block(std::string lang, std::string text, int line_numbers = -1,
                        int first_line = 1) {
    model::Block b;
    b.kind = model::BlockKind::CodeBlock;
    b.info = std::move(lang);
    b.text = std::move(text);
    b.tokens = highlight::highlight_code(b.info, b.text);
    b.line_numbers = line_numbers;
    b.first_line = first_line;
    return b;
}

std::vector<const display::GlyphRun*> all_runs(const display::Document& doc) {
    std::vector<const display::GlyphRun*> v;
    for (const auto& p : doc.pages)
        for (auto r : runs(p)) v.push_back(r);
    return v;
}

const display::GlyphRun* run_with(const display::Document& doc, const std::string& text) {
    for (auto r : all_runs(doc))
        if (r->text == text) return r;
    return nullptr;
}

display::Color look(model::TokenClass c) { return typeset::flow::token_look(c).color; }

const char* kGo = "package main\n\nfunc main() {\n\tfmt.Println(\"你好\", 42) // 问候\n}";

}  // namespace

TEST_CASE("code: each token's glyph run carries its class's colour; keywords in mono bold") {
    auto doc = typeset_it(one_chapter({code_block("go", kGo)}));
    config::Layout layout;
    const display::Color text = typeset::flow::to_color(layout.text);
    const auto* func = run_with(doc, "func");
    REQUIRE(func);
    CHECK(func->color == look(model::TokenClass::Keyword));
    CHECK(doc.fonts[std::size_t(func->font)].postscript_name.find("Bold") != std::string::npos);
    const auto* str = run_with(doc, "\"你好\"");
    REQUIRE(str);
    CHECK(str->color == look(model::TokenClass::String));
    const auto* num = run_with(doc, "42");
    REQUIRE(num);
    CHECK(num->color == look(model::TokenClass::Number));
    const auto* com = run_with(doc, "// 问候");
    REQUIRE(com);
    CHECK(com->color == look(model::TokenClass::Comment));
    CHECK(doc.fonts[std::size_t(com->font)].postscript_name.find("Bold") == std::string::npos);
    const auto* plain = run_with(doc, " main");
    REQUIRE(plain);
    CHECK(plain->color == text);
    // Kinds stay apart in greyscale: comments much lighter than keywords and strings.
    auto grey = [](display::Color c) { return 0.299f * c.r + 0.587f * c.g + 0.114f * c.b; };
    CHECK(grey(look(model::TokenClass::Comment)) > grey(look(model::TokenClass::String)) + 0.15f);
    CHECK(grey(look(model::TokenClass::Comment)) > grey(look(model::TokenClass::Keyword)) + 0.3f);
}

TEST_CASE("code: an unknown language is set plain, in the text colour") {
    auto doc = typeset_it(one_chapter({code_block("nosuchlang", "func main() {}")}));
    const auto* r = run_with(doc, "func main() {}");
    REQUIRE(r);
    CHECK(r->color == typeset::flow::to_color(config::Layout{}.text));
}

TEST_CASE("code: theme none sets highlighted blocks plain") {
    config::Layout layout;
    layout.code_theme = "none";
    auto doc = typeset_it(one_chapter({code_block("go", "func main() {}")}), layout);
    CHECK(run_with(doc, "func") == nullptr);
    const auto* r = run_with(doc, "func main() {}");
    REQUIRE(r);
    CHECK(r->color == typeset::flow::to_color(layout.text));
}

TEST_CASE("code: numbered lines get numbers from first_line, artifacts never copied") {
    auto doc = typeset_it(one_chapter({code_block("go", "a := 1\n\nb := 2", 1, 9)}));
    std::vector<const display::GlyphRun*> numbers;
    for (auto r : all_runs(doc))
        if (!r->copy) numbers.push_back(r);
    REQUIRE(numbers.size() == 3);
    CHECK(numbers[0]->text == "9");
    CHECK(numbers[1]->text == "10");
    CHECK(numbers[2]->text == "11");
    const auto* a = run_with(doc, "a ");
    const auto* b = run_with(doc, "b ");
    REQUIRE(a);
    REQUIRE(b);
    for (auto n : numbers) {
        CHECK(n->tag == -1);
        CHECK(n->x + typeset::flow::run_width(*n) < a->x);
    }
    CHECK(numbers[0]->y == doctest::Approx(a->y));
    CHECK(numbers[2]->y == doctest::Approx(b->y));
    // Right-aligned: the numbers end at the same x.
    CHECK(numbers[0]->x + typeset::flow::run_width(*numbers[0]) ==
          doctest::Approx(numbers[1]->x + typeset::flow::run_width(*numbers[1])));
}

TEST_CASE("code: the layout numbers every block's lines unless a block says no") {
    config::Layout layout;
    layout.code_line_numbers = true;
    auto doc = typeset_it(
        one_chapter({code_block("go", "x := 1\ny := 2"), code_block("go", "z", 0)}), layout);
    std::string numbers;
    for (auto r : all_runs(doc))
        if (!r->copy) numbers += r->text + ",";
    CHECK(numbers == "1,2,");
    auto plain = typeset_it(one_chapter({code_block("go", "x := 1\ny := 2")}));
    for (auto r : all_runs(plain)) CHECK(r->copy);
}
