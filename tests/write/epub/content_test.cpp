// What readers see in the chapter documents: every model element, footnotes, comments,
// images, navigation. Each check reads the package back and parses the XHTML.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <set>

#include "epub_support.hpp"

using namespace bookc;
using namespace bookc::epubtest;

namespace {
struct Package {
    std::map<std::string, std::string> files;
    std::map<std::string, std::unique_ptr<pugi::xml_document>> xml;
    pugi::xml_document& doc(const std::string& name) {
        auto& d = xml[name];
        if (!d) {
            d = std::make_unique<pugi::xml_document>();
            REQUIRE_MESSAGE(files.count(name), name);
            parse_xml(*d, files.at(name), name);
        }
        return *d;
    }
};

Package open(const model::Book& book) {
    Package p;
    p.files = unzip_map(build(book).bytes);
    return p;
}

std::string text_of(pugi::xml_node n) {
    std::string out;
    for (auto t : n.select_nodes(".//text()")) out += t.node().value();
    return out;
}

std::string cls(pugi::xml_node n) { return n.attribute("class").value(); }
}  // namespace

TEST_CASE("epub: chapter documents set the language and keep Chinese text unindented") {
    auto p = open(sample_book());
    auto& d = p.doc("OEBPS/text/ch01.xhtml");
    auto html = d.child("html");
    CHECK(std::string(html.attribute("lang").value()) == "zh-CN");
    CHECK(std::string(html.attribute("xml:lang").value()) == "zh-CN");
    // Saved raw: no indentation inserted into mixed content.
    CHECK(p.files.at("OEBPS/text/ch01.xhtml")
              .find("中文段落，包含<em>强调</em>、<strong>加粗</strong>") != std::string::npos);
    // Soft break: nothing between CJK, a space between Latin words.
    // (The full stop after 继续 goes with the footnote marker that follows it.)
    CHECK(p.files.at("OEBPS/text/ch01.xhtml")
              .find("。软换行之后继续<span class=\"noteref-group\">。<sup") != std::string::npos);
    auto ch3 = text_of(p.doc("OEBPS/text/ch03.xhtml").select_node("//section/p").node());
    CHECK(ch3 == "This is a line that continues.中文接着。");
}

TEST_CASE("epub: every block and inline kind is rendered") {
    auto p = open(sample_book());
    auto& d = p.doc("OEBPS/text/ch01.xhtml");
    CHECK(std::string(d.select_node("//h1").node().child_value()) == "第一章 标点与行首");
    CHECK(cls(d.select_node("//p[@class='lead']").node()) == "lead");
    CHECK(std::string(d.select_node("//em").node().child_value()) == "强调");
    CHECK(std::string(d.select_node("//strong").node().child_value()) == "加粗");
    CHECK(std::string(d.select_node("//del").node().child_value()) == "删除");
    CHECK(std::string(d.select_node("//p/code").node().child_value()) == "code()");
    auto code = d.select_node("//pre[@class='code-block']/code").node();
    CHECK(cls(code) == "language-cpp");
    CHECK(std::string(code.child_value()) == "int main() {\n    return 0; // 注释\n}");
    CHECK(d.select_node("//blockquote/blockquote/p").node());
    CHECK(std::string(d.select_node("//ul/li/ol").node().attribute("start").value()) == "3");
    CHECK(std::string(
              d.select_node("//ul[@class='task-list']/li[1]").node().attribute("class").value()) ==
          "task done");
    CHECK(std::string(
              d.select_node("//ul[@class='task-list']/li[2]").node().attribute("class").value()) ==
          "task");
    CHECK(d.select_node("//br").node());
    CHECK(d.select_node("//hr").node());
    // Headings below the chapter title: sections are h2, deeper levels follow.
    CHECK(std::string(d.select_node("//h2[@id='ch01-s1']").node().child_value()) ==
          "第一节 避头尾");
    CHECK(d.select_node("//h3").node().attribute("id").value()[0] != 0);
    // Tables: header cells, alignment classes.
    CHECK(cls(d.select_node("//table/thead/tr/th[2]").node()) == "align-center");
    CHECK(cls(d.select_node("//table/tbody/tr/td[3]").node()) == "align-right");
    CHECK(std::string(d.select_node("//table/tbody/tr/td[1]").node().child_value()) == "苹果");
    // Links: external marked, internal rewritten to the chapter file and anchor.
    auto ext = d.select_node("//a[@class='external']").node();
    CHECK(std::string(ext.attribute("href").value()) == "https://example.com/a?b=1&c=2");
    CHECK(std::string(ext.attribute("rel").value()) == "external");
    CHECK(d.select_node("//a[@href='ch02.xhtml#ch02-s1']").node());
    CHECK(p.doc("OEBPS/text/ch03.xhtml").select_node("//a[@href='ch01.xhtml']").node());
    // Chapter byline.
    CHECK(text_of(d.select_node("//p[@class='chapter-meta']").node()) == "张三 2024-01-02");
}

TEST_CASE("epub: footnotes are EPUB 3 asides linked both ways") {
    auto p = open(sample_book());
    auto& d = p.doc("OEBPS/text/ch01.xhtml");
    auto refs = d.select_nodes("//a[@epub:type='noteref']");
    REQUIRE(refs.size() == 2);
    int n = 0;
    for (auto r : refs) {
        ++n;
        auto ref = r.node();
        std::string href = ref.attribute("href").value();
        REQUIRE(href.size() > 1);
        CHECK(href[0] == '#');
        auto aside = d.select_node(("//aside[@id='" + href.substr(1) + "']").c_str()).node();
        REQUIRE(aside);
        CHECK(std::string(aside.attribute("epub:type").value()) == "footnote");
        auto back = aside.select_node(".//a[@role='doc-backlink']").node();
        REQUIRE(back);
        CHECK(std::string(back.attribute("href").value()) ==
              "#" + std::string(ref.attribute("id").value()));
        CHECK(std::string(ref.child_value()) == std::to_string(n));
    }
    CHECK(text_of(d.select_node("//aside[@id='fn-1']").node()) == "1. 第一个脚注。");
}

TEST_CASE("epub: a footnote referenced twice gets unique reference ids") {
    auto book = sample_book();
    auto& ch = book.parts[0].chapters[0];
    ch.blocks.push_back(Para({T("再次引用"), FnRef("note", 1)}));
    auto p = open(book);
    auto& d = p.doc("OEBPS/text/ch01.xhtml");
    auto refs = d.select_nodes("//a[@href='#fn-1']");
    REQUIRE(refs.size() == 2);
    CHECK(std::string(refs[0].node().attribute("id").value()) !=
          refs[1].node().attribute("id").value());
}

TEST_CASE("epub: comments are rendered in model order with author, likes, date and reply") {
    auto p = open(sample_book());
    auto& d = p.doc("OEBPS/text/ch01.xhtml");
    auto sec = d.select_node("//section[@class='comments']").node();
    REQUIRE(sec);
    CHECK(std::string(sec.child("h2").child_value()) == "精选留言（3）");
    auto comments = sec.select_nodes("div[@class='comment']");
    REQUIRE(comments.size() == 3);
    const char* authors[] = {"王五", "赵六", "钱七"};
    const char* dates[] = {"2024-02-03", "2024-02-05 10:30", "2024-02-06"};
    const char* likes[] = {"赞 128", "赞 7", nullptr};
    for (int i = 0; i < 3; ++i) {
        auto c = comments[i].node();
        CHECK(std::string(c.select_node(".//span[@class='comment-author']").node().child_value()) ==
              authors[i]);
        CHECK(std::string(c.select_node(".//span[@class='comment-date']").node().child_value()) ==
              dates[i]);
        auto lk = c.select_node(".//span[@class='comment-likes']").node();
        if (likes[i])
            CHECK(std::string(lk.child_value()) == likes[i]);
        else
            CHECK(!lk);
    }
    auto reply = comments[0].node().select_node("div[@class='comment-reply']").node();
    REQUIRE(reply);
    CHECK(text_of(reply) == "作者回复：谢谢支持。");
    CHECK(!comments[1].node().select_node("div[@class='comment-reply']").node());
    // The comments come after the chapter text and its footnotes.
    CHECK(p.files.at("OEBPS/text/ch01.xhtml").find("class=\"comments\"") >
          p.files.at("OEBPS/text/ch01.xhtml").find("class=\"footnotes\""));
    // A chapter without comments has no section; N follows what the model holds.
    CHECK(!p.doc("OEBPS/text/ch02.xhtml").select_node("//section[@class='comments']").node());
    auto book = sample_book();
    book.parts[0].chapters[0].comments->comments.resize(1);
    book.parts[0].chapters[0].comments->declared = 50;
    auto p2 = open(book);
    CHECK(std::string(p2.doc("OEBPS/text/ch01.xhtml")
                          .select_node("//section[@class='comments']/h2")
                          .node()
                          .child_value()) == "精选留言（1）");
}

TEST_CASE("epub: local images are packaged with their media type, remote ones are placeholders") {
    auto p = open(sample_book());
    auto& opf = p.doc("OEBPS/content.opf");
    auto& d = p.doc("OEBPS/text/ch02.xhtml");
    std::map<std::string, std::string> types;
    for (auto it : opf.select_nodes("//item"))
        types[it.node().attribute("href").value()] = it.node().attribute("media-type").value();
    auto imgs = d.select_nodes("//img");
    REQUIRE(imgs.size() == 2);
    for (auto i : imgs) {
        std::string src = i.node().attribute("src").value();
        REQUIRE(src.rfind("../", 0) == 0);
        std::string href = src.substr(3);
        CHECK(types.count(href) == 1);
        CHECK(p.files.count("OEBPS/" + href) == 1);
    }
    CHECK(types.at("images/img-001.png") == "image/png");
    CHECK(types.at("images/img-002.svg") == "image/svg+xml");
    CHECK(p.files.at("OEBPS/images/img-001.png") == tiny_png());
    CHECK(std::string(imgs[0].node().attribute("alt").value()) == "示意图");
    CHECK(std::string(d.select_node("//figure/figcaption").node().child_value()) == "示意图");
    CHECK(std::string(imgs[1].node().attribute("alt").value()) == "标志");
    // Remote image: alt and URL as text/link, no <img> to the web.
    for (auto i : imgs)
        CHECK(std::string(i.node().attribute("src").value()).find("http") == std::string::npos);
    auto ph = d.select_node("//span[@class='image-placeholder']").node();
    REQUIRE(ph);
    CHECK(text_of(ph) == "［图片：远程图］ https://cdn.example.com/pic.jpg");
    CHECK(std::string(ph.child("a").attribute("href").value()) ==
          "https://cdn.example.com/pic.jpg");
    // Audio/video notes.
    auto notes = d.select_nodes("//div[starts-with(@class,'media-note')]");
    REQUIRE(notes.size() == 2);
    CHECK(text_of(notes[0].node()) == "［音频］本章朗读音频 https://media.example.com/a.mp3");
    CHECK(cls(notes[1].node()) == "media-note media-video");
}

TEST_CASE("epub: cover image, title page and TOC page") {
    auto p = open(sample_book());
    auto& opf = p.doc("OEBPS/content.opf");
    auto cover = opf.select_node("//item[@properties='cover-image']").node();
    REQUIRE(cover);
    CHECK(std::string(cover.attribute("media-type").value()) == "image/png");
    auto& cp = p.doc("OEBPS/text/cover.xhtml");
    CHECK(std::string(cp.select_node("//img").node().attribute("src").value()) ==
          "../" + std::string(cover.attribute("href").value()));
    auto& tp = p.doc("OEBPS/text/titlepage.xhtml");
    CHECK(std::string(tp.select_node("//h1").node().child_value()) == "深入浅出排版");
    CHECK(text_of(tp.select_node("//p[@class='book-authors']").node()) == "张三、李四");
    // Spine: cover, title page, TOC, then the text.
    auto refs = opf.select_nodes("//spine/itemref");
    REQUIRE(refs.size() >= 4);
    CHECK(std::string(refs[0].node().attribute("idref").value()) == "cover");
    CHECK(std::string(refs[1].node().attribute("idref").value()) == "titlepage");
    CHECK(std::string(refs[2].node().attribute("idref").value()) == "nav");

    // Without a cover image: a generated cover page with title, subtitle and authors.
    auto book = sample_book();
    book.meta.cover_asset = -1;
    auto p2 = open(book);
    CHECK(!p2.doc("OEBPS/content.opf").select_node("//item[@properties='cover-image']").node());
    auto& gc = p2.doc("OEBPS/text/cover.xhtml");
    CHECK(!gc.select_node("//img").node());
    CHECK(std::string(gc.select_node("//h1[@class='cover-title']").node().child_value()) ==
          "深入浅出排版");
    CHECK(std::string(gc.select_node("//p[@class='cover-subtitle']").node().child_value()) ==
          "一本测试用的书");
    CHECK(std::string(gc.select_node("//p[@class='cover-authors']").node().child_value()) ==
          "张三、李四");
    CHECK(p2.files.count("OEBPS/images/img-003.png") == 0);  // unused cover image not packaged
}

TEST_CASE("epub: nav and NCX list every part, chapter and second-level section") {
    auto book = sample_book();
    auto p = open(book);
    auto& nav = p.doc("OEBPS/nav.xhtml");
    auto& ncx = p.doc("OEBPS/toc.ncx");
    std::set<std::string> nav_hrefs, ncx_srcs;
    for (auto a : nav.select_nodes("//nav[@epub:type='toc']//a"))
        nav_hrefs.insert(a.node().attribute("href").value());
    for (auto c : ncx.select_nodes("//navPoint/content"))
        ncx_srcs.insert(c.node().attribute("src").value());
    for (const char* h :
         {"text/part01.xhtml", "text/part02.xhtml", "text/ch01.xhtml", "text/ch02.xhtml",
          "text/ch03.xhtml", "text/ch01.xhtml#ch01-s1", "text/ch01.xhtml#ch01-s2",
          "text/ch02.xhtml#ch02-s1", "text/ch02.xhtml#ch02-s2"}) {
        CHECK_MESSAGE(nav_hrefs.count(h) == 1, h);
        CHECK_MESSAGE(ncx_srcs.count(h) == 1, h);
    }
    // Level-3 headings are not in the TOC.
    CHECK(nav_hrefs.size() == 9);
    // Chapters are nested under their parts.
    CHECK(nav.select_node("//nav[@epub:type='toc']/ol/li[1]/ol/li[2]/a[@href='text/ch02.xhtml']")
              .node());
    // Every section anchor exists in its document.
    for (const auto& h : nav_hrefs) {
        auto hash = h.find('#');
        if (hash == std::string::npos) continue;
        auto& d = p.doc("OEBPS/" + h.substr(0, hash));
        CHECK_MESSAGE(d.select_node(("//*[@id='" + h.substr(hash + 1) + "']").c_str()).node(), h);
    }
    CHECK(nav.select_node("//nav[@epub:type='landmarks']//a[@epub:type='bodymatter']").node());
}

TEST_CASE("epub: ids are stable fallbacks when the model has none") {
    auto book = sample_book();
    book.for_each_chapter([](model::Chapter& c) {
        c.id.clear();
        for (auto& b : c.blocks) b.id.clear();
        for (auto& f : c.footnotes) f.id.clear();
    });
    auto a = build(book).bytes;
    auto p = open(book);
    CHECK(p.files.count("OEBPS/text/ch01.xhtml") == 1);
    CHECK(p.files.count("OEBPS/text/ch03.xhtml") == 1);
    auto& nav = p.doc("OEBPS/nav.xhtml");
    CHECK(nav.select_node("//a[@href='text/ch01.xhtml#ch01-h1']").node());
    CHECK(p.doc("OEBPS/text/ch01.xhtml").select_node("//aside[@id='fn-2']").node());
    CHECK(build(book).bytes == a);
}

TEST_CASE("epub: a leading heading repeating the chapter title is not doubled") {
    auto book = sample_book();
    auto& ch = book.parts[0].chapters[1];
    ch.blocks.insert(ch.blocks.begin(), Heading(1, "第二章 图片", "dup"));
    auto p = open(book);
    auto& d = p.doc("OEBPS/text/ch02.xhtml");
    CHECK(d.select_nodes("//h1").size() == 1);
    CHECK(!d.select_node("//*[@id='dup']").node());
    // Sections are still the level-2 headings.
    CHECK(p.doc("OEBPS/nav.xhtml").select_node("//a[@href='text/ch02.xhtml#ch02-s1']").node());
}

TEST_CASE("epub: a footnote marker is kept with the word before it and the marks after it") {
    auto book = sample_book();
    auto& ch = book.parts[0].chapters[0];
    ch.blocks.push_back(Para({T("两段代码一模一样"), FnRef("note", 1), T("。后面还有文字，")}));
    ch.blocks.push_back(Para({T("参见 the Go memory model"), FnRef("2", 2), T(").")}));
    ch.blocks.push_back(Para({T("这是"), Em({T("强调")}), FnRef("note", 1), T("，然后")}));
    ch.blocks.push_back(Para({T("空格之后 "), FnRef("2", 2), T("」结束")}));
    auto p = open(book);
    const std::string& xhtml = p.files.at("OEBPS/text/ch01.xhtml");
    auto group = [&](const std::string& inner) {
        return "<span class=\"noteref-group\">" + inner + "</span>";
    };
    auto marker = [](int n, const std::string& id) {
        return "<sup class=\"noteref\"><a epub:type=\"noteref\" role=\"doc-noteref\" id=\"" + id +
               "\" href=\"#fn-" + std::to_string(n) + "\">" + std::to_string(n) + "</a></sup>";
    };
    // The Han character before, the marker and the full stop: one unbreakable group.
    CHECK(xhtml.find("<p>两段代码一模一" + group("样" + marker(1, "fnref-1-2") + "。") +
                     "后面还有文字，</p>") != std::string::npos);
    // A Latin word comes whole (and keeps its language span), with ")." after the marker.
    CHECK(xhtml.find(group("<span lang=\"en\" xml:lang=\"en\">model</span>" +
                           marker(2, "fnref-2-2") + ").")) != std::string::npos);
    // A short element before the marker moves into the group.
    CHECK(xhtml.find("<p>这是" + group("<em>强调</em>" + marker(1, "fnref-1-3") + "，") +
                     "然后</p>") != std::string::npos);
    // After a space nothing is taken: the group holds the marker and its closing mark.
    CHECK(xhtml.find("<p>空格之后 " + group(marker(2, "fnref-2-3") + "」") + "结束</p>") !=
          std::string::npos);
    // Every marker of the chapter is inside a group, and the stylesheet keeps groups whole.
    pugi::xml_document& d = p.doc("OEBPS/text/ch01.xhtml");
    for (auto s : d.select_nodes("//sup[@class='noteref']"))
        CHECK(std::string(s.node().parent().attribute("class").value()) == "noteref-group");
    CHECK(
        p.files.at("OEBPS/css/book.css").find("span.noteref-group {\n  white-space: nowrap;\n}") !=
        std::string::npos);
}

TEST_CASE("epub: chapters, parts and notes carry the DPUB-ARIA role of their epub:type") {
    auto p = open(sample_book());
    for (const auto& [name, data] : p.files) {
        if (name.size() < 6 || name.substr(name.size() - 6) != ".xhtml") continue;
        pugi::xml_document& d = p.doc(name);
        for (auto x : d.select_nodes("//*[@epub:type]")) {
            const std::string type = x.node().attribute("epub:type").value();
            const std::string role = x.node().attribute("role").value();
            CAPTURE(name);
            CAPTURE(type);
            if (type == "chapter") CHECK(role == "doc-chapter");
            if (type == "part") CHECK(role == "doc-part");
            if (type == "noteref") CHECK(role == "doc-noteref");
            if (type == "footnote") CHECK(role == "doc-footnote");
            if (type == "toc") CHECK((role == "doc-toc" || std::string(x.node().name()) == "a"));
        }
    }
    CHECK(p.doc("OEBPS/text/ch01.xhtml").select_node("//section[@role='doc-chapter']").node());
    CHECK(p.doc("OEBPS/text/part01.xhtml").select_node("//section[@role='doc-part']").node());
}

TEST_CASE("epub: heading levels never skip one (Ace heading-order)") {
    auto book = sample_book();
    auto& ch = book.parts[0].chapters[0];
    ch.blocks = {Heading(2, "一节", "a"), Heading(4, "跳了一级", "b"), Heading(4, "同级", "c"),
                 Heading(3, "回到三级", "d"), Heading(6, "又跳了", "e")};
    auto p = open(book);
    auto& d = p.doc("OEBPS/text/ch01.xhtml");
    std::string levels;
    for (auto h : d.select_nodes("//section[@epub:type='chapter']/*[starts-with(name(), 'h')]"))
        levels += std::string(h.node().name()) + " ";
    CHECK(levels == "h1 h2 h3 h3 h3 h4 ");  // the two level-4 headings stay siblings
}
