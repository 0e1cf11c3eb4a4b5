// layout_paragraph with the real Noto fonts: shaping, run texts, glyph ids, warnings.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <thread>

#include "base/utf8.hpp"
#include "font/font.hpp"
#include "typeset/inline/paragraph.hpp"

using namespace bookc;
using namespace bookc::typeset;

namespace {

struct Fonts {
    font::FontDb db{"/nonexistent"};
    FontChain serif;
    FontChain mono;
    Fonts() {
        serif.fonts.push_back(db.get("Noto Serif CJK SC"));
        mono.fonts.push_back(db.get("Noto Sans Mono CJK SC"));
    }
};

Fonts& fonts() {
    static Fonts f;
    return f;
}

ParagraphSpec spec_of(const std::string& text, float width, const FontChain* chain = nullptr) {
    ParagraphSpec s;
    StyledRun r;
    r.text = text;
    r.style.fonts = chain ? chain : &fonts().serif;
    r.style.size = 10;
    s.runs.push_back(r);
    s.width = width;
    return s;
}

std::string line_text(const Line& l) {
    std::string t;
    for (const auto& r : l.runs) t += r.text;
    return t;
}

// Two CJK characters side by side: the line has glue between Han characters, so when
// justified it always ends flush (without it, a line may be left short instead of
// letter-spacing its Latin text).
bool has_han_pair(const std::string& t) {
    const std::u32string u = bookc::base::to_u32(t);
    for (std::size_t i = 0; i + 1 < u.size(); ++i)
        if (bookc::base::is_cjk(u[i]) && bookc::base::is_cjk(u[i + 1])) return true;
    return false;
}

float line_advance(const Line& l) {
    float w = 0;
    for (const auto& r : l.runs)
        for (const auto& g : r.glyphs) w += g.advance;
    return w;
}

}  // namespace

TEST_CASE("fonts: the chain opened") {
    REQUIRE(fonts().serif.fonts[0]);
    REQUIRE(fonts().mono.fonts[0]);
    CHECK(fonts().serif.fonts[0]->info().index == 2);
}

TEST_CASE("paragraph: runs carry exactly the source text, glyphs are real") {
    FontTable table;
    base::DiagSink diags;
    const std::string text =
        "中文排版——这是一个测试……它包含“引号”和English words，还有2024年的数字。";
    auto layout = layout_paragraph(spec_of(text, 120), table, diags);
    REQUIRE(layout.lines.size() >= 2);
    std::string all;
    for (const auto& l : layout.lines) {
        all += line_text(l);
        for (const auto& r : l.runs) {
            for (std::size_t i = 0; i < r.glyphs.size(); ++i) {
                CHECK(r.glyphs[i].gid != 0);
                CHECK(r.glyphs[i].cluster < r.text.size());
                if (i) CHECK(r.glyphs[i].cluster >= r.glyphs[i - 1].cluster);
            }
        }
        CHECK(l.ascent > 7.0f);
        CHECK(l.descent > 1.0f);
    }
    CHECK(all == text);
    CHECK(diags.warnings() == 0);
    CHECK(layout.lines.back().last);
    // Every line but the last is flush with the measure.
    for (std::size_t i = 0; i + 1 < layout.lines.size(); ++i)
        CHECK(std::fabs(line_advance(layout.lines[i]) - 120.0f) < 0.01f);
    CHECK(table.faces().size() == 1);
    CHECK(table.faces()[0].face_index == 2);
}

TEST_CASE("paragraph: a character no font has is a warning naming it, not a tofu box") {
    FontTable table;
    base::DiagSink diags;
    auto spec = spec_of("好👍的", 200);
    spec.runs[0].span = {3, 10, 20};
    auto layout = layout_paragraph(spec, table, diags);
    REQUIRE(layout.lines.size() == 1);
    CHECK(line_text(layout.lines[0]) == "好的");
    for (const auto& r : layout.lines[0].runs)
        for (const auto& g : r.glyphs) CHECK(g.gid != 0);
    REQUIRE(diags.warnings() == 1);
    const auto& d = diags.all()[0];
    CHECK(d.message.find("U+1F44D") != std::string::npos);
    CHECK(d.message.find("👍") != std::string::npos);
    CHECK(d.span.file == 3);
    CHECK(d.span.begin == 10);
}

TEST_CASE("paragraph: per-character fallback through the chain") {
    FontTable table;
    base::DiagSink diags;
    FontChain chain;
    chain.fonts.push_back(fonts().db.get("DejaVu Sans"));
    chain.fonts.push_back(fonts().serif.fonts[0]);
    REQUIRE(chain.fonts[0]);
    auto layout = layout_paragraph(spec_of("Hello 世界 ok", 300, &chain), table, diags);
    REQUIRE(layout.lines.size() == 1);
    const auto& runs = layout.lines[0].runs;
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].text == "Hello ");
    CHECK(runs[1].text == "世界 ");  // a space stays with the font before it
    CHECK(runs[2].text == "ok");
    CHECK(runs[0].font == runs[2].font);
    CHECK(runs[0].font != runs[1].font);
    CHECK(table.faces().at(runs[1].font).face_index == 2);
    CHECK(runs[1].x > runs[0].x);
    CHECK(diags.warnings() == 0);
}

TEST_CASE("paragraph: ligatures and —— keep their clusters' text") {
    FontTable table;
    base::DiagSink diags;
    auto layout = layout_paragraph(spec_of("office——affine", 300), table, diags);
    REQUIRE(layout.lines.size() == 1);
    REQUIRE(layout.lines[0].runs.size() == 1);
    const auto& r = layout.lines[0].runs[0];
    CHECK(r.text == "office——affine");
    // The number of glyphs is below the number of characters: ffi and —— are single glyphs.
    CHECK(r.glyphs.size() < 14);
    bool dash_glyph = false;
    for (std::size_t i = 0; i < r.glyphs.size(); ++i) {
        std::size_t end = i + 1 < r.glyphs.size() ? r.glyphs[i + 1].cluster : r.text.size();
        if (r.text.substr(r.glyphs[i].cluster, end - r.glyphs[i].cluster) == "——")
            dash_glyph = true;
    }
    CHECK(dash_glyph);
}

TEST_CASE("paragraph: links become rectangles over their runs") {
    FontTable table;
    base::DiagSink diags;
    ParagraphSpec s = spec_of("见", 300);
    StyledRun link = s.runs[0];
    link.text = "第三章";
    link.style.link_dest = "ch3";
    StyledRun tail = s.runs[0];
    tail.text = "。";
    s.runs.push_back(link);
    s.runs.push_back(tail);
    auto layout = layout_paragraph(s, table, diags);
    REQUIRE(layout.lines.size() == 1);
    const auto& l = layout.lines[0];
    REQUIRE(l.links.size() == 1);
    CHECK(l.links[0].dest == "ch3");
    CHECK(l.links[0].x == doctest::Approx(10));
    CHECK(l.links[0].w == doctest::Approx(30));
    CHECK(l.links[0].y < 0);
    CHECK(l.links[0].h > 10);
}

TEST_CASE("paragraph: code wraps with a continuation mark and keeps blank lines") {
    FontTable table;
    base::DiagSink diags;
    ParagraphSpec s =
        spec_of("int main() {\n\n\treturn some_function(argument_one, argument_two);\n}", 150,
                &fonts().mono);
    s.code = true;
    s.align = TextAlign::Left;
    s.runs[0].style.monospace = true;
    auto layout = layout_paragraph(s, table, diags);
    std::vector<std::string> texts;
    for (const auto& l : layout.lines) texts.push_back(line_text(l));
    INFO(texts.size());
    REQUIRE(texts.size() >= 5);
    CHECK(texts[0] == "int main() {");
    CHECK(texts[1] == "");                         // the blank line
    CHECK(texts[2].rfind("    return ", 0) == 0);  // the tab became 4 spaces
    CHECK(texts.back() == "}");
    // Continuation lines start with the mark, and no line overflows.
    CHECK((texts[3].rfind("→", 0) == 0 || texts[3].rfind("↪", 0) == 0));
    for (const auto& l : layout.lines) {
        float right = 0;
        for (const auto& r : l.runs) {
            float w = 0;
            for (const auto& g : r.glyphs) w += g.advance;
            right = std::max(right, r.x + w);
        }
        CHECK(right <= 150.01f);
    }
}

TEST_CASE("paragraph: the rules hold on real text at many measures") {
    const std::string text =
        "排字工人常说“一行里不能以逗号开头”，这条规矩后来写进了标准，即“行首禁则：句读标点与结束括"
        "号不得居行首”，"
        "它让整页文字读起来安稳。到了电子排版的时代（尤其是2010年以后），机器接过了这件事——"
        "逐字判断、逐行调整……那么一个排版引擎该怎样兼顾美观与速度呢？办法其实不少：压缩了30%、"
        "每秒处理超过1,000,000个字。参见 "
        "https://example.invalid/notes/2024/linebreak?from=book&lang=zh 以及"
        "《排版的艺术》和 The Elements of Typographic Style 这本书。";
    const std::u32string no_start = U"、，。．：；！？”’」』）》〉】—…%";
    const std::u32string no_end = U"“‘「『（《〈【";
    for (float width = 100; width <= 420; width += 37) {
        FontTable table;
        base::DiagSink diags;
        auto spec = spec_of(text, width);
        spec.first_indent = 20;
        auto layout = layout_paragraph(spec, table, diags);
        std::string all;
        for (std::size_t i = 0; i < layout.lines.size(); ++i) {
            const Line& l = layout.lines[i];
            std::string t = line_text(l);
            // A hyphenated line ends in the soft hyphen of its drawn hyphen (A11): the
            // source text does not have it.
            const bool hyphenated = t.size() >= 2 && t.substr(t.size() - 2) == "\u00AD";
            all += hyphenated ? t.substr(0, t.size() - 2) : t;
            INFO("width " << width << " line " << i << ": " << t);
            if (hyphenated) t.resize(t.size() - 2);
            std::u32string u = bookc::base::to_u32(t);
            REQUIRE_FALSE(u.empty());
            if (i > 0) CHECK(no_start.find(u.front()) == std::u32string::npos);
            if (i + 1 < layout.lines.size()) {
                char32_t last = u.back() == U' ' && u.size() > 1 ? u[u.size() - 2] : u.back();
                CHECK(no_end.find(last) == std::u32string::npos);
                const float right = l.runs.front().x + line_advance(l);
                if (has_han_pair(t)) CHECK(std::fabs(right - width) < 0.01f);
            }
            CHECK(l.runs.front().x + line_advance(l) <= width + 0.01f);
        }
        CHECK(all == text);
        CHECK(layout.lines.front().runs.front().x >=
              10.0f);  // the indent (less ½ em for a bracket)
    }
}

TEST_CASE("paragraph: quotes and dashes stay in the font of the text around them") {
    FontTable table;
    base::DiagSink diags;
    FontChain latin_first;
    latin_first.fonts.push_back(fonts().db.get("DejaVu Serif"));
    latin_first.fonts.push_back(fonts().serif.fonts[0]);
    REQUIRE(latin_first.fonts[0]);
    REQUIRE(latin_first.fonts[0]->has_char(U'“'));
    auto layout =
        layout_paragraph(spec_of("他说“好”——then “OK” — fine", 400, &latin_first), table, diags);
    REQUIRE(layout.lines.size() == 1);
    const auto& runs = layout.lines[0].runs;
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].text == "他说“好”——");
    CHECK(runs[1].text == "then “OK” — fine");
    CHECK(table.faces().at(runs[0].font).face_index == 2);
}

TEST_CASE("paragraph: layouts in parallel threads match the sequential ones") {
    const std::vector<std::string> texts = {
        "中文排版——这是一个测试……它包含“引号”和English words，还有2024年的数字。",
        "标点挤压（括号）。」测试：“你好！”他说。网址https://example.com/a/b?x=1再见。",
        "Hello world, this is a long English sentence with words that should justify nicely.",
    };
    auto run_all = [&](FontTable& table, std::vector<std::string>& out) {
        base::DiagSink diags;
        for (int rep = 0; rep < 30; ++rep)
            for (const auto& t : texts) {
                auto layout =
                    layout_paragraph(spec_of(t, 90.f + 10.f * float(rep % 7)), table, diags);
                std::string dump;
                for (const auto& l : layout.lines) {
                    dump += line_text(l) + "|";
                    for (const auto& r : l.runs)
                        for (const auto& g : r.glyphs)
                            dump += std::to_string(g.gid) + ":" +
                                    std::to_string(int(g.advance * 100)) + " ";
                }
                out.push_back(dump);
            }
    };
    FontTable seq_table;
    std::vector<std::string> expected;
    run_all(seq_table, expected);
    FontTable table;
    std::vector<std::vector<std::string>> got(4);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { run_all(table, got[i]); });
    for (auto& t : threads) t.join();
    for (const auto& g : got) CHECK(g == expected);
    CHECK(table.faces().size() == 1);
}

TEST_CASE("paragraph: lines broken inside URLs and inline code are never letter-spaced") {
    const std::string before =
        "读者问：这到底是什么？ https://example.invalid/audio/handbook/reader-talk-08.mp3 "
        "配置里，也可以写成 ";
    const std::string code = "{ file = \"chapters/01-intro.md\", title = \"引言\" }";
    const std::string after = " 的样子，两种写法等价。";
    const auto& mono = *fonts().mono.fonts[0];
    int code_glyphs = 0, short_lines = 0;
    for (float width = 90; width <= 330; width += 11) {
        FontTable table;
        base::DiagSink diags;
        ParagraphSpec spec = spec_of(before, width);
        StyledRun c = spec.runs[0];
        c.text = code;
        c.style.fonts = &fonts().mono;
        c.style.monospace = true;
        StyledRun a = spec.runs[0];
        a.text = after;
        spec.runs.push_back(c);
        spec.runs.push_back(a);
        auto layout = layout_paragraph(spec, table, diags);
        REQUIRE(layout.lines.size() >= 2);
        for (std::size_t i = 0; i + 1 < layout.lines.size(); ++i) {
            const Line& l = layout.lines[i];
            INFO("width " << width << " line " << i << ": " << line_text(l));
            const float right = l.runs.front().x + line_advance(l);
            CHECK(right <= width + 0.01f);
            // Flush when it has glue between Han characters (outside the code, where
            // nothing stretches); else possibly a little short.
            std::string prose;
            for (const auto& r : l.runs)
                if (table.faces().at(r.font).path != mono.info().path) prose += r.text + " ";
            if (has_han_pair(prose))
                CHECK(std::fabs(right - width) < 0.01f);
            else
                short_lines += right < width - 0.01f;
            // Inside the code, each glyph but the run's last keeps its own advance exactly.
            for (const auto& r : l.runs) {
                if (table.faces().at(r.font).path != mono.info().path) continue;
                for (std::size_t g = 0; g + 1 < r.glyphs.size(); ++g) {
                    const float natural =
                        mono.advance(r.glyphs[g].gid) * r.size / float(mono.units_per_em());
                    CHECK(r.glyphs[g].advance == doctest::Approx(natural).epsilon(1e-4));
                    ++code_glyphs;
                }
            }
        }
    }
    CHECK(code_glyphs > 100);
    CHECK(short_lines > 0);
}

TEST_CASE("paragraph: struck runs get a rule across them, in their colour") {
    FontTable table;
    base::DiagSink diags;
    ParagraphSpec spec = spec_of("正文", 200);
    StyledRun s = spec.runs[0];
    s.text = "删去的字";
    s.style.strike = true;
    s.style.color = {0.5f, 0, 0};
    spec.runs.push_back(s);
    spec.runs.push_back(spec.runs[0]);
    auto layout = layout_paragraph(spec, table, diags);
    REQUIRE(layout.lines.size() == 1);
    const Line& l = layout.lines[0];
    REQUIRE(l.rules.size() == 1);
    const display::GlyphRun* struck = nullptr;
    for (const auto& r : l.runs)
        if (r.text == "删去的字") struck = &r;
    REQUIRE(struck);
    float w = 0;
    for (const auto& g : struck->glyphs) w += g.advance;
    CHECK(l.rules[0].x1 == doctest::Approx(struck->x));
    CHECK(l.rules[0].x2 == doctest::Approx(struck->x + w));
    CHECK(l.rules[0].y1 < 0);
    CHECK(l.rules[0].y1 > -10);
    CHECK(l.rules[0].color == display::Color{0.5f, 0, 0});
    CHECK(struck->color == display::Color{0.5f, 0, 0});
}

TEST_CASE("paragraph: a long URL does not loosen the Chinese lines before it") {
    // content/04: before URLs could space out, the optimizer loosened the three lines
    // before the address by up to 5 em (gaps of a full em after 。 and ，) because every
    // line ending inside the address had to be exactly full.
    const std::string text =
        "正文里的链接在电子书里可以点击，在纸书里却只能看。所以链接文字本身要有意义，不要写"
        "「点击这里」。特别长的地址最好不要直接出现在正文里，否则会在行尾被硬生生折断，比如"
        "这一个：https://example.invalid/archive/2024/05/column-export/chapter-07/comments?"
        "sort=likes&page=3&utm_source=newsletter&utm_medium=email";
    FontTable table;
    base::DiagSink diags;
    ParagraphSpec spec = spec_of(text, 300);  // 30 characters of 10 pt
    auto layout = layout_paragraph(spec, table, diags);
    REQUIRE(layout.lines.size() >= 4);
    for (std::size_t i = 0; i + 1 < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        INFO("line " << i << ": " << line_text(l) << " natural " << l.natural);
        if (line_text(l).find("http") != std::string::npos ||
            line_text(l).find("/") != std::string::npos)
            continue;                     // lines of the address itself
        CHECK(l.natural >= 300 - 10.0f);  // at most one em of slack to spread
    }
}

TEST_CASE("paragraph: a Latin line with a pair of Han characters does not gape between them") {
    // examples/mixed: once the word spaces and Han–Latin spaces had stretched to their
    // limit, the rest of the slack all went between the only two Han characters of the
    // line (排 and 版, a full em apart). Now what is left is shared by all the line's glue.
    const std::string text =
        "Unigrams index every character on its own. Simple and language-agnostic, but a search "
        "for 排版 also matches 排队的版本, and nonsense pairs like 文排 are harmless in practice.";
    int lines_checked = 0;
    for (float width = 180; width <= 330; width += 7) {
        FontTable table;
        base::DiagSink diags;
        auto layout = layout_paragraph(spec_of(text, width), table, diags);
        for (std::size_t i = 0; i + 1 < layout.lines.size(); ++i) {
            const Line& l = layout.lines[i];
            INFO("width " << width << " line " << i << ": " << line_text(l));
            for (const auto& r : l.runs) {
                std::size_t k = 0;
                for (const auto& g : r.glyphs) {
                    // The glyph's cluster text: one Han character, followed by another.
                    std::string t = r.text.substr(
                        g.cluster, k + 1 < r.glyphs.size() ? r.glyphs[k + 1].cluster - g.cluster
                                                           : std::string::npos);
                    std::string next =
                        k + 1 < r.glyphs.size() ? r.text.substr(r.glyphs[k + 1].cluster, 3) : "";
                    auto han = [](const std::string& s) {
                        return s.size() >= 3 && static_cast<unsigned char>(s[0]) >= 0xE4 &&
                               static_cast<unsigned char>(s[0]) <= 0xE9;
                    };
                    if (han(t) && han(next)) {
                        ++lines_checked;
                        CHECK(g.advance <= 10 * 1.25f);  // at most a quarter em between them
                    }
                    ++k;
                }
            }
        }
    }
    CHECK(lines_checked > 0);
}

TEST_CASE("paragraph: JustifyNear ends a line flush only when its glue can do it unforced") {
    FontTable table;
    base::DiagSink diags;
    // A mixed title: justified at some measures its Han characters would be spaced out;
    // JustifyNear leaves those lines ragged and never opens a Han pair.
    int ragged = 0;
    for (float width = 100; width <= 220; width += 2) {
        ParagraphSpec title = spec_of("Search without spaces｜没有空格的检索", width);
        title.align = TextAlign::JustifyNear;
        auto t = layout_paragraph(title, table, diags);
        for (std::size_t i = 0; i + 1 < t.lines.size(); ++i) {
            const Line& l = t.lines[i];
            INFO("width " << width << ": " << line_text(l));
            if (l.runs.front().x + line_advance(l) < width - 0.5f) ++ragged;
            for (const auto& r : l.runs)
                for (std::size_t k = 0; k + 1 < r.glyphs.size(); ++k) {
                    unsigned char c0 = static_cast<unsigned char>(r.text[r.glyphs[k].cluster]);
                    unsigned char c1 = static_cast<unsigned char>(r.text[r.glyphs[k + 1].cluster]);
                    if (c0 >= 0xE4 && c0 <= 0xE9 && c1 >= 0xE4 && c1 <= 0xE9)
                        CHECK(r.glyphs[k].advance <= 11.5f);  // within the glue's nominal stretch
                }
        }
    }
    CHECK(ragged > 0);
    // A line of Han characters one em short of the measure (29 characters in a measure
    // of 29.4): justified as the text would be.
    std::string han;
    for (int i = 0; i < 40; ++i) han += "标题";
    ParagraphSpec heading = spec_of(han, 294);
    heading.align = TextAlign::JustifyNear;
    auto h = layout_paragraph(heading, table, diags);
    REQUIRE(h.lines.size() >= 2);
    CHECK(std::fabs(h.lines[0].runs.front().x + line_advance(h.lines[0]) - 294) < 0.01f);
}

TEST_CASE("paragraph: Latin words hyphenate at the patterns' points, with a drawn hyphen") {
    const std::string text =
        "Search engines built for English split text at spaces. Chinese has no spaces between "
        "words, so the same engine, fed a Chinese sentence, sees one enormous word and finds "
        "nothing. Typesetting engines must therefore understand both scripts, alternating "
        "between inter-character justification and interword justification. UNESCO and "
        "https://example.org/documentation/hyphenation stay whole.";
    int hyphenated = 0;
    for (float width = 150; width <= 330; width += 9) {
        FontTable table;
        base::DiagSink diags;
        auto layout = layout_paragraph(spec_of(text, width), table, diags);
        std::string joined;
        for (std::size_t i = 0; i < layout.lines.size(); ++i) {
            const Line& l = layout.lines[i];
            const std::string t = line_text(l);
            INFO("width " << width << " line " << i << ": " << t);
            const bool hyphen = t.size() >= 2 && t.substr(t.size() - 2) == "\u00AD";
            if (hyphen) {
                ++hyphenated;
                // The hyphen is a real glyph (the font's '-'), and the line still ends flush.
                const auto& g = l.runs.back().glyphs.back();
                CHECK(g.gid != 0);
                CHECK(g.advance > 1.0f);
                CHECK(std::fabs(l.runs.front().x + line_advance(l) - width) < 0.01f);
                // At least two letters before the hyphen, three after.
                std::string before = t.substr(0, t.size() - 2);
                std::size_t letters = 0;
                while (letters < before.size() && std::isalpha(static_cast<unsigned char>(
                                                      before[before.size() - 1 - letters])))
                    ++letters;
                CHECK(letters >= 2);
                const std::string next = line_text(layout.lines[i + 1]);
                std::size_t after = 0;
                while (after < next.size() && std::isalpha(static_cast<unsigned char>(next[after])))
                    ++after;
                CHECK(after >= 3);
                CHECK(before.substr(before.size() - letters).size() + after >= 6);  // words of 6+
            }
            joined += hyphen ? t.substr(0, t.size() - 2) : t;
        }
        // Take the soft hyphens out and the text is the source's (spaces at breaks aside).
        std::string src = text, got = joined;
        src.erase(std::remove(src.begin(), src.end(), ' '), src.end());
        got.erase(std::remove(got.begin(), got.end(), ' '), got.end());
        CHECK(got == src);
        // Acronyms and addresses never break at a hyphen.
        CHECK(joined.find("UNESCO") != std::string::npos);
        for (std::size_t i = 0; i + 1 < layout.lines.size(); ++i) {
            const std::string t = line_text(layout.lines[i]);
            if (t.find("https://") != std::string::npos || t.find("UNESC") != std::string::npos)
                CHECK(t.substr(t.size() - 2) != "\u00AD");
        }
    }
    CHECK(hyphenated > 10);
}

namespace {

// The glyphs of a line in order, with the first character of each glyph's cluster.
struct FlatGlyph {
    std::uint32_t gid;
    char32_t ch;
    float advance, size;
};
std::vector<FlatGlyph> flat_glyphs(const Line& l) {
    std::vector<FlatGlyph> out;
    for (const auto& r : l.runs)
        for (const auto& g : r.glyphs) {
            std::size_t i = g.cluster;
            out.push_back({g.gid, bookc::base::next_codepoint(r.text, i), g.advance, r.size});
        }
    return out;
}

bool latin_char(char32_t c) { return c > ' ' && c < 0x250; }

}  // namespace

TEST_CASE(
    "paragraph: paths and identifiers break after / or . and their letters are never spaced") {
    const std::string path = "D:/Go/src/runtime/checkptr.go:20";
    const std::string text =
        "关键的两行报错" + path +
        " 之后，调用atomic.LoadUint32与sync.Mutex.Lock的地方，以及"
        "github.com/boltdb/bolt.(*freelist).write(0xc0004e5290)这一行，签名是 "
        "func (o *Once) DoOnce(p ...interface{}) (interface{}, error) 的那个函数。";
    int path_breaks = 0, slash = 0, dot = 0, compared = 0, han_at_limit = 0;
    for (float width = 100; width <= 260; width += 8) {
        FontTable table;
        base::DiagSink diags;
        auto layout = layout_paragraph(spec_of(text, width), table, diags);
        std::string all;
        for (std::size_t i = 0; i < layout.lines.size(); ++i) {
            const Line& l = layout.lines[i];
            const std::string t = line_text(l);
            all += t;
            INFO("width " << width << " line " << i << ": " << t);
            const std::u32string u = bookc::base::to_u32(t);
            CHECK(u.back() != U'\u00AD');  // identifiers and code are never hyphenated
            bool short_line = false;
            if (i + 1 < layout.lines.size()) {
                // A break inside a Latin run comes after / or .
                const char32_t next = bookc::base::to_u32(line_text(layout.lines[i + 1])).front();
                if (latin_char(u.back()) && latin_char(next)) {
                    ++path_breaks;
                    CHECK(std::u32string(U"/.").find(u.back()) != std::u32string::npos);
                    slash += u.back() == U'/';
                    dot += u.back() == U'.';
                }
                const float right = l.runs.front().x + line_advance(l);
                CHECK(right <= width + 0.01f);
                short_line = right < width - 0.01f;
            }
            // Each gap between two Latin characters is its natural one (the same text set
            // unjustified) plus at most the trace. A line is left short only when the gaps
            // between its Han characters have opened to their limit, ½ em.
            ParagraphSpec alone = spec_of(t, 10000);
            alone.align = TextAlign::Left;
            const auto ref = layout_paragraph(alone, table, diags);
            REQUIRE(ref.lines.size() == 1);
            const auto got = flat_glyphs(l), want = flat_glyphs(ref.lines[0]);
            REQUIRE(got.size() == want.size());
            for (std::size_t g = 0; g + 1 < got.size(); ++g) {
                REQUIRE(got[g].gid == want[g].gid);
                if (short_line && bookc::base::is_han(got[g].ch) &&
                    bookc::base::is_han(got[g + 1].ch)) {
                    CHECK(got[g].advance - want[g].advance >= 0.5f * got[g].size - 0.01f);
                    ++han_at_limit;
                }
                if (!latin_char(got[g].ch) || !latin_char(got[g + 1].ch)) continue;
                CHECK(got[g].advance - want[g].advance <= 0.02f * got[g].size + 1e-3f);
                ++compared;
            }
        }
        CHECK(all == text);  // nothing added at the breaks
    }
    CHECK(path_breaks > 10);
    CHECK(slash > 0);
    CHECK(dot > 0);
    CHECK(compared > 1000);
    CHECK(han_at_limit > 0);
}

TEST_CASE("paragraph: a footnote marker never begins a line, nor its full stop (一模一样 / ²。)") {
    // With real fonts: 11 Han characters fill the 110 pt line up to 样, so a break before
    // the raised marker would start the next line with "2。". The marker is a run of its own,
    // as flow/inlines.cpp makes it (smaller, baseline raised).
    ParagraphSpec s = spec_of("一二三四五六七一模一样", 110);
    StyledRun marker;
    marker.text = "2";
    marker.style = s.runs[0].style;
    marker.style.size = 6;
    marker.style.baseline_shift = 3.8f;
    s.runs.push_back(marker);
    StyledRun after = s.runs[0];
    after.text = "。后面还有一些文字，写满第二行也不要紧。";
    s.runs.push_back(after);
    FontTable table;
    base::DiagSink diags;
    auto layout = layout_paragraph(s, table, diags);
    REQUIRE(layout.lines.size() >= 2);
    bool found = false;
    for (const auto& l : layout.lines) {
        const std::string t = line_text(l);
        INFO(t);
        CHECK(t.rfind("2", 0) != 0);
        CHECK(t.rfind("。", 0) != 0);
        REQUIRE_FALSE(l.runs.empty());
        CHECK(l.runs.front().text != "2");
        if (t.find("2") != std::string::npos) {
            found = true;
            CHECK(t.find("样2。") != std::string::npos);
        }
    }
    CHECK(found);
    CHECK(line_text(layout.lines[1]).rfind("样2。", 0) == 0);
}
