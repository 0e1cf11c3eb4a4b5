// The highlighting stage: language names as writers spell them, tokens of the fixed class
// vocabulary on the right bytes (also after Chinese text, where UTF-16 and UTF-8 offsets
// part), plain text for unknown languages, and a whole book's blocks in every place.
#include <doctest/doctest.h>

#include <string>

#include "highlight/highlight.hpp"

using namespace bookc;
using model::TokenClass;

namespace {

// "class:text" for each token, joined by spaces.
std::string tokens_of(std::string_view lang, const std::string& code) {
    std::string out;
    for (const auto& t : highlight::highlight_code(lang, code)) {
        if (!out.empty()) out += ' ';
        out += std::string(model::token_class_name(t.cls)) + ":" +
               code.substr(t.begin, t.end - t.begin);
    }
    return out;
}

}  // namespace

TEST_CASE("highlight: a fence's language as writers spell it, the library's names first") {
    CHECK(highlight::definition_for("go") == "Go");
    CHECK(highlight::definition_for("Go") == "Go");
    CHECK(highlight::definition_for("golang") == "Go");
    CHECK(highlight::definition_for("python") == "Python");
    CHECK(highlight::definition_for("py") == "Python");
    CHECK(highlight::definition_for("rust") == "Rust");
    CHECK(highlight::definition_for("rs") == "Rust");
    CHECK(highlight::definition_for("c") == "C");
    CHECK(highlight::definition_for("c++") == "C++");
    CHECK(highlight::definition_for("cpp") == "C++");
    CHECK(highlight::definition_for("java") == "Java");
    CHECK(highlight::definition_for("js") == "JavaScript");
    CHECK(highlight::definition_for("typescript") == "TypeScript");
    CHECK(highlight::definition_for("ts") == "TypeScript");
    CHECK(highlight::definition_for("sql") == "SQL");
    CHECK(highlight::definition_for("bash") == "Bash");
    CHECK(highlight::definition_for("sh") == "Bash");
    CHECK(highlight::definition_for("shell") == "Bash");
    CHECK(highlight::definition_for("yaml") == "YAML");
    CHECK(highlight::definition_for("yml") == "YAML");
    CHECK(highlight::definition_for("json") == "JSON");
    CHECK(highlight::definition_for("toml") == "TOML");
    CHECK(highlight::definition_for("diff") == "Diff");
    CHECK(highlight::definition_for("") == "");
    CHECK(highlight::definition_for("text") == "");
    CHECK(highlight::definition_for("nosuchlang") == "");
    CHECK(highlight::definition_for("*") == "");
}

TEST_CASE("highlight: Go tokens — keywords, strings, numbers, comments, operators") {
    std::string code =
        "package main\n\nimport \"fmt\"\n\n// 问候 a greeting\nfunc main() {\n"
        "\tx := 42\n\tfmt.Println(\"你好\\n\", x) // 注释\n}";
    CHECK(tokens_of("go", code) ==
          "kw:package kw:import str:\"fmt\" com:// 问候 a greeting kw:func op:() op:{ op::= "
          "num:42 op:. op:( str:\"你好\\n\" op:, op:) com:// 注释 op:}");
}

TEST_CASE("highlight: Python tokens") {
    std::string code = "def f(a: int) -> str:\n    return 'x' * 3  # 乘三\n";
    std::string t = tokens_of("python", code);
    CHECK(t == "kw:def builtin:int op:-> builtin:str kw:return str:'x' op:* num:3 com:# 乘三");
}

TEST_CASE("highlight: a comment over several lines keeps its class on each; escapes in C") {
    std::string code = "/* 一\n二 */\nint x = 1;\nputs(\"a\\n\");";
    CHECK(tokens_of("c", code) ==
          "com:/* 一 com:二 */ type:int op:= num:1 op:; op:( str:\"a esc:\\n str:\" op:);");
}

TEST_CASE("highlight: blanks get no token (YAML marks the space after a key)") {
    CHECK(tokens_of("yaml", "key: \"v\" # 注") == "fn:key kw:: str:\"v\" com: # 注");
}

TEST_CASE("highlight: unknown language, text or none give no tokens") {
    CHECK(highlight::highlight_code("nosuchlang", "func main() {}").empty());
    CHECK(highlight::highlight_code("text", "func main() {}").empty());
    CHECK(highlight::highlight_code("", "func main() {}").empty());
}

TEST_CASE("highlight: highlight_book reaches chapters, nested blocks, footnotes and comments") {
    model::Block code;
    code.kind = model::BlockKind::CodeBlock;
    code.info = "go";
    code.text = "var x int";
    model::Block plain = code;
    plain.info = "";
    model::Block quote;
    quote.kind = model::BlockKind::BlockQuote;
    quote.children = {code};
    model::Chapter ch;
    ch.blocks = {code, plain, quote};
    ch.footnotes.push_back({"1", 1, "fn-1", {code}, {}});
    ch.comments.emplace();
    ch.comments->comments.emplace_back();
    ch.comments->comments.back().body = {code};
    model::Book book;
    book.parts.emplace_back();
    book.parts.back().chapters.push_back(ch);
    highlight::highlight_book(book);
    const auto& out = book.parts[0].chapters[0];
    const std::vector<model::CodeToken> want = {{0, 3, TokenClass::Keyword},
                                                {6, 9, TokenClass::Type}};
    CHECK(out.blocks[0].tokens == want);
    CHECK(out.blocks[1].tokens.empty());
    CHECK(out.blocks[2].children[0].tokens == want);
    CHECK(out.footnotes[0].blocks[0].tokens == want);
    CHECK(out.comments->comments[0].body[0].tokens == want);
}
