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
    for (auto [author, likes, date] : {std::tuple{"a", 1, "2020-01-02"}, {"b", 5, "2019-05-01"},
                                       {"c", 5, "2021-03-03"}, {"d", 0, "2018-01-01"}}) {
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
    config::CommentOptions o;
    {
        Book b = book_with_comments();
        o.sort = config::CommentSort::Likes;
        apply_comment_options(b, o);
        CHECK(authors(b.parts[0].chapters[0]) == "bcad");  // ties keep source order
    }
    {
        Book b = book_with_comments();
        o.sort = config::CommentSort::Date;
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
