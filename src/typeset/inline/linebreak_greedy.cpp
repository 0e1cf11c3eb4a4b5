// First-fit line breaking: each line takes as much as fits (with glue shrunk), breaking at
// the last allowed opportunity; an emergency break (anywhere) when none fits. Used for
// code blocks, huge paragraphs and as the fallback of the optimal breaker.
#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {
namespace {

constexpr double kEps = 0.01;

void greedy_segment(const BreakItems& it, const BreakOptions& o, std::uint32_t s, std::uint32_t e,
                    std::vector<LineSpan>& out) {
    const bool justify = justified(o.align) && !o.code;
    std::uint32_t a = s;
    while (a < e) {
        const bool cont = o.code && a != s;
        const double W = line_width_for(o, a == 0, cont);
        std::int64_t best = -1, best_em = -1, best_code = -1;
        std::uint32_t k = a;
        bool fits_all = false;
        for (; k < e; ++k) {
            LineMeasure lm = measure_line(it, a, k + 1);
            double min_w = lm.natural - (justify ? lm.shrink : 0);
            if (min_w > W + kEps) break;
            if (k + 1 == e) {
                fits_all = true;
                break;
            }
            if (it.penalty[k] < kNoBreak) {
                best = k;
                if (o.code && it.penalty[k] <= 10 && lm.natural >= 0.6 * W) best_code = k;
            }
            if (it.emergency[k] < kNoBreak) best_em = k;
        }
        std::uint32_t brk;
        if (fits_all)
            brk = e - 1;
        else if (o.code && best_code >= 0)
            brk = static_cast<std::uint32_t>(best_code);
        else if (best >= 0)
            brk = static_cast<std::uint32_t>(best);
        else if (best_em >= 0)
            brk = static_cast<std::uint32_t>(best_em);
        else
            brk = k > a ? k - 1 : a;  // nothing fits: overfull rather than lose text
        out.push_back({a, brk + 1, false, false, cont});
        a = brk + 1;
    }
}

}  // namespace

std::vector<LineSpan> break_greedy(const BreakItems& it, const BreakOptions& o) {
    std::vector<LineSpan> out;
    const auto n = static_cast<std::uint32_t>(it.size());
    std::uint32_t s = 0;
    for (std::uint32_t k = 0; k < n; ++k) {
        if (it.forced[k] || k + 1 == n) {
            std::size_t before = out.size();
            greedy_segment(it, o, s, k + 1, out);
            if (out.size() > before) out.back().forced = k + 1 != n;
            s = k + 1;
        }
    }
    if (!out.empty()) out.back().last = true;
    return out;
}

namespace {

// Two forced breaks in a row leave an empty line (blank lines in code, <br><br>).
std::vector<LineSpan> add_empty_lines(const BreakItems& it, std::vector<LineSpan> lines) {
    bool any = it.leading_breaks > 0;
    for (const auto& l : lines) any = any || (l.end > 0 && it.forced[l.end - 1] > 1);
    if (!any) return lines;
    std::vector<LineSpan> out;
    for (std::uint32_t i = 0; i < it.leading_breaks; ++i) out.push_back({0, 0, false, true, false});
    for (const auto& l : lines) {
        out.push_back(l);
        if (l.end > 0 && !l.last)
            for (std::uint32_t i = 1; i < it.forced[l.end - 1]; ++i)
                out.push_back({l.end, l.end, false, true, false});
    }
    return out;
}

}  // namespace

std::vector<LineSpan> break_lines(const Measured& m, const BreakItems& it, const BreakOptions& o) {
    // Optimal (Knuth–Plass) for prose; greedy for code and for paragraphs so large that
    // the optimizer's per-candidate table would be wasteful.
    constexpr std::size_t kMaxOptimal = 400000;
    if (o.optimal && !o.code && it.size() <= kMaxOptimal) {
        auto lines = break_optimal(it, o);
        if (!lines.empty()) return add_empty_lines(it, std::move(lines));
    }
    return add_empty_lines(it, break_greedy(it, o));
}

}  // namespace bookc::typeset::inl
