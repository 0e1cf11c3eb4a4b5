// Markdown articles: GFM features, front matter, footnotes, inline/raw HTML, images.
#include "load/chapter.hpp"
#include "load_helpers.hpp"

using namespace bookc;

namespace {

// Loads tests/fixtures/load/book/features.md the way load_book would.
struct Features {
    std::string dir = test::fixture("book");
    test::Loaded l;
    explicit Features(const config::BookConfig& cfg = {}) {
        std::string text = test::read_text(dir + "/features.md");
        REQUIRE(!text.empty());
        base::FileId id = l.sources.add(dir + "/features.md", "features.md", text);
        l.chapter = load::load_chapter(dir, id, load::detect_format(text, ".md"), cfg, l.book,
                                       l.sources, l.diags);
    }
};

const model::Block* find_block(const model::Blocks& bs, model::BlockKind k) {
    for (const auto& b : bs)
        if (b.kind == k) return &b;
    return nullptr;
}

}  // namespace

TEST_CASE("markdown: front matter and the repeated title heading") {
    Features f;
    const auto& ch = f.l.chapter;
    CHECK(ch.title == "功能一览");
    CHECK(ch.author == "编辑部");
    CHECK(ch.date == "2024-05-01");
    CHECK(ch.description == "一篇覆盖各种写法的短文。");
    REQUIRE(ch.tags.size() == 2);
    CHECK(ch.tags[1] == "测试");
    REQUIRE(!ch.blocks.empty());
    CHECK(ch.blocks[0].kind == model::BlockKind::Paragraph);  // "# 功能一览" dropped
    // title span points at the value in the front matter
    const auto& src = f.l.sources.get(ch.file).text;
    CHECK(src.substr(ch.title_span.begin, ch.title_span.end - ch.title_span.begin) == "功能一览");
}

TEST_CASE("markdown: golden dump of every feature") {
    Features f;
    test::check_golden("model/features-md.txt", test::dump_chapter(f.l.chapter, f.l.book));
}

TEST_CASE("markdown: diagnostics for images, with exact positions") {
    config::BookConfig link;
    link.images.remote = config::RemoteImages::Link;
    Features f(link);
    std::string p = f.dir + "/features.md";
    CHECK(f.l.diag_text() ==
          p + ":17:1: warning: image not found: img/missing.png\n" + p +
              ":19:1: warning: remote image is not downloaded (kept as a link): "
              "https://example.org/a.png\n"
              "  hint: further remote images in this file are not reported\n" +
              p + ":21:1: error: image is outside the book folder: ../outside.png\n");
}

TEST_CASE("markdown: remote images by [images] remote: fetch (later, in one batch) or error") {
    Features fetch;  // the default: nothing said while parsing; load_book fetches afterwards
    std::string p = fetch.dir + "/features.md";
    CHECK(fetch.l.diag_text() ==
          p + ":17:1: warning: image not found: img/missing.png\n" + p +
              ":21:1: error: image is outside the book folder: ../outside.png\n");
    config::BookConfig err;
    err.images.remote = config::RemoteImages::Error;
    Features e(err);
    CHECK(e.l.diag_text().find(p + ":19:1: error: remote image: https://example.org/a.png\n") !=
          std::string::npos);
}

TEST_CASE("markdown: local images become one shared asset with sniffed type and size") {
    Features f;
    REQUIRE(f.l.book.assets.size() == 1);
    const auto& a = f.l.book.assets[0];
    CHECK(a.rel_path == "img/dot.png");
    CHECK(a.media_type == "image/png");
    CHECK(a.width == 3);
    CHECK(a.height == 2);
    REQUIRE(a.data);
    CHECK(a.data->substr(1, 3) == "PNG");
}

TEST_CASE("markdown: footnotes are numbered by first reference") {
    Features f;
    const auto& fns = f.l.chapter.footnotes;
    REQUIRE(fns.size() == 2);
    CHECK(fns[0].label == "first");
    CHECK(fns[0].number == 1);
    CHECK(fns[1].label == "second");
    CHECK(fns[1].number == 2);
    REQUIRE(!fns[1].blocks.empty());
    CHECK(model::plain_text(fns[1].blocks[0].inlines) == "第二个脚注，带 强调。");
    std::string d = test::dump_chapter(f.l.chapter);
    CHECK(d.find("footnote-ref 1 label=\"first\"") != std::string::npos);
    CHECK(d.find("footnote-ref 2 label=\"second\"") != std::string::npos);
}

TEST_CASE("markdown: tables, task lists, code, quotes") {
    Features f;
    const auto& bs = f.l.chapter.blocks;
    const auto* t = find_block(bs, model::BlockKind::Table);
    REQUIRE(t);
    CHECK(t->header_rows == 1);
    REQUIRE(t->rows.size() == 2);
    REQUIRE(t->aligns.size() == 3);
    CHECK(t->aligns[0] == model::Align::Left);
    CHECK(t->aligns[1] == model::Align::Center);
    CHECK(t->aligns[2] == model::Align::Right);
    const auto* list = find_block(bs, model::BlockKind::List);
    REQUIRE(list);
    REQUIRE(list->children.size() == 2);
    CHECK(list->children[0].task == 1);
    CHECK(list->children[1].task == 0);
    const auto* code = find_block(bs, model::BlockKind::CodeBlock);
    REQUIRE(code);
    CHECK(code->info == "cpp");
    CHECK(code->text == "int main() { return 0; }");
    const auto* q = find_block(bs, model::BlockKind::BlockQuote);
    REQUIRE(q);
    CHECK(q->children.size() == 2);
}

TEST_CASE("markdown: unsafe links and raw HTML never reach the model") {
    Features f;
    std::string d = test::dump_chapter(f.l.chapter);
    for (const char* bad :
         {"javascript", "alert", "steal", "onclick", "onmouseover", "iframe", "frame\"", "<"})
        CHECK_MESSAGE(d.find(bad) == std::string::npos, bad);
    CHECK(d.find("text \"坏链接 只留下文字。\"") != std::string::npos);
    CHECK(d.find("link url=\"https://example.org/ok\"") != std::string::npos);
    CHECK(d.find("段落，假链接和") != std::string::npos);
}

TEST_CASE("markdown: inline HTML is reassembled into real inlines") {
    test::Loaded l;
    test::load_text(
        l, "md-inline-html", "a.md",
        "前<strong>粗 *斜* 体</strong>后<br />\n第二行<img src=\"x.png\" alt=\"图\">。\n");
    REQUIRE(l.chapter.blocks.size() == 1);
    const auto& in = l.chapter.blocks[0].inlines;
    REQUIRE(in.size() >= 5);
    CHECK(in[0].text == "前");
    CHECK(in[1].kind == model::InlineKind::Strong);
    REQUIRE(in[1].children.size() == 3);
    CHECK(in[1].children[1].kind == model::InlineKind::Emph);
    CHECK(in[2].text == "后");
    CHECK(in[3].kind == model::InlineKind::LineBreak);
    CHECK(in[4].text == "第二行");
    CHECK(in[5].kind == model::InlineKind::Image);
    CHECK(in[5].text == "图");
    // The <img> keeps its own position for the diagnostic: line 2, column 4.
    CHECK(l.diag_text().find("a.md:2:4: warning: image not found: x.png") != std::string::npos);
}

TEST_CASE("markdown: an opening level-1 heading is the title when there is no front matter") {
    test::Loaded l;
    test::load_text(l, "md-h1", "x.md", "# 真正的标题\n\n正文。\n\n# 第二个一级标题\n");
    CHECK(l.chapter.title == "真正的标题");
    REQUIRE(l.chapter.blocks.size() == 2);
    CHECK(l.chapter.blocks[1].kind == model::BlockKind::Heading);
    CHECK(model::plain_text(l.chapter.blocks[1].inlines) == "第二个一级标题");
    CHECK(l.chapter.title_span.begin == 0);

    // After body text, a heading is a section: the file name stands in, with a warning.
    test::Loaded m;
    test::load_text(m, "md-h1-late", "x.md", "引言一句。\n\n# 不是标题\n\n正文。\n");
    CHECK(m.chapter.title == "x");
    CHECK(m.chapter.title_from_file);
    REQUIRE(m.chapter.blocks.size() == 3);
    CHECK(model::plain_text(m.chapter.blocks[1].inlines) == "不是标题");
}

TEST_CASE("markdown: invalid front matter is an error at its line, the body still loads") {
    test::Loaded l;
    test::load_text(l, "md-bad-yaml", "y.md", "---\ntitle: ok\ntags: [a, b\n---\n\n正文。\n");
    CHECK(l.diags.errors() == 1);
    CHECK(l.diag_text().find("y.md:4:1: error: invalid front matter") != std::string::npos);
    REQUIRE(l.chapter.blocks.size() == 1);
    CHECK(model::plain_text(l.chapter.blocks[0].inlines) == "正文。");
}

TEST_CASE("markdown: a boilerplate tail is cut but a comment block after it is kept") {
    test::Loaded l;
    test::load_text(l, "md-boilerplate", "b.md",
                    "# "
                    "标题\n\n第一段正文。\n\n第二段正文。\n\n第三段正文。\n\n相关文章\n\n[广告链接]"
                    "(https://example.org/ad)\n\n"
                    "<div><strong>精选留言（1）</strong></div><ul>\n"
                    "<li><img src=\"https://example.invalid/a.jpg\"><span>丙</span> 👍（2） "
                    "💬（0）<div>好文。</div>2024-01-01</li>\n"
                    "</ul>\n");
    std::string d = test::dump_chapter(l.chapter);
    CHECK(d.find("广告") == std::string::npos);
    CHECK(d.find("相关文章") == std::string::npos);
    CHECK(l.chapter.blocks.size() == 3);
    REQUIRE(l.chapter.comments);
    CHECK(l.chapter.comments->comments.size() == 1);
    CHECK(l.diags.all().empty());
}

TEST_CASE("markdown: footnote labels on continuation lines and in lists") {
    test::Loaded l;
    test::load_text(l, "md-footnotes", "f.md",
                    "第一行\n第二行有脚注[^甲]。\n\n- 列表项[^b2]\n\n[^b2]: 列表的注。\n[^甲]: "
                    "中文标签的注。\n");
    const auto& fns = l.chapter.footnotes;
    REQUIRE(fns.size() == 2);
    CHECK(fns[0].label == "甲");
    CHECK(model::plain_text(fns[0].blocks[0].inlines) == "中文标签的注。");
    CHECK(fns[1].label == "b2");
    CHECK(model::plain_text(fns[1].blocks[0].inlines) == "列表的注。");
}

TEST_CASE("markdown: a missing image used many times is reported once") {
    test::Loaded l;
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "![图](gone.png)";
    test::load_text(l, "md-many-missing", "m.md", text + "\n\n![又一张](gone2.png)\n");
    CHECK(l.diag_text() == l.sources.get(0).path + ":1:1: warning: image not found: gone.png\n" +
                               l.sources.get(0).path +
                               ":3:1: warning: image not found: gone2.png\n");
}

TEST_CASE("markdown: an opening thematic break is not front matter") {
    test::Loaded l;
    test::load_text(l, "md-hr-start", "h.md", "---\n\n这是正文，不是元数据。\n\n---\n\n结尾。\n");
    CHECK(l.diags.all().empty());
    REQUIRE(l.chapter.blocks.size() == 4);
    CHECK(l.chapter.blocks[0].kind == model::BlockKind::ThematicBreak);
    CHECK(l.chapter.blocks[2].kind == model::BlockKind::ThematicBreak);
    CHECK(load::detect_format("---\ntitle: 有\n---\n", ".txt") == model::Format::Markdown);
}

TEST_CASE("markdown: a comment heading inside a paragraph's inline HTML") {
    test::Loaded l;
    test::load_text(l, "md-inline-comments", "i.md",
                    "# 题目\n\n正文一段。\n<span>精选留言（1）</span>\n<ul>\n"
                    "<li><img src=\"https://example.invalid/a.jpg\"><span>丁</span> 👍（4） "
                    "💬（0）<div>赞同。</div>2023-03-03</li>\n"
                    "</ul>\n");
    REQUIRE(l.chapter.comments);
    REQUIRE(l.chapter.comments->comments.size() == 1);
    CHECK(l.chapter.comments->comments[0].author == "丁");
    CHECK(l.chapter.comments->comments[0].likes == 4);
    REQUIRE(l.chapter.blocks.size() == 1);
    CHECK(model::plain_text(l.chapter.blocks[0].inlines) == "正文一段。");
    CHECK(l.diags.all().empty());
}

TEST_CASE("markdown: a heading is the title only when it opens the article") {
    test::Loaded l;
    test::load_text(l, "md-mid-h1", "03-Mutex：4种易错场景大盘点.md",
                    "你好，我是作者。\n\n# 常见的4种错误场景\n\n正文。\n\n## 第一种\n\n再一段。\n");
    CHECK(l.chapter.title == "03 | Mutex：4种易错场景大盘点");
    CHECK_FALSE(l.chapter.title_from_file);
    REQUIRE(l.chapter.blocks.size() == 5);
    CHECK(l.chapter.blocks[1].kind == model::BlockKind::Heading);
    CHECK(model::plain_text(l.chapter.blocks[1].inlines) == "常见的4种错误场景");

    test::Loaded o;
    test::load_text(o, "md-open-h1", "x.md",
                    "<audio title=\"音频\" src=\"https://example.invalid/a.mp3\"></audio>\n\n# "
                    "真正的题目\n\n正文。\n");
    CHECK(o.chapter.title == "真正的题目");
}

TEST_CASE("markdown: an export's file name is its title, numbering tidied") {
    CHECK(load::export_title("03-Mutex：4种易错场景大盘点") == "03 | Mutex：4种易错场景大盘点");
    CHECK(load::export_title("04- Mutex：骇客编程，如何拓展额外功能？") ==
          "04 | Mutex：骇客编程，如何拓展额外功能？");
    CHECK(load::export_title("01 - Mutex：如何解决资源并发访问问题？") ==
          "01 | Mutex：如何解决资源并发访问问题？");
    CHECK(load::export_title("开篇词 - 想吃透Go并发编程，你得这样学！") ==
          "开篇词 | 想吃透Go并发编程，你得这样学！");
    CHECK(load::export_title("12 | atomic：要保证原子操作") == "12 | atomic：要保证原子操作");
    // Not the shape of an export: an id, a plain name, a long label, no title after the dash.
    CHECK(load::export_title("000_a5ae9357febfb203") == "");
    CHECK(load::export_title("my-notes") == "");
    CHECK(load::export_title("这是一个很长的中文文件名 - 副题") == "");
    CHECK(load::export_title("07 -") == "");
}
