// load::load_article, the entry an article's bytes go through (load_book hands it each
// file's bytes; the fuzzer hands it bytes from memory): from bytes alone it makes the
// chapter and the diagnostics load_book makes from the same bytes in a file.
#include <doctest/doctest.h>

#include "base/utf8.hpp"
#include "load/load_helpers.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

// load_book on `dir` holding `bytes` as `rel`: the chapter's dump and the diagnostics.
std::string through_folder(const std::string& dir, const std::string& rel, const std::string& bytes,
                           std::string& diag_text) {
    write_text(dir + "/" + rel, bytes);
    base::SourceMap sources;
    base::DiagSink diags;
    auto book = load::load_book(dir, config::BookConfig{}, sources, diags);
    diag_text = diags.format(sources);
    return book ? dump_chapter(book->parts.at(0).chapters.at(0)) : std::string();
}

}  // namespace

TEST_CASE("load_article: bytes from memory give the chapter a file of the same bytes gives") {
    // UTF-16 with a byte order mark, a comment block, a bad UTF-8 byte.
    const std::string text = "正文，第一段。\n\n精选留言（1）\n\n读者\n\n写得好\n\n2023-01-02\n";
    std::string utf16 = "\xFF\xFE";
    for (char32_t c : base::to_u32(text)) {
        utf16 += static_cast<char>(c & 0xFF);
        utf16 += static_cast<char>(c >> 8);
    }
    for (const std::string& bytes : {utf16, text + "\xFF\n"}) {
        const std::string dir = temp_dir("load-article");
        std::string file_diags;
        const std::string want = through_folder(dir, "03-题目.txt", bytes, file_diags);
        REQUIRE_FALSE(want.empty());
        base::SourceMap sources;
        base::DiagSink diags;
        model::Book book;
        auto ch = load::load_article(dir, "03-题目.txt", bytes, nullptr, config::BookConfig{}, book,
                                     sources, diags);
        REQUIRE(ch);
        CHECK(ch->title == "正文，第一段。");  // a plain-text article's first line
        CHECK(dump_chapter(*ch) == want);
        CHECK(diags.format(sources) == file_diags);
    }
}

TEST_CASE("load_article: NUL bytes refuse the article; a spec's title and format win") {
    base::SourceMap sources;
    base::DiagSink diags;
    model::Book book;
    auto none = load::load_article("book", "a.md", std::string("# 标题\0x", 10), nullptr,
                                   config::BookConfig{}, book, sources, diags);
    CHECK_FALSE(none);
    CHECK(diags.format(sources) ==
          "book/a.md: warning: not a text file (it contains NUL bytes); skipped\n");
    config::ChapterSpec spec;
    spec.title = "指定的标题";
    spec.format = "text";
    spec.line = 3;
    base::DiagSink d2;
    auto ch = load::load_article("book", "000_a5ae.md", "# 不是标题\n\n正文。\n", &spec,
                                 config::BookConfig{}, book, sources, d2);
    REQUIRE(ch);
    CHECK(ch->title == "指定的标题");
    CHECK(ch->format == model::Format::PlainText);
    CHECK(d2.format(sources) == "");
}
