// layout_paragraph with the real Noto fonts: shaping, run texts, glyph ids, warnings.
#include <doctest/doctest.h>

#include <cmath>

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
    const std::string text = "中文排版——这是一个测试……它包含“引号”和English words，还有2024年的数字。";
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
