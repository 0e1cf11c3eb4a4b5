// load_book: finding chapters, order, parts and globs, metadata, containment.
#include "load_helpers.hpp"

#include <filesystem>

using namespace bookc;

namespace {
std::vector<std::string> chapter_files(const model::Book& b) {
    std::vector<std::string> out;
    b.for_each_chapter([&](const model::Chapter& c) { out.push_back(c.rel_path); });
    return out;
}
}  // namespace

TEST_CASE("book: every article in natural order, hidden folders and dist/ skipped") {
    std::string dir = test::temp_dir("book-natural");
    test::write_text(dir + "/10-ten.md", "# 十\n");
    test::write_text(dir + "/2-two.txt", "二\n\n正文。\n");
    test::write_text(dir + "/1-one.html", "<h1>一</h1>");
    test::write_text(dir + "/sub/3-three.markdown", "# 三\n");
    test::write_text(dir + "/.git/x.md", "# 不要\n");
    test::write_text(dir + "/dist/out.html", "<h1>不要</h1>");
    test::write_text(dir + "/notes.rst", "不是文章\n");
    base::SourceMap sources;
    base::DiagSink diags;
    config::BookConfig cfg;
    auto book = load::load_book(dir, cfg, sources, diags);
    REQUIRE(book);
    CHECK(chapter_files(*book) ==
          std::vector<std::string>{"1-one.html", "2-two.txt", "10-ten.md", "sub/3-three.markdown"});
    CHECK(book->parts.size() == 1);
    CHECK(book->parts[0].title.empty());
    CHECK(book->meta.title == "book-natural");
    CHECK(book->meta.slug == "book-natural");
    CHECK(sources.get(book->parts[0].chapters[3].file).path == dir + "/sub/3-three.markdown");
    CHECK(sources.get(book->parts[0].chapters[3].file).rel_path == "sub/3-three.markdown");
    CHECK(diags.all().empty());
}

TEST_CASE("book: parts, globs, overrides, and a spec matching nothing") {
    std::string dir = test::fixture("book");
    base::SourceMap sources;
    base::DiagSink diags;
    config::BookConfig cfg;
    cfg.path = "book.toml";
    cfg.title = "测试之书";
    cfg.slug = "test-book";
    cfg.authors = {"作者甲"};
    cfg.cover = "img/dot.png";
    config::PartSpec p1{"第一部分",
                        {{"notes/2-*", "", "", 5}, {"features.md", "改过的标题", "", 6}}};
    config::PartSpec p2{"第二部分",
                        {{"missing/*.md", "", "", 9},
                         {"notes/10-later.md", "", "text", 10},
                         {"notes/2-early.txt", "", "", 11},
                         {"../etc/passwd", "", "", 12}}};
    cfg.parts = {p1, p2};
    auto book = load::load_book(dir, cfg, sources, diags);
    REQUIRE(book);
    REQUIRE(book->parts.size() == 2);
    CHECK(book->parts[0].title == "第一部分");
    CHECK(book->parts[1].title == "第二部分");
    std::vector<std::string> files;
    for (const auto& c : book->parts[0].chapters) files.push_back(c.rel_path);
    CHECK(files == std::vector<std::string>{"notes/2-early.txt", "features.md"});
    CHECK(book->parts[0].chapters[1].title == "改过的标题");
    CHECK(book->parts[0].chapters[0].format == model::Format::PlainText);
    REQUIRE(book->parts[1].chapters.size() == 1);
    CHECK(book->parts[1].chapters[0].format == model::Format::PlainText);  // forced
    CHECK(book->parts[1].chapters[0].title == "# 后记");
    CHECK(book->meta.title == "测试之书");
    CHECK(book->meta.slug == "test-book");
    CHECK(book->meta.cover_asset == 0);
    std::string text = diags.format(sources);
    CHECK(text.find("book.toml:9: error: no article matches 'missing/*.md'\n") !=
          std::string::npos);
    CHECK(text.find("book.toml:11: warning: 'notes/2-early.txt' is already a chapter; listed again "
                    "here\n") != std::string::npos);
    CHECK(text.find("book.toml:12: error: chapter '../etc/passwd' is outside the book folder\n") !=
          std::string::npos);
    CHECK(diags.errors() == 3);  // + the image outside the book in features.md
}

TEST_CASE("book: a forced format wins over detection") {
    std::string dir = test::temp_dir("book-forced");
    test::write_text(dir + "/a.txt", "# 不是标题\n\n正文。\n");
    config::BookConfig cfg;
    cfg.parts = {{"", {{"a.txt", "", "text", 3}}}};
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, cfg, sources, diags);
    REQUIRE(book);
    const auto& ch = book->parts[0].chapters[0];
    CHECK(ch.format == model::Format::PlainText);
    CHECK(ch.title == "# 不是标题");
}

TEST_CASE("book: an empty folder is an error") {
    std::string dir = test::temp_dir("book-empty");
    test::write_text(dir + "/readme.rst", "x");
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, config::BookConfig{}, sources, diags);
    CHECK_FALSE(book);
    CHECK(diags.format(sources) ==
          dir + ": error: no articles found (.md, .markdown, .html, .htm or .txt files)\n");
}

TEST_CASE("book: symbolic links out of the book are never read") {
    std::string outside = test::temp_dir("book-outside");
    test::write_text(outside + "/secret.md", "# 机密内容\n");
    test::write_text(outside + "/secret.png", "\x89PNG\r\n\x1a\n");
    std::string dir = test::temp_dir("book-links");
    test::write_text(dir + "/a.md", "# 甲\n\n![x](pic.png)\n");
    std::error_code ec;
    std::filesystem::create_symlink(outside + "/secret.md", dir + "/b.md", ec);
    std::filesystem::create_symlink(outside + "/secret.png", dir + "/pic.png", ec);
    std::filesystem::create_directory_symlink(outside, dir + "/linked", ec);
    REQUIRE_FALSE(ec);
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, config::BookConfig{}, sources, diags);
    REQUIRE(book);
    CHECK(chapter_files(*book) == std::vector<std::string>{"a.md"});
    CHECK(book->assets.empty());
    std::string d = model::dump(*book);
    CHECK(d.find("机密") == std::string::npos);
    for (std::size_t i = 0; i < sources.size(); ++i)
        CHECK(sources.get(static_cast<base::FileId>(i)).text.find("机密") == std::string::npos);
    std::string text = diags.format(sources);
    CHECK(
        text.find(dir +
                  "/b.md: error: article is outside the book folder (symbolic link); skipped\n") !=
        std::string::npos);
    CHECK(text.find(dir + "/a.md:3:1: error: image is outside the book folder: pic.png\n") !=
          std::string::npos);
}

TEST_CASE("book: modified stamp from SOURCE_DATE_EPOCH, else the date") {
    std::string dir = test::temp_dir("book-date");
    test::write_text(dir + "/a.md", "# 甲\n");
    config::BookConfig cfg;
    cfg.date = "2024-02-03";
    base::SourceMap sources;
    base::DiagSink diags;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    auto b1 = load::load_book(dir, cfg, sources, diags);
    REQUIRE(b1);
    CHECK(b1->meta.modified == "2023-11-14T22:13:20Z");
    unsetenv("SOURCE_DATE_EPOCH");
    auto b2 = load::load_book(dir, cfg, sources, diags);
    REQUIRE(b2);
    CHECK(b2->meta.modified == "2024-02-03T00:00:00Z");
}

TEST_CASE("book: a folder as a chapter spec, and a trailing slash on BOOK_DIR") {
    std::string dir = test::temp_dir("book-folder-spec");
    test::write_text(dir + "/part1/10-b.md", "# 乙\n");
    test::write_text(dir + "/part1/9-a.md", "# 甲\n");
    test::write_text(dir + "/part1/pic.png", "x");
    config::BookConfig cfg;
    cfg.parts = {{"上卷", {{"part1", "", "", 2}}}};
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir + "/", cfg, sources, diags);
    REQUIRE(book);
    CHECK(chapter_files(*book) == std::vector<std::string>{"part1/9-a.md", "part1/10-b.md"});
    CHECK(sources.get(book->parts[0].chapters[0].file).path == dir + "/part1/9-a.md");
    CHECK(book->parts[0].chapters[1].title == "乙");
}

TEST_CASE("book: cover image found, missing, or outside") {
    std::string dir = test::temp_dir("book-cover");
    test::write_text(dir + "/a.md", "# 甲\n");
    // A whole 1x1 GIF: a header alone is a damaged image now that GIFs are decoded (for
    // the PDF's rendering of them).
    static const char gif[] =
        "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\xff"
        "\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b";
    test::write_text(dir + "/cover.gif", std::string(gif, sizeof gif - 1));
    config::BookConfig cfg;
    cfg.path = dir + "/book.toml";
    cfg.cover = "cover.gif";
    {
        base::SourceMap sources;
        base::DiagSink diags;
        auto book = load::load_book(dir, cfg, sources, diags);
        REQUIRE(book);
        REQUIRE(book->meta.cover_asset == 0);
        CHECK(book->assets[0].media_type == "image/gif");
        CHECK(book->assets[0].width == 1);
        REQUIRE(book->assets[0].print_png);
        CHECK(book->assets[0].print_png->substr(1, 3) == "PNG");
        CHECK(diags.all().empty());
    }
    {
        cfg.cover = "nope.png";
        base::SourceMap sources;
        base::DiagSink diags;
        auto book = load::load_book(dir, cfg, sources, diags);
        REQUIRE(book);
        CHECK(book->meta.cover_asset == -1);
        CHECK(diags.format(sources) == dir + "/nope.png: warning: cover image not found\n");
    }
    {
        cfg.cover = "../../etc/passwd";
        base::SourceMap sources;
        base::DiagSink diags;
        auto book = load::load_book(dir, cfg, sources, diags);
        REQUIRE(book);
        CHECK(book->assets.empty());
        CHECK(diags.format(sources) ==
              dir +
                  "/book.toml: error: cover image is outside the book folder: ../../etc/passwd\n");
    }
}

TEST_CASE("book: golden dump of the fixture book") {
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    config::BookConfig cfg;
    cfg.title = "样例书";
    cfg.subtitle = "副标题";
    cfg.authors = {"作者甲", "作者乙"};
    cfg.date = "2024-06-01";
    cfg.description = "用来测试的书。";
    cfg.subjects = {"测试"};
    cfg.cover = "img/dot.png";
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(test::fixture("book"), cfg, sources, diags);
    unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE(book);
    CHECK(book->chapter_count() == 3);
    test::check_golden("model/fixture-book.txt", model::dump(*book));
}

TEST_CASE("book: an article without a title is named after its file, with a warning") {
    std::string dir = test::temp_dir("book-untitled");
    test::write_text(dir + "/000_a5ae9357.md", "正文从第一句就开始，没有标题。\n\n第二段。\n");
    test::write_text(dir + "/001_b6bf0468.md", "同样没有标题的一篇。\n");
    test::write_text(dir + "/002_titled.md", "# 有标题\n\n正文。\n");
    base::SourceMap sources;
    base::DiagSink diags;
    config::BookConfig cfg;
    cfg.path = "book.toml";
    // The second is named in book.toml: no warning for it.
    cfg.parts.push_back({"",
                         {{"000_a5ae9357.md", "", "", 2},
                          {"001_b6bf0468.md", "起了名字", "", 3},
                          {"002_titled.md", "", "", 4}}});
    auto book = load::load_book(dir, cfg, sources, diags);
    REQUIRE(book);
    const auto& chs = book->parts[0].chapters;
    REQUIRE(chs.size() == 3);
    CHECK(chs[0].title == "000_a5ae9357");
    CHECK(chs[1].title == "起了名字");
    CHECK(chs[2].title == "有标题");
    REQUIRE(diags.all().size() == 1);
    CHECK(
        diags.format(sources) ==
        dir +
            "/000_a5ae9357.md:1:1: warning: no title found: the file name `000_a5ae9357` stands "
            "in\n"
            "  hint: start the article with a heading (or a `title:` in front matter), or name it "
            "in book.toml: { file = \"000_a5ae9357.md\", title = \"…\" }\n");
}
