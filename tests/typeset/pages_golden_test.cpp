// Golden display-list dump of a small book, typeset with the golden fonts
// (support/golden.hpp; BOOKC_UPDATE_GOLDEN=1 rewrites it).
#include <doctest/doctest.h>

#include "support/golden.hpp"
#include "typeset/pages_fixtures.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

model::Book small_book() {
    model::Book book;
    book.meta.title = "小书";
    book.meta.authors = {"作者"};
    book.meta.modified = "2024-01-01T00:00:00Z";
    model::Part part;
    model::Chapter ch;
    ch.title = "第一章 开篇";
    ch.id = "ch01";
    ch.blocks.push_back(para("中文段落的首行缩进两个字，段与段之间不留空行。"));
    ch.blocks.push_back(heading(2, "一节", "ch01-s1"));
    model::Inline fref;
    fref.kind = model::InlineKind::FootnoteRef;
    fref.number = 1;
    ch.blocks.push_back(para(
        {text("脚注放在页底"), fref, text("。"), wrap(model::InlineKind::Strike, {text("删除")})}));
    model::Footnote fn;
    fn.number = 1;
    fn.blocks.push_back(para("注释。"));
    ch.footnotes.push_back(fn);
    model::Block list;
    list.kind = model::BlockKind::List;
    list.ordered = true;
    for (int i = 0; i < 2; ++i) {
        model::Block item;
        item.kind = model::BlockKind::ListItem;
        item.children.push_back(para("条目" + std::to_string(i + 1)));
        list.children.push_back(item);
    }
    ch.blocks.push_back(list);
    model::Block hr;
    hr.kind = model::BlockKind::ThematicBreak;
    ch.blocks.push_back(hr);
    part.chapters.push_back(ch);
    book.parts.push_back(part);
    return book;
}

}  // namespace

TEST_CASE("golden: display list of a small book") {
    display::Document doc = typeset_it(small_book());
    std::vector<std::string> used;
    for (const auto& f : doc.fonts) used.push_back(f.path);
    if (!golden_fonts(used)) return;
    check_golden("display/small_book.txt", display::dump(doc));
}
