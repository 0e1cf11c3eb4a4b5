// Hostile and broken input: nothing crashes, hangs or leaks into the model.
#include "load_helpers.hpp"

#include <chrono>

using namespace bookc;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

TEST_CASE("robust: 100k nested block quotes, brackets and emphasis") {
    for (const std::string& piece :
         {std::string(">"), std::string("["), std::string("*a "), std::string("- ")}) {
        std::string text;
        for (int i = 0; i < 100000; ++i) text += piece;
        text += "x\n";
        auto t0 = std::chrono::steady_clock::now();
        test::Loaded l;
        test::load_text(l, "robust-deep", "d.md", text, model::Format::Markdown);
        CHECK_MESSAGE(seconds_since(t0) < 20.0, piece);
        CHECK(test::dump_chapter(l.chapter).size() > 0);
    }
}

TEST_CASE("robust: deep quotes are flattened with one warning") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += "> ";
    text += "深处的话\n";
    test::Loaded l;
    test::load_text(l, "robust-quote", "q.md", text);
    CHECK(l.diags.warnings() == 1);
    CHECK(
        l.diag_text().find("warning: content nested deeper than 96 levels was flattened to text") !=
        std::string::npos);
    CHECK(test::dump_chapter(l.chapter).find("深处的话") != std::string::npos);
}

TEST_CASE("robust: 100k nested HTML elements are cut before gumbo") {
    for (const char* tag : {"div", "b", "span", "table"}) {
        std::string text;
        for (int i = 0; i < 100000; ++i) text += std::string("<") + tag + ">";
        text += "x";
        auto t0 = std::chrono::steady_clock::now();
        test::Loaded l;
        test::load_text(l, "robust-html", "h.html", text, model::Format::Html);
        CHECK_MESSAGE(seconds_since(t0) < 20.0, tag);
        CHECK(l.diags.warnings() >= 1);
    }
}

TEST_CASE("robust: a megabyte-long paragraph") {
    std::string text = "# 长\n\n";
    for (int i = 0; i < 120000; ++i) text += "很长的句子";
    text += "\n";
    for (model::Format f :
         {model::Format::Markdown, model::Format::PlainText, model::Format::Html}) {
        auto t0 = std::chrono::steady_clock::now();
        test::Loaded l;
        test::load_text(l, "robust-long", "l.md", text, f);
        CHECK(seconds_since(t0) < 20.0);
        CHECK(test::dump_chapter(l.chapter).size() > 1000000);
    }
}

TEST_CASE("robust: binary files are skipped with a warning") {
    std::string dir = test::temp_dir("robust-binary");
    std::string bin(
        "\x7f"
        "ELF\x02\x01\x01\x00\x00\x00garbage\xff\xfe",
        20);
    test::write_text(dir + "/a.txt", bin);
    test::write_text(dir + "/b.md", "# 正常\n");
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, config::BookConfig{}, sources, diags);
    REQUIRE(book);
    CHECK(book->chapter_count() == 1);
    CHECK(diags.format(sources) ==
          dir + "/a.txt: warning: not a text file (it contains NUL bytes); skipped\n");
}

TEST_CASE("robust: invalid UTF-8 is reported at its position and replaced") {
    std::string dir = test::temp_dir("robust-utf8");
    test::write_text(dir + "/a.md", "# 标题\n\n好的\xff\xfe文字\n");
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, config::BookConfig{}, sources, diags);
    REQUIRE(book);
    std::string d = model::dump(*book);
    CHECK(d.find("好的\xEF\xBF\xBD") != std::string::npos);
    CHECK(diags.format(sources).find(
              dir + "/a.md:3:3: warning: invalid UTF-8 replaced by U+FFFD\n") == 0);
}

TEST_CASE("robust: an empty article is a warning and keeps its file name as title") {
    test::Loaded l;
    test::load_text(l, "robust-empty", "空的.md", "  \n\n");
    CHECK(l.chapter.title == "空的");
    CHECK(l.chapter.blocks.empty());
    CHECK(l.diag_text() == l.sources.get(0).path + ":1:1: warning: empty article\n");
}

TEST_CASE("robust: random bytes through every format do not crash") {
    unsigned seed = 12345;
    for (int round = 0; round < 30; ++round) {
        std::string text;
        for (int i = 0; i < 4000; ++i) {
            seed = seed * 1103515245u + 12345u;
            static const char* kPieces[] = {"<",
                                            ">",
                                            "</div>",
                                            "<p>",
                                            "[",
                                            "]",
                                            "(",
                                            ")",
                                            "*",
                                            "_",
                                            "`",
                                            "#",
                                            "\n",
                                            " ",
                                            "|",
                                            "-",
                                            "精选留言（2）",
                                            "👍（3）",
                                            "<li>",
                                            "<ul>",
                                            "&amp;",
                                            "![",
                                            "[^",
                                            "]:",
                                            "---\n",
                                            "\xff",
                                            "<img src=",
                                            "\""};
            text += kPieces[(seed >> 16) % (sizeof kPieces / sizeof *kPieces)];
        }
        for (model::Format f :
             {model::Format::Markdown, model::Format::Html, model::Format::PlainText}) {
            test::Loaded l;
            std::string clean;
            for (char c : text) clean += c == '\xff' ? '?' : c;
            test::load_text(l, "robust-random", "r.md", clean, f);
            CHECK(!test::dump_chapter(l.chapter).empty());
        }
    }
}

TEST_CASE("robust: UTF-16 files with a byte order mark are decoded") {
    std::string dir = test::temp_dir("robust-utf16");
    std::u16string u = u"# 标题\n\n正文😀。\n";
    std::string le("\xFF\xFE", 2), be("\xFE\xFF", 2);
    for (char16_t c : u) {
        le += static_cast<char>(c & 0xFF);
        le += static_cast<char>(c >> 8);
        be += static_cast<char>(c >> 8);
        be += static_cast<char>(c & 0xFF);
    }
    test::write_text(dir + "/a.md", le);
    test::write_text(dir + "/b.md", be);
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, config::BookConfig{}, sources, diags);
    REQUIRE(book);
    REQUIRE(book->chapter_count() == 2);
    for (const auto& ch : book->parts[0].chapters) {
        CHECK(ch.title == "标题");
        REQUIRE(ch.blocks.size() == 1);
        CHECK(model::plain_text(ch.blocks[0].inlines) == "正文😀。");
    }
    CHECK(diags.all().empty());
}

TEST_CASE("robust: a whole GBK file is read as GB18030 with one warning") {
    std::string dir = test::temp_dir("robust-gbk");
    // "# 标题\n\n中文正文。\n" in GBK
    std::string gbk = "# \xB1\xEA\xCC\xE2\n\n\xD6\xD0\xCE\xC4\xD5\xFD\xCE\xC4\xA1\xA3\n";
    test::write_text(dir + "/a.md", gbk);
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, config::BookConfig{}, sources, diags);
    REQUIRE(book);
    const auto& ch = book->parts[0].chapters[0];
    CHECK(ch.title == "标题");
    REQUIRE(ch.blocks.size() == 1);
    CHECK(model::plain_text(ch.blocks[0].inlines) == "中文正文。");
    CHECK(diags.format(sources) ==
          dir +
              "/a.md:1:1: warning: the file is not UTF-8; it was read as GB18030 (GBK)\n"
              "  hint: save it as UTF-8 to silence this warning\n");
}
