// model::dump: stable, complete, escaped.
#include <doctest/doctest.h>

#include "model/model.hpp"

using namespace bookc::model;

TEST_CASE("dump: a hand-built book") {
    Book b;
    b.meta.title = "书\"名\"";
    b.meta.authors = {"甲"};
    b.meta.slug = "s";
    b.meta.modified = "1970-01-01T00:00:00Z";
    Part p;
    p.title = "卷一";
    Chapter c;
    c.title = "章";
    c.rel_path = "a.md";
    c.tags = {"t"};
    Block para;
    para.kind = BlockKind::Paragraph;
    para.span = {0, 3, 9};
    Inline strong;
    strong.kind = InlineKind::Strong;
    Inline t;
    t.text = "粗\n行";
    strong.children.push_back(t);
    para.inlines.push_back(strong);
    Inline fn;
    fn.kind = InlineKind::FootnoteRef;
    fn.text = "n";
    fn.number = 1;
    para.inlines.push_back(fn);
    c.blocks.push_back(para);
    Block h;
    h.kind = BlockKind::Heading;
    h.level = 2;
    c.blocks.push_back(h);
    Footnote f;
    f.label = "n";
    f.number = 1;
    f.id = "fn-1";
    c.footnotes.push_back(f);
    CommentThread th;
    th.declared = 1;
    Comment cm;
    cm.author = "乙";
    cm.likes = 2;
    cm.date = "2020-01-01";
    cm.has_reply = true;
    Inline r;
    r.text = "谢";
    cm.reply.push_back(r);
    th.comments.push_back(cm);
    c.comments = th;
    p.chapters.push_back(c);
    b.parts.push_back(p);
    Asset a;
    a.rel_path = "img/x.png";
    a.media_type = "image/png";
    a.width = 4;
    a.height = 5;
    a.data = std::make_shared<const std::string>("1234567");
    b.assets.push_back(a);
    CHECK(dump(b) ==
          "book\n"
          "  meta\n"
          "    title \"书\\\"名\\\"\"\n"
          "    author \"甲\"\n"
          "    language \"zh-CN\"\n"
          "    slug \"s\"\n"
          "    modified \"1970-01-01T00:00:00Z\"\n"
          "  part \"卷一\"\n"
          "    chapter \"章\" file=\"a.md\" format=markdown\n"
          "      tags \"t\"\n"
          "      blocks\n"
          "        paragraph @3-9\n"
          "          strong\n"
          "            text \"粗\\n行\"\n"
          "          footnote-ref 1 label=\"n\"\n"
          "        heading level=2\n"
          "      footnotes\n"
          "        footnote 1 label=\"n\" id=\"fn-1\"\n"
          "      comments heading=\"精选留言\" declared=1 found=1\n"
          "        comment 0 author=\"乙\" likes=2 replies=0 date=\"2020-01-01\"\n"
          "          avatar \"\"\n"
          "          body\n"
          "          reply date=\"\"\n"
          "            text \"谢\"\n"
          "  assets\n"
          "    asset 0 \"img/x.png\" image/png 4x5 7 bytes\n");
}

TEST_CASE("dump: control characters are escaped") {
    Book b;
    Part p;
    Chapter c;
    c.title = std::string(
        "a\x01"
        "b\tc",
        5);
    p.chapters.push_back(c);
    b.parts.push_back(p);
    CHECK(dump(b).find("chapter \"a\\x01b\\tc\"") != std::string::npos);
}
