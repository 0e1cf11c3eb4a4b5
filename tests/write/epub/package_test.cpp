// The package as a whole: ZIP layout, OPF metadata, determinism (epubcheck: tests/validate).
#include <doctest/doctest.h>

#include <set>

#include "epub_support.hpp"

using namespace bookc;
using namespace bookc::epubtest;

TEST_CASE("epub: the sample book is kept for epubcheck (label validate)") {
    auto b = build(sample_book());
    REQUIRE(b.diags.errors() == 0);
    keep_for_epubcheck(b.bytes, "sample");  // tests/validate/epubcheck_test.cpp checks it
}

TEST_CASE("epub: mimetype is first and stored, container points to the OPF") {
    auto b = build(sample_book());
    auto files = unzip(b.bytes);
    REQUIRE(files.size() > 5);
    CHECK(files[0].name == "mimetype");
    CHECK(files[0].method == 0);
    CHECK(files[0].data == "application/epub+zip");
    CHECK(b.bytes.substr(30, 8) == "mimetype");  // local header name right after the fixed part
    CHECK(files[1].name == "META-INF/container.xml");
    pugi::xml_document c;
    parse_xml(c, files[1].data, "container.xml");
    CHECK(std::string(c.select_node("//rootfile").node().attribute("full-path").value()) ==
          "OEBPS/content.opf");
}

TEST_CASE("epub: OPF metadata comes from the book, never from the clock") {
    auto m = unzip_map(build(sample_book()).bytes);
    pugi::xml_document opf;
    parse_xml(opf, m.at("OEBPS/content.opf"), "content.opf");
    auto pkg = opf.child("package");
    CHECK(std::string(pkg.attribute("version").value()) == "3.0");
    auto md = pkg.child("metadata");
    CHECK(std::string(md.child_value("dc:title")) == "深入浅出排版");
    CHECK(std::string(md.child_value("dc:language")) == "zh-CN");
    CHECK(std::string(md.child_value("dc:description")) == "关于中文排版的文章合集。");
    int creators = 0, subjects = 0;
    for (auto n : md.children("dc:creator"))
        creators +=
            std::string(n.child_value()) == "张三" || std::string(n.child_value()) == "李四";
    for (auto n : md.children("dc:subject")) subjects += n.child_value()[0] != 0;
    CHECK(creators == 2);
    CHECK(subjects == 2);
    std::string id = md.child_value("dc:identifier");
    CHECK(id.rfind("urn:uuid:", 0) == 0);
    CHECK(id.size() == 9 + 36);
    CHECK(std::string(
              md.find_child_by_attribute("meta", "property", "dcterms:modified").child_value()) ==
          "2024-05-01T08:00:00Z");

    // Accessibility metadata: images make the book visual too, with alt text.
    std::set<std::string> a11y;
    for (auto n : md.children("meta"))
        if (std::string(n.attribute("property").value()).rfind("schema:", 0) == 0)
            a11y.insert(std::string(n.attribute("property").value()) + "=" + n.child_value());
    CHECK(a11y.count("schema:accessMode=textual") == 1);
    CHECK(a11y.count("schema:accessMode=visual") == 1);
    CHECK(a11y.count("schema:accessibilityFeature=alternativeText") == 1);
    CHECK(a11y.count("schema:accessibilityHazard=none") == 1);
    CHECK(a11y.count("schema:accessModeSufficient=textual") == 1);
    CHECK(a11y.count("schema:accessModeSufficient=textual,visual") == 1);
    CHECK(a11y.count("schema:accessibilityFeature=displayTransformability") == 1);
    auto summary = md.find_child_by_attribute("meta", "property", "schema:accessibilitySummary");
    CHECK(std::string(summary.child_value()).find("WCAG 2.1 Level AA") != std::string::npos);
    CHECK(std::string(summary.attribute("xml:lang").value()) == "en");
    CHECK(std::string(
              md.find_child_by_attribute("meta", "property", "dcterms:conformsTo").child_value()) ==
          "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");

    // Without a build date: the fixed epoch. With an identifier: it is used as is.
    auto book = sample_book();
    book.meta.modified.clear();
    book.meta.identifier = "isbn:9787000000000";
    auto m2 = unzip_map(build(book).bytes);
    pugi::xml_document opf2;
    parse_xml(opf2, m2.at("OEBPS/content.opf"), "content.opf");
    auto md2 = opf2.child("package").child("metadata");
    CHECK(std::string(md2.child_value("dc:identifier")) == "isbn:9787000000000");
    CHECK(std::string(
              md2.find_child_by_attribute("meta", "property", "dcterms:modified").child_value()) ==
          "1980-01-01T00:00:00Z");
}

TEST_CASE("epub: the default identifier is a UUID v5 of title, authors and language") {
    auto id_of = [](const model::Book& book) {
        pugi::xml_document opf;
        parse_xml(opf, unzip_map(build(book).bytes).at("OEBPS/content.opf"), "opf");
        return std::string(opf.child("package").child("metadata").child_value("dc:identifier"));
    };
    const auto a = sample_book();
    const std::string id = id_of(a);
    REQUIRE(id.size() == 9 + 36);
    CHECK(id.rfind("urn:uuid:", 0) == 0);
    CHECK(id[9 + 14] == '5');  // version 5: name-based, SHA-1
    CHECK(std::string("89ab").find(id[9 + 19]) != std::string::npos);  // RFC 4122 variant
    // The RFC 4122 URL namespace and the name "urn:bookc:book:<title>␟<author>␞…␟<lang>":
    // anyone can recompute it (Python: uuid.uuid5(uuid.NAMESPACE_URL, name)).
    CHECK(id == "urn:uuid:f31efed6-1a92-5c91-960c-7ae8dbdb7545");

    // Not the folder or the output name: another slug is the same book.
    auto slug = sample_book();
    slug.meta.slug = "other";
    CHECK(id_of(slug) == id);
    // Another title, other authors or another language is another book.
    auto title = sample_book();
    title.meta.title = "深入浅出排版（第二版）";
    auto authors = sample_book();
    authors.meta.authors = {"张三"};
    auto lang = sample_book();
    lang.meta.language = "zh-TW";
    std::set<std::string> ids = {id, id_of(title), id_of(authors), id_of(lang)};
    CHECK(ids.size() == 4);
    // Language tags are case-insensitive.
    auto upper = sample_book();
    upper.meta.language = "ZH-cn";
    CHECK(id_of(upper) == id);
}

TEST_CASE("epub: every entry but mimetype is deflated, images included") {
    auto files = unzip(build(sample_book()).bytes);
    REQUIRE(files.size() > 5);
    CHECK(files[0].name == "mimetype");
    CHECK(files[0].method == 0);  // stored
    int images = 0;
    for (std::size_t i = 1; i < files.size(); ++i) {
        CAPTURE(files[i].name);
        CHECK(files[i].method == 8);  // ZIP_CM_DEFLATE
        images += files[i].name.rfind("OEBPS/images/", 0) == 0;
    }
    CHECK(images >= 1);
}

TEST_CASE("epub: two builds of the same book are byte-identical") {
    auto a = build(sample_book());
    auto b = build(sample_book());
    CHECK(a.bytes.size() == b.bytes.size());
    CHECK(a.bytes == b.bytes);
    // ... and a different build date changes the bytes (timestamps follow the book).
    auto book = sample_book();
    book.meta.modified = "2025-01-01T00:00:00Z";
    CHECK(build(book).bytes != a.bytes);
}

TEST_CASE("epub: a minimal book (one chapter, no metadata) is valid") {
    model::Book book;
    model::Chapter ch;
    ch.title = "唯一的一章";
    ch.blocks.push_back(Para({T("正文。")}));
    model::Part p;
    p.chapters.push_back(ch);
    book.parts.push_back(p);
    auto b = build(book);
    auto m = unzip_map(b.bytes);
    CHECK(m.count("OEBPS/text/ch01.xhtml") == 1);  // fallback id from the chapter index
    pugi::xml_document opf;
    parse_xml(opf, m.at("OEBPS/content.opf"), "opf");
    CHECK(std::string(opf.child("package").child("metadata").child_value("dc:language")) ==
          "zh-CN");
    keep_for_epubcheck(b.bytes, "minimal");  // tests/validate/epubcheck_test.cpp checks it
}

TEST_CASE("epub: a book without chapters still makes a valid package") {
    model::Book book;
    book.meta.title = "空书";
    auto b = build(book);
    auto m = unzip_map(b.bytes);
    pugi::xml_document nav;
    parse_xml(nav, m.at("OEBPS/nav.xhtml"), "nav");
    CHECK(nav.select_node("//nav[@epub:type='toc']/ol/li/a").node());
    keep_for_epubcheck(b.bytes, "empty");  // tests/validate/epubcheck_test.cpp checks it
}
