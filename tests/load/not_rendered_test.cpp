// Nothing is lost silently: a construct the loaders cannot render is a warning naming it
// at its line, and its text stays in the book.
#include <doctest/doctest.h>

#include "load_helpers.hpp"

using namespace bookc;

TEST_CASE("not rendered: each construct is named at its line, its text kept") {
    test::Loaded l;
    test::load_text(l, "not-rendered", "a.md",
                    "---\ntitle: 测试\ntitel: 错字\n---\n\n## 小节 {#custom}\n\n公式 "
                    "$\\frac{1}{2}$ 在这里。\n\n"
                    "<dl><dt>术语</dt><dd>解释</dd></dl>\n\n"
                    "<p>一段<u>下划线</u>和<ruby>汉<rt>hàn</rt></ruby>以及<math><mi>x</mi></math>和"
                    "<foo-bar>未知</foo-bar>。</p>\n\n"
                    "<table><tr><td colspan=\"2\">合并</td></tr></table>\n");
    const std::string p = l.sources.get(0).path;
    CHECK(
        l.diag_text() ==
        p +
            ":3:1: warning: front matter key `titel` is not understood; it is ignored\n"
            "  hint: bookc reads title, author(s), date, description (or summary) and tags\n" +
            p +
            ":6:1: warning: a heading attribute ({#custom}) is not rendered as such; it was taken "
            "off the heading\n" +
            p +
            ":10:1: warning: a definition list (<dl>) is not rendered as such; its terms and "
            "definitions are kept as paragraphs\n" +
            p +
            ":12:6: warning: underlined text (<u>) is not rendered as such; it is set as plain "
            "text\n" +
            p +
            ":12:17: warning: ruby annotation (<ruby>) is not rendered as such; the base text and "
            "its annotation are set one after the other\n" +
            p +
            ":12:69: warning: the unknown element <foo-bar> is not rendered as such; its text is "
            "kept\n" +
            p +
            ":14:12: warning: a table cell spanning several columns (colspan) is not rendered as "
            "such; its text is kept in one cell\n");
    std::string text = model::plain_text(l.chapter.blocks);
    CHECK(text == "小节\n公式 1/2 在这里。\n术语\n解释\n一段下划线和汉hàn以及x和未知。\n合并\t\n");
}
