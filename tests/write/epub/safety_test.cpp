// Hostile input: markup, event handlers, script URLs, control characters and broken
// UTF-8 anywhere in the model must come out escaped or removed, and the package valid.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "base/utf8.hpp"
#include "epub_support.hpp"

using namespace bookc;
using namespace bookc::epubtest;

namespace {
const char* kEvil =
    "<script>alert(1)</script><img src=x onerror=\"alert(2)\">\" onclick=\"alert(3)";
const char* kCtrl = "控制\x01字符\x0B和\x7F以及\xC2\x85、\xEF\xBF\xBE与坏字节\xFF\xFE。";

model::Book hostile_book() {
    model::Book book = sample_book();
    book.meta.title = std::string("书名") + kEvil + kCtrl;
    book.meta.authors = {kEvil};
    book.meta.language = "zh-CN\" onload=\"x";
    book.meta.description = std::string("]]><!-- ") + kEvil;
    book.meta.subjects = {kCtrl};
    book.parts[0].title = kEvil;
    auto& ch = book.parts[0].chapters[0];
    ch.id = "../../etc/passwd";
    ch.title = std::string("标题") + kEvil;
    ch.author = kCtrl;
    ch.blocks.push_back(
        Para({T(kEvil), T(kCtrl), Link("javascript:alert(1)", {T("js")}),
              Link("JaVaScRiPt:alert(1)", {T("JS")}), Link(" java\tscript:alert(1)", {T("tab")}),
              Link("vbscript:msgbox(1)", {T("vb")}),
              Link("data:text/html;base64,PHNjcmlwdD4=", {T("data")}),
              Link("//evil.example/x", {T("proto-relative")}),
              Link("file:///etc/passwd", {T("file")}), Link("missing.md", {T("missing chapter")}),
              Link("https://ok.example/\"onmouseover=\"x", {T("quote in url")}),
              Img("javascript:alert(1)", "坏图", -1),
              Img("https://x.example/a.png\" onerror=\"alert(1)", kEvil, -1)}));
    model::Block h = Heading(2, kEvil, "x\" onload=\"y");
    ch.blocks.push_back(h);
    ch.blocks.push_back(CodeBlock(kEvil, "js\" onclick=\"alert(1)"));
    model::Block media;
    media.kind = model::BlockKind::MediaNote;
    media.info = "video\" onplay=\"x";
    media.url = "javascript:alert(1)";
    media.inlines = {T(kEvil)};
    ch.blocks.push_back(media);
    ch.footnotes[0].id = "fn\" onclick=\"x";
    ch.comments->heading = kEvil;
    ch.comments->comments[0].author = kEvil;
    ch.comments->comments[0].date = kCtrl;
    ch.comments->comments[0].body.emplace_back();
    ch.comments->comments[0].body[0].inlines = {T(kEvil), Link("javascript:void(0)", {T("x")})};
    ch.comments->comments[0].reply = {T(kCtrl)};
    // An SVG with scripts and handlers.
    model::Asset svg;
    svg.rel_path = "images/evil.svg";
    svg.media_type = "image/svg+xml";
    svg.data = std::make_shared<const std::string>(
        R"svg(<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)" width="10" height="10"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><rect width="10" height="10" onclick="alert(4)"/></a><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>)svg");
    book.assets.push_back(svg);
    ch.blocks.push_back(
        Para({Img("images/evil.svg", "恶意 SVG", static_cast<int>(book.assets.size()) - 1)}));
    // A non-core image type is not packaged.
    model::Asset webp;
    webp.rel_path = "images/a.webp";
    webp.media_type = "image/webp";
    webp.data = std::make_shared<const std::string>("RIFF....WEBP");
    book.assets.push_back(webp);
    ch.blocks.push_back(
        Para({Img("images/a.webp", "webp 图", static_cast<int>(book.assets.size()) - 1)}));
    return book;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

const std::set<std::string> kXhtmlElements = {
    "html", "head",       "meta", "title", "link",   "body",       "section", "nav",
    "ol",   "ul",         "li",   "a",     "h1",     "h2",         "h3",      "h4",
    "h5",   "h6",         "p",    "span",  "em",     "strong",     "del",     "code",
    "pre",  "blockquote", "div",  "table", "thead",  "tbody",      "tr",      "th",
    "td",   "hr",         "br",   "img",   "figure", "figcaption", "sup",     "aside"};

void walk(pugi::xml_node n, const std::string& file, bool xhtml) {
    for (auto c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        if (xhtml) CHECK_MESSAGE(kXhtmlElements.count(c.name()) == 1, file, ": <", c.name(), ">");
        for (auto a : c.attributes()) {
            std::string name = lower(a.name());
            CHECK_MESSAGE(name.rfind("on", 0) != 0, file, ": attribute ", name);
            std::string v = lower(a.value());
            v.erase(std::remove_if(v.begin(), v.end(),
                                   [](unsigned char ch) { return std::isspace(ch); }),
                    v.end());
            CHECK_MESSAGE(v.find("javascript:") == std::string::npos, file, ": ", name, "=",
                          a.value());
            CHECK_MESSAGE(v.find("vbscript:") == std::string::npos, file, ": ", name);
            CHECK_MESSAGE(v.rfind("data:", 0) != 0, file, ": ", name);
        }
        walk(c, file, xhtml);
    }
}
}  // namespace

TEST_CASE("epub: hostile text and URLs are escaped or dropped everywhere in the package") {
    auto b = build(hostile_book());
    auto files = unzip(b.bytes);
    for (const auto& f : files) {
        bool text =
            f.name.find(".png") == std::string::npos && f.name.find(".jpg") == std::string::npos;
        if (!text) continue;
        std::string low = lower(f.data);
        CHECK_MESSAGE(low.find("<script") == std::string::npos, f.name);
        CHECK_MESSAGE(low.find("javascript:") == std::string::npos, f.name);
        CHECK_MESSAGE(low.find("vbscript:") == std::string::npos, f.name);
        CHECK_MESSAGE(low.find("<foreignobject") == std::string::npos, f.name);
        CHECK_MESSAGE(base::find_invalid_utf8(f.data).empty(), f.name);
        for (std::size_t i = 0; i < f.data.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(f.data[i]);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                FAIL_CHECK(f.name, ": control character ", int(c), " at ", i);
                break;
            }
        }
        CHECK_MESSAGE(f.data.find("\xEF\xBF\xBE") == std::string::npos, f.name);  // U+FFFE
        CHECK_MESSAGE(f.data.find("\xC2\x85") == std::string::npos, f.name);      // C1 control
        if (f.name.size() > 4 && (f.name.substr(f.name.size() - 4) == ".opf" ||
                                  f.name.substr(f.name.size() - 4) == ".ncx" ||
                                  f.name.substr(f.name.size() - 4) == ".svg" ||
                                  f.name.substr(f.name.size() - 6) == ".xhtml" ||
                                  f.name.substr(f.name.size() - 4) == ".xml")) {
            pugi::xml_document d;
            parse_xml(d, f.data, f.name);
            walk(d, f.name, f.name.substr(f.name.size() - 6) == ".xhtml");
        }
        // File names stay inside the package.
        CHECK_MESSAGE(f.name.find("..") == std::string::npos, f.name);
    }
    // The escaped text is still there for the reader to see.
    auto m = unzip_map(b.bytes);
    std::string chapter;
    for (const auto& [name, data] : m)
        if (data.find("标题") != std::string::npos && name.find("text/") != std::string::npos)
            chapter = data;
    REQUIRE(!chapter.empty());
    CHECK(chapter.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(chapter.find("控制字符和以及、与坏字节") != std::string::npos);
    CHECK(chapter.find(">js<") ==
          std::string::npos);  // the javascript: link text is kept, unlinked
    CHECK(chapter.find("js") != std::string::npos);
    CHECK(chapter.find("missing chapter") != std::string::npos);
    CHECK(chapter.find("webp</span> 图") != std::string::npos);  // Latin words carry lang="en"
    CHECK(m.count("OEBPS/images/img-005.webp") == 0);
    // The SVG was packaged, cleaned.
    bool svg_found = false;
    for (const auto& [name, data] : m)
        if (name.find(".svg") != std::string::npos && data.find("rect") != std::string::npos &&
            data.find("onclick") == std::string::npos && data.find("boom") == std::string::npos)
            svg_found = true;
    CHECK(svg_found);

    keep_for_epubcheck(b.bytes, "hostile");  // tests/validate/epubcheck_test.cpp checks it
}

TEST_CASE("epub: very deep nesting is flattened, not a crash") {
    model::Book book;
    model::Block inner = Para({T("最深处。")});
    for (int i = 0; i < 2000; ++i) inner = Quote({inner});
    model::Chapter ch;
    ch.title = "嵌套";
    ch.blocks.push_back(inner);
    model::Part p;
    p.chapters.push_back(ch);
    book.parts.push_back(p);
    auto m = unzip_map(build(book).bytes);
    pugi::xml_document d;
    parse_xml(d, m.at("OEBPS/text/ch01.xhtml"), "ch01");
    CHECK(m.at("OEBPS/text/ch01.xhtml").find("最深处。") != std::string::npos);
    CHECK(d.select_nodes("//blockquote").size() < 100);
}
