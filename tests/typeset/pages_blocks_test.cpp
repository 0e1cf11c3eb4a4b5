// Block kinds on the page, with real fonts: images and their placeholders, media notes,
// task lists, code blocks, strike-through, links, quotes, non-facing layouts.
#include <doctest/doctest.h>

#include <set>

#include "base/utf8.hpp"
#include "typeset/pages_fixtures.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

std::string png_header(int w, int h) {
    std::string s = "\x89PNG\r\n\x1a\n";
    s += std::string("\0\0\0\x0dIHDR", 8);
    for (int v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8) s += char((v >> shift) & 0xFF);
    s += std::string(5, '\0');
    return s;
}

model::Inline image(std::string alt, int asset, std::string url = {}) {
    model::Inline i;
    i.kind = model::InlineKind::Image;
    i.text = std::move(alt);
    i.asset = asset;
    i.url = std::move(url);
    return i;
}

// The chapter's pages (after the front matter).
std::vector<const display::Page*> body(const display::Document& doc) {
    std::vector<const display::Page*> v;
    for (std::size_t p : body_pages(doc)) v.push_back(&doc.pages[p]);
    return v;
}

template <class T>
std::vector<T> items(const display::Document& doc) {
    std::vector<T> v;
    for (auto page : body(doc))
        for (const auto& it : page->items)
            if (auto x = std::get_if<T>(&it)) v.push_back(*x);
    return v;
}

std::string text_of(const display::Document& doc) {
    std::string s;
    for (auto page : body(doc)) s += page_text(*page);
    return s;
}

}  // namespace

TEST_CASE("blocks: images scale to the measure; other formats and remote images get placeholders") {
    model::Book book = one_chapter({para({text("前文"), image("示意图", 0), text("后文")}),
                                    para({image("动图", 1)}),
                                    para({image("远程", -1, "https://example.com/a.png")}),
                                    para({wrap(model::InlineKind::Link, {image("", 0)})})});
    model::Asset png;
    png.rel_path = "images/wide.png";
    png.media_type = "image/png";
    png.data = std::make_shared<const std::string>(png_header(1600, 800));
    book.assets.push_back(png);
    model::Asset gif;
    gif.rel_path = "images/anim.gif";
    gif.media_type = "image/gif";
    gif.data = std::make_shared<const std::string>("GIF89a");
    book.assets.push_back(gif);
    auto doc = typeset_it(book);
    auto images = items<display::Image>(doc);
    REQUIRE(images.size() == 2);  // the second one is a linked picture
    const auto& im = images[0];
    config::Layout L;
    CHECK(im.key == "images/wide.png");
    CHECK(im.pixel_width == 1600);
    CHECK(im.pixel_height == 800);
    CHECK(im.w == doctest::Approx(L.page_width - L.margin_inner - L.margin_outer));
    CHECK(im.h == doctest::Approx(im.w / 2));
    CHECK(im.data == book.assets[0].data);
    std::string t = text_of(doc);
    CHECK(t.find("前文") < t.find("后文"));
    CHECK(t.find("［图：动图］") != std::string::npos);
    CHECK(t.find("［图：远程］") != std::string::npos);
    CHECK(t.find("https://example.com/a.png") != std::string::npos);
}

TEST_CASE("blocks: media notes, task lists, code, strike-through, links, quotes") {
    model::Block media;
    media.kind = model::BlockKind::MediaNote;
    media.info = "audio";
    media.inlines = {text("第一讲音频")};
    media.url = "https://example.com/a.mp3";
    model::Block tasks;
    tasks.kind = model::BlockKind::List;
    for (int t : {0, 1}) {
        model::Block item;
        item.kind = model::BlockKind::ListItem;
        item.task = t;
        item.children.push_back(para(t ? "已完成" : "未完成"));
        tasks.children.push_back(item);
    }
    model::Block code;
    code.kind = model::BlockKind::CodeBlock;
    code.text = "print(\"你好\")";
    model::Inline link = wrap(model::InlineKind::Link, {text("链接")});
    link.url = "https://example.com/";
    model::Block quote;
    quote.kind = model::BlockKind::BlockQuote;
    quote.children.push_back(para("引用的文字"));
    auto doc = typeset_it(one_chapter(
        {media, tasks, code,
         para({text("正文"), wrap(model::InlineKind::Strike, {text("删去")}), link}), quote}));
    std::string t = text_of(doc);
    CHECK(t.find("［音频］第一讲音频") != std::string::npos);
    CHECK(t.find("https://example.com/a.mp3") != std::string::npos);
    // Task boxes are drawn: two stroked squares, a tick in the done one.
    int boxes = 0;
    for (const auto& r : items<display::Rect>(doc)) boxes += !r.fill && r.stroke_width > 0;
    CHECK(boxes == 2);
    // The code block: monospace text over a tinted background.
    const display::GlyphRun* code_run = nullptr;
    auto all_runs = items<display::GlyphRun>(doc);
    for (const auto& r : all_runs)
        if (r.text.find("print") != std::string::npos) code_run = &r;
    REQUIRE(code_run);
    CHECK(doc.fonts[std::size_t(code_run->font)].postscript_name.find("Mono") != std::string::npos);
    bool under = false;
    for (const auto& r : items<display::Rect>(doc))
        if (r.fill && r.y <= code_run->y && r.y + r.h >= code_run->y) under = true;
    CHECK(under);
    // Strike: a rule through the struck run, at its width.
    const display::GlyphRun* struck = nullptr;
    for (const auto& r : all_runs)
        if (r.text == "删去") struck = &r;
    REQUIRE(struck);
    bool through = false;
    for (const auto& r : items<display::Rule>(doc))
        if (r.y1 == r.y2 && r.y1 < struck->y && r.y1 > struck->y - struck->size &&
            r.x1 == doctest::Approx(struck->x))
            through = true;
    CHECK(through);
    bool linked = false;
    for (const auto& l : items<display::Link>(doc)) linked |= l.uri == "https://example.com/";
    CHECK(linked);
    // The quote: indented, with a rule at its left.
    const display::GlyphRun* quoted = nullptr;
    for (const auto& r : all_runs)
        if (r.text.find("引用") != std::string::npos) quoted = &r;
    REQUIRE(quoted);
    bool rule_left = false;
    for (const auto& r : items<display::Rule>(doc))
        if (r.x1 == r.x2 && r.x1 < quoted->x && r.y1 <= quoted->y && r.y2 >= quoted->y - 1)
            rule_left = true;
    CHECK(rule_left);
}

TEST_CASE("blocks: a one-sided layout has no blank pages and one margin on the left") {
    config::Layout L;
    L.facing = false;
    model::Book book = sample_book();
    auto doc = typeset_it(book, L);
    for (std::size_t p = 1; p < doc.pages.size(); ++p) CHECK(!doc.pages[p].items.empty());
    for (const auto& page : doc.pages)
        for (const auto& it : page.items)
            if (auto r = std::get_if<display::GlyphRun>(&it))
                CHECK(r->x >= float(L.margin_inner) - 6);
}

TEST_CASE("blocks: headings without ids still get unique destinations") {
    auto doc = typeset_it(
        one_chapter({heading(2, "甲", ""), para("文字"), heading(2, "乙", ""), para("文字")}));
    REQUIRE(doc.outline.size() == 2);
    const auto& ch = doc.outline[1];
    CHECK(ch.dest == "ch-1");
    REQUIRE(ch.children.size() == 2);
    CHECK(ch.children[0].dest != ch.children[1].dest);
    for (const auto& s : ch.children) CHECK(page_of_anchor(doc, s.dest) >= 0);
}

TEST_CASE("blocks: links to other chapters' files resolve; links to missing places drop") {
    model::Book book = one_chapter({});
    model::Inline to_file = wrap(model::InlineKind::Link, {text("下一章")});
    to_file.url = "b.md#sec";
    model::Inline missing = wrap(model::InlineKind::Link, {text("无处")});
    missing.url = "#nowhere";
    model::Inline fref;
    fref.kind = model::InlineKind::FootnoteRef;
    fref.number = 7;  // no such footnote
    auto& first = book.parts[0].chapters[0];
    first.rel_path = "a.md";
    first.blocks.push_back(para({to_file, text("和"), missing, fref}));
    model::Chapter second;
    second.title = "二章";
    second.rel_path = "b.md";
    second.blocks.push_back(heading(2, "节", "sec"));
    book.parts[0].chapters.push_back(second);
    auto doc = typeset_it(book);
    std::vector<std::string> dests;
    for (const auto& l : items<display::Link>(doc))
        if (!l.dest.empty()) dests.push_back(l.dest);
    CHECK(dests == std::vector<std::string>{"ch-2/sec"});
    CHECK(page_of_anchor(doc, "ch-2/sec") >= 0);
    CHECK(text_of(doc).find("无处") != std::string::npos);
}

TEST_CASE("blocks: a footnote cited in a table cell or a heading still reaches its page foot") {
    model::Inline r1, r2;
    r1.kind = r2.kind = model::InlineKind::FootnoteRef;
    r1.number = 1;
    r2.number = 2;
    model::Block t;
    t.kind = model::BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back({model::TableCell{{text("列")}, {}}});
    t.rows.push_back({model::TableCell{{text("格"), r1}, {}}});
    model::Block h = heading(2, "标题", "h");
    h.inlines.push_back(r2);
    model::Book book = one_chapter({t, h, para("正文")});
    for (int n : {1, 2}) {
        model::Footnote fn;
        fn.number = n;
        fn.blocks.push_back(para("注" + std::to_string(n)));
        book.parts[0].chapters[0].footnotes.push_back(fn);
    }
    auto doc = typeset_it(book);
    for (const char* name : {"ch-1/fn-1", "ch-1/fn-2"}) {
        int p = page_of_anchor(doc, name);
        REQUIRE(p >= 0);
        bool cited = false;
        for (const auto& it : doc.pages[std::size_t(p)].items)
            if (auto l = std::get_if<display::Link>(&it); l && l->dest == name) cited = true;
        CHECK(cited);
    }
}

TEST_CASE("blocks: degenerate input still typesets") {
    model::Block empty_table;
    empty_table.kind = model::BlockKind::Table;
    model::Block ragged;
    ragged.kind = model::BlockKind::Table;
    ragged.header_rows = 1;
    ragged.rows.push_back({model::TableCell{{text("一")}, {}}});
    ragged.rows.push_back({model::TableCell{{text("二")}, {}}, model::TableCell{{}, {}}});
    model::Block code;
    code.kind = model::BlockKind::CodeBlock;
    model::Block empty_heading;
    empty_heading.kind = model::BlockKind::Heading;
    empty_heading.level = 9;
    model::Block list;
    list.kind = model::BlockKind::List;
    list.ordered = true;
    list.start = 998;
    model::Block item;
    item.kind = model::BlockKind::ListItem;
    list.children.push_back(item);
    list.children.push_back(item);
    model::Block quote;
    quote.kind = model::BlockKind::BlockQuote;
    model::Book book = one_chapter(
        {empty_table, ragged, code, empty_heading, list, quote, para(""), para({image("", 42)})});
    auto& ch = book.parts[0].chapters[0];
    ch.footnotes.push_back(model::Footnote{});
    model::CommentThread th;
    th.comments.push_back(model::Comment{});
    ch.comments = th;
    book.parts.push_back(model::Part{"空的部分", {}});
    model::Part untitled;
    untitled.chapters.push_back(model::Chapter{});
    book.parts.push_back(untitled);
    auto doc = typeset_it(book);
    CHECK(doc.pages.size() >= 8);
    CHECK(text_of(doc).find("空的部分") != std::string::npos);
    CHECK(text_of(doc).find("匿名") != std::string::npos);
    CHECK(display::dump(doc) == display::dump(typeset_it(book)));
}

namespace {

float run_width(const display::GlyphRun& r) {
    float w = 0;
    for (const auto& g : r.glyphs) w += g.advance;
    return w;
}

// The text block's edges on the chapter's pages, from a body paragraph: its continuation
// lines start at the left edge, its full lines end at the right edge.
struct Edges {
    float left = 1e9f, right = 0;
};
Edges body_edges(const display::Document& doc, float size = 10.5f) {
    Edges e;
    std::map<long, std::pair<float, float>> by_y;  // baseline -> (min x, max right)
    for (const auto& r : items<display::GlyphRun>(doc)) {
        if (r.size != size) continue;
        auto [it, fresh] = by_y.try_emplace(std::lround(r.y * 4), r.x, r.x + run_width(r));
        if (!fresh) {
            it->second.first = std::min(it->second.first, r.x);
            it->second.second = std::max(it->second.second, r.x + run_width(r));
        }
    }
    for (const auto& [y, lr] : by_y)
        e.left = std::min(e.left, lr.first), e.right = std::max(e.right, lr.second);
    return e;
}

model::Block list_of(std::vector<model::Blocks> items, bool ordered = false) {
    model::Block l;
    l.kind = model::BlockKind::List;
    l.ordered = ordered;
    l.start = 1;
    l.tight = true;
    for (auto& children : items) {
        model::Block item;
        item.kind = model::BlockKind::ListItem;
        item.children = std::move(children);
        l.children.push_back(std::move(item));
    }
    return l;
}

}  // namespace

TEST_CASE(
    "lists: the marker starts at the paragraph indent, the text hangs after it, levels step in") {
    const float em = 10.5f;
    model::Block inner = list_of({{para("内层的条目")}});
    model::Block outer = list_of({{para("第一条" + prose(70, 3)), inner}, {para("第二条")}});
    auto doc = typeset_it(one_chapter({para(prose(90)), outer}));
    const Edges e = body_edges(doc);
    auto all = items<display::GlyphRun>(doc);
    const display::GlyphRun *bullet = nullptr, *sub = nullptr, *first = nullptr,
                            *para_first = nullptr;
    for (const auto& r : all) {
        if (r.text == "•" && !bullet) bullet = &r;
        if (r.text == "◦") sub = &r;
        if (r.text.rfind("第一条", 0) == 0) first = &r;
        if (r.text.rfind("排版是", 0) == 0 && !para_first) para_first = &r;
    }
    REQUIRE(bullet);
    REQUIRE(sub);
    REQUIRE(first);
    REQUIRE(para_first);
    CHECK(para_first->x == doctest::Approx(e.left + 2 * em).epsilon(0.001));
    // Level 1: the marker at the paragraph indent, the text after it.
    CHECK(bullet->x == doctest::Approx(e.left + 2 * em).epsilon(0.001));
    CHECK(first->x >= bullet->x + run_width(*bullet) + 0.25f * em);
    CHECK(first->x <= bullet->x + 2 * em);
    // Level 2 steps in 2 em from level 1.
    CHECK(sub->x == doctest::Approx(bullet->x + 2 * em).epsilon(0.001));
    // The item's lines hang at its text's x; all but its last end flush at the right edge.
    std::map<long, std::pair<float, float>> lines;
    for (const auto& r : all)
        if (r.size == em && r.y >= first->y - 0.1f && r.y < sub->y - 0.1f && &r != bullet) {
            auto [it, fresh] = lines.try_emplace(std::lround(r.y * 4), r.x, r.x + run_width(r));
            if (!fresh) {
                it->second.first = std::min(it->second.first, r.x);
                it->second.second = std::max(it->second.second, r.x + run_width(r));
            }
        }
    REQUIRE(lines.size() >= 3);
    std::size_t i = 0;
    for (const auto& [y, lr] : lines) {
        INFO("item line " << i);
        CHECK(lr.first == doctest::Approx(first->x).epsilon(0.001));
        if (++i < lines.size()) CHECK(lr.second == doctest::Approx(e.right).epsilon(0.0005));
    }
}

TEST_CASE(
    "tables: a narrow table keeps its natural width, centred; a wide one fills the measure inset "
    "by 1 em") {
    model::Block narrow;
    narrow.kind = model::BlockKind::Table;
    narrow.header_rows = 1;
    auto cell = [](std::string s) { return model::TableCell{{text(std::move(s))}, {}}; };
    narrow.rows.push_back({cell("语法"), cell("效果")});
    narrow.rows.push_back({cell("强调"), cell("着重号")});
    narrow.rows.push_back({cell("删除线"), cell("删去的字")});
    auto doc = typeset_it(one_chapter({para(prose(90)), narrow}));
    const Edges e = body_edges(doc);
    float x1 = 1e9f, x2 = 0;
    for (const auto& r : items<display::Rule>(doc))
        if (r.y1 == r.y2 && std::fabs(r.width - 0.8f) < 0.01f)
            x1 = std::min(x1, r.x1), x2 = std::max(x2, r.x2);
    REQUIRE(x2 > x1);
    CHECK(x2 - x1 < (e.right - e.left) * 0.6f);
    CHECK((x1 - e.left) == doctest::Approx(e.right - x2).epsilon(0.01));
    // Rows read in order: each row's cells share a baseline, about 1 em apart.
    const display::GlyphRun *a = nullptr, *b = nullptr;
    const auto cells = items<display::GlyphRun>(doc);
    for (const auto& r : cells) {
        if (r.text == "删除线") a = &r;
        if (r.text == "删去的字") b = &r;
    }
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->y == b->y);
    CHECK(b->x - (a->x + run_width(*a)) <= 2.5f * 10.5f);

    auto wide = typeset_it(one_chapter({para(prose(90)), table_block(3)}));
    const Edges we = body_edges(wide);
    float w1 = 1e9f, w2 = 0;
    for (const auto& r : items<display::Rule>(wide))
        if (r.y1 == r.y2 && std::fabs(r.width - 0.8f) < 0.01f)
            w1 = std::min(w1, r.x1), w2 = std::max(w2, r.x2);
    CHECK(w1 == doctest::Approx(we.left + 10.5f).epsilon(0.001));
    CHECK(w2 == doctest::Approx(we.right - 10.5f).epsilon(0.001));
}

TEST_CASE(
    "headings: a wrapping heading's lines are flush but the last, which is never one character") {
    for (int n : {22, 23, 25, 31}) {
        std::string title = prose(n, 5);
        auto doc =
            typeset_it(one_chapter({para(prose(90)), heading(3, title, "h"), para(prose(30))}));
        const Edges e = body_edges(doc);
        std::map<long, std::pair<float, float>> lines;
        std::map<long, std::string> texts;
        const auto all = items<display::GlyphRun>(doc);
        float hsize = 0;
        for (const auto& r : all)
            if (r.text.rfind(title.substr(0, 9), 0) == 0 && r.size > 10.6f) hsize = r.size;
        REQUIRE(hsize > 0);
        for (const auto& r : all)
            if (r.size == hsize) {
                auto [it, fresh] = lines.try_emplace(std::lround(r.y * 4), r.x, r.x + run_width(r));
                if (!fresh) it->second.second = std::max(it->second.second, r.x + run_width(r));
                texts[std::lround(r.y * 4)] += r.text;
            }
        INFO("title of " << n << " characters");
        REQUIRE(lines.size() >= 2);
        std::size_t i = 0;
        for (const auto& [y, lr] : lines)
            if (++i < lines.size()) CHECK(lr.second == doctest::Approx(e.right).epsilon(0.0005));
        CHECK(base::to_u32(texts.rbegin()->second).size() >= 2);
    }
}

TEST_CASE("blocks: a link wrapped over several lines is one Link element of its paragraph") {
    model::Inline link =
        wrap(model::InlineKind::Link,
             {text("https://example.invalid/archive/2024/05/column-export/chapter-07/"
                   "comments?sort=likes&page=3&utm_source=newsletter")});
    link.url = "https://example.invalid/archive";
    auto doc =
        typeset_it(one_chapter({para({text("正文里的链接："), link, text("，后面还有字。")})}));
    REQUIRE_FALSE(doc.structure.empty());
    std::set<int> link_tags, annot_tags;
    int link_areas = 0, para_tag = -1;
    for (const auto& page : doc.pages)
        for (const auto& it : page.items) {
            if (auto l = std::get_if<display::Link>(&it); l && !l->uri.empty()) {
                ++link_areas;
                annot_tags.insert(l->tag);
            }
            if (auto r = std::get_if<display::GlyphRun>(&it)) {
                if (r->text.find("example") != std::string::npos ||
                    r->text.find("newsletter") != std::string::npos)
                    link_tags.insert(r->tag);
                if (r->text.find("正文里的链接") != std::string::npos) para_tag = r->tag;
            }
        }
    CHECK(link_areas >= 2);          // the address wraps
    REQUIRE(link_tags.size() == 1);  // but it is one element
    CHECK(annot_tags == link_tags);
    const int tag = *link_tags.begin();
    REQUIRE(tag >= 0);
    CHECK(doc.structure[std::size_t(tag)].role == "Link");
    CHECK(doc.structure[std::size_t(tag)].parent == para_tag);  // inside the paragraph
}
