// The pipeline's edges hold: the real src/ passes the stage-edges check, and each kind of
// crossing (a forbidden include, a forbidden namespace, a private header, an unused or
// undeclared link) makes it fail with its message.
#include <doctest/doctest.h>

#include <filesystem>

#include "edges/stage_edges.hpp"

using namespace bookc;

namespace {

std::string declared() {
    std::string text = test::read_text(BOOKC_STAGE_EDGES);
    REQUIRE_MESSAGE(!text.empty(), "missing " << BOOKC_STAGE_EDGES << " (written by CMake)");
    return text;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
}

// The check's errors on a copy of src/ to which `files` (path → text) are added.
std::string errors_with(const std::string& name, const std::map<std::string, std::string>& files) {
    std::string root = test::temp_dir("edges-" + name);
    std::filesystem::copy(test::source_dir() + "/src", root + "/src",
                          std::filesystem::copy_options::recursive);
    for (const auto& [path, text] : files) test::write_text(root + "/" + path, text);
    return joined(edges::check(root, declared()));
}

}  // namespace

TEST_CASE("edges: the declared stages are the pipeline") {
    auto stages = edges::parse_stages(declared());
    std::map<std::string, std::string> uses;
    for (const auto& s : stages) {
        std::string u;
        for (const auto& x : s.uses) u += (u.empty() ? "" : " ") + x;
        uses[s.dir] = u;
    }
    CHECK(uses["base"] == "");
    CHECK(uses["config"] == "base");
    CHECK(uses["math"] == "base");        // the TeX parser and the maths tree
    CHECK(uses["model"] == "math base");  // the passes take their own options, not config's
    CHECK(uses["load"] == "math model config base");
    CHECK(uses["highlight"] == "model base");
    CHECK(uses["font"] == "base");
    CHECK(uses["display"] == "");  // plain data: not even base
    CHECK(uses["typeset"] == "math model font display config base");
    CHECK(uses["write/epub"] == "math model config font base");
    CHECK(uses["write/pdf"] == "display font base");
}

TEST_CASE("edges: src/ crosses no edge and links exactly what it uses") {
    auto errors = edges::check(test::source_dir(), declared());
    INFO(joined(errors));
    CHECK(errors.empty());
}

TEST_CASE("edges: an include of a stage not used fails, naming file, line and edge") {
    std::string errors = errors_with(
        "include",
        {{"src/write/epub/bad.cpp", "// reaches into the loader\n#include \"load/load.hpp\"\n"},
         {"src/write/pdf/bad.hpp",
          "#pragma once\n#include \"display/display.hpp\"\n#include "
          "\"model/model.hpp\"\n"}});
    CHECK(errors ==
          "src/write/epub/bad.cpp:2:10: error: write/epub may not include \"load/load.hpp\": it "
          "does not use load (write/epub uses math, model, config, font, base; the edges are "
          "declared in src/CMakeLists.txt)\n"
          "src/write/pdf/bad.hpp:3:10: error: write/pdf may not include \"model/model.hpp\": it "
          "does not use model (write/pdf uses display, font, base; the edges are declared in "
          "src/CMakeLists.txt)\n");
}

TEST_CASE("edges: a namespace of a stage not used fails; in comments and strings it does not") {
    std::string errors = errors_with(
        "namespace", {{"src/write/pdf/outline_extra.cpp",
                       "#include \"write/pdf/pdf.hpp\"\n"
                       "// model::Book is not for us, nor is \"model::Chapter\"\n"
                       "namespace bookc::pdf {\n"
                       "int chapters(const void* b) { return bookc::model::count(b); }\n"
                       "}\n"}});
    CHECK(errors ==
          "src/write/pdf/outline_extra.cpp:4:45: error: write/pdf may not use model::: it does "
          "not use model (write/pdf uses display, font, base; the edges are declared in "
          "src/CMakeLists.txt)\n");
}

TEST_CASE("edges: a private header of a used stage fails; so does climbing out with ..") {
    std::string errors = errors_with(
        "private",
        {{"src/typeset/peek.cpp", "#include \"model/dump.hpp\"\n#include \"../load/scan.hpp\"\n"}});
    CHECK(errors ==
          "src/typeset/peek.cpp:1:10: error: \"model/dump.hpp\" is private to model; its public "
          "headers: model.hpp, passes.hpp\n"
          "src/typeset/peek.cpp:2:10: error: \"../load/scan.hpp\" climbs out of its folder: spell "
          "includes from src/\n");
}

TEST_CASE("edges: a link beyond the declared stages, and a declared stage never used, fail") {
    std::string text = declared();
    auto stages = edges::parse_stages(text);
    std::string edited;
    for (auto s : stages) {
        if (s.dir == "write/pdf") s.links.push_back("bookc_model");  // linked behind USES' back
        if (s.dir == "display") {  // declares font, uses nothing of it
            s.uses.push_back("font");
            s.links.push_back("bookc_font");
        }
        std::string uses, headers, links;
        for (const auto& x : s.uses) uses += x + " ";
        for (const auto& x : s.headers) headers += x + " ";
        for (const auto& x : s.links) links += x + " ";
        edited += s.dir + "|" + s.target + "|" + uses + "|" + headers + "|" + links + "\n";
    }
    auto errors = edges::check(test::source_dir(), edited);
    CHECK(joined(errors) ==
          "src/display/CMakeLists.txt:1:1: error: display declares that it uses font, but none "
          "of its files includes or names anything of font\n"
          "src/write/pdf/CMakeLists.txt:1:1: error: bookc_pdf links bookc_base, bookc_display, "
          "bookc_font, bookc_model but write/pdf uses bookc_base, bookc_display, bookc_font: "
          "link stages only through bookc_stage(… USES …)\n");
}
