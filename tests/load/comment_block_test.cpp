// The 精选留言 block of a column export is HTML to its end, whatever it holds: blank lines,
// lines of "=", ``` fences, "#", tabs, entities, emoji, empty avatars. Every comment keeps
// its whole text with its line breaks; nothing of it reaches the body, nothing of the body
// reaches it.
#include <doctest/doctest.h>

#include "load_helpers.hpp"

using namespace bookc;

namespace {

// Shape A as real exports have it: one <li> per comment, each on a line of its own only
// when the comment itself has no newline.
const char* kExport =
    "你好，我是作者。\n\n正文第一段。\n\n正文第二段。\n\n"
    "<div><strong>精选留言（5）</strong></div><ul>\n"
    "<li><img src=\"\" width=\"30px\"><span>甲</span> 👍（19） 💬（3）<div>第一行\n"
    "\n"
    "隔一空行的第二段&#47;&#47;注释 &quot;引号&quot; &lt;b&gt; &#39;单&#39; &amp;lt; "
    "😇</div>2020-10-18</li><br/>"
    "<li><img src=\"https://example.invalid/a.jpg\" width=\"30px\"><span>乙</span> 👍（2） "
    "💬（0）<div>标题一样的一行\n"
    "====\n"
    "# 不是标题\n"
    "- 不是列表</div>2021-01-04</li><br/>"
    "<li><span>丙</span> 👍（1） 💬（1）<div>代码如下：\n"
    "```go\n"
    "func main() {\n"
    "\tif x &lt; 1 {\n"
    "\t\treturn\n"
    "\t}\n"
    "}\n"
    "```\n"
    "请指教。</div>2020-10-28</li><br/>"
    "<li><span>丁</span> 👍（0） 💬（0）<div>在 lock 方法中，\n"
    "\t&#47;&#47; 延用加锁机制\n"
    "\tm.Mutex.Lock()\n"
    "\tatomic.StoreInt64(&amp;m.owner, gid)\n"
    "这个地方有必要吗？</div>2021-02-22</li><br/>"
    "<li><span>戊</span> 👍（5） 💬（0）<div>一<br>二<br>\n三</div>2022-08-13</li><br/>\n"
    "</ul>\n";

}  // namespace

TEST_CASE("comment block: every comment whole, nothing in the body") {
    test::Loaded l;
    test::load_text(l, "cb-export", "01 - 题目.md", kExport);
    INFO(l.diag_text());
    REQUIRE(l.chapter.comments);
    const auto& t = *l.chapter.comments;
    CHECK(t.declared == 5);
    REQUIRE(t.comments.size() == 5);
    CHECK(l.diags.all().empty());

    // The body is the three paragraphs before the block, nothing else.
    REQUIRE(l.chapter.blocks.size() == 3);
    CHECK(model::plain_text(l.chapter.blocks[2].inlines) == "正文第二段。");

    const auto& a = t.comments[0];
    CHECK(a.author == "甲");
    CHECK(a.likes == 19);
    CHECK(a.reply_count == 3);
    CHECK(a.date == "2020-10-18");
    CHECK(a.avatar_url.empty());
    REQUIRE(a.body.size() == 2);  // the blank line parts two paragraphs
    CHECK(model::plain_text(a.body[0].inlines) == "第一行");
    // Entities decoded exactly once: &amp;lt; stays "&lt;" as text.
    CHECK(model::plain_text(a.body[1].inlines) ==
          "隔一空行的第二段//注释 \"引号\" <b> '单' &lt; 😇");

    const auto& b = t.comments[1];
    CHECK(b.author == "乙");
    REQUIRE(b.body.size() == 1);
    CHECK(model::plain_text(b.body) == "标题一样的一行==== # 不是标题- 不是列表\n");
    REQUIRE(b.body[0].inlines.size() == 7);  // four lines, three breaks
    CHECK(b.body[0].inlines[1].kind == model::InlineKind::LineBreak);

    const auto& c = t.comments[2];
    REQUIRE(c.body.size() == 3);
    CHECK(model::plain_text(c.body[0].inlines) == "代码如下：");
    CHECK(c.body[1].kind == model::BlockKind::CodeBlock);
    CHECK(c.body[1].info == "go");
    CHECK(c.body[1].text == "func main() {\n\tif x < 1 {\n\t\treturn\n\t}\n}");
    CHECK(model::plain_text(c.body[2].inlines) == "请指教。");
    CHECK(c.date == "2020-10-28");

    // Indented lines pasted from a program are code, with their tabs.
    const auto& d = t.comments[3];
    REQUIRE(d.body.size() == 3);
    CHECK(d.body[1].kind == model::BlockKind::CodeBlock);
    CHECK(d.body[1].text ==
          "\t// 延用加锁机制\n\tm.Mutex.Lock()\n\tatomic.StoreInt64(&m.owner, gid)");
    CHECK(model::plain_text(d.body[2].inlines) == "这个地方有必要吗？");

    // <br> and a newline after it are one break.
    const auto& e = t.comments[4];
    REQUIRE(e.body.size() == 1);
    const auto& in = e.body[0].inlines;
    REQUIRE(in.size() == 5);
    CHECK(in[1].kind == model::InlineKind::LineBreak);
    CHECK(in[3].kind == model::InlineKind::LineBreak);
    CHECK(in[4].text == "三");
}

TEST_CASE("comment block: text after the list is body again; a count mismatch warns") {
    test::Loaded l;
    test::load_text(
        l, "cb-after", "a.md",
        "# 题\n\n正文。\n\n<div><strong>精选留言（3）</strong></div><ul>\n"
        "<li><span>甲</span> 👍（1） 💬（0）<div>评论。\n\n第二段。</div>2020-01-01</li>\n"
        "</ul>\n\n附记：正文之后的一段。\n");
    REQUIRE(l.chapter.comments);
    REQUIRE(l.chapter.comments->comments.size() == 1);
    CHECK(model::plain_text(l.chapter.comments->comments[0].body) == "评论。\n第二段。\n");
    REQUIRE(l.chapter.blocks.size() == 2);
    CHECK(model::plain_text(l.chapter.blocks[1].inlines) == "附记：正文之后的一段。");
    CHECK(l.diag_text() ==
          l.sources.get(0).path +
              ":5:6: warning: the comment block declares 3 comments but 1 were found\n");
}

TEST_CASE("comment block: the shape with nested divs keeps each comment's text") {
    test::Loaded l;
    test::load_text(l, "cb-shape-b", "b.md",
                    "正文。\n\n<div class=\"_a1\"><span class=\"_b2\">精选留言（2）</span>\n<ul>\n"
                    "<li class=\"_c3\">\n  <div class=\"_d4\"><img src=\"\" class=\"_e5\"></div>\n"
                    "  <div class=\"_f6\">\n    <div class=\"_g7\">\n"
                    "      <div><span>读者甲</span></div>\n"
                    "      <div><span>👍（12）</span><span>💬（1）</span></div>\n    </div>\n"
                    "    <div class=\"_h8\">评论正文\n\n第二段<br>第三行。</div>\n"
                    "    <div><p class=\"_i9\">作者回复: 谢谢你的补充。</p></div>\n"
                    "    <div><span>2019-03-21 10:15</span></div>\n  </div>\n</li>\n"
                    "<li class=\"_c3\">\n  <div class=\"_f6\">\n"
                    "      <div><span>读者乙</span></div>\n"
                    "      <div><span>👍（0）</span></div>\n"
                    "    <div class=\"_h8\">只有一行。</div>\n"
                    "    <div><span>2020-01-02</span></div>\n  </div>\n</li>\n</ul>\n</div>\n");
    INFO(l.diag_text());
    REQUIRE(l.chapter.comments);
    const auto& t = *l.chapter.comments;
    REQUIRE(t.comments.size() == 2);
    CHECK(t.comments[0].author == "读者甲");
    CHECK(t.comments[0].date == "2019-03-21 10:15");
    CHECK(model::plain_text(t.comments[0].body) == "评论正文\n第二段第三行。\n");
    CHECK(model::plain_text(t.comments[0].reply) == "谢谢你的补充。");
    CHECK(model::plain_text(t.comments[1].body) == "只有一行。\n");
    REQUIRE(l.chapter.blocks.size() == 1);
    CHECK(model::plain_text(l.chapter.blocks[0].inlines) == "正文。");
}

TEST_CASE("comment block: a Markdown heading over the HTML list") {
    test::Loaded l;
    test::load_text(
        l, "cb-md-heading", "c.md",
        "# 题\n\n正文。\n\n## 精选留言（2）\n\n<ul>\n"
        "<li><span>甲</span> 👍（3） 💬（0）<div>第一行\n\n## 不是标题</div>2020-01-01</li>\n"
        "<li><span>乙</span> 👍（1） 💬（0）<div>好</div>2020-01-02</li>\n</ul>\n\n后记。\n");
    INFO(l.diag_text());
    REQUIRE(l.chapter.comments);
    const auto& t = *l.chapter.comments;
    CHECK(t.declared == 2);
    REQUIRE(t.comments.size() == 2);
    CHECK(model::plain_text(t.comments[0].body) == "第一行\n## 不是标题\n");
    CHECK(t.comments[0].likes == 3);
    CHECK(l.sources.get(0).line_col(t.span.begin).line == 5);
    REQUIRE(l.chapter.blocks.size() == 2);
    CHECK(model::plain_text(l.chapter.blocks[0].inlines) == "正文。");
    CHECK(model::plain_text(l.chapter.blocks[1].inlines) == "后记。");
    CHECK(l.diags.all().empty());
}
