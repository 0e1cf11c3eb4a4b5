// Helpers for the EPUB tests (named *_test.cpp so that the stage glob compiles it).
#include "epub_support.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include "support/test_support.hpp"
#include "write/epub/epub.hpp"

namespace bookc::epubtest {

using namespace model;

Inline T(std::string text) {
    Inline i;
    i.kind = InlineKind::Text;
    i.text = std::move(text);
    return i;
}
static Inline wrap(InlineKind k, std::vector<Inline> c) {
    Inline i;
    i.kind = k;
    i.children = std::move(c);
    return i;
}
Inline Em(std::vector<Inline> c) { return wrap(InlineKind::Emph, std::move(c)); }
Inline Strong(std::vector<Inline> c) { return wrap(InlineKind::Strong, std::move(c)); }
Inline Strike(std::vector<Inline> c) { return wrap(InlineKind::Strike, std::move(c)); }
Inline Code(std::string text) {
    Inline i;
    i.kind = InlineKind::Code;
    i.text = std::move(text);
    return i;
}
Inline Link(std::string url, std::vector<Inline> c) {
    Inline i = wrap(InlineKind::Link, std::move(c));
    i.url = std::move(url);
    return i;
}
Inline Img(std::string url, std::string alt, int asset) {
    Inline i;
    i.kind = InlineKind::Image;
    i.url = std::move(url);
    i.text = std::move(alt);
    i.asset = asset;
    return i;
}
Inline Br() {
    Inline i;
    i.kind = InlineKind::LineBreak;
    return i;
}
Inline Soft() {
    Inline i;
    i.kind = InlineKind::SoftBreak;
    return i;
}
Inline FnRef(std::string label, int number) {
    Inline i;
    i.kind = InlineKind::FootnoteRef;
    i.text = std::move(label);
    i.number = number;
    return i;
}

Block Para(std::vector<Inline> in, std::string role) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.inlines = std::move(in);
    b.role = std::move(role);
    return b;
}
Block Heading(int level, std::string text, std::string id) {
    Block b;
    b.kind = BlockKind::Heading;
    b.level = level;
    b.inlines = {T(std::move(text))};
    b.id = std::move(id);
    return b;
}
Block CodeBlock(std::string text, std::string lang) {
    Block b;
    b.kind = BlockKind::CodeBlock;
    b.text = std::move(text);
    b.info = std::move(lang);
    return b;
}
Block Quote(std::vector<Block> children) {
    Block b;
    b.kind = BlockKind::BlockQuote;
    b.children = std::move(children);
    return b;
}
Block List(bool ordered, std::vector<Block> items, int start, bool tight) {
    Block b;
    b.kind = BlockKind::List;
    b.ordered = ordered;
    b.children = std::move(items);
    b.start = start;
    b.tight = tight;
    return b;
}
Block Item(std::vector<Block> children, int task) {
    Block b;
    b.kind = BlockKind::ListItem;
    b.children = std::move(children);
    b.task = task;
    return b;
}
Block Hr() {
    Block b;
    b.kind = BlockKind::ThematicBreak;
    return b;
}

Comment MakeComment(std::string author, int likes, std::string date, std::string text,
                    std::string reply) {
    Comment c;
    c.author = std::move(author);
    c.likes = likes;
    c.date = std::move(date);
    c.body.emplace_back();
    c.body[0].inlines = {T(std::move(text))};
    if (!reply.empty()) {
        c.has_reply = true;
        c.reply = {T(std::move(reply))};
    }
    return c;
}

std::string tiny_png() {
    static const unsigned char png[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
        0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78,
        0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99,
        0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(png), sizeof png);
}

std::string tiny_svg() {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" fill="#8c1f1a"/></svg>)";
}

static Asset asset(std::string path, std::string type, std::string data) {
    Asset a;
    a.rel_path = std::move(path);
    a.media_type = std::move(type);
    a.data = std::make_shared<const std::string>(std::move(data));
    return a;
}

Book sample_book() {
    Book book;
    book.meta.title = "深入浅出排版";
    book.meta.subtitle = "一本测试用的书";
    book.meta.authors = {"张三", "李四"};
    book.meta.language = "zh-CN";
    book.meta.description = "关于中文排版的文章合集。";
    book.meta.subjects = {"排版", "出版"};
    book.meta.slug = "typesetting";
    book.meta.date = "2024-05-01";
    book.meta.modified = "2024-05-01T08:00:00Z";
    book.assets.push_back(asset("images/diagram.png", "image/png", tiny_png()));
    book.assets.push_back(asset("images/logo.svg", "image/svg+xml", tiny_svg()));
    book.assets.push_back(asset("images/cover.png", "image/png", tiny_png()));
    book.meta.cover_asset = 2;

    Chapter c1;
    c1.title = "第一章 标点与行首";
    c1.id = "ch01";
    c1.rel_path = "01-punct.md";
    c1.author = "张三";
    c1.date = "2024-01-02";
    c1.blocks.push_back(Para({T("本章讨论标点挤压。")}, "lead"));
    c1.blocks.push_back(
        Para({T("中文段落，包含"), Em({T("强调")}), T("、"), Strong({T("加粗")}), T("、"),
              Strike({T("删除")}), T("和"), Code("code()"), T("。"), Soft(), T("软换行之后继续。"),
              FnRef("note", 1), Br(), T("硬换行。")}));
    c1.blocks.push_back(Heading(2, "第一节 避头尾", "ch01-s1"));
    c1.blocks.push_back(
        Para({T("参见"), Link("https://example.com/a?b=1&c=2", {T("外部链接")}), T("和"),
              Link("02-images.md#ch02-s1", {T("第二章")}), T("。"), FnRef("2", 2)}));
    c1.blocks.push_back(CodeBlock("int main() {\n    return 0; // 注释\n}", "cpp"));
    c1.blocks.push_back(Quote({Para({T("引用的段落。")}), Quote({Para({T("嵌套引用。")})})}));
    c1.blocks.push_back(
        List(false, {Item({Para({T("无序一")}), List(true, {Item({Para({T("有序嵌套")})})}, 3)}),
                     Item({Para({T("无序二")})})}));
    c1.blocks.push_back(
        List(false, {Item({Para({T("已完成")})}, 1), Item({Para({T("未完成")})}, 0)}));
    c1.blocks.push_back(Heading(3, "小节", ""));
    Block table;
    table.kind = BlockKind::Table;
    table.aligns = {Align::Left, Align::Center, Align::Right};
    table.header_rows = 1;
    auto cell = [](std::string s) { return TableCell{{T(std::move(s))}, {}}; };
    table.rows = {{cell("名称"), cell("数量"), cell("价格")},
                  {cell("苹果"), cell("3"), cell("12.5")}};
    c1.blocks.push_back(table);
    c1.blocks.push_back(Hr());
    c1.blocks.push_back(Heading(2, "第二节 结语", "ch01-s2"));
    c1.blocks.push_back(Para({T("最后一段。")}));
    Footnote f1;
    f1.label = "note";
    f1.number = 1;
    f1.id = "fn-1";
    f1.blocks = {Para({T("第一个脚注。")})};
    Footnote f2;
    f2.label = "2";
    f2.number = 2;
    f2.id = "fn-2";
    f2.blocks = {Para({T("第二个脚注，带"), Link("https://example.org", {T("链接")}), T("。")})};
    c1.footnotes = {f1, f2};
    CommentThread th;
    th.comments = {MakeComment("王五", 128, "2024-02-03", "写得很好！", "谢谢支持。"),
                   MakeComment("赵六", 7, "2024-02-05 10:30", "第二条留言。"),
                   MakeComment("钱七", 0, "2024-02-06", "第三条，没有赞。")};
    c1.comments = th;

    Chapter c2;
    c2.title = "第二章 图片";
    c2.id = "ch02";
    c2.rel_path = "02-images.md";
    c2.blocks.push_back(Heading(2, "本地图片", "ch02-s1"));
    c2.blocks.push_back(Para({Img("images/diagram.png", "示意图", 0)}));
    c2.blocks.push_back(Para({T("行内 SVG："), Img("images/logo.svg", "标志", 1), T("。")}));
    c2.blocks.push_back(Heading(2, "远程图片", "ch02-s2"));
    c2.blocks.push_back(Para({Img("https://cdn.example.com/pic.jpg", "远程图", -1)}));
    Block audio;
    audio.kind = BlockKind::MediaNote;
    audio.info = "audio";
    audio.inlines = {T("本章朗读音频")};
    audio.url = "https://media.example.com/a.mp3";
    c2.blocks.push_back(audio);
    Block video;
    video.kind = BlockKind::MediaNote;
    video.info = "video";
    c2.blocks.push_back(video);

    Chapter c3;
    c3.title = "第三章 English and 中文";
    c3.id = "ch03";
    c3.rel_path = "part2/03-mixed.md";
    c3.blocks.push_back(Para({T("This is a line"), Soft(), T("that continues."), Soft(), T("中文"),
                              Soft(), T("接着。")}));
    c3.blocks.push_back(Para({Link("../01-punct.md", {T("回到第一章")})}));

    Part p1;
    p1.title = "上篇";
    p1.chapters = {c1, c2};
    Part p2;
    p2.title = "下篇";
    p2.chapters = {c3};
    book.parts = {p1, p2};
    return book;
}

config::Layout default_layout() {
    config::Layout l;
    l.name = "handbook";
    l.dir = test::source_dir() + "/layouts/handbook";
    return l;
}

Built build(const model::Book& book, const config::BookConfig& cfg, const config::Layout& layout) {
    Built b;
    font::FontDb fonts(test::source_dir());
    auto bytes = epub::write_epub(book, cfg, layout, fonts, b.diags);
    REQUIRE_MESSAGE(bytes.has_value(), b.diags.format({}));
    b.bytes = std::move(*bytes);
    return b;
}

std::vector<ZipFile> unzip(const std::string& bytes) {
    std::vector<ZipFile> out;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    REQUIRE(src != nullptr);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE_MESSAGE(za != nullptr, zip_error_strerror(&err));
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_index(za, i, 0, &st);
        ZipFile f;
        f.name = st.name;
        f.method = st.comp_method;
        f.data.resize(st.size);
        zip_file_t* zf = zip_fopen_index(za, i, 0);
        REQUIRE(zf != nullptr);
        if (st.size)
            REQUIRE(zip_fread(zf, f.data.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(zf);
        out.push_back(std::move(f));
    }
    zip_close(za);
    zip_error_fini(&err);
    return out;
}

std::map<std::string, std::string> unzip_map(const std::string& bytes) {
    std::map<std::string, std::string> m;
    for (auto& f : unzip(bytes)) m[f.name] = f.data;
    return m;
}

void parse_xml(pugi::xml_document& doc, const std::string& text, const std::string& name) {
    auto r = doc.load_buffer(text.data(), text.size(),
                             pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata);
    INFO(name);
    REQUIRE_MESSAGE(r, r.description());
}

void keep_for_epubcheck(const std::string& bytes, const std::string& name) {
    test::write_text(test::kept_epubs_dir() + "/" + name + ".epub", bytes);
}

}  // namespace bookc::epubtest
