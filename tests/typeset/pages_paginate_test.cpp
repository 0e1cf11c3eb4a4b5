// The paginator on synthetic vertical lists (no fonts): keep rules, widows and orphans,
// footnotes, repeated table headers, the baseline grid, recto/verso margins.
#include <doctest/doctest.h>

#include "typeset/pages/pages.hpp"

using namespace bookc;
using namespace bookc::typeset;
using flow::Break;
using flow::VBox;

namespace {

flow::Styles styles() {
    flow::Styles st;
    st.layout = config::Layout{};
    st.size = 10.5f;
    st.pitch = 18.375f;
    st.measure = float(st.layout.page_width - st.layout.margin_inner - st.layout.margin_outer);
    st.body_height = float(st.layout.page_height - st.layout.margin_top - st.layout.margin_bottom);
    return st;
}

VBox line(const std::string& name, Break brk = Break::Allowed, float h = 18.375f) {
    VBox b;
    b.height = h;
    b.brk = brk;
    b.grid = true;
    b.items.push_back(display::Anchor{name, 0});
    return b;
}

// A paragraph of n lines named <p>.<k>, with the widow/orphan rules the builder applies.
void paragraph(flow::VList& l, const std::string& p, int n) {
    for (int k = 0; k < n; ++k)
        l.boxes.push_back(line(p + "." + std::to_string(k),
                               n >= 2 && (k == 1 || k == n - 1) ? Break::Avoid : Break::Allowed));
}

int page_of(const std::vector<display::Page>& pages, const std::string& name) {
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const auto& it : pages[p].items)
            if (auto a = std::get_if<display::Anchor>(&it); a && a->name == name) return int(p);
    return -1;
}

float y_of(const std::vector<display::Page>& pages, const std::string& name) {
    for (const auto& page : pages)
        for (const auto& it : page.items)
            if (auto a = std::get_if<display::Anchor>(&it); a && a->name == name) return a->y;
    return -1;
}

const int kLines = 26;  // whole body lines on an A5 page with the default layout

}  // namespace

TEST_CASE("paginate: a page holds whole grid lines") {
    auto st = styles();
    REQUIRE(int(st.body_height / st.pitch) == kLines);
    flow::VList l;
    paragraph(l, "a", 30);
    auto pages = pages::paginate(l, st);
    REQUIRE(pages.size() == 2);
    CHECK(page_of(pages, "a.25") == 0);
    CHECK(page_of(pages, "a.26") == 1);
    CHECK(y_of(pages, "a.26") == doctest::Approx(st.layout.margin_top));
}

TEST_CASE("paginate: no orphan (first line alone at the foot)") {
    auto st = styles();
    flow::VList l;
    paragraph(l, "a", kLines - 1);
    paragraph(l, "b", 4);
    auto pages = pages::paginate(l, st);
    CHECK(page_of(pages, "a.24") == 0);
    CHECK(page_of(pages, "b.0") == 1);
}

TEST_CASE("paginate: no widow (last line alone at the top)") {
    auto st = styles();
    flow::VList l;
    paragraph(l, "a", kLines + 1);
    auto pages = pages::paginate(l, st);
    CHECK(page_of(pages, "a.24") == 0);
    CHECK(page_of(pages, "a.25") == 1);  // two lines go over together
    CHECK(page_of(pages, "a.26") == 1);
}

TEST_CASE("paginate: a heading is never the last thing on a page") {
    auto st = styles();
    flow::VList l;
    paragraph(l, "a", kLines - 2);
    VBox glue;
    glue.height = st.pitch;
    glue.discardable = true;
    l.boxes.push_back(glue);
    l.boxes.push_back(line("h", Break::Allowed, 30));
    auto next = line("b.0", Break::Never);
    l.boxes.push_back(next);
    paragraph(l, "c", 3);
    auto pages = pages::paginate(l, st);
    CHECK(page_of(pages, "h") == 1);
    CHECK(page_of(pages, "b.0") == 1);
    CHECK(y_of(pages, "h") == doctest::Approx(st.layout.margin_top));  // glue dropped at the top
}

TEST_CASE("paginate: body lines snap back to the grid after odd-sized blocks") {
    auto st = styles();
    flow::VList l;
    paragraph(l, "a", 2);
    VBox code = line("code", Break::Allowed, 25);
    code.grid = false;
    l.boxes.push_back(code);
    paragraph(l, "b", 2);
    auto pages = pages::paginate(l, st);
    float y = y_of(pages, "b.0") - float(st.layout.margin_top);
    CHECK(y == doctest::Approx(4 * st.pitch));  // 2 lines + 25pt → rounded up to 4 lines
}

TEST_CASE("paginate: footnotes sit at the foot of the page that cites them") {
    auto st = styles();
    flow::VList l;
    std::vector<VBox> note;
    for (int i = 0; i < 3; ++i)
        note.push_back(line("fn." + std::to_string(i), Break::Allowed, 12.6f));
    l.footnotes.push_back(note);
    paragraph(l, "a", kLines - 2);
    l.boxes.back().footnotes.push_back(0);  // cited on the last line that fits with it
    paragraph(l, "b", 6);
    auto pages = pages::paginate(l, st);
    int cite = page_of(pages, "a." + std::to_string(kLines - 3));
    CHECK(page_of(pages, "fn.0") == cite);
    CHECK(page_of(pages, "fn.2") == cite);
    // The notes end at the bottom of the text block, below the last line of text.
    CHECK(y_of(pages, "fn.2") + 12.6f ==
          doctest::Approx(st.layout.page_height - st.layout.margin_bottom));
    float last_text = 0;
    for (const auto& it : pages[std::size_t(cite)].items)
        if (auto a = std::get_if<display::Anchor>(&it); a && a->name[0] != 'f')
            last_text = std::max(last_text, a->y);
    CHECK(last_text + st.pitch < y_of(pages, "fn.0"));
}

TEST_CASE("paginate: a table's header rows come back after a page break") {
    auto st = styles();
    flow::VList l;
    // The header row's rule says how wide the table is (here inset: 10 to 100 pt).
    VBox head = line("head", Break::Allowed, 20);
    head.items.push_back(display::Rule{10, 0, 100, 0, 0.8f, {}, false});
    l.headers.push_back({head});
    l.boxes.push_back(head);
    for (int r = 0; r < 40; ++r) {
        VBox row = line("row" + std::to_string(r), r == 0 ? Break::Never : Break::Allowed, 20);
        row.grid = false;
        row.header = 0;
        l.boxes.push_back(row);
    }
    auto pages = pages::paginate(l, st);
    REQUIRE(pages.size() == 2);
    int heads = 0;
    for (const auto& it : pages[1].items)
        if (auto a = std::get_if<display::Anchor>(&it); a && a->name == "head") {
            ++heads;
            CHECK(a->y == doctest::Approx(st.layout.margin_top));
        }
    CHECK(heads == 1);
    // The part on the first page is closed with a bottom rule under its last row.
    float last_row_end = 0;
    for (const auto& it : pages[0].items)
        if (auto a = std::get_if<display::Anchor>(&it))
            last_row_end = std::max(last_row_end, a->y + 20);
    bool closed = false;
    for (const auto& it : pages[0].items)
        if (auto r = std::get_if<display::Rule>(&it); r && r->y1 == doctest::Approx(last_row_end)) {
            closed = true;
            CHECK(r->x2 - r->x1 == doctest::Approx(90));  // as wide as the table, not the measure
        }
    CHECK(closed);
}

TEST_CASE("paginate: rectos have the inner margin on the left, versos on the right") {
    auto st = styles();
    flow::VList l;
    paragraph(l, "a", 3 * kLines);
    l.boxes[0].items.push_back(display::Rule{0, 0, 1, 0, 1, {}, false});
    l.boxes[std::size_t(kLines)].items.push_back(display::Rule{0, 0, 1, 0, 1, {}, false});
    auto pages = pages::paginate(l, st);
    auto rule_x = [&](int p) {
        for (const auto& it : pages[std::size_t(p)].items)
            if (auto r = std::get_if<display::Rule>(&it)) return r->x1;
        return -1.0f;
    };
    CHECK(rule_x(0) == doctest::Approx(st.layout.margin_inner));
    CHECK(rule_x(1) == doctest::Approx(st.layout.margin_outer));
    st.layout.facing = false;
    pages = pages::paginate(l, st);
    CHECK(rule_x(1) == doctest::Approx(st.layout.margin_inner));
}

namespace {

// A footnote of n lines named <name>.<k>, 12.6 pt each.
std::vector<VBox> note_lines(const std::string& name, int n) {
    std::vector<VBox> note;
    for (int k = 0; k < n; ++k)
        note.push_back(line(name + "." + std::to_string(k), Break::Allowed, 12.6f));
    return note;
}

// Every anchor named <prefix>.<k> must appear exactly once; returns their pages in order.
std::vector<int> pages_of_lines(const std::vector<display::Page>& pages, const std::string& prefix,
                                int n) {
    std::vector<int> out;
    for (int k = 0; k < n; ++k) {
        std::string name = prefix + "." + std::to_string(k);
        int count = 0;
        for (const auto& page : pages)
            for (const auto& it : page.items)
                if (auto a = std::get_if<display::Anchor>(&it); a && a->name == name) ++count;
        CHECK_MESSAGE(count == 1, name);
        out.push_back(page_of(pages, name));
    }
    return out;
}

// On every page the text ends above the footnotes, which stay inside the text block.
void check_no_overlap(const std::vector<display::Page>& pages, const flow::Styles& st) {
    for (std::size_t p = 0; p < pages.size(); ++p) {
        float text_bottom = 0, notes_top = 1e9f, notes_bottom = 0;
        for (const auto& it : pages[p].items)
            if (auto a = std::get_if<display::Anchor>(&it)) {
                if (a->name.rfind("fn", 0) == 0 || a->name.rfind("gn", 0) == 0)
                    notes_top = std::min(notes_top, a->y),
                    notes_bottom = std::max(notes_bottom, a->y + 12.6f);
                else
                    text_bottom = std::max(text_bottom, a->y + st.pitch);
            }
        CAPTURE(p);
        CHECK(text_bottom <= notes_top);
        CHECK(notes_bottom <= float(st.layout.page_height - st.layout.margin_bottom) + 0.01f);
        CHECK(text_bottom <= float(st.layout.page_height - st.layout.margin_bottom) + 0.01f);
    }
}

}  // namespace

TEST_CASE("paginate: a footnote longer than the footnote area goes on at the next pages' feet") {
    auto st = styles();
    flow::VList l;
    const int fn_lines = 80;  // more than two pages of footnote lines
    l.footnotes.push_back(note_lines("fn", fn_lines));
    paragraph(l, "a", 10);
    l.boxes[3].footnotes.push_back(0);
    l.boxes[7].footnotes.push_back(0);  // cited again: printed once
    paragraph(l, "b", 60);
    auto pages = pages::paginate(l, st);
    check_no_overlap(pages, st);
    auto where = pages_of_lines(pages, "fn", fn_lines);
    // The note starts on the citing page, and its lines never go backwards.
    CHECK(where[0] == page_of(pages, "a.3"));
    CHECK(where[1] == where[0]);
    for (int k = 1; k < fn_lines; ++k) CHECK(where[std::size_t(k)] >= where[std::size_t(k - 1)]);
    CHECK(where.back() > where[0] + 1);
    // While the text goes on, the notes take at most 60% of the text block.
    for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
        int lines_here = 0;
        for (int k = 0; k < fn_lines; ++k) lines_here += where[std::size_t(k)] == int(p);
        CHECK(lines_here * 12.6f <= 0.6f * st.body_height);
    }
    // Every body line is placed once, in order.
    auto body = pages_of_lines(pages, "b", 60);
    for (std::size_t k = 1; k < body.size(); ++k) CHECK(body[k] >= body[k - 1]);
}

TEST_CASE("paginate: continued notes come before the notes first cited on a page") {
    auto st = styles();
    flow::VList l;
    l.footnotes.push_back(note_lines("fn", 30));
    l.footnotes.push_back(note_lines("gn", 3));
    paragraph(l, "a", 20);
    l.boxes[2].footnotes.push_back(0);
    paragraph(l, "b", 20);
    l.boxes[l.boxes.size() - 5].footnotes.push_back(1);
    auto pages = pages::paginate(l, st);
    check_no_overlap(pages, st);
    auto f = pages_of_lines(pages, "fn", 30);
    auto g = pages_of_lines(pages, "gn", 3);
    CHECK(f.back() > f.front());   // the long note was split
    CHECK(g.front() >= f.back());  // the later note follows all of it
    if (g.front() == f.back()) CHECK(y_of(pages, "gn.0") > y_of(pages, "fn.29"));
    CHECK(g.front() == g.back());  // a short note is never split
}

TEST_CASE("paginate: a chapter ending with a long note gets pages of notes") {
    auto st = styles();
    flow::VList l;
    l.footnotes.push_back(note_lines("fn", 100));
    paragraph(l, "a", 4);
    l.boxes[1].footnotes.push_back(0);
    auto pages = pages::paginate(l, st);
    check_no_overlap(pages, st);
    auto where = pages_of_lines(pages, "fn", 100);
    // After the text ends the notes use the whole text block: 100 lines of 12.6 pt need
    // three A5 text blocks (about 37 lines each), not five 60% areas.
    CHECK(pages.size() == 3);
    CHECK(where.front() == 0);
}

TEST_CASE("paginate: notes cited while a long note goes on wait for it; the text does not") {
    auto st = styles();
    flow::VList l;
    l.footnotes.push_back(note_lines("fn", 150));  // three pages' worth of footnote area
    for (int k = 0; k < 8; ++k) l.footnotes.push_back(note_lines("gn" + std::to_string(k), 1));
    paragraph(l, "a", 3);
    l.boxes[1].footnotes.push_back(0);
    for (int k = 0; k < 8; ++k) {
        paragraph(l, "p" + std::to_string(k), 4);
        l.boxes[l.boxes.size() - 2].footnotes.push_back(k + 1);
    }
    auto pages = pages::paginate(l, st);
    check_no_overlap(pages, st);
    auto fn = pages_of_lines(pages, "fn", 150);
    // Every short note is printed once, after the long one has ended.
    for (int k = 0; k < 8; ++k) {
        const std::string name = "gn" + std::to_string(k) + ".0";
        CAPTURE(name);
        CHECK(pages_of_lines(pages, "gn" + std::to_string(k), 1).front() >= fn.back());
    }
    // The text is not held back: while it lasts, every page carries at least 40% of a
    // text block of it (the footnote area takes at most 60%).
    int last_text_page = 0;
    for (int k = 0; k < 8; ++k)
        last_text_page = std::max(last_text_page, page_of(pages, "p" + std::to_string(k) + ".3"));
    for (int p = 0; p < last_text_page; ++p) {
        int lines_here = 0;
        for (const auto& it : pages[std::size_t(p)].items)
            if (auto a = std::get_if<display::Anchor>(&it);
                a && (a->name[0] == 'a' || a->name[0] == 'p'))
                ++lines_here;
        CAPTURE(p);
        CHECK(lines_here >= 9);
    }
}

TEST_CASE(
    "paginate: glue after the last grid line gives up its shrink to keep a thread's end on the "
    "page") {
    auto st = styles();
    // Body lines, then a thread of comments (not on the grid) with shrinkable gaps; the
    // last comment fits only if the gaps close a little.
    auto build = [&](float shrink) {
        flow::VList l;
        paragraph(l, "a", kLines - 8);
        float used = float(kLines - 8) * st.pitch;
        int k = 0;
        while (true) {
            VBox gap;
            gap.height = 10;
            gap.shrink = shrink;
            gap.discardable = true;
            VBox c = line("c" + std::to_string(k), Break::Allowed, 30);
            c.grid = false;
            if (used + 10 + 30 > st.body_height + 2 * 5) break;  // one past the natural fit
            l.boxes.push_back(gap);
            l.boxes.push_back(c);
            used += 40;
            ++k;
        }
        return std::make_pair(pages::paginate(l, st), k);
    };
    auto [tight, n_tight] = build(5);
    auto [loose, n_loose] = build(0);
    REQUIRE(n_tight == n_loose);
    const std::string last = "c" + std::to_string(n_tight - 1);
    CHECK(page_of(tight, last) == 0);  // the gaps closed: the thread ends on the page
    CHECK(page_of(loose, last) == 1);  // without shrink it goes overleaf
    CHECK(tight.size() == 1);
    // Squeezed, the comments still follow each other without overlap, inside the block.
    float prev_end = 0;
    for (int c = 0; c < n_tight; ++c) {
        const float top = y_of(tight, "c" + std::to_string(c));
        CHECK(top >= prev_end - 0.01f);
        prev_end = top + 30;
    }
    CHECK(prev_end <= float(st.layout.page_height - st.layout.margin_bottom) + 0.01f);
}
