// Tables across pages: a row taller than a page is split into line bands that continue
// on the next pages under the repeated header; rows that fit a page never split.
#include <doctest/doctest.h>

#include "typeset/pages_fixtures.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

model::TableCell cell(std::string s) { return model::TableCell{{text(std::move(s))}, {}}; }

float width_of(const display::GlyphRun& r) {
    float w = 0;
    for (const auto& g : r.glyphs) w += g.advance;
    return w;
}

bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

void erase_all(std::string& s, const std::string& part) {
    for (auto p = s.find(part); p != std::string::npos; p = s.find(part)) s.erase(p, part.size());
}

}  // namespace

TEST_CASE(
    "tables: a row taller than a page continues on the next pages under the repeated header") {
    std::string tall;
    for (int i = 0; i < 700; ++i) tall += "很长的单元格";
    tall += "终";
    model::Block t;
    t.kind = model::BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back({cell("表头甲"), cell("表头乙")});
    t.rows.push_back({cell("短"), cell(tall)});
    t.rows.push_back({cell("尾行"), cell("结束")});
    model::Book book = one_chapter({para(prose(60)), t, para("表后的正文")});

    const config::Layout L;
    base::SourceMap sources;
    base::DiagSink diags;
    auto doc = typeset::typeset_book(book, L, test_fonts(), sources, diags);
    for (const auto& d : diags.all())
        CHECK_MESSAGE(!has(d.message, "taller than a page"), d.message);

    const float cell_size = float(L.body_size) * 0.9f;
    const float top = float(L.margin_top), bottom = float(L.page_height - L.margin_bottom);
    const float left = float(std::min(L.margin_inner, L.margin_outer));
    const float right = float(L.page_width - std::min(L.margin_inner, L.margin_outer));

    std::string cells;  // the table's run texts in reading order
    std::vector<std::size_t> tall_pages;
    int tagged_headers = 0;
    for (std::size_t p : body_pages(doc)) {
        const auto& page = doc.pages[p];
        bool tall_here = false;
        std::string header_here;
        for (const auto& it : page.items) {
            if (auto r = std::get_if<display::GlyphRun>(&it); r && r->size == cell_size) {
                // Every table run lies inside the page's text block.
                CHECK(r->y - 0.88f * r->size >= top - 0.01f);
                CHECK(r->y + 0.12f * r->size <= bottom + 0.01f);
                CHECK(r->x >= left - 0.01f);
                CHECK(r->x + width_of(*r) <= right + 0.01f);
                cells += r->text;
                if (has(r->text, "单元") || has(r->text, "终")) tall_here = true;
                if (r->text == "表头甲" || r->text == "表头乙") {
                    header_here += r->text;
                    tagged_headers += r->tag >= 0;  // repetitions are artifacts
                }
            }
            // The table's rules (0.8, 0.5, 0.25 pt; the running head's is 0.35 pt).
            if (auto rule = std::get_if<display::Rule>(&it);
                rule && rule->y1 == rule->y2 &&
                (rule->width == 0.8f || rule->width == 0.5f || rule->width == 0.25f)) {
                CHECK(rule->y1 >= top - 0.01f);
                CHECK(rule->y1 <= bottom + 0.01f);
            }
        }
        if (tall_here) {
            tall_pages.push_back(p);
            CHECK_MESSAGE(header_here == "表头甲表头乙", "page " << p);
        }
    }
    // The row spans several consecutive pages; the header is in the structure once.
    REQUIRE(tall_pages.size() >= 2);
    CHECK(tagged_headers == 2);
    for (std::size_t k = 1; k < tall_pages.size(); ++k)
        CHECK(tall_pages[k] == tall_pages[k - 1] + 1);
    // Nothing of the cell is lost or repeated: the runs read back as the cell's text.
    CHECK(has(cells, "尾行"));
    CHECK(has(cells, "结束"));
    for (const char* other : {"表头甲", "表头乙", "短", "尾行", "结束"}) erase_all(cells, other);
    CHECK(cells == tall);
}

TEST_CASE("tables: rows that fit a page never split, even when the table breaks") {
    model::Block t;
    t.kind = model::BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back({cell("列")});
    const int nrows = 40;
    for (int r = 0; r < nrows; ++r)
        t.rows.push_back({cell("起" + std::to_string(r) + "点" + prose(120, r) + "末" +
                               std::to_string(r) + "尾")});
    auto doc = typeset_it(one_chapter({para(prose(60)), t}));
    std::vector<std::string> texts;
    for (std::size_t p : body_pages(doc)) {
        std::string s;
        for (const auto& l : lines(doc.pages[p])) s += l.text;
        texts.push_back(s);
    }
    int breaks = 0;
    for (int r = 0; r < nrows; ++r) {
        const std::string a = "起" + std::to_string(r) + "点", z = "末" + std::to_string(r) + "尾";
        int pa = -1, pz = -1;
        for (std::size_t p = 0; p < texts.size(); ++p) {
            if (has(texts[p], a)) pa = int(p);
            if (has(texts[p], z)) pz = int(p);
        }
        REQUIRE(pa >= 0);
        CHECK_MESSAGE(pa == pz, "row " << r);
        if (r > 0) {
            const std::string prev = "末" + std::to_string(r - 1) + "尾";
            for (std::size_t p = 0; p < texts.size(); ++p)
                if (has(texts[p], prev) && int(p) != pa) ++breaks;
        }
    }
    CHECK(breaks >= 1);  // the table did break across pages
}

namespace {

// Every glyph run of the table (its header cells 列<n>, its body cells 一二三四五六) lies
// inside the text block; returns the warnings the build gave.
std::vector<std::string> table_inside_measure(int ncols) {
    model::Block t;
    t.kind = model::BlockKind::Table;
    t.header_rows = 1;
    std::vector<model::TableCell> head, row;
    for (int c = 0; c < ncols; ++c) {
        head.push_back(cell("列" + std::to_string(c)));
        row.push_back(cell("一二三四五六"));
    }
    t.rows = {head, row};
    model::Book book = one_chapter({para("表前"), t});
    const config::Layout L;
    base::SourceMap sources;
    base::DiagSink diags;
    auto doc = typeset::typeset_book(book, L, test_fonts(), sources, diags);
    std::string cells;
    for (std::size_t p : body_pages(doc)) {
        const bool recto = p % 2 == 0;
        const float left = float(recto ? L.margin_inner : L.margin_outer);
        const float right = float(L.page_width) - float(recto ? L.margin_outer : L.margin_inner);
        for (const auto& it : doc.pages[p].items)
            if (auto r = std::get_if<display::GlyphRun>(&it);
                r && r->size < float(L.body_size) &&
                (has(r->text, "列") || has("一二三四五六", r->text))) {
                cells += r->text;
                CHECK_MESSAGE(r->x >= left - 0.01f, r->text);
                CHECK_MESSAGE(r->x + width_of(*r) <= right + 0.01f, r->text << " on page " << p);
            }
    }
    // Every cell is there: each header once, each body cell's six characters.
    auto count = [&](const std::string& part) {
        int k = 0;
        for (auto p = cells.find(part); p != std::string::npos; p = cells.find(part, p + 1)) ++k;
        return k;
    };
    CHECK(count("列") == ncols);
    CHECK(count("六") == ncols);
    std::vector<std::string> warnings;
    for (const auto& d : diags.all()) warnings.push_back(d.message);
    return warnings;
}

}  // namespace

TEST_CASE("tables: many columns give up inset, gutters, width and then type size, never the page") {
    // 14 columns fit at one character a column, without a word.
    CHECK(table_inside_measure(14).empty());
    // 40 do not: the table's type gets smaller, and the author is told.
    auto w = table_inside_measure(40);
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "a table of 40 columns is too wide for the page; its type is reduced");
}

TEST_CASE("tables: a paragraph ending in a colon stays on the page of the table it introduces") {
    model::Block t;
    t.kind = model::BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back({cell("表头甲"), cell("表头乙")});
    for (int r = 0; r < 8; ++r) t.rows.push_back({cell("行" + std::to_string(r)), cell("内容")});
    int apart = 0, together = 0;
    // Filler of every length from 20 to 26 lines: one of them leaves the introduction
    // as the last line of a page.
    for (int n = 20 * 29; n <= 26 * 29; n += 29) {
        auto doc = typeset_it(one_chapter({para(prose(n)), para("下表列出各个文件的职责："), t}));
        int intro = -1, head = -1;
        for (std::size_t p : body_pages(doc))
            for (const auto& l : lines(doc.pages[p])) {
                if (has(l.text, "各个文件的职责") && intro < 0) intro = int(p);
                if (has(l.text, "表头甲") && head < 0) head = int(p);
            }
        REQUIRE(intro >= 0);
        REQUIRE(head >= 0);
        CHECK_MESSAGE(intro == head, "filler " << n);
        (intro == head ? together : apart)++;
    }
    CHECK(together == 7);
}
