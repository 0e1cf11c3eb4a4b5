#include <doctest/doctest.h>

#include "config/config.hpp"
#include "support/test_support.hpp"

using namespace bookc;

namespace {
struct Result {
    std::optional<config::BookConfig> cfg;
    std::string diags;
};
Result load(const std::string& name, const std::string& toml) {
    std::string dir = test::temp_dir("config-" + name);
    if (!toml.empty()) test::write_text(dir + "/book.toml", toml);
    base::DiagSink sink;
    base::SourceMap sources;
    Result r;
    r.cfg = config::load_book_config(dir, sink);
    std::string text = sink.format(sources);
    // Show paths relative to the temp folder so expectations do not depend on it.
    for (std::size_t p; (p = text.find(dir + "/")) != std::string::npos;)
        text.erase(p, dir.size() + 1);
    r.diags = text;
    return r;
}
}  // namespace

TEST_CASE("without book.toml the folder name is the title and slug") {
    auto r = load("plain-folder", "");
    REQUIRE(r.cfg);
    CHECK(r.cfg->title == "config-plain-folder");
    CHECK(r.cfg->slug == "config-plain-folder");
    CHECK(r.cfg->language == "zh-CN");
    CHECK(r.cfg->parts.empty());
    CHECK(r.diags.empty());
}

TEST_CASE("a full book.toml is read into the config") {
    auto r = load("full", R"([book]
title = "从文章到书"
subtitle = "手记"
authors = ["甲", "乙"]
language = "zh-CN"
identifier = "urn:uuid:1234"
date = 2026-11-01
description = "说明"
subjects = ["排版", "电子书"]
layout = "a4"
slug = "handbook"

[[parts]]
title = "第一部分"
chapters = ["01.md", { file = "02.txt", title = "改过的标题", format = "markdown" }]

[[parts]]
title = "第二部分"
chapters = ["notes/*.md"]

[comments]
include = true
sort = "likes"
max = 5
min_likes = 2

[clean]
markers = ["相关文章", "推荐阅读"]

[epub]
embed_fonts = true
)");
    REQUIRE(r.cfg);
    CHECK(r.diags.empty());
    const auto& c = *r.cfg;
    CHECK(c.title == "从文章到书");
    CHECK(c.authors == std::vector<std::string>{"甲", "乙"});
    CHECK(c.date == "2026-11-01");
    CHECK(c.layout == "a4");
    CHECK(c.slug == "handbook");
    REQUIRE(c.parts.size() == 2);
    CHECK(c.parts[0].title == "第一部分");
    REQUIRE(c.parts[0].chapters.size() == 2);
    CHECK(c.parts[0].chapters[1].pattern == "02.txt");
    CHECK(c.parts[0].chapters[1].title == "改过的标题");
    CHECK(c.parts[0].chapters[1].format == "markdown");
    CHECK(c.parts[0].chapters[1].line == 15);
    CHECK(c.parts[1].chapters[0].pattern == "notes/*.md");
    CHECK(c.comments.sort == config::CommentSort::Likes);
    CHECK(c.comments.max_per_chapter == 5);
    CHECK(c.comments.min_likes == 2);
    CHECK(c.boilerplate_markers.size() == 2);
    CHECK(c.epub_embed_fonts);
}

TEST_CASE("unknown keys and wrong types are errors naming the key and its line") {
    auto r = load("bad",
                  "[book]\ntitle = 3\ncolour = \"red\"\n\n[comments]\nsort = \"random\"\nmax = "
                  "\"ten\"\n[extra]\nx = 1\n");
    CHECK_FALSE(r.cfg);
    CHECK(r.diags ==
          "book.toml:8:2: error: unknown key `extra`\n"
          "  hint: known keys here: book, chapters, clean, comments, epub, images, limits, parts\n"
          "book.toml:2:9: error: `book.title` must be a string\n"
          "book.toml:3:1: error: unknown key `book.colour`\n"
          "  hint: known keys here: author, authors, cover, date, description, identifier, "
          "language, layout, second_language, slug, subjects, subtitle, title\n"
          "book.toml:7:7: error: `comments.max` must be a whole number\n"
          "book.toml:6:8: error: unknown comment order `random`\n"
          "  hint: use one of: likes, date, source\n");
}

TEST_CASE("[book] second_language: the language of Latin text, `en` by default, checked") {
    auto d = load("second-default", "[book]\ntitle = \"书\"\n");
    REQUIRE(d.cfg);
    CHECK(d.cfg->second_language == "en");
    auto fr = load("second-fr", "[book]\nsecond_language = \"fr-CA\"\n");
    REQUIRE(fr.cfg);
    CHECK(fr.cfg->second_language == "fr-CA");
    CHECK(fr.diags.empty());
    auto bad = load("second-bad", "[book]\ntitle = \"书\"\nsecond_language = \"en_US!\"\n");
    CHECK_FALSE(bad.cfg);
    CHECK(bad.diags ==
          "book.toml:3:19: error: `book.second_language` is not a language tag\n"
          "  hint: the language of the book's Latin text, such as \"en\" or \"fr\"\n");
}

TEST_CASE("a TOML syntax error is reported at its position") {
    auto r = load("syntax", "[book]\ntitle = \"unterminated\n");
    CHECK_FALSE(r.cfg);
    CHECK(r.diags.rfind("book.toml:2:", 0) == 0);
    CHECK(r.diags.find(": error: ") != std::string::npos);
}

TEST_CASE("a flat chapters list is one part without a title") {
    auto r = load("flat", "chapters = [\"b.md\", \"a.md\"]\n");
    REQUIRE(r.cfg);
    REQUIRE(r.cfg->parts.size() == 1);
    CHECK(r.cfg->parts[0].title.empty());
    CHECK(r.cfg->parts[0].chapters.size() == 2);
    CHECK(r.cfg->parts[0].chapters[0].pattern == "b.md");
}

TEST_CASE("a chapter entry with an unknown format is an error") {
    auto r = load("fmt", "chapters = [{ file = \"a.md\", format = \"docx\" }]\n");
    CHECK_FALSE(r.cfg);
    CHECK(r.diags ==
          "book.toml:1:13: error: unknown format `docx` in `chapters`\n"
          "  hint: use one of: markdown, html, text\n");
}

TEST_CASE("[images] and [comments] avatars: defaults, values, and an unknown remote mode") {
    auto d = load("images-default", "");
    REQUIRE(d.cfg);
    CHECK(d.cfg->images.remote == config::RemoteImages::Fetch);
    CHECK(d.cfg->images.max_bytes == 20 * 1024 * 1024);
    CHECK(d.cfg->images.timeout == 30);
    CHECK(d.cfg->images.connect_timeout == 10);
    CHECK(d.cfg->images.parallel == 4);
    CHECK_FALSE(d.cfg->comments.avatars);

    auto r = load("images-set",
                  "[images]\nremote = \"link\"\nmax_bytes = 1000\ntimeout = 2\n"
                  "connect_timeout = 1\nparallel = 2\n[comments]\navatars = true\n");
    REQUIRE(r.cfg);
    CHECK(r.diags.empty());
    CHECK(r.cfg->images.remote == config::RemoteImages::Link);
    CHECK(r.cfg->images.max_bytes == 1000);
    CHECK(r.cfg->images.timeout == 2);
    CHECK(r.cfg->images.connect_timeout == 1);
    CHECK(r.cfg->images.parallel == 2);
    CHECK(r.cfg->comments.avatars);
    auto e = load("images-error", "[images]\nremote = \"error\"\n");
    REQUIRE(e.cfg);
    CHECK(e.cfg->images.remote == config::RemoteImages::Error);

    auto bad = load("images-bad",
                    "[book]\ntitle = \"书\"\n\n[images]\nremote = \"download\"\ntimeout = 0\n");
    CHECK_FALSE(bad.cfg);
    CHECK(bad.diags ==
          "book.toml:6:11: error: `images.timeout` must be between 1 and 3600\n"
          "book.toml:5:10: error: unknown value `download` for `images.remote`\n"
          "  hint: use one of: fetch, link, error\n");
}

TEST_CASE("slugs: one safe name; the folder's name is made safe") {
    CHECK(config::slug_problem("handbook").empty());
    CHECK(config::slug_problem("中文书_v1.2-é").empty());
    CHECK(config::slug_problem("../x") == "must not start with `.`");
    CHECK(config::slug_problem("a/b") == "may only contain letters, digits, `-`, `_` and `.`");
    CHECK(config::slug_problem("/abs") == "may only contain letters, digits, `-`, `_` and `.`");
    CHECK(config::slug_problem("a\\b") == "may only contain letters, digits, `-`, `_` and `.`");
    CHECK(config::slug_problem("a\u202Eb") == "may only contain letters, digits, `-`, `_` and `.`");
    CHECK(config::slug_problem("") == "must not be empty");
    CHECK(config::slug_problem(std::string(129, 'a')) == "is too long (129 bytes; at most 128)");
    CHECK(config::slug_problem("\xff") == "is not valid UTF-8");
    CHECK(config::slug_from_folder("my book (v2)") == "my-book-v2");
    CHECK(config::slug_from_folder(".hidden") == "hidden");
    CHECK(config::slug_from_folder("...") == "book");
}
