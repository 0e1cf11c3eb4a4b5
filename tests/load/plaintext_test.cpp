// Plain-text articles.
#include "load_helpers.hpp"

#include "load/plaintext.hpp"

using namespace bookc;

TEST_CASE("text: title, lead, headings, paragraphs, dropped image names") {
    test::Loaded l;
    test::load_text(l, "txt-basic", "t.txt",
                    "  标题在第一行\n\n简介：这是一段摘要。\n摘要后的句子。\n\n小节名称\n\n"
                    "这一段比小节名称长得多，而且以句号结束。\n\n配图.PNG\n\n硬换行的文字第一部分\n"
                    "接着第二部分也很长很长\n结束。\n",
                    model::Format::PlainText);
    CHECK(l.chapter.title == "标题在第一行");
    const auto& b = l.chapter.blocks;
    REQUIRE(b.size() == 5);
    CHECK(b[0].role == "lead");
    CHECK(model::plain_text(b[0].inlines) == "这是一段摘要。");
    CHECK(model::plain_text(b[1].inlines) == "摘要后的句子。");
    CHECK(b[2].kind == model::BlockKind::Heading);
    CHECK(b[3].kind == model::BlockKind::Paragraph);
    // hard-wrapped lines are joined with soft breaks
    REQUIRE(b[4].inlines.size() == 5);
    CHECK(b[4].inlines[1].kind == model::InlineKind::SoftBreak);
    CHECK(model::plain_text(b[4].inlines) == "硬换行的文字第一部分接着第二部分也很长很长结束。");
    test::check_golden("model/plaintext-basic.txt", test::dump_chapter(l.chapter));
}

TEST_CASE("text: boilerplate markers from the config and the defaults") {
    std::string body = "标题\n\n第一段。\n\n第二段。\n\n第三段。\n\n第四段。\n\n";
    {
        test::Loaded l;
        test::load_text(l, "txt-bp1", "t.txt", body + "相关文章\n|\n广告一\n",
                        model::Format::PlainText);
        CHECK(test::dump_chapter(l.chapter).find("广告一") == std::string::npos);
        CHECK(l.chapter.blocks.size() == 4);
    }
    {
        config::BookConfig cfg;
        cfg.default_markers = false;
        test::Loaded l;
        test::load_text(l, "txt-bp2", "t.txt", body + "相关文章\n|\n广告一\n",
                        model::Format::PlainText, cfg);
        CHECK(test::dump_chapter(l.chapter).find("广告一") != std::string::npos);
    }
    {
        config::BookConfig cfg;
        cfg.boilerplate_markers = {"—— 完 ——"};
        test::Loaded l;
        test::load_text(l, "txt-bp3", "t.txt", body + "—— 完 ——\n版权所有\n",
                        model::Format::PlainText, cfg);
        CHECK(test::dump_chapter(l.chapter).find("版权所有") == std::string::npos);
        CHECK(l.chapter.blocks.size() == 4);
    }
}

TEST_CASE("text: image file name lines") {
    CHECK(load::is_image_file_line("孙琦.png"));
    CHECK(load::is_image_file_line("TB1HLKARVXXXXcKXpXXXXXXXXXX-586-338.jpg"));
    CHECK_FALSE(load::is_image_file_line("see figure.png for details"));
    CHECK_FALSE(load::is_image_file_line(".png"));
    CHECK_FALSE(load::is_image_file_line("在 a/b.png 里"));
}
