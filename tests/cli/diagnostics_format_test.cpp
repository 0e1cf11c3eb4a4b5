// --diagnostics json|github: the same problems, for programs and for CI annotations.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_support.hpp"

using namespace bookc::test;
using nlohmann::json;

namespace {
std::string cmd(const std::string& args) { return shell_quote(bookc_bin()) + " " + args; }

// A book whose one article (named with a comma) misses 25 images: 25 warnings of one kind,
// more than the 20 the human and GitHub forms show.
std::string make_book() {
    std::string dir = temp_dir("diag-format");
    std::string md = "# 缺图\n";
    for (int i = 0; i < 25; ++i) md += "\n![图](img" + std::to_string(i) + ".png)\n";
    write_text(dir + "/book/1,a.md", md);
    return dir;
}

std::vector<json> lines_of(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
    return out;
}
}  // namespace

TEST_CASE("--diagnostics json: one JSON object a line, every diagnostic, then a summary") {
    std::string dir = make_book();
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("check book --diagnostics json"));
    CHECK(r.status == 0);
    std::vector<json> lines = lines_of(r.err);
    REQUIRE(lines.size() == 26);
    const json& first = lines[0];
    CHECK(first["type"] == "diagnostic");
    CHECK(first["severity"] == "warning");
    CHECK(first["file"] == "book/1,a.md");
    CHECK(first["line"] == 3);
    CHECK(first["column"] == 1);
    CHECK(first["end"]["line"] == 3);
    CHECK(first["end"]["column"].get<int>() > 1);
    CHECK(first["message"] == "image not found: img0.png");
    CHECK(first["hints"] == json::array());
    CHECK(lines[24]["line"] == 51);
    CHECK(lines[24]["message"] == "image not found: img24.png");
    CHECK(lines[25] ==
          json({{"type", "summary"}, {"errors", 0}, {"warnings", 25}, {"text", "25 warnings"}}));
}

TEST_CASE("--diagnostics github: workflow annotations, escaped and capped") {
    std::string dir = make_book();
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("check book --diagnostics github"));
    CHECK(r.status == 0);
    CHECK(r.out.find("::warning file=book/1%2Ca.md,line=3,col=1,title=bookc warning::image not "
                     "found: img0.png\n") == 0);
    CHECK(r.out.find("img19.png\n::notice title=bookc::5 more warnings like this\n") !=
          std::string::npos);
    CHECK(r.out.find("img20.png") == std::string::npos);
    CHECK(r.err == "bookc: 25 warnings\n");

    // An error with hints: the hints follow the message on lines of their own (%0A).
    write_text(dir + "/bad/book.toml", "[book]\nslug = \"../x\"\n");
    write_text(dir + "/bad/a.md", "# 甲\n");
    auto e = run("cd " + shell_quote(dir) + " && " + cmd("build bad --diagnostics github"));
    CHECK(e.status == 2);
    CHECK(e.out.find("::error file=bad/book.toml,line=2,") == 0);
    CHECK(e.out.find("%0Ahint: ") != std::string::npos);
}

TEST_CASE("--diagnostics takes only the forms it knows") {
    auto r = run(cmd("check . --diagnostics xml"));
    CHECK(r.status == 2);
    CHECK(r.err.find("--diagnostics: xml not in {human,json,github}") != std::string::npos);
}
