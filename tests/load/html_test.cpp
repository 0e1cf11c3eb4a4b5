// Whole HTML articles: shape B comment blocks, titles, sanitising.
#include "load_helpers.hpp"

using namespace bookc;

namespace {
void load_fixture(test::Loaded& l, const std::string& name) {
    std::string dir = test::fixture("");
    dir.pop_back();
    std::string text = test::read_text(dir + "/" + name);
    REQUIRE(!text.empty());
    base::FileId id = l.sources.add(dir + "/" + name, name, text);
    l.chapter = load::load_chapter(dir, id, load::detect_format(text, ".html"),
                                   config::BookConfig{}, l.book, l.sources, l.diags);
}
}  // namespace

TEST_CASE("html: shape B comments with an author reply and a timestamp") {
    test::Loaded l;
    load_fixture(l, "shape-b.html");
    CHECK(l.chapter.format == model::Format::Html);
    CHECK(l.chapter.title == "读书笔记：慢慢来");
    REQUIRE(l.chapter.comments.has_value());
    const auto& t = *l.chapter.comments;
    CHECK(t.heading == "精选留言");
    CHECK(t.declared == 2);
    REQUIRE(t.comments.size() == 2);
    const auto& c = t.comments[0];
    CHECK(c.author == "读者小林");
    CHECK(c.avatar_url == "https://example.invalid/avatar/a.jpg");
    CHECK(c.likes == 12);
    CHECK(c.reply_count == 1);
    CHECK(c.date == "2019-03-21 10:15");
    REQUIRE(c.body.size() == 1);
    const auto& text = c.body[0].inlines;
    REQUIRE(text.size() == 4);
    CHECK(text[0].text == "写得");
    CHECK(text[1].kind == model::InlineKind::Strong);
    CHECK(text[2].kind == model::InlineKind::LineBreak);
    CHECK(text[3].text == "受教了。");
    CHECK(c.has_reply);
    CHECK(model::plain_text(c.reply) == "多谢你的鼓励。");
    const auto& c2 = t.comments[1];
    CHECK(c2.author == "路人乙");
    CHECK_FALSE(c2.has_reply);
    CHECK(c2.date == "2020-01-02");
    CHECK(c2.source_order == 1);
    // The block is not repeated as body text; the body is intact.
    std::string d = test::dump_chapter(l.chapter);
    CHECK(d.find("text \"精选留言") == std::string::npos);
    CHECK(d.find("text \"读者小林\"") == std::string::npos);
    CHECK(d.find("耐心&恒心") != std::string::npos);
    CHECK(l.diags.all().empty());
    test::check_golden("model/shape-b-html.txt", d);
}

TEST_CASE("html: a count mismatch is a warning at the heading") {
    test::Loaded l;
    test::load_text(l, "html-mismatch", "m.html",
                    "<p>正文。</p>\n<div><strong>精选留言（3）</strong></div><ul>\n"
                    "<li><img src=\"https://example.invalid/a.jpg\"><span>甲</span> 👍（1） "
                    "💬（0）<div>一条。</div>2021-01-01</li>\n"
                    "</ul>\n");
    REQUIRE(l.chapter.comments);
    CHECK(l.chapter.comments->comments.size() == 1);
    CHECK(l.diag_text() ==
          l.sources.get(0).path +
              ":2:6: warning: the comment block declares 3 comments but 1 were found\n");
}

TEST_CASE("html: hostile input is sanitised") {
    test::Loaded l;
    load_fixture(l, "hostile.html");
    std::string d = test::dump_chapter(l.chapter);
    for (const char* bad :
         {"javascript", "JaVa", "vbscript", "data:", "evil", "alert", "onclick", "onplay",
          "document.write", "display: none", "框架内容", "x.swf", "secret-field", "注释不要"})
        CHECK_MESSAGE(d.find(bad) == std::string::npos, bad);
    CHECK(d.find("text \"点我这里和那里。\"") != std::string::npos);
    CHECK(d.find("保留<文字>") != std::string::npos);
    CHECK(d.find("未知元素的文字") != std::string::npos);
    CHECK(d.find("media-note kind=audio url=\"https://example.org/a.mp3\"") != std::string::npos);
    CHECK(d.find("media-note kind=video url=\"https://example.org/v.mp4\"") != std::string::npos);
    CHECK(d.find("text \"一段音频\"") != std::string::npos);
    CHECK(d.find("image alt=\"内嵌\" url=\"\" asset=-1") != std::string::npos);
    CHECK(l.chapter.title == "一段音频");
    test::check_golden("model/hostile-html.txt", d);
}

TEST_CASE("html: lists, tables, pre and headings") {
    test::Loaded l;
    test::load_text(l, "html-structure", "s.html",
                    "<h1>标题</h1><ol start=\"3\"><li>三</li><li><p>四</p><p>续</p></li></ol>"
                    "<table><thead><tr><th align=\"right\">甲</th><th>乙</th></tr></thead>"
                    "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
                    "<pre><code class=\"language-go\">a := 1\nb := "
                    "2\n</code></pre><hr><blockquote>引</blockquote>");
    CHECK(l.chapter.title == "标题");
    const auto& b = l.chapter.blocks;
    REQUIRE(b.size() == 5);
    CHECK(b[0].kind == model::BlockKind::List);
    CHECK(b[0].ordered);
    CHECK(b[0].start == 3);
    CHECK_FALSE(b[0].tight);
    CHECK(b[1].kind == model::BlockKind::Table);
    CHECK(b[1].header_rows == 1);
    CHECK(b[1].aligns[0] == model::Align::Right);
    CHECK(b[2].kind == model::BlockKind::CodeBlock);
    CHECK(b[2].info == "go");
    CHECK(b[2].text == "a := 1\nb := 2");
    CHECK(b[3].kind == model::BlockKind::ThematicBreak);
    CHECK(b[4].kind == model::BlockKind::BlockQuote);
}

TEST_CASE("html: comments as repeated sibling blocks, in a Markdown article") {
    test::Loaded l;
    test::load_text(l, "md-sibling-comments", "c.md",
                    "# 文章\n\n正文。\n\n"
                    "<div><h3>精选留言</h3>"
                    "<div><img "
                    "src=\"https://example.invalid/1.png\"><b>阿明</b><span>👍（5）</"
                    "span><p>第一条<br>两行。</p><i>2022-02-02 08:30</i></div>"
                    "<div><img "
                    "src=\"https://example.invalid/2.png\"><b>阿红</b><span>👍（1）</"
                    "span><span>💬（2）</span><p>第二条。</p>"
                    "<p>作者回复：收到。</p><i>2022-02-03</i></div></div>\n");
    REQUIRE(l.chapter.comments);
    const auto& t = *l.chapter.comments;
    CHECK(t.declared == -1);
    REQUIRE(t.comments.size() == 2);
    CHECK(t.comments[0].author == "阿明");
    CHECK(t.comments[0].likes == 5);
    CHECK(t.comments[0].date == "2022-02-02 08:30");
    REQUIRE(t.comments[0].body.size() == 1);
    REQUIRE(t.comments[0].body[0].inlines.size() == 3);
    CHECK(t.comments[0].body[0].inlines[1].kind == model::InlineKind::LineBreak);
    CHECK(t.comments[1].author == "阿红");
    CHECK(t.comments[1].reply_count == 2);
    CHECK(model::plain_text(t.comments[1].reply) == "收到。");
    REQUIRE(l.chapter.blocks.size() == 1);
    CHECK(model::plain_text(l.chapter.blocks[0].inlines) == "正文。");
    CHECK(l.diags.all().empty());
}

TEST_CASE("html: media inside a paragraph, whitespace and double line breaks") {
    test::Loaded l;
    test::load_text(l, "html-media-p", "p.html",
                    "<p>前言 <video src=\"v.mp4\" title=\"演示\"></video> 后话</p>\n"
                    "<div>第一段<br><br>第二段\n  接着</div>");
    const auto& b = l.chapter.blocks;
    REQUIRE(b.size() == 5);
    CHECK(model::plain_text(b[0].inlines) == "前言");
    CHECK(b[1].kind == model::BlockKind::MediaNote);
    CHECK(b[1].url == "v.mp4");
    CHECK(model::plain_text(b[2].inlines) == "后话");
    CHECK(model::plain_text(b[3].inlines) == "第一段");
    REQUIRE(b[4].inlines.size() == 3);
    CHECK(b[4].inlines[1].kind == model::InlineKind::SoftBreak);
    CHECK(l.chapter.title == "演示");
}

TEST_CASE("html: a reply carrying its own date") {
    test::Loaded l;
    test::load_text(l, "html-reply-date", "r.html",
                    "<title>回复的日期</title><p>正文。</p><div><span>精选留言（1）</span><ul><li>"
                    "<img "
                    "src=\"https://example.invalid/a.jpg\"><span>戊</span><span>👍（3）</"
                    "span><span>💬（1）</span>"
                    "<div>问题一个。</div><div><p>作者回复：答案在这里。 2019-03-22 "
                    "09:00</p></div><span>2019-03-21</span>"
                    "</li></ul></div>");
    CHECK(l.chapter.title == "回复的日期");
    REQUIRE(l.chapter.comments);
    REQUIRE(l.chapter.comments->comments.size() == 1);
    const auto& c = l.chapter.comments->comments[0];
    CHECK(c.date == "2019-03-21");
    CHECK(c.reply_date == "2019-03-22 09:00");
    CHECK(model::plain_text(c.reply) == "答案在这里。");
}
