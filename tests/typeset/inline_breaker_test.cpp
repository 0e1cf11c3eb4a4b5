// The line breaker on constant-width clusters (minikin's ConstantRun): no fonts needed.
// Every CJK character and full-width mark is 1 em (10 pt), Latin letters/digits ½ em,
// a space ¼ em. Each test checks one rule of ../shared/notes/CJK-RULES.md.
#include <doctest/doctest.h>

#include <cmath>

#include "base/utf8.hpp"
#include "typeset/inline/inline_types.hpp"

using namespace bookc;
using namespace bookc::typeset;
using namespace bookc::typeset::inl;

namespace {

constexpr float kEm = 10;

struct CLine {
    std::u32string text;
    float x = 0;
    float advance = 0;  // sum of the clusters' final advances
    std::vector<float> adv, shift;
    LineSpan span;
    bool fillable = true;  // its glue can fill the measure (else it is set short)
};

Measured constant_measured(const std::u32string& t, bool mono = false) {
    Measured m;
    m.text = t;
    for (std::uint32_t i = 0; i < t.size(); ++i) {
        const char32_t c = t[i];
        if (c == '\n') continue;
        Cluster cl;
        cl.begin = i;
        cl.end = i + 1;
        cl.em = kEm;
        cl.mono = mono;
        if (mono)
            cl.width = kEm / 2;
        else if (c == ' ')
            cl.width = kEm / 4;
        else if (c >= 0x2000 || is_cjk_ideo(c))
            cl.width = kEm;
        else
            cl.width = kEm / 2;
        if (!mono && cl.width == kEm) {
            cl.blank_left = is_opening_mark(c);
            cl.blank_right = is_closing_mark(c);
        }
        m.clusters.push_back(cl);
    }
    return m;
}

// `raised`: indices of clusters set as superscripts (footnote markers).
std::vector<CLine> layout(const std::u32string& t, float width_em, BreakOptions o = {},
                          const std::vector<std::uint32_t>& raised = {}) {
    o.width = width_em * kEm;
    Measured m = constant_measured(t, o.code);
    for (std::uint32_t k : raised) m.clusters[k].raised = true;
    const auto brks = o.code ? std::vector<char>{} : unibreak(t);
    const BreakItems items = build_break_items(m, brks, o.code);
    const auto spans = o.optimal ? break_lines(m, items, o) : break_greedy(items, o);
    std::vector<CLine> out;
    for (const auto& sp : spans) {
        const SetLine set = set_line(items, sp, o);
        CLine l;
        l.span = sp;
        l.x = set.x;
        for (std::uint32_t k = sp.first; k < sp.end; ++k)
            for (std::uint32_t i = m.clusters[k].begin; i < m.clusters[k].end; ++i) l.text += t[i];
        for (float a : set.advance) l.advance += a;
        l.adv = set.advance;
        l.shift = set.shift;
        const float width = line_width_for(o, sp.first == 0, false);
        l.fillable = measure_line(items, sp.first, sp.end).fillable(width);
        out.push_back(l);
    }
    return out;
}

std::string u8(const std::u32string& s) { return base::to_utf8(s); }

std::string show(const std::vector<CLine>& lines) {
    std::string s;
    for (const auto& l : lines) s += "|" + u8(l.text) + "|\n";
    return s;
}

std::u32string joined(const std::vector<CLine>& lines) {
    std::u32string s;
    for (const auto& l : lines) s += l.text;
    return s;
}

// Every line but the last ends flush, or short when its glue cannot fill it (a line of
// Latin words without Han glue, which is never letter-spaced).
void check_flush(const std::vector<CLine>& lines, float width_em) {
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        INFO("line " << i << ": " << u8(lines[i].text));
        const float right = lines[i].x + lines[i].advance;
        if (lines[i].fillable)
            CHECK(std::fabs(right - width_em * kEm) < 0.01f);
        else
            CHECK(right < width_em * kEm);
    }
}

bool is_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What justification added to each gap of a line: its advance minus its natural advance.
std::vector<float> stretch_of(const BreakItems& it, const CLine& l) {
    std::vector<float> out;
    for (std::uint32_t k = l.span.first; k + 1 < l.span.end; ++k) {
        float natural = it.box[k] + it.glue[k] - (k == l.span.first ? it.start_trim[k] : 0);
        out.push_back(l.adv[k - l.span.first] - natural);
    }
    return out;
}

// No gap between two characters of a Latin run opens by more than the trace.
void check_no_letterspacing(const BreakItems& it, const std::vector<CLine>& lines) {
    for (const auto& l : lines) {
        const auto st = stretch_of(it, l);
        for (std::uint32_t k = l.span.first; k + 1 < l.span.end; ++k) {
            if (it.glue_class[k] != kGlueLatin) continue;
            INFO(u8(l.text) << " gap after " << k);
            CHECK(st[k - l.span.first] <= kLatinTrace * kEm + 1e-4f);
        }
    }
}

BreakItems items_of(const std::u32string& t) {
    return build_break_items(constant_measured(t), unibreak(t), false);
}

}  // namespace

TEST_CASE("A1: a pause mark never starts a line; the previous character comes along") {
    // 9 characters fill a 9 em line exactly; the comma would start line 2.
    auto lines = layout(U"一二三四五六七八九，十一二三四五", 9);
    INFO(show(lines));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].text.substr(0, 2) == U"九，");
    for (const auto& l : lines) CHECK_FALSE(is_no_start(l.text.front()));
    check_flush(lines, 9);
}

TEST_CASE("A1: closing marks and ASCII closers never start a line") {
    for (std::u32string t :
         {U"一二三四五六七八九」十一二三四五", U"一二三四五六七八九）十一二三四五",
          U"一二三四五六七八九》十一二三四五", U"一二三四五六七八九”十一二三四五",
          U"一二三四五六七八九!十一二三四五", U"一二三四五六七八九%十一二三四五"}) {
        auto lines = layout(t, 9);
        INFO(show(lines));
        REQUIRE(lines.size() >= 2);
        for (const auto& l : lines) CHECK_FALSE(is_no_start(l.text.front()));
        check_flush(lines, 9);
    }
}

TEST_CASE("A1: opening marks never end a line") {
    for (std::u32string t :
         {U"一二三四五六七八「九十」一二三四五", U"一二三四五六七八（九十）一二三四五",
          U"一二三四五六七八《九十》一二三四五", U"一二三四五六七八“九十”一二三四五"}) {
        auto lines = layout(t, 9);
        INFO(show(lines));
        REQUIRE(lines.size() >= 2);
        for (const auto& l : lines) CHECK_FALSE(is_no_end(l.text.back()));
        check_flush(lines, 9);
    }
}

TEST_CASE("A2: —— and …… are never split, and do not start a line") {
    for (std::u32string t :
         {U"一二三四五六七八——九十一二三四五六", U"一二三四五六七八……九十一二三四五六"}) {
        auto lines = layout(t, 9);
        INFO(show(lines));
        REQUIRE(lines.size() >= 2);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            CHECK_FALSE((lines[i].text.back() == U'—' && lines[i + 1].text.front() == U'—'));
            CHECK_FALSE((lines[i].text.back() == U'…' && lines[i + 1].text.front() == U'…'));
        }
        for (const auto& l : lines) CHECK(l.text.front() != U'—');
        for (const auto& l : lines) CHECK(l.text.front() != U'…');
        check_flush(lines, 9);
    }
}

TEST_CASE("A2: numbers stay together and with their units") {
    // Widths put the natural break inside the number or between number and unit.
    for (std::u32string t :
         {U"一二三四五六七八2024年九十一二三四", U"一二三四五六七八九3.14十一二三四",
          U"一二三四五六七八九十50%的一二三四", U"一二三四五六七八九十¥100一二三四",
          U"一二三四五六七八九1,000十一二三四", U"一二三四五六七八重 5 kg 的一二三四"}) {
        for (float w : {9.f, 9.5f, 10.f, 10.5f, 11.f}) {
            auto lines = layout(t, w);
            INFO(show(lines) << " width " << w);
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
                char32_t a = lines[i].text.back(), b = lines[i + 1].text.front();
                bool digit_a = a >= '0' && a <= '9';
                bool digit_b = b >= '0' && b <= '9';
                CHECK_FALSE(
                    (digit_a && (digit_b || b == '.' || b == ',' || b == '%' || b == U'年')));
                CHECK_FALSE(((a == '.' || a == ',' || a == U'¥') && digit_b));
                CHECK_FALSE((a == ' ' && lines[i].text.size() >= 2 &&
                             lines[i].text[lines[i].text.size() - 2] == '5' && b == 'k'));
            }
            check_flush(lines, w);
        }
    }
}

TEST_CASE("A2: Latin words are never split without a hyphen") {
    const std::u32string t = U"我们使用 typesetting engines 和 libraries 来排版中文书籍与文章内容";
    for (float w : {8.f, 9.f, 10.f, 11.f, 12.f}) {
        auto lines = layout(t, w);
        INFO(show(lines) << " width " << w);
        CHECK(joined(lines) == t);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i)
            CHECK_FALSE((is_letter(lines[i].text.back()) && is_letter(lines[i + 1].text.front())));
        check_flush(lines, w);
    }
}

TEST_CASE("A4: ¼ em between Han and Latin, none at line start or end") {
    auto lines = layout(U"中A文", 20);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].adv.size() == 3);
    CHECK(lines[0].adv[0] == doctest::Approx(12.5));  // 中 + ¼ em
    CHECK(lines[0].adv[1] == doctest::Approx(7.5));   // A + ¼ em
    CHECK(lines[0].adv[2] == doctest::Approx(10));    // 文: nothing after the line's end
}

TEST_CASE(
    "A3: adjacent marks are compressed; line-end marks half width; opening bracket at start") {
    auto lines = layout(U"你好。」他说", 20);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].adv[2] == doctest::Approx(5));   // 。 before 」 loses its right half
    CHECK(lines[0].adv[3] == doctest::Approx(10));  // 」 keeps its width inside the line
    // A line ending with a comma: the comma is half width and the line is flush.
    auto l2 = layout(U"一二三四五六七八，九十一二三四五六七八九", 8.5f);
    INFO(show(l2));
    REQUIRE(l2.size() >= 2);
    CHECK(l2[0].text.back() == U'，');
    CHECK(l2[0].adv.back() == doctest::Approx(5));
    check_flush(l2, 8.5f);
    // An opening bracket starting a line loses ½ em (its glyph moves left by ½ em).
    auto l3 = layout(U"一二三四五六七八九「十一」二三", 9);
    INFO(show(l3));
    REQUIRE(l3.size() >= 2);
    CHECK(l3[1].text.front() == U'「');
    CHECK(l3[1].shift[0] == doctest::Approx(5));
    CHECK(l3[1].adv[0] < 5.01f);
    check_flush(l3, 9);
}

TEST_CASE("A5: justified lines are exactly flush, the last line natural") {
    const std::u32string t =
        U"中文书籍的正文通常两端对齐，标点符号需要挤压（例如句号和引号相邻时）。English words "
        U"and 数字123也会出现在段落中间，排版引擎必须处理这些情况：既不溢出，也不留下难看的空白。";
    for (float w : {10.f, 12.5f, 15.f, 17.f, 20.f, 23.5f}) {
        auto lines = layout(t, w);
        INFO(show(lines) << " width " << w);
        CHECK(joined(lines) == t);
        REQUIRE(lines.size() >= 2);
        check_flush(lines, w);
        const auto& last = lines.back();
        CHECK(last.span.last);
        CHECK(last.x + last.advance < w * kEm + 0.01f);
        for (const auto& l : lines) CHECK(l.x + l.advance < w * kEm + 0.01f);  // never overfull
    }
}

TEST_CASE("A8: first-line indent") {
    BreakOptions o;
    o.first_indent = 2 * kEm;
    auto lines = layout(U"一二三四五六七八九十一二三四五六七八九十一二三四五", 10, o);
    INFO(show(lines));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].x == doctest::Approx(20));
    CHECK(lines[0].text.size() == 8);
    CHECK(lines[1].x == doctest::Approx(0));
    check_flush(lines, 10);
}

TEST_CASE("A9: no single character on the last line when avoidable") {
    const std::u32string t = U"一二三四五六七八九十一二三四五六七八九十一。";
    BreakOptions greedy;
    greedy.optimal = false;
    auto g = layout(t, 10, greedy);
    REQUIRE(g.size() == 3);
    CHECK(g.back().text == U"一。");  // first fit leaves 孤字
    auto lines = layout(t, 10);
    INFO(show(lines));
    REQUIRE(lines.size() == 3);
    CHECK(lines.back().text.size() >= 3);
    check_flush(lines, 10);
}

TEST_CASE("URLs break after / . - ? & = instead of overflowing") {
    const std::u32string t = U"详见https://example.com/a/very/long/path/name/here?x=1&y=2说明";
    for (float w : {8.f, 10.f, 12.f}) {
        auto lines = layout(t, w);
        INFO(show(lines) << " width " << w);
        CHECK(joined(lines) == t);
        REQUIRE(lines.size() >= 3);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            char32_t a = lines[i].text.back();
            if (is_letter(a) && is_letter(lines[i + 1].text.front())) CHECK(false);
            CHECK(std::u32string(U"/.-?&=_#说明详见").find(a) != std::u32string::npos);
        }
        for (const auto& l : lines) CHECK(l.x + l.advance < w * kEm + 0.01f);
        check_no_letterspacing(items_of(t), lines);
    }
}

TEST_CASE("emergency: a word longer than the line is broken rather than overflowing") {
    auto lines = layout(U"见supercalifragilisticexpialidocious。", 6);
    INFO(show(lines));
    REQUIRE(lines.size() >= 3);
    for (const auto& l : lines) CHECK(l.x + l.advance < 60.01f);
    CHECK(joined(lines) == U"见supercalifragilisticexpialidocious。");
}

TEST_CASE("code: wraps anywhere needed, keeps spaces, marks continuation lines") {
    BreakOptions o;
    o.code = true;
    o.mark_width = 6;
    const std::u32string t =
        U"    result = compute_something(argument_one, argument_two)\nreturn result";
    auto lines = layout(t, 20, o);  // 20 em = 40 monospace columns
    INFO(show(lines));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text.substr(0, 4) == U"    ");  // leading spaces kept
    CHECK_FALSE(lines[0].span.continuation);
    CHECK(lines[1].span.continuation);
    CHECK(lines[1].x == doctest::Approx(6));
    CHECK(lines[2].text == U"return result");
    CHECK_FALSE(lines[2].span.continuation);
    CHECK(lines[0].text + lines[1].text == t.substr(0, t.find('\n')));
    for (const auto& l : lines) CHECK(l.x + l.advance < 200.01f);
    // Not justified: advances are the natural widths.
    CHECK(lines[0].advance == doctest::Approx(lines[0].text.size() * 5.0));
}

TEST_CASE("forced breaks end a line that is set like a last line") {
    auto lines = layout(U"一二三\n四五六七八九十一二三四五六", 10);
    INFO(show(lines));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == U"一二三");
    CHECK(lines[0].advance == doctest::Approx(30));
    CHECK(lines[0].span.forced);
    CHECK(lines[1].advance == doctest::Approx(100));
}

TEST_CASE("center and right alignment place the natural line") {
    BreakOptions o;
    o.align = TextAlign::Center;
    auto c = layout(U"一二三四", 10, o);
    REQUIRE(c.size() == 1);
    CHECK(c[0].x == doctest::Approx(30));
    o.align = TextAlign::Right;
    auto r = layout(U"一二三四", 10, o);
    CHECK(r[0].x == doctest::Approx(60));
    o.align = TextAlign::Left;
    auto l = layout(U"一二三四五六七八九十一二三四五六七八九十一二", 10, o);
    REQUIRE(l.size() == 3);
    CHECK(l[0].x == doctest::Approx(0));
    CHECK(l[0].advance <= 100.01f);
}

TEST_CASE("inline code: ¼ em from Han text, breaks after / . _ rather than anywhere") {
    const std::u32string t = U"见src/typeset/inline/linebreak_optimal.cpp文件";
    Measured m = constant_measured(t);
    for (auto& c : m.clusters)
        if (c.begin >= 1 && c.end <= t.size() - 2) c.mono = true, c.width = kEm / 2;
    const BreakItems items = build_break_items(m, unibreak(t), false);
    CHECK(items.glue[0] == doctest::Approx(2.5));             // 见 | s
    CHECK(items.glue[t.size() - 3] == doctest::Approx(2.5));  // p | 文
    for (std::size_t k = 1; k + 3 < t.size(); ++k) {
        INFO("after " << u8(std::u32string(1, t[k])));
        bool sensible = t[k] == '/' || t[k] == '.' || t[k] == '_';
        CHECK((items.penalty[k] < kNoBreak) == sensible);
        CHECK(items.stretch[k] == 0);  // nothing stretches inside code
    }
}

TEST_CASE(
    "A5: slack goes to word spaces first, then the Han–Latin space, then between characters") {
    const std::u32string t = U"一二ab cd三四";
    const Measured m = constant_measured(t);
    const BreakItems items = build_break_items(m, unibreak(t), false);
    const LineSpan span{0, static_cast<std::uint32_t>(m.clusters.size()), false, false, false};
    const float natural = static_cast<float>(measure_line(items, span.first, span.end).natural);
    CHECK(natural ==
          doctest::Approx(40 + 20 + 2.5 + 2.5 + 2.5));  // 4 Han, 4 Latin, space, 2 × ¼ em
    BreakOptions o;
    // A little slack: the word space alone absorbs it.
    o.width = natural + 1;
    SetLine s = set_line(items, span, o);
    CHECK(s.advance[0] == doctest::Approx(10));   // 一|二: untouched
    CHECK(s.advance[4] == doctest::Approx(3.5));  // the space: 2.5 + 1
    // More slack than the space can take (to ½ em = +2.5): the Han–Latin spaces come next.
    o.width = natural + 3.5f;
    s = set_line(items, span, o);
    CHECK(s.advance[4] == doctest::Approx(5));
    CHECK(s.advance[1] > 12.5f);                 // 二|a got the rest
    CHECK(s.advance[0] == doctest::Approx(10));  // still nothing between Han characters
    float sum = 0;
    for (float a : s.advance) sum += a;
    CHECK(sum == doctest::Approx(o.width));
    // Shrinking: word space first, down to ¼ em.
    o.width = natural - 0.3f;
    s = set_line(items, span, o);
    CHECK(s.advance[4] == doctest::Approx(2.2));
    CHECK(s.advance[1] == doctest::Approx(12.5));
}

TEST_CASE("the ideographic space is a fixed 1 em box, not a collapsible word space") {
    const std::u32string t = U"\u3000\u3000正文排版一二三四五六七八九十一二三四五六七八九十";
    auto lines = layout(t, 10);
    INFO(show(lines));
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].text.substr(0, 2) == U"\u3000\u3000");
    CHECK(lines[0].adv[0] == doctest::Approx(10));
    CHECK(lines[0].adv[1] == doctest::Approx(10));
    check_flush(lines, 10);
}

TEST_CASE("inline code: a space of the code at the end of a line takes no room") {
    const std::u32string t = U"一二三四五六七八九十一二三四五{ file = 1 }六七";
    Measured m = constant_measured(t);
    for (auto& c : m.clusters)
        if (t[c.begin] == '{' || (c.begin > 15 && c.begin < t.size() - 2))
            c.mono = true, c.width = kEm / 2;
    const BreakItems items = build_break_items(m, unibreak(t), false);
    BreakOptions o;
    o.width = 18 * kEm;
    const auto spans = break_lines(m, items, o);
    REQUIRE(spans.size() == 2);
    const SetLine set = set_line(items, spans[0], o);
    float sum = 0;
    for (float a : set.advance) sum += a;
    CHECK(sum == doctest::Approx(o.width));
    CHECK(t[m.clusters[spans[0].end - 1].begin] == ' ');  // broken after a space of the code
    CHECK(set.advance.back() == doctest::Approx(0));
}

TEST_CASE("A9: 孤字 is avoided even when that needs a line looser than the first pass allows") {
    const std::u32string t = U"一二三四五六七八九十一。";  // 5 em: 5 + 5 + "一。"
    BreakOptions greedy;
    greedy.optimal = false;
    auto g = layout(t, 5, greedy);
    REQUIRE(g.size() == 3);
    CHECK(g.back().text == U"一。");
    auto lines = layout(t, 5);
    INFO(show(lines));
    REQUIRE(lines.size() == 3);
    CHECK(lines.back().text.size() >= 3);
    check_flush(lines, 5);
}

TEST_CASE("A4: a raised footnote number hugs the Han text before it") {
    const std::u32string t = U"正文1后面";
    Measured m = constant_measured(t);
    m.clusters[2].raised = true;
    const BreakItems items = build_break_items(m, unibreak(t), false);
    CHECK(items.glue[1] == 0);  // 文|¹
    CHECK(items.glue[2] == 0);  // ¹|后
    const Measured plain = constant_measured(t);
    CHECK(build_break_items(plain, unibreak(t), false).glue[1] == doctest::Approx(2.5));
}

TEST_CASE("A1: a footnote marker never starts a line, nor the closing mark after it") {
    // 11 characters fill the 11 em line up to 样; the marker 2 (raised) would start line 2,
    // with its full stop: "一模一样 / ²。". The character before it comes along instead.
    const std::u32string t = U"一二三四五六七一模一样2。后面还有一些文字";
    for (bool optimal : {false, true}) {
        BreakOptions o;
        o.optimal = optimal;
        auto lines = layout(t, 11, o, {11});
        INFO(show(lines));
        REQUIRE(lines.size() == 2);
        CHECK(lines[0].text == U"一二三四五六七一模一");
        CHECK(lines[1].text.substr(0, 3) == U"样2。");
        check_flush(lines, 11);
    }
    // The same text without the marker raised (a plain digit) may break before it.
    auto plain = layout(t, 11);
    INFO(show(plain));
    REQUIRE(plain.size() == 2);
    CHECK(plain[0].text == U"一二三四五六七一模一样");
}

TEST_CASE("A11: hyphens on consecutive lines cost extra (TeX's \\doublehyphendemerits)") {
    // Latin words of 4 to 12 letters with a hyphenation point after every third letter
    // (set here by hand: constant-width clusters have no dictionary), set at many measures
    // with and without the extra cost: with it, fewer lines follow a hyphenated line with
    // another hyphen.
    std::uint32_t seed = 12345;
    auto rnd = [&](std::uint32_t n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    };
    std::u32string t;
    for (int w = 0; w < 400; ++w) {
        if (!t.empty()) t += U' ';
        const std::uint32_t len = 4 + rnd(9);
        for (std::uint32_t c = 0; c < len; ++c) t += char32_t('a' + rnd(26));
    }
    const Measured m = constant_measured(t);
    BreakItems items = build_break_items(m, unibreak(t), false);
    std::uint32_t in_word = 0;
    for (std::size_t k = 0; k + 1 < m.clusters.size(); ++k) {
        in_word = t[k] == U' ' ? 0 : in_word + 1;
        // after every third letter, with at least three letters after the point
        if (in_word > 0 && in_word % 3 == 0 && k + 3 < t.size() && t[k + 1] != U' ' &&
            t[k + 2] != U' ' && t[k + 3] != U' ') {
            items.penalty[k] = 50;
            items.emergency[k] = 50;
            items.end_trim[k] = -kEm / 2;
            items.hyphen[k] = 1;
        }
    }
    auto consecutive = [&](double cost) {
        int pairs = 0, hyphens = 0;
        for (float w = 12; w <= 24; w += 0.7f) {
            BreakOptions o;
            o.width = w * kEm;
            o.double_hyphen_demerits = cost;
            const auto spans = break_lines(m, items, o);
            for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
                const bool h = items.hyphen[spans[i].end - 1];
                hyphens += h;
                if (h && i > 0 && items.hyphen[spans[i - 1].end - 1]) ++pairs;
            }
        }
        CHECK(hyphens > 0);
        return pairs;
    };
    const int without = consecutive(0);
    const int with = consecutive(BreakOptions{}.double_hyphen_demerits);
    CHECK(without > 0);
    CHECK(with < without);
}

TEST_CASE("Latin runs: paths and identifiers may break after / . _ - ::, never inside a word") {
    const std::u32string t =
        U"见D:/Go/src/runtime/checkptr.go:20与atomic.LoadUint32和sync.Mutex.Lock及std::vector"
        U"或snake_case_name，e.g. well-known I/O 2024-05-01 v1.2.3 words";
    const BreakItems it = items_of(t);
    // The characters a break may follow (one cluster per character here).
    std::u32string after;
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        const bool latin_pair =
            t[k] < 0x2000 && t[k + 1] < 0x2000 && t[k] != ' ' && t[k + 1] != ' ';
        if (!latin_pair) continue;
        INFO("after " << u8(t.substr(0, k + 1)));
        if (it.penalty[k] < kNoBreak) {
            after += t.substr(k - 2, 3);
            after += U'|';
        }
        // Inside a Latin run the gaps are Latin gaps: a trace of stretch at most, and none
        // inside a plain word.
        CHECK(it.glue_class[k] == kGlueLatin);
        CHECK(it.stretch[k] <= kLatinTrace * kEm + 1e-6f);
    }
    CHECK(u8(after) == "D:/|Go/|rc/|me/|tr.|ic.|nc.|ex.|d::|ke_|se_|ll-|");
    // A break inside an identifier costs more than one after a hyphen in a word.
    const std::size_t dot = t.find(U"atomic.") + 6;
    const std::size_t hyphen = t.find(U"well-") + 4;
    CHECK(it.penalty[dot] > it.penalty[hyphen]);
    CHECK(it.hyphen[dot] == 0);  // nothing is drawn at the break
    CHECK(it.end_trim[dot] == 0);
    // Plain words have no stretch at all between their letters.
    const std::size_t w = t.find(U"words");
    for (std::size_t k = w; k + 1 < w + 5; ++k) CHECK(it.stretch[k] == 0);
}

TEST_CASE("Latin runs: a line that its glue cannot fill stays short instead of letter-spaced") {
    const std::u32string t =
        U"报错信息在D:/Go/src/runtime/checkptr.go:20这一行，调用atomic.LoadUint32和"
        U"sync.Mutex.Lock的地方都要检查。";
    const BreakItems it = items_of(t);
    int short_lines = 0, path_breaks = 0;
    for (float w = 6; w <= 16; w += 0.5f) {
        auto lines = layout(t, w);
        INFO(show(lines) << " width " << w);
        CHECK(joined(lines) == t);
        check_no_letterspacing(it, lines);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            const auto& l = lines[i];
            const float right = l.x + l.advance;
            CHECK(right <= w * kEm + 0.01f);
            if (right < w * kEm - 0.01f) ++short_lines;
            // Inside a path or identifier the line ends after a separator.
            const char32_t a = l.text.back(), b = lines[i + 1].text.front();
            if (a < 0x2000 && b < 0x2000 && a != ' ' && b != ' ') {
                ++path_breaks;
                CHECK(std::u32string(U"/._:").find(a) != std::u32string::npos);
            }
            // A line its glue can fill is flush: only the others (a piece of the path with
            // the Han–Latin space) may stay short.
            if (l.fillable) CHECK(std::fabs(right - w * kEm) < 0.01f);
        }
    }
    CHECK(short_lines > 0);
    CHECK(path_breaks > 0);
}

TEST_CASE("Latin runs: slack beyond the glue's capacity never goes between letters") {
    // A line of one path piece and one word space: the space takes up to four times its
    // stretch, the letters their trace, and the line is left short by the rest.
    const std::u32string t = U"see D:/Go/src/runtime/checkptr.go";
    const Measured m = constant_measured(t);
    const BreakItems it = build_break_items(m, unibreak(t), false);
    const LineSpan span{0, static_cast<std::uint32_t>(m.clusters.size()), false, false, false};
    const LineMeasure lm = measure_line(it, span.first, span.end);
    BreakOptions o;
    o.width = static_cast<float>(lm.natural) + 40;  // 4 em of slack
    const SetLine s = set_line(it, span, o);
    float sum = 0;
    for (float a : s.advance) sum += a;
    CHECK(it.glue_class[3] == kGlueSpace);
    CHECK(s.advance[3] == doctest::Approx(it.glue[3] + kMaxStretch[kGlueSpace] * it.stretch[3]));
    for (std::uint32_t k = 4; k + 1 < span.end; ++k)
        CHECK(s.advance[k] - it.box[k] - it.glue[k] <= kLatinTrace * kEm + 1e-4f);
    CHECK(sum < o.width - 20);  // most of the slack is left at the end of the line
}
