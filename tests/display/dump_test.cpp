// display::dump: a stable, rounded, one-item-per-line text form of a display list.
#include <doctest/doctest.h>

#include "display/display.hpp"

using namespace bookc::display;

TEST_CASE("dump: every item kind, rounded numbers, quoted text") {
    Document doc;
    doc.meta.title = "书";
    doc.meta.author = "甲, 乙";
    doc.meta.language = "zh-CN";
    doc.meta.creator = "bookc";
    doc.fonts.push_back(
        {"/usr/share/fonts/x/NotoSerifCJK-Regular.ttc", 2, "NotoSerifCJKsc-Regular", 1000});
    doc.page_labels.push_back({0, LabelStyle::LowerRoman, "", 1});
    doc.page_labels.push_back({4, LabelStyle::Decimal, "", 1});
    doc.outline.push_back({"第一章", "ch01", {{"一节", "ch01/s1", {}}}});
    Page p;
    p.width = 419.527f;
    p.height = 595.28f;
    GlyphRun r;
    r.font = 0;
    r.size = 10.5f;
    r.color = {0.1f, 0.1f, 0.1f};
    r.x = 42.004f;
    r.y = -0.001f;
    r.text = "中\"文\"";
    r.glyphs = {{12, 0, 10.5f}, {13, 3, 10.25f}};
    p.items.push_back(r);
    p.items.push_back(Rule{1, 2, 3.456f, 2, 0.5f, {}, true});
    Rect rect;
    rect.x = 1, rect.y = 2, rect.w = 3, rect.h = 4;
    rect.stroke_width = 0.5f;
    p.items.push_back(rect);
    Cells cells;
    cells.x = 5, cells.y = 6, cells.size = 1.5f, cells.columns = 3, cells.rows = 2;
    cells.dark = {1, 0, 1, 0, 1, 0};
    cells.tag = 2;
    p.items.push_back(cells);
    Image im;
    im.x = 10, im.y = 20, im.w = 30.333f, im.h = 40;
    im.format = ImageFormat::Jpeg;
    im.data = std::make_shared<const std::string>("abc");
    im.pixel_width = 300, im.pixel_height = 400;
    im.key = "images/a.jpg";
    p.items.push_back(im);
    p.items.push_back(Link{1, 2, 3, 4, "https://example.com/", ""});
    p.items.push_back(Link{1, 2, 3, 4, "", "ch01"});
    p.items.push_back(Anchor{"ch01", 56});
    doc.pages.push_back(p);
    CHECK(dump(doc) ==
          "meta title=\"书\" author=\"甲, 乙\" subject=\"\" keywords=\"\" lang=\"zh-CN\" "
          "creator=\"bookc\" date=\"\"\n"
          "font 0 NotoSerifCJK-Regular.ttc#2 NotoSerifCJKsc-Regular upem=1000\n"
          "label page=0 lower-roman prefix=\"\" start=1\n"
          "label page=4 decimal prefix=\"\" start=1\n"
          "outline \"第一章\" -> ch01\n"
          "  outline \"一节\" -> ch01/s1\n"
          "page 1 419.53x595.28 items=8\n"
          "  text f0 10.5 #1a1a1a at 42,0 w=20.75 n=2 \"中\\\"文\\\"\"\n"
          "  rule 1,2 - 3.46,2 w=0.5 #000000 dotted\n"
          "  rect 1,2 3x4 fill=#f2f2f2 stroke=0.5#000000\n"
          "  cells 5,6 3x2 of 1.5 dark=3 #000000 #2\n"
          "  image \"images/a.jpg\" jpeg 300x400 at 10,20 30.33x40 bytes=3\n"
          "  link 1,2 3x4 uri=https://example.com/\n"
          "  link 1,2 3x4 dest=ch01\n"
          "  anchor ch01 y=56\n");
}

TEST_CASE("dump: an empty document is just its metadata line") {
    CHECK(dump(Document{}) ==
          "meta title=\"\" author=\"\" subject=\"\" keywords=\"\" lang=\"\" creator=\"\" "
          "date=\"\"\n");
}
