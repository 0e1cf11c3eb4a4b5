// The four real input samples in ../shared/seeds (skipped when that folder is absent).
#include "load_helpers.hpp"

using namespace bookc;

namespace {

bool load_seed(test::Loaded& l, const std::string& prefix) {
    std::string dir = test::seeds_dir();
    if (dir.empty()) {
        MESSAGE("SKIP: ../shared/seeds not found");
        return false;
    }
    std::string name;
    for (const char* n : {"000_a5ae9357febfb203.txt", "001_3a7caf3cffc170c0.txt",
                          "002_f50fb78f14ebafab.txt", "003_d463545c44a11857.txt"})
        if (std::string(n).rfind(prefix, 0) == 0) name = n;
    std::string text = test::read_text(dir + "/" + name);
    if (text.empty()) {
        MESSAGE("SKIP: seed " << prefix << " not found");
        return false;
    }
    model::Format f = load::detect_format(text, ".txt");
    base::FileId id = l.sources.add(dir + "/" + name, name, text);
    l.chapter = load::load_chapter(dir, id, f, config::BookConfig{}, l.book, l.sources, l.diags);
    return true;
}

bool has_heading(const model::Blocks& blocks, const std::string& text) {
    for (const auto& b : blocks) {
        if (b.kind == model::BlockKind::Heading && model::plain_text(b.inlines) == text)
            return true;
        if (has_heading(b.children, text)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("seed 000: Markdown with a shape A comment block") {
    test::Loaded l;
    if (!load_seed(l, "000")) return;
    CHECK(l.chapter.format == model::Format::Markdown);
    CHECK(has_heading(l.chapter.blocks, "技术创新要跳出技术本身思考"));
    REQUIRE(l.chapter.comments.has_value());
    const auto& t = *l.chapter.comments;
    CHECK(t.declared == 7);
    REQUIRE(t.comments.size() == 7);
    CHECK(t.comments[0].author == "andrewFan");
    CHECK(t.comments[0].likes == 3);
    CHECK(t.comments[0].reply_count == 0);
    CHECK(t.comments[0].date == "2018-07-23");
    CHECK(t.comments[0].avatar_url ==
          "https://static001.geekbang.org/account/avatar/00/10/94/74/ad38a5a4.jpg");
    CHECK(model::plain_text(t.comments[0].body).rfind("不要为了技术创新而创新", 0) == 0);
    CHECK(t.comments[6].author == "zhengxm_16");
    CHECK(t.comments[6].source_order == 6);
    // The comment block is not also body content.
    std::string d = model::dump(l.book) + test::dump_chapter(l.chapter);
    CHECK(d.find("精选留言（7）") == std::string::npos);
    CHECK(d.find("andrewFan\"\n") == std::string::npos);
    CHECK(l.diags.errors() == 0);
    test::check_golden_hash("model/seed-000.hash", test::dump_chapter(l.chapter));
}

TEST_CASE("seed 001: audio title, entities, Q headings") {
    test::Loaded l;
    if (!load_seed(l, "001")) return;
    CHECK(l.chapter.format == model::Format::Markdown);
    CHECK(l.chapter.title == "大咖对话 | 未来技术负责人与首席增长官将如何协作？");
    REQUIRE(!l.chapter.blocks.empty());
    CHECK(l.chapter.blocks[0].kind == model::BlockKind::MediaNote);
    CHECK(l.chapter.blocks[0].info == "audio");
    CHECK(l.chapter.blocks[0].url.find("27e01d1a01c362c401a8a8071af370ca.mp3") !=
          std::string::npos);
    std::string d = test::dump_chapter(l.chapter);
    CHECK(d.find("GrowingIO 创始人&CEO") != std::string::npos);
    CHECK(d.find("&amp;") == std::string::npos);
    CHECK(has_heading(l.chapter.blocks,
                      "Q：作为技术出身的创业者，你认为技术人创业需要注意哪些问题？"));
    test::check_golden_hash("model/seed-001.hash", d);
}

TEST_CASE("seed 002: plain text with a boilerplate tail") {
    test::Loaded l;
    if (!load_seed(l, "002")) return;
    CHECK(l.chapter.format == model::Format::PlainText);
    CHECK(l.chapter.title == "一名创业者浴火涅磐的自白——对话阿里云 MVP孙琦");
    REQUIRE(!l.chapter.blocks.empty());
    CHECK(l.chapter.blocks[0].role == "lead");
    std::string d = test::dump_chapter(l.chapter);
    CHECK(d.find("相关文章") == std::string::npos);
    CHECK(d.find("CAP评测有奖") == std::string::npos);
    CHECK(d.find("孙琦.png") == std::string::npos);
    CHECK(d.find("我要成为阿里云 MVP") != std::string::npos);
    test::check_golden_hash("model/seed-002.hash", d);
}

TEST_CASE("seed 003: front matter title and nested lists") {
    test::Loaded l;
    if (!load_seed(l, "003")) return;
    CHECK(l.chapter.format == model::Format::Markdown);
    CHECK(l.chapter.title == "CTO");
    REQUIRE(!l.chapter.blocks.empty());
    // "# CTO" repeats the front matter title: not a body heading.
    CHECK_FALSE(has_heading(l.chapter.blocks, "CTO"));
    const auto& list = l.chapter.blocks[0];
    REQUIRE(list.kind == model::BlockKind::List);
    REQUIRE(list.children.size() == 2);
    const auto& second = list.children[1];
    REQUIRE(second.children.size() == 2);
    CHECK(second.children[1].kind == model::BlockKind::List);
    CHECK(second.children[1].children.size() == 3);
    test::check_golden_hash("model/seed-003.hash", test::dump_chapter(l.chapter));
}
