// Format detection and the small helpers behind scanning.
#include "load_helpers.hpp"

#include "load/images.hpp"
#include "load/scan.hpp"
#include "load/text.hpp"

using namespace bookc;
using model::Format;

TEST_CASE("detect: content first, extension as a hint") {
    CHECK(load::detect_format("---\ntitle: x\n---\n正文\n", ".txt") == Format::Markdown);
    CHECK(load::detect_format("# 标题\n\n正文\n", ".txt") == Format::Markdown);
    CHECK(load::detect_format("<!DOCTYPE html><html><body>x</body></html>", ".txt") ==
          Format::Html);
    CHECK(load::detect_format("<!DOCTYPE html><html><body>x</body></html>", ".md") == Format::Html);
    CHECK(load::detect_format("<p>段落</p>\n<p>又一段</p>\n", ".txt") == Format::Html);
    CHECK(load::detect_format("<audio title=\"t\"></audio>\n\n正文一段。\n\n## Q：问题\n",
                              ".txt") == Format::Markdown);
    CHECK(load::detect_format("标题\n\n简介: 一段。\n\n正文,2011年,一些事。\n|\n4月前\n", ".txt") ==
          Format::PlainText);
    CHECK(load::detect_format("普通的一句话。\n", ".md") == Format::Markdown);
    CHECK(load::detect_format("<p>x</p>", ".html") == Format::Html);
    CHECK(load::detect_format("- 一\n- 二\n- 三\n", ".txt") == Format::Markdown);
}

TEST_CASE("scan: natural order and globs") {
    CHECK(load::natural_less("2-x.md", "10-x.md"));
    CHECK_FALSE(load::natural_less("10-x.md", "2-x.md"));
    CHECK(load::natural_less("a/2.md", "a/10.md"));
    CHECK(load::natural_less("ch02.md", "ch3.md"));
    CHECK(load::natural_less("a/z.md", "b.md"));
    CHECK(load::glob_match("notes/*.md", "notes/a.md"));
    CHECK_FALSE(load::glob_match("notes/*.md", "notes/sub/a.md"));
    CHECK(load::glob_match("notes/**/*.md", "notes/sub/a.md"));
    CHECK(load::glob_match("notes/**/*.md", "notes/a.md"));
    CHECK(load::glob_match("ch?.md", "ch1.md"));
    CHECK(load::glob_match("ch[0-9].md", "ch7.md"));
    CHECK_FALSE(load::glob_match("ch[!0-9].md", "ch7.md"));
    CHECK(load::glob_match("第?章.md", "第一章.md"));
}

TEST_CASE("scan: ** spans whole components; patterns that backtrack badly stay fast") {
    CHECK(load::glob_match("**/*.md", "a.md"));
    CHECK(load::glob_match("**/*.md", "x/y/z/a.md"));
    CHECK(load::glob_match("notes/**", "notes/sub/a.md"));
    CHECK(load::glob_match("a/**/b/**/c.md", "a/x/b/y/z/c.md"));
    CHECK_FALSE(load::glob_match("a/**/b/**/c.md", "a/x/y/z/c.md"));
    CHECK_FALSE(load::glob_match("notes/*.md", "notes"));
    CHECK(load::glob_match("[ab]\\x.md", "a\\x.md"));  // a backslash is an ordinary character
    // Exponential for a naive backtracking matcher; linear here (fnmatch + one ** walk).
    std::string name(250, 'a');
    CHECK_FALSE(load::glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b.md", name + ".md"));
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "**/";
    CHECK_FALSE(load::glob_match(deep + "x.md", "a/b/c/y.md"));  // no recursion to overflow
    std::string huge;
    for (int i = 0; i < 90000; ++i) huge += "**";
    CHECK_FALSE(load::glob_match(huge, "a.md"));  // over kMaxGlobBytes: never matches
}

TEST_CASE("urls: only safe schemes survive") {
    CHECK(load::safe_url("https://a.b/c") == "https://a.b/c");
    CHECK(load::safe_url("img/a.png") == "img/a.png");
    CHECK(load::safe_url("#sec") == "#sec");
    CHECK(load::safe_url("mailto:a@b.c") == "mailto:a@b.c");
    CHECK(load::safe_url("//cdn.example/a.png?x=1") == "https://cdn.example/a.png?x=1");
    CHECK(load::safe_url(" //Example.org/p ") == "https://Example.org/p");
    CHECK(load::safe_url("//").empty());
    CHECK(load::safe_url("///etc/passwd").empty());
    CHECK(load::safe_url("//?q").empty());
    CHECK(load::safe_url("/\t/Host/P") == "https://Host/P");
    CHECK(load::safe_url("javascript:alert(1)").empty());
    CHECK(load::safe_url(" JavaScript:alert(1)").empty());
    CHECK(load::safe_url("java\tscript:alert(1)").empty());
    CHECK(load::safe_url("\x01javascript:x").empty());
    CHECK(load::safe_url("data:text/html,x").empty());
    CHECK(load::safe_url("vbscript:x").empty());
    CHECK(load::safe_url("file:///etc/passwd").empty());
}

TEST_CASE("images: sniffing and pixel sizes") {
    std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x2c\0\0\0\xc8", 24);
    CHECK(load::sniff_image_type(png) == "image/png");
    int w = 0, h = 0;
    CHECK(load::image_size(png, "image/png", w, h));
    CHECK(w == 300);
    CHECK(h == 200);
    // JPEG: SOI, an APP0 segment, then SOF0 with height 0x0102 and width 0x0304.
    std::string jpg =
        std::string("\xff\xd8\xff\xe0\x00\x04\x00\x00\xff\xc0\x00\x11\x08\x01\x02\x03\x04", 17);
    CHECK(load::sniff_image_type(jpg) == "image/jpeg");
    CHECK(load::image_size(jpg, "image/jpeg", w, h));
    CHECK(w == 0x0304);
    CHECK(h == 0x0102);
    std::string gif = std::string("GIF89a\x10\x00\x20\x00", 10);
    CHECK(load::sniff_image_type(gif) == "image/gif");
    CHECK(load::image_size(gif, "image/gif", w, h));
    CHECK(w == 16);
    CHECK(h == 32);
    CHECK(load::sniff_image_type("<?xml version=\"1.0\"?><svg></svg>") == "image/svg+xml");
    CHECK(load::sniff_image_type("plain text").empty());
    CHECK_FALSE(load::image_size(std::string("\xff\xd8\xff", 3), "image/jpeg", w, h));
}
