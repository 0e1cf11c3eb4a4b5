#include <doctest/doctest.h>

#include "model/passes.hpp"

using namespace bookc;
using namespace bookc::model;

namespace {
Book book_with_comments() {
    Book b;
    b.parts.emplace_back();
    Chapter ch;
    ch.title = "一";
    Block h;
    h.kind = BlockKind::Heading;
    h.level = 2;
    ch.blocks.push_back(h);
    Block q;
    q.kind = BlockKind::BlockQuote;
    q.children.push_back(h);
    ch.blocks.push_back(q);
    CommentThread t;
    int order = 0;
    for (auto [author, likes, date] : {std::tuple{"a", 1, "2020-01-02"},
                                       {"b", 5, "2019-05-01"},
                                       {"c", 5, "2021-03-03"},
                                       {"d", 0, "2018-01-01"}}) {
        Comment c;
        c.author = author;
        c.likes = likes;
        c.date = date;
        c.source_order = order++;
        t.comments.push_back(c);
    }
    ch.comments = t;
    b.parts[0].chapters.push_back(ch);
    b.parts[0].chapters.push_back(Chapter{});
    return b;
}
std::string authors(const Chapter& ch) {
    std::string s;
    for (const auto& c : ch.comments->comments) s += c.author;
    return s;
}
}  // namespace

TEST_CASE("ids depend only on position: chapters, nested headings, footnotes") {
    Book b = book_with_comments();
    b.parts[0].chapters[0].footnotes.push_back(Footnote{"x", 1, "", {}, {}});
    assign_ids(b);
    const auto& ch = b.parts[0].chapters[0];
    CHECK(ch.id == "ch01");
    CHECK(b.parts[0].chapters[1].id == "ch02");
    CHECK(ch.blocks[0].id == "ch01-s1");
    CHECK(ch.blocks[1].children[0].id == "ch01-s2");
    CHECK(ch.footnotes[0].id == "ch01-fn1");
}

TEST_CASE("comment options: min likes, sort, maximum, include") {
    CommentSelection o;
    {
        Book b = book_with_comments();
        o.order = CommentOrder::Likes;
        apply_comment_options(b, o);
        CHECK(authors(b.parts[0].chapters[0]) == "bcad");  // ties keep source order
    }
    {
        Book b = book_with_comments();
        o.order = CommentOrder::Date;
        o.min_likes = 1;
        o.max_per_chapter = 2;
        apply_comment_options(b, o);
        CHECK(authors(b.parts[0].chapters[0]) == "ca");  // newest first, d filtered, cut at 2
    }
    {
        Book b = book_with_comments();
        o = {};
        o.include = false;
        apply_comment_options(b, o);
        CHECK_FALSE(b.parts[0].chapters[0].comments.has_value());
    }
}

TEST_CASE("the build date comes from SOURCE_DATE_EPOCH, else the book date, never the clock") {
    Book b;
    set_build_date(b, "1700000000");
    CHECK(b.meta.modified == "2023-11-14T22:13:20Z");
    b.meta.date = "2024-05-01";
    set_build_date(b, nullptr);
    CHECK(b.meta.modified == "2024-05-01T00:00:00Z");
    b.meta.date.clear();
    set_build_date(b, "not-a-number");
    CHECK(b.meta.modified == "1980-01-01T00:00:00Z");
}

TEST_CASE("passes: half-width punctuation between Han characters becomes full-width") {
    using model::normalize_punctuation;
    CHECK(normalize_punctuation("跟他聊过之后,我却发现") == "跟他聊过之后，我却发现");
    CHECK(normalize_punctuation("第一; 第二: 第三") == "第一；第二：第三");
    CHECK(normalize_punctuation("真的吗?") == "真的吗？");
    CHECK(normalize_punctuation("边动手敲 , 太多") == "边动手敲，太多");
    CHECK(normalize_punctuation("好!不错") == "好！不错");
    CHECK(normalize_punctuation("加个有效期(担心忘记释放锁,造成死锁)这个") ==
          "加个有效期（担心忘记释放锁，造成死锁）这个");
    // Latin, numbers, code-like text and times stay as written.
    CHECK(normalize_punctuation("f(x), g(y)") == "f(x), g(y)");
    CHECK(normalize_punctuation("时间:2020-10-18") == "时间:2020-10-18");
    CHECK(normalize_punctuation("Hello, world? 中文") == "Hello, world? 中文");
    CHECK(normalize_punctuation("调用 Lock(),然后") == "调用 Lock(),然后");
    CHECK(normalize_punctuation("https://a.example/x,y") == "https://a.example/x,y");
}

TEST_CASE("passes: punctuation is normalised in text and comments, never in code or links") {
    model::Book b;
    model::Part p;
    model::Chapter ch;
    ch.title = "标题,副题";
    model::Block para;
    model::Inline t;
    t.text = "之后,我";
    model::Inline code;
    code.kind = model::InlineKind::Code;
    code.text = "之后,我";
    model::Inline link;
    link.kind = model::InlineKind::Link;
    link.url = "https://example.invalid/";
    link.children = {t};
    para.inlines = {t, code, link};
    model::Block cb;
    cb.kind = model::BlockKind::CodeBlock;
    cb.text = "之后,我";
    ch.blocks = {para, cb};
    model::CommentThread th;
    model::Comment c;
    c.body = {para};
    c.reply = {t};
    th.comments = {c};
    ch.comments = th;
    p.chapters.push_back(ch);
    b.parts.push_back(p);
    model::normalize_punctuation(b);
    const auto& out = b.parts[0].chapters[0];
    CHECK(out.title == "标题，副题");
    CHECK(out.blocks[0].inlines[0].text == "之后，我");
    CHECK(out.blocks[0].inlines[1].text == "之后,我");
    CHECK(out.blocks[0].inlines[2].children[0].text == "之后,我");
    CHECK(out.blocks[1].text == "之后,我");
    CHECK(out.comments->comments[0].body[0].inlines[0].text == "之后，我");
    CHECK(out.comments->comments[0].reply[0].text == "之后，我");
}
