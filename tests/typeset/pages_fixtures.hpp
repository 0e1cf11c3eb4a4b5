// Hand-built books and display-list probes for the block/page engine's tests.
#pragma once
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "display/display.hpp"
#include "font/font.hpp"
#include "model/model.hpp"
#include "support/test_support.hpp"
#include "typeset/typeset.hpp"

namespace bookc::test {

inline model::Inline text(std::string s) {
    model::Inline i;
    i.text = std::move(s);
    return i;
}
inline model::Inline wrap(model::InlineKind k, model::Inlines children) {
    model::Inline i;
    i.kind = k;
    i.children = std::move(children);
    return i;
}
inline model::Block para(model::Inlines in) {
    model::Block b;
    b.inlines = std::move(in);
    return b;
}
inline model::Block para(std::string s) { return para(model::Inlines{text(std::move(s))}); }
inline model::Block heading(int level, std::string s, std::string id) {
    model::Block b;
    b.kind = model::BlockKind::Heading;
    b.level = level;
    b.inlines = {text(std::move(s))};
    b.id = std::move(id);
    return b;
}
// n characters of varied Chinese prose (deterministic).
inline std::string prose(int n, int seed = 0) {
    static const char* kSentences[] = {
        "排版是一门关于秩序的手艺，",     "好的书页让读者忘记了纸张的存在。",
        "中文段落的首行缩进两个字，",     "段与段之间不留空行，",
        "标点符号不能出现在行首，",       "引号和括号要紧贴所包围的文字；",
        "每一行都应当对齐到版心的两侧。", "页码和书眉帮助读者在书中定位，",
        "章节总是从右页开始，",           "脚注放在引用它的那一页的底部。"};
    std::string s;
    int chars = 0, i = seed;
    while (chars < n) {
        std::string t = kSentences[i++ % 10];
        s += t;
        chars += int(t.size() / 3);
    }
    return s;
}

inline model::Block table_block(int rows) {
    model::Block t;
    t.kind = model::BlockKind::Table;
    t.header_rows = 1;
    t.aligns = {model::Align::Left, model::Align::Right, model::Align::None};
    auto cell = [](std::string s) { return model::TableCell{{text(std::move(s))}, {}}; };
    t.rows.push_back({cell("名称"), cell("数量"), cell("说明")});
    for (int r = 0; r < rows; ++r)
        t.rows.push_back({cell("第" + std::to_string(r + 1) + "项"),
                          cell(std::to_string(r * 7 % 100)), cell(prose(8 + r % 3 * 10, r))});
    return t;
}

inline model::Comment comment(std::string author, int likes, std::string date, std::string body,
                              std::string reply = {}) {
    model::Comment c;
    c.author = std::move(author);
    c.likes = likes;
    c.date = std::move(date);
    model::Block p;
    p.inlines = {text(std::move(body))};
    c.body = {std::move(p)};
    if (!reply.empty()) {
        c.has_reply = true;
        c.reply = {text(std::move(reply))};
    }
    return c;
}

// A small book exercising every block kind over a few pages.
// A book of one chapter ("一章", in a book "书") holding `blocks`.
inline model::Book one_chapter(model::Blocks blocks) {
    model::Book book;
    book.meta.title = "书";
    model::Part part;
    model::Chapter ch;
    ch.title = "一章";
    ch.blocks = std::move(blocks);
    part.chapters.push_back(std::move(ch));
    book.parts.push_back(std::move(part));
    return book;
}

inline model::Book sample_book(int table_rows = 40) {
    model::Book book;
    book.meta.title = "排版之书";
    book.meta.subtitle = "一本关于书页的小书";
    book.meta.authors = {"张三", "李四"};
    book.meta.description = "测试用书";
    book.meta.subjects = {"排版", "书籍"};
    book.meta.modified = "2024-05-01T00:00:00Z";
    model::Part part;
    part.title = "第一部分";
    {
        model::Chapter ch;
        ch.title = "版心与网格";
        ch.id = "ch01";
        model::Block lead = para(prose(60, 3));
        lead.role = "lead";
        ch.blocks.push_back(lead);
        for (int i = 0; i < 5; ++i) ch.blocks.push_back(para(prose(90 + i * 30, i)));
        ch.blocks.push_back(heading(2, "行距与基线", "ch01-s1"));
        model::Inline fref;
        fref.kind = model::InlineKind::FootnoteRef;
        fref.number = 1;
        fref.text = "1";
        ch.blocks.push_back(
            para({text(prose(40, 1)), fref, text(prose(70, 2)),
                  wrap(model::InlineKind::Strong, {text("加粗的文字")}), text(prose(30, 4))}));
        model::Footnote fn;
        fn.number = 1;
        fn.label = "1";
        fn.id = "fn-1";
        fn.blocks.push_back(para("这是一个脚注，它应当出现在引用它的那一页的底部。"));
        ch.footnotes.push_back(fn);
        for (int i = 0; i < 3; ++i) ch.blocks.push_back(para(prose(120, i + 5)));
        model::Block quote;
        quote.kind = model::BlockKind::BlockQuote;
        quote.children.push_back(para(prose(80, 7)));
        ch.blocks.push_back(quote);
        model::Block list;
        list.kind = model::BlockKind::List;
        for (int i = 0; i < 3; ++i) {
            model::Block item;
            item.kind = model::BlockKind::ListItem;
            item.children.push_back(para(prose(30 + 20 * i, i)));
            list.children.push_back(item);
        }
        ch.blocks.push_back(list);
        model::Block code;
        code.kind = model::BlockKind::CodeBlock;
        code.text = "int main() {\n    return 0;\n}";
        ch.blocks.push_back(code);
        part.chapters.push_back(std::move(ch));
    }
    {
        model::Chapter ch;
        ch.title = "表格与留言";
        ch.id = "ch02";
        ch.blocks.push_back(para(prose(100, 2)));
        ch.blocks.push_back(table_block(table_rows));
        ch.blocks.push_back(heading(2, "小结", "ch02-s1"));
        ch.blocks.push_back(para(prose(150, 6)));
        model::CommentThread th;
        th.comments.push_back(comment("读者甲", 12, "2023-01-02", prose(50, 1), "谢谢你的阅读。"));
        th.comments.push_back(comment("读者乙", 3, "2023-02-03", prose(20, 2)));
        ch.comments = th;
        part.chapters.push_back(std::move(ch));
    }
    book.parts.push_back(std::move(part));
    return book;
}

inline font::FontDb& test_fonts() {
    static font::FontDb db(source_dir());
    return db;
}

inline display::Document typeset_it(const model::Book& book, const config::Layout& layout = {}) {
    base::SourceMap sources;
    base::DiagSink diags;
    return typeset::typeset_book(book, layout, test_fonts(), sources, diags);
}

// ---------------------------------------------------------------- probes
inline int page_of_anchor(const display::Document& doc, const std::string& name) {
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const auto& it : doc.pages[p].items)
            if (auto a = std::get_if<display::Anchor>(&it); a && a->name == name) return int(p);
    return -1;
}
inline std::vector<const display::GlyphRun*> runs(const display::Page& page) {
    std::vector<const display::GlyphRun*> v;
    for (const auto& it : page.items)
        if (auto r = std::get_if<display::GlyphRun>(&it)) v.push_back(r);
    return v;
}
// Lines of a page: runs grouped by baseline (rounded), joined left to right.
struct TextLine {
    float y = 0;
    float size = 0;  // largest run size on the line
    std::string text;
};
inline std::vector<TextLine> lines(const display::Page& page) {
    std::map<long, std::vector<const display::GlyphRun*>> by_y;
    for (auto r : runs(page)) by_y[std::lround(r->y * 4)].push_back(r);
    std::vector<TextLine> out;
    for (auto& [y, rs] : by_y) {
        std::sort(rs.begin(), rs.end(), [](auto a, auto b) { return a->x < b->x; });
        TextLine l;
        l.y = rs.front()->y;
        for (auto r : rs) l.text += r->text, l.size = std::max(l.size, r->size);
        out.push_back(l);
    }
    return out;
}
inline std::string page_text(const display::Page& page) {
    std::string s;
    for (const auto& l : lines(page)) s += l.text + "\n";
    return s;
}
// The pages after the front matter (the body), as indices into doc.pages.
inline std::vector<std::size_t> body_pages(const display::Document& doc) {
    std::vector<std::size_t> v;
    for (std::size_t p = std::size_t(doc.page_labels.back().first_page); p < doc.pages.size(); ++p)
        v.push_back(p);
    return v;
}
// Arabic number of a physical page (0-based index), 0 when in front matter.
inline int page_number(const display::Document& doc, int index) {
    int start = -1;
    for (const auto& l : doc.page_labels)
        if (l.style == display::LabelStyle::Decimal) start = l.first_page;
    return start < 0 || index < start ? 0 : index - start + 1;
}

}  // namespace bookc::test
