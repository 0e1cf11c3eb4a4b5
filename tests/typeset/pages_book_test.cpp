// The block/page engine on a hand-built book with real fonts: book structure (title page,
// contents, recto openings, running heads, folios, labels) and keep rules.
#include <doctest/doctest.h>

#include <regex>

#include "typeset/pages_fixtures.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

const display::Document& sample_doc() {
    static display::Document doc = typeset_it(sample_book());
    return doc;
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// The contents page's entries: each link, with the number printed at the right end of
// its last line and the page number of the page it leads to.
struct TocLink {
    std::string dest;
    float x = 0;
    std::string shown;
    int target_number = -1;
};
std::vector<TocLink> toc_links(const display::Document& doc, const display::Page& toc) {
    std::vector<TocLink> out;
    for (const auto& it : toc.items) {
        auto link = std::get_if<display::Link>(&it);
        if (!link) continue;
        TocLink e{link->dest, link->x, "", -1};
        const int target = page_of_anchor(doc, link->dest);
        if (target >= 0) e.target_number = page_number(doc, target);
        float best = -1;
        for (auto r : runs(toc))
            if (r->y > link->y && r->y < link->y + link->h && r->x > best)
                best = r->x, e.shown = r->text;
        out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("pages: front matter, labels and metadata") {
    const auto& doc = sample_doc();
    REQUIRE(doc.pages.size() > 6);
    CHECK(contains(page_text(doc.pages[0]), "排版之书"));
    CHECK(contains(page_text(doc.pages[0]), "张三"));
    CHECK(page_text(doc.pages[1]).empty());  // the title's verso is blank
    CHECK(contains(page_text(doc.pages[2]), "目录"));
    REQUIRE(doc.page_labels.size() == 2);
    CHECK(doc.page_labels[0].style == display::LabelStyle::LowerRoman);
    CHECK(doc.page_labels[1].style == display::LabelStyle::Decimal);
    CHECK(doc.page_labels[1].first_page % 2 == 0);  // page 1 is a recto
    CHECK(doc.meta.title == "排版之书");
    CHECK(doc.meta.author == "张三, 李四");
    CHECK(doc.meta.keywords == "排版, 书籍");
    CHECK(doc.meta.subject == "测试用书");
    CHECK(doc.meta.date == "2024-05-01T00:00:00Z");
    CHECK(doc.meta.creator.rfind("bookc", 0) == 0);
    CHECK(!doc.fonts.empty());
}

TEST_CASE("pages: chapters open on odd (recto) pages with a folio at the foot") {
    const auto& doc = sample_doc();
    for (const char* id : {"ch01", "ch02", "part-1"}) {
        int p = page_of_anchor(doc, id);
        REQUIRE(p >= 0);
        CHECK(page_number(doc, p) % 2 == 1);
    }
    // The opening page: no running head (nothing above the text block), folio below it.
    int p = page_of_anchor(doc, "ch02");
    config::Layout L;
    for (const auto& l : lines(doc.pages[std::size_t(p)])) CHECK(l.y > L.margin_top);
    CHECK(lines(doc.pages[std::size_t(p)]).back().text == std::to_string(page_number(doc, p)));
}

TEST_CASE("pages: running heads name the book on versos and the chapter on rectos") {
    const auto& doc = sample_doc();
    config::Layout L;
    int first = page_of_anchor(doc, "ch01"), next = page_of_anchor(doc, "ch02");
    REQUIRE(next - first >= 3);
    int checked = 0;
    for (int p = first + 1; p < next; ++p) {
        auto ls = lines(doc.pages[std::size_t(p)]);
        if (ls.empty()) continue;  // a blank verso before the next chapter
        REQUIRE(ls.front().y < L.margin_top);
        std::string head = ls.front().text, num = std::to_string(page_number(doc, p));
        bool recto = page_number(doc, p) % 2 == 1;
        CHECK(head == (recto ? "版心与网格" : "排版之书"));
        // The folio: the last line, at the foot, on the outer side.
        const auto* folio = runs(doc.pages[std::size_t(p)]).back();
        CHECK(folio->text == num);
        CHECK(folio->y > L.page_height - L.margin_bottom);
        if (recto)
            CHECK(folio->x > float(L.page_width) / 2);
        else
            CHECK(folio->x < float(L.page_width) / 2);
        ++checked;
    }
    CHECK(checked >= 2);
    // Blank versos carry nothing at all.
    for (const auto& page : doc.pages)
        if (runs(page).empty()) CHECK(page.items.empty());
}

TEST_CASE("pages: contents entries link to the chapters and show their page numbers") {
    const auto& doc = sample_doc();
    const auto entries = toc_links(doc, doc.pages[2]);
    for (const auto& e : entries) {
        CAPTURE(e.dest);
        REQUIRE(e.target_number >= 0);
        CHECK(e.shown == std::to_string(e.target_number));
    }
    CHECK(entries.size() == 3);  // the part and two chapters
    // The outline: contents, then the part with its chapters and their sections.
    REQUIRE(doc.outline.size() == 2);
    CHECK(doc.outline[1].title == "第一部分");
    REQUIRE(doc.outline[1].children.size() == 2);
    CHECK(doc.outline[1].children[0].dest == "ch01");
    REQUIRE(doc.outline[1].children[0].children.size() == 1);
    CHECK(doc.outline[1].children[0].children[0].title == "行距与基线");
    CHECK(page_of_anchor(doc, doc.outline[1].children[0].children[0].dest) >= 0);
}

TEST_CASE("pages: a footnote lands at the foot of the page that cites it") {
    const auto& doc = sample_doc();
    int note = page_of_anchor(doc, "ch01/fn-1");
    REQUIRE(note >= 0);
    int ref = -1;
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const auto& it : doc.pages[p].items)
            if (auto l = std::get_if<display::Link>(&it); l && l->dest == "ch01/fn-1") ref = int(p);
    CHECK(ref == note);
    CHECK(contains(page_text(doc.pages[std::size_t(note)]), "这是一个脚注"));
}

TEST_CASE("pages: a table's header row is repeated after a page break") {
    const auto& doc = sample_doc();
    int pages_with_header = 0, pages_with_rows = 0;
    for (const auto& page : doc.pages) {
        std::string t = page_text(page);
        if (contains(t, "名称") && contains(t, "数量")) ++pages_with_header;
        if (std::regex_search(t, std::regex("第[0-9]+项"))) ++pages_with_rows;
    }
    CHECK(pages_with_rows >= 2);
    CHECK(pages_with_header == pages_with_rows);
}

TEST_CASE("pages: no heading is the last line of a page") {
    const auto& doc = sample_doc();
    config::Layout L;
    for (std::size_t p = std::size_t(doc.page_labels.back().first_page); p < doc.pages.size();
         ++p) {
        std::vector<TextLine> body;
        for (const auto& l : lines(doc.pages[p]))
            if (l.y > L.margin_top && l.y < L.page_height - L.margin_bottom) body.push_back(l);
        if (body.size() < 2) continue;
        INFO("page " << p + 1 << ": " << body.back().text);
        CHECK(body.back().size <= float(L.body_size) + 0.01f);
    }
}

TEST_CASE("pages: comments show author, likes and date, then text and the author's reply") {
    const auto& doc = sample_doc();
    std::string all;
    for (const auto& page : doc.pages) all += page_text(page);
    auto at = [&](const std::string& s) { return all.find(s); };
    REQUIRE(at("精选留言（2）") != std::string::npos);
    CHECK(at("读者甲") > at("精选留言（2）"));
    CHECK(at("赞 12") > at("读者甲"));
    CHECK(at("2023-01-02") > at("赞 12"));
    CHECK(at("作者回复") > at("2023-01-02"));
    CHECK(at("谢谢你的阅读") > at("作者回复"));
    CHECK(at("读者乙") > at("谢谢你的阅读"));
}

TEST_CASE("pages: output is deterministic") {
    CHECK(display::dump(typeset_it(sample_book())) == display::dump(sample_doc()));
}

TEST_CASE("pages: many chapters laid out in parallel: recto openings, blank versos, same output") {
    model::Book book;
    book.meta.title = "多章之书";
    model::Part part;
    for (int c = 0; c < 24; ++c) {
        model::Chapter ch;
        ch.title = "第" + std::to_string(c + 1) + "章";
        for (int p = 0; p < 1 + c % 9; ++p) ch.blocks.push_back(para(prose(160, c + p)));
        part.chapters.push_back(std::move(ch));
    }
    book.parts.push_back(std::move(part));
    auto a = typeset_it(book), b = typeset_it(book);
    CHECK(display::dump(a) == display::dump(b));
    int blanks = 0;
    for (int c = 0; c < 24; ++c) {
        int p = page_of_anchor(a, "ch-" + std::to_string(c + 1));
        REQUIRE(p >= 0);
        CHECK(page_number(a, p) % 2 == 1);
        if (page_number(a, p) > 1 && a.pages[std::size_t(p - 1)].items.empty()) ++blanks;
    }
    CHECK(blanks > 0);  // some chapters end on a recto, so a blank verso follows
    REQUIRE(a.outline.size() == 25);
    CHECK(a.outline[24].dest == "ch-24");
}

TEST_CASE("pages: toc_depth 2 lists each chapter's sections, indented, with their pages") {
    config::Layout L;
    L.toc_depth = 2;
    const auto doc = typeset_it(sample_book(), L);
    const auto& toc = doc.pages[2];
    const auto entries = toc_links(doc, toc);
    for (const auto& e : entries) {
        CAPTURE(e.dest);
        REQUIRE(e.target_number >= 0);
        CHECK(e.shown == std::to_string(e.target_number));
    }
    // The part, its first chapter, that chapter's section, then the second chapter.
    REQUIRE(entries.size() >= 4);
    CHECK(entries[1].dest == "ch01");
    CHECK(entries[2].dest == doc.outline[1].children[0].children[0].dest);
    CHECK(entries[2].x > entries[1].x);  // a section steps in under its chapter
    CHECK(contains(page_text(toc), "行距与基线"));
    // The default lists chapters only.
    CHECK_FALSE(contains(page_text(sample_doc().pages[2]), "行距与基线"));
}
