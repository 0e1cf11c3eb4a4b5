// Whole books through the real loaders and model passes: tests/fixtures/epub/features (every
// element, hostile HTML, comments filtered by [comments]) and the project's own content/
// and examples/. Each is kept for epubcheck, which tests/validate runs (label validate).
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "base/utf8.hpp"
#include "epub_support.hpp"
#include "load/load.hpp"
#include "model/passes.hpp"
#include "support/need.hpp"
#include "support/test_support.hpp"
#include "write/epub/epub.hpp"

using namespace bookc;
using namespace bookc::epubtest;

namespace {
struct Loaded {
    model::Book book;
    std::string bytes;
    base::DiagSink diags;
};

std::optional<Loaded> build_folder(const std::string& dir, bool embed_fonts = false) {
    Loaded l;
    base::SourceMap sources;
    auto cfg = config::load_book_config(dir, l.diags);
    REQUIRE_MESSAGE(cfg.has_value(), l.diags.format(sources));
    cfg->epub_embed_fonts = embed_fonts;
    auto book = load::load_book(dir, *cfg, sources, l.diags);
    REQUIRE_MESSAGE(book.has_value(), l.diags.format(sources));
    model::run_passes(*book, load::pass_options(*cfg), l.diags);
    auto layout = config::load_layout(cfg->layout, l.diags);
    REQUIRE_MESSAGE(layout.has_value(), l.diags.format(sources));
    font::FontDb fonts(config::data_dir());
    auto bytes = epub::write_epub(*book, *cfg, *layout, fonts, l.diags);
    REQUIRE_MESSAGE(bytes.has_value(), l.diags.format(sources));
    l.book = std::move(*book);
    l.bytes = std::move(*bytes);
    return l;
}

std::string text_of(pugi::xml_node n) {
    std::string out;
    for (auto t : n.select_nodes(".//text()")) out += t.node().value();
    return out;
}

// Checks that hold for any book: valid package, every chapter in the nav, comments as the
// model has them.
void check_book(const Loaded& l, const std::string& name) {
    auto m = unzip_map(l.bytes);
    pugi::xml_document nav;
    parse_xml(nav, m.at("OEBPS/nav.xhtml"), "nav");
    std::set<std::string> hrefs;
    for (auto a : nav.select_nodes("//nav[@epub:type='toc']//a"))
        hrefs.insert(a.node().attribute("href").value());
    std::size_t chapters = 0;
    l.book.for_each_chapter([&](const model::Chapter& ch) {
        ++chapters;
        std::string file = "text/" + ch.id + ".xhtml";
        CHECK_MESSAGE(hrefs.count(file) == 1, name, ": ", file);
        REQUIRE_MESSAGE(m.count("OEBPS/" + file) == 1, file);
        pugi::xml_document d;
        parse_xml(d, m.at("OEBPS/" + file), file);
        std::size_t n = ch.comments ? ch.comments->comments.size() : 0;
        auto shown = d.select_nodes("//section[@class='comments']/div[@class='comment']");
        CHECK_MESSAGE(shown.size() == n, file);
        if (n > 0) {
            CHECK(std::string(
                      d.select_node("//section[@class='comments']/h2").node().child_value()) ==
                  ch.comments->heading + "（" + std::to_string(n) + "）");
            for (std::size_t i = 0; i < n; ++i)
                CHECK(text_of(
                          shown[i].node().select_node(".//span[@class='comment-author']").node()) ==
                      ch.comments->comments[i].author);
        }
    });
    CHECK(chapters > 0);
    keep_for_epubcheck(l.bytes, name);  // tests/validate/epubcheck_test.cpp checks it
}
}  // namespace

TEST_CASE("epub fixtures: the features book") {
    std::string dir = test::source_dir() + "/tests/fixtures/epub/features";
    auto l = build_folder(dir);
    check_book(*l, "features");
    auto m = unzip_map(l->bytes);
    pugi::xml_document opf;
    parse_xml(opf, m.at("OEBPS/content.opf"), "opf");
    auto md = opf.child("package").child("metadata");
    CHECK(std::string(md.child_value("dc:title")) == "EPUB 特性样书");
    CHECK(std::string(md.child_value("dc:creator")) == "测试组");
    // The cover image is the manifest's cover-image, a PNG.
    auto cover = opf.select_node("//item[@properties='cover-image']").node();
    REQUIRE(cover);
    CHECK(std::string(cover.attribute("media-type").value()) == "image/png");

    // Chapter 1: the Markdown elements as the loader produced them.
    std::string ch1_id = l->book.parts[0].chapters[0].id;
    pugi::xml_document c1;
    parse_xml(c1, m.at("OEBPS/text/" + ch1_id + ".xhtml"), "ch1");
    CHECK(c1.select_nodes("//h1").size() == 1);
    CHECK(c1.select_node("//em").node());
    CHECK(c1.select_node("//del").node());
    CHECK(c1.select_node("//ul/li/ol/li").node());
    // The loader gives one loose list mixing plain and task items: bullets stay on the plain
    // items, the task box sits inside the item's first paragraph.
    CHECK(c1.select_node("//li[contains(@class,'task')]/p/span[@class='task-box']").node());
    CHECK(!c1.select_node("//ul[@class='task-list']").node());
    CHECK(std::string(c1.select_node("//pre/code").node().attribute("class").value()) ==
          "language-python");
    CHECK(c1.select_node("//blockquote/blockquote").node());
    CHECK(std::string(c1.select_node("//td[3]").node().attribute("class").value()) ==
          "align-right");
    CHECK(c1.select_nodes("//a[@epub:type='noteref']").size() == 2);
    CHECK(c1.select_nodes("//aside[@epub:type='footnote']").size() == 2);
    auto img = c1.select_node("//img").node();
    REQUIRE(img);
    CHECK(std::string(img.attribute("alt").value()) == "网格示意图");
    CHECK(c1.select_node("//span[@class='image-placeholder']").node());
    CHECK(m.at("OEBPS/text/" + ch1_id + ".xhtml").find("javascript:") == std::string::npos);
    // Chapter 2: comments filtered (min_likes = 1) and sorted by likes, at most 2.
    std::string ch2_id = l->book.parts[0].chapters[1].id;
    pugi::xml_document c2;
    parse_xml(c2, m.at("OEBPS/text/" + ch2_id + ".xhtml"), "ch2");
    auto authors = c2.select_nodes("//span[@class='comment-author']");
    REQUIRE(authors.size() == 2);
    CHECK(std::string(authors[0].node().child_value()) == "读者乙");
    CHECK(std::string(authors[1].node().child_value()) == "读者甲");
    CHECK(std::string(c2.select_node("//section[@class='comments']/h2").node().child_value()) ==
          "精选留言（2）");
    // Chapter 3 (HTML): no script, no handlers, media notes.
    std::string ch3_id = l->book.parts[1].chapters[0].id;
    const std::string& c3raw = m.at("OEBPS/text/" + ch3_id + ".xhtml");
    CHECK(c3raw.find("<script") == std::string::npos);
    CHECK(c3raw.find("onclick") == std::string::npos);
    CHECK(c3raw.find("onerror") == std::string::npos);
    pugi::xml_document c3;
    parse_xml(c3, c3raw, "ch3");
    CHECK(c3.select_nodes("//div[starts-with(@class,'media-note')]").size() == 2);

    // Same folder, same bytes.
    auto again = build_folder(dir);
    CHECK(again->bytes == l->bytes);
}

TEST_CASE("epub fixtures: content/ with its body font embedded stays small and valid") {
    std::string dir = test::source_dir() + "/content";
    REQUIRE(std::filesystem::is_directory(dir));
    if (!test::need({"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"})) return;
    font::FontDb db(config::data_dir());
    REQUIRE(db.find("Noto Serif CJK SC"));
    auto l = build_folder(dir, true);
    auto m = unzip_map(l->bytes);
    REQUIRE(m.count("OEBPS/fonts/body.otf") == 1);
    std::set<char32_t> used;
    for (const auto& [name, data] : m)
        if (name.find(".xhtml") != std::string::npos) {
            pugi::xml_document d;
            parse_xml(d, data, name);
            for (auto t : d.select_nodes("//body//text()"))
                for (char32_t c : base::to_u32(t.node().value())) used.insert(c);
        }
    MESSAGE("content/: ", used.size(), " distinct characters; body font subset ",
            m.at("OEBPS/fonts/body.otf").size(), " bytes; whole EPUB ", l->bytes.size(), " bytes");
    CHECK(m.at("OEBPS/fonts/body.otf").size() < 1024 * 1024);
    keep_for_epubcheck(l->bytes, "content-fonts");  // tests/validate/epubcheck_test.cpp checks it
}

TEST_CASE("epub fixtures: the project's content/ and examples/") {
    for (const char* rel : {"content", "examples/mixed", "examples/zero-config"}) {
        std::string dir = test::source_dir() + "/" + rel;
        if (!std::filesystem::is_directory(dir)) continue;
        CAPTURE(rel);
        auto l = build_folder(dir);
        std::string name = rel;
        for (char& c : name)
            if (c == '/') c = '-';
        check_book(*l, name);
    }
}

TEST_CASE("epub fixtures: the shared seed articles as one book") {
    std::string seeds = test::seeds_dir();
    if (seeds.empty()) {
        MESSAGE("no ../shared/seeds: skipped");
        return;
    }
    std::string dir = test::temp_dir("epub-seeds-book");
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(seeds)) {
        if (!e.is_regular_file()) continue;
        std::filesystem::copy_file(e.path(), std::filesystem::path(dir) / e.path().filename());
        ++n;
    }
    if (n == 0) {
        MESSAGE("SKIPPED: ../shared/seeds is empty");
        return;
    }
    auto l = build_folder(dir);
    check_book(*l, "seeds");
    for (const auto& f : unzip(l->bytes)) {
        if (f.name.find(".xhtml") == std::string::npos) continue;
        CHECK_MESSAGE(f.data.find("<script") == std::string::npos, f.name);
        CHECK_MESSAGE(f.data.find("<audio") == std::string::npos, f.name);
        CHECK_MESSAGE(f.data.find("<img src=\"http") == std::string::npos, f.name);
    }
}
