// Invariants of the breaker on many pseudo-random mixed texts (fixed seed), with both
// breakers: the text is kept whole and in order, justified lines are flush and nothing
// overflows the measure (emergency breaks rather than overfull lines).
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "base/utf8.hpp"
#include "typeset/inline/inline_types.hpp"

using namespace bookc::typeset;
using namespace bookc::typeset::inl;

namespace {

Measured measured(const std::u32string& t) {
    Measured m;
    m.text = t;
    for (std::uint32_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') continue;
        Cluster c;
        c.begin = i;
        c.end = i + 1;
        c.em = 10;
        c.width = t[i] == ' ' ? 2.5f : (t[i] >= 0x2000 || is_cjk_ideo(t[i])) ? 10.f : 5.f;
        if (c.width == 10.f) {
            c.blank_left = is_opening_mark(t[i]);
            c.blank_right = is_closing_mark(t[i]);
        }
        m.clusters.push_back(c);
    }
    return m;
}

}  // namespace

TEST_CASE("breaker invariants on random mixed text") {
    const std::u32string alphabet =
        U"中文排版的规则标点挤压测试，。、；：？！「」『』（）《》“”——……abcdefxyz0123456789 %./-";
    std::mt19937 rng(20261122);
    int checked = 0;
    for (int round = 0; round < 300; ++round) {
        std::u32string t;
        const int len = 5 + static_cast<int>(rng() % 200);
        for (int i = 0; i < len; ++i) {
            char32_t c = alphabet[rng() % alphabet.size()];
            if (rng() % 97 == 0) c = '\n';
            t += c;
        }
        const Measured m = measured(t);
        if (m.clusters.empty()) continue;
        BreakOptions o;
        o.width = 40.f + static_cast<float>(rng() % 300);
        o.first_indent = (rng() % 2) ? 20.f : 0.f;
        o.optimal = rng() % 4 != 0;
        const BreakItems items = build_break_items(m, unibreak(t), false);
        const auto spans = o.optimal ? break_lines(m, items, o) : break_greedy(items, o);
        INFO("round " << round << " width " << o.width << " text " << bookc::base::to_utf8(t));
        REQUIRE_FALSE(spans.empty());
        std::uint32_t next = 0;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const LineSpan& sp = spans[i];
            REQUIRE(sp.first == next);  // whole and in order
            next = sp.end;
            if (sp.first == sp.end) continue;  // an empty line between two forced breaks
            const SetLine set = set_line(items, sp, o);
            float adv = 0;
            for (float a : set.advance) adv += a;
            const float right = set.x + adv;
            const float W = o.width;
            bool single = sp.end - sp.first == 1;
            if (!single) CHECK(right <= W + 0.01f);
            // Flush, unless its glue cannot fill it: then short, and never letter-spaced.
            const LineMeasure lm = measure_line(items, sp.first, sp.end);
            const bool fillable = lm.fillable(line_width_for(o, sp.first == 0, false));
            if (!sp.last && !sp.forced && !single && fillable) CHECK(std::fabs(right - W) < 0.01f);
            for (std::uint32_t k = sp.first; k + 1 < sp.end; ++k) {
                if (items.glue_class[k] != kGlueLatin) continue;
                const float natural =
                    items.box[k] + items.glue[k] - (k == sp.first ? items.start_trim[k] : 0);
                CHECK(set.advance[k - sp.first] - natural <=
                      kLatinTrace * m.clusters[k].em + 1e-4f);
            }
            ++checked;
        }
        CHECK(next == m.clusters.size());
        CHECK(spans.back().last);
    }
    CHECK(checked > 500);
}
