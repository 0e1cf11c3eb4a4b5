// Latin text in a Chinese book carries lang="en" in the chapter XHTML, so the stylesheet's
// inter-character justification (for Chinese) does not letter-space it; code is left alone.
#include <doctest/doctest.h>

#include <vector>

#include "epub_support.hpp"

using namespace bookc;
using namespace bookc::epubtest;

namespace {

model::Book latin_book(const std::string& language) {
    model::Book book;
    book.meta.title = "拉丁文字";
    book.meta.language = language;
    model::Chapter ch;
    ch.title = "第一章";
    ch.blocks.push_back(Para({T("调用 atomic.LoadUint32 与 sync.Mutex.Lock 的地方，见 "),
                              Link("https://go.dev/src/sync", {T("https://go.dev/src/sync")}),
                              T("；2024 年的 D:/Go/src/runtime/checkptr.go 报错，"),
                              Code("x.Load()"), T(" 也要看，还有 don’t 和 e 。")}));
    ch.blocks.push_back(Para({T("Search engines split text at "), Em({T("spaces")}), T(".")}));
    ch.blocks.push_back(Heading(2, "The Go Memory Model", "mm"));
    ch.blocks.push_back(CodeBlock("var mu sync.Mutex // 锁\nmu.Lock()", "go"));
    model::Part p;
    p.chapters.push_back(ch);
    book.parts.push_back(p);
    return book;
}

std::vector<pugi::xml_node> spans(const pugi::xml_document& d) {
    std::vector<pugi::xml_node> out;
    for (auto n : d.select_nodes("//span[@lang]")) out.push_back(n.node());
    return out;
}

}  // namespace

TEST_CASE("epub lang: Latin runs in Chinese text and Latin blocks carry lang and xml:lang") {
    auto b = build(latin_book("zh-CN"));
    auto m = unzip_map(b.bytes);
    pugi::xml_document d;
    parse_xml(d, m.at("OEBPS/text/ch01.xhtml"), "ch01");

    // In the Chinese paragraph: one span per Latin run of at least one word.
    std::vector<std::string> runs;
    for (auto s : spans(d)) {
        CHECK(std::string(s.attribute("lang").value()) == "en");
        CHECK(std::string(s.attribute("xml:lang").value()) == "en");
        CHECK(std::string(s.parent().name()) != "code");
        runs.push_back(s.child_value());
    }
    CHECK(runs == std::vector<std::string>{"atomic.LoadUint32", "sync.Mutex.Lock",
                                           "https://go.dev/src/sync",
                                           "D:/Go/src/runtime/checkptr.go", "don’t"});
    auto first = d.select_node("//section/p[1]").node();
    CHECK(first.attribute("lang").empty());  // the paragraph itself stays Chinese
    // The link's text is wrapped inside the link; numbers, single letters and code are not.
    CHECK(d.select_node("//a/span[@lang='en']").node());
    const std::string xhtml = m.at("OEBPS/text/ch01.xhtml");
    CHECK(xhtml.find("；2024 年的 ") != std::string::npos);
    CHECK(xhtml.find("<code>x.Load()</code>") != std::string::npos);
    CHECK(xhtml.find("和 e 。") != std::string::npos);

    // A Latin paragraph and a Latin heading carry the language themselves, with no spans.
    auto latin_p = d.select_node("//section/p[2]").node();
    CHECK(std::string(latin_p.attribute("lang").value()) == "en");
    CHECK(std::string(latin_p.attribute("xml:lang").value()) == "en");
    CHECK_FALSE(latin_p.select_node(".//span").node());
    auto h = d.select_node("//h2[@id='mm']").node();
    CHECK(std::string(h.attribute("xml:lang").value()) == "en");
    // Code blocks are never touched.
    auto pre = d.select_node("//pre").node();
    CHECK(pre.attribute("lang").empty());
    CHECK_FALSE(pre.select_node(".//span").node());

    // The stylesheet turns inter-character justification off for them.
    CHECK(m.at("OEBPS/css/book.css").find(":lang(en) {\n  text-justify: auto;") !=
          std::string::npos);
    keep_for_epubcheck(b.bytes, "latin-lang");  // tests/validate/epubcheck_test.cpp checks it
}

TEST_CASE("epub lang: a book that is not Chinese, Japanese or Korean is left as it is") {
    auto m = unzip_map(build(latin_book("en")).bytes);
    pugi::xml_document d;
    parse_xml(d, m.at("OEBPS/text/ch01.xhtml"), "ch01");
    CHECK(spans(d).empty());
    CHECK(d.select_node("//section/p[2]").node().attribute("lang").empty());
}

TEST_CASE("epub lang: [book] second_language names the language of the Latin text") {
    config::BookConfig cfg;
    cfg.second_language = "fr";
    auto m = unzip_map(build(latin_book("zh-CN"), cfg).bytes);
    pugi::xml_document d;
    parse_xml(d, m.at("OEBPS/text/ch01.xhtml"), "ch01");
    REQUIRE(spans(d).size() == 5);
    for (auto s : spans(d)) {
        CHECK(std::string(s.attribute("lang").value()) == "fr");
        CHECK(std::string(s.attribute("xml:lang").value()) == "fr");
    }
    CHECK(std::string(d.select_node("//section/p[2]").node().attribute("lang").value()) == "fr");
}
