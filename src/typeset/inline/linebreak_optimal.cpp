// Total-fit line breaking (Knuth & Plass 1981) over break candidates at cluster
// boundaries, as a dynamic program: for every candidate j, every earlier candidate i whose
// line [i, j) can be set (ratio within tolerance, not overfull) is a predecessor. The scan
// back from j stops as soon as the line is too long even fully shrunk, so the work per
// candidate is bounded by the candidates on one line: linear in the paragraph length.
//
// Demerits: (line_penalty + badness)² + penalty², +adjacent-fitness demerits when the
// tightness of consecutive lines jumps by more than one class, + a large cost for a last
// line holding a single character (孤字, CJK-RULES A9), + TeX's costs for two hyphenated
// lines in a row and for a hyphen on the line before the last.
// Pass 1 uses only allowed breaks and a tolerance; pass 2 (when pass 1 finds no way)
// allows any looseness and emergency breaks, and finally overfull lines. A justified line
// its glue cannot fill (set_line leaves it short rather than letter-spacing it) is rated
// as its glue at full stretch plus the rest as a ragged line's gap.
#include <algorithm>
#include <cmath>

#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {
namespace {

constexpr double kEps = 0.01;
constexpr double kLinePenalty = 10;
constexpr double kAdjDemerits = 3000;
constexpr double kOrphanDemerits = 5e7;     // ≈ one line at badness 7000 (ratio ~4)
constexpr double kOverfullDemerits = 1e14;  // worse than any emergency break
constexpr double kMaxBadness = 10000;
constexpr double kInf = 1e300;
constexpr double kPass1MaxRatio = 2.0;

struct Node {
    double demerits = kInf;
    std::int32_t prev = -1;  // node index of the previous break
};

// A last line of at most three clusters with at most one real character (+ marks).
bool orphan_line(const BreakItems& it, std::uint32_t a, std::uint32_t b) {
    if (b - a > 3) return false;
    int core = 0;
    for (std::uint32_t k = a; k < b; ++k) core += it.core[k];
    return core <= 1;
}

// Returns false when no way through the segment exists under the pass's rules.
bool optimal_segment(const BreakItems& it, const BreakOptions& o, std::uint32_t s, std::uint32_t e,
                     bool last_segment, bool pass2, std::vector<std::uint32_t>& breaks,
                     double* total = nullptr) {
    const bool justify = justified(o.align);
    std::vector<std::uint32_t> cands;  // break after cluster cands[i]
    for (std::uint32_t k = s; k + 1 < e; ++k)
        if ((pass2 ? it.emergency[k] : it.penalty[k]) < kNoBreak) cands.push_back(k);
    cands.push_back(e - 1);
    const std::size_t C = cands.size();
    // nodes[(ci + 1) * 4 + fitness]; ci = -1 is the segment start.
    std::vector<Node> nodes((C + 1) * 4);
    nodes[1].demerits = 0;  // start: "decent"

    for (std::size_t ci = 0; ci < C; ++ci) {
        const std::uint32_t j = cands[ci];
        const std::uint32_t b = j + 1;
        const bool final = ci + 1 == C;
        const double pen = final ? 0 : (pass2 ? it.emergency[j] : it.penalty[j]);
        bool found = false;
        std::int64_t q0 = static_cast<std::int64_t>(ci) - 1;
        if (!pass2 && justify && !final && q0 > 8) {
            // Skip the starts whose line is certainly too loose: the widest such line is
            // found by binary search on the prefix sums (widths grow as the start moves back).
            // A line its glue cannot fill may be up to a quarter of the measure short.
            const double W = o.width;
            const double margin = 2 * (it.box[j] + 1) + W / 4;  // trims, glue after j, ragged
            auto loose = [&](std::int64_t qi) {
                const std::uint32_t a = cands[qi] + 1;
                const double nat = it.sum_w[b] - it.sum_w[a];
                const double st = it.sum_st[b] - it.sum_st[a];
                return nat + kPass1MaxRatio * st + margin < W - o.first_indent;
            };
            std::int64_t lo = 0, hi = q0;  // find the largest qi that is not certainly loose
            if (loose(lo)) {
                q0 = -1;  // even the longest line from a candidate is loose: only the start
            } else {
                while (lo < hi) {
                    std::int64_t mid = (lo + hi + 1) / 2;
                    if (loose(mid))
                        hi = mid - 1;
                    else
                        lo = mid;
                }
                q0 = lo;
            }
        }
        for (std::int64_t qi = q0; qi >= -1; --qi) {
            const std::uint32_t a = qi < 0 ? s : cands[qi] + 1;
            const double W = line_width_for(o, a == 0, false);
            const LineMeasure lm = measure_line(it, a, b);
            const double shrink = justify ? lm.shrink : 0;
            double r;
            double extra = 0;
            if (lm.natural - shrink > W + kEps) {
                // Too long even fully shrunk; every earlier start is longer still.
                if (!(pass2 && !found && qi == static_cast<std::int64_t>(ci) - 1)) break;
                r = -1;
                extra = kOverfullDemerits;  // a single unbreakable piece wider than the line
            } else if (final) {
                r = lm.natural > W ? (W - lm.natural) / shrink : 0;
            } else if (lm.natural > W) {
                r = (W - lm.natural) / shrink;
            } else {
                // Ragged alignments: a fixed allowance (TeX's \rightskip stretch).
                const double ragged = std::max(W / 8, 1.0);
                const double st = justify ? lm.stretch : ragged;
                const double slack = W - lm.natural;
                if (justify && !lm.fillable(W)) {
                    // Its glue cannot fill it (a piece of a path or URL, whose letters only
                    // open by a trace): it is set short by the rest, which costs what that
                    // gap would cost a ragged line, on top of the glue's full stretch.
                    const double fill = lm.fill();
                    r = (lm.stretch > 0 ? fill / lm.stretch : 1) + (slack - fill) / ragged;
                } else if (st > 0) {
                    r = slack / st;
                } else {
                    r = slack < kEps ? 0 : 1e3;
                }
                if (r > kPass1MaxRatio && !pass2) continue;  // too loose
            }
            const double ar = std::min(std::fabs(r), 100.0);
            double badness = std::min(100 * ar * ar * ar, kMaxBadness);
            // Beyond the cap (pass 2), rank very loose lines by how empty they are, so the
            // optimizer still prefers evenly loose lines to one nearly empty line.
            if (badness >= kMaxBadness && lm.natural < W) badness *= 1 + 4 * (W - lm.natural) / W;
            const int fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
            double base = (kLinePenalty + badness) * (kLinePenalty + badness) + pen * pen + extra;
            if (final && last_segment && a != s && orphan_line(it, a, b)) base += kOrphanDemerits;
            if (qi >= 0 && it.hyphen[cands[qi]]) {
                if (!final && it.hyphen[j]) base += o.double_hyphen_demerits;
                if (final) base += o.final_hyphen_demerits;
            }
            Node& out = nodes[(ci + 1) * 4 + fit];
            const std::size_t from = static_cast<std::size_t>(qi + 1) * 4;
            for (int pf = 0; pf < 4; ++pf) {
                const Node& prev = nodes[from + pf];
                if (prev.demerits >= kInf) continue;
                double d =
                    prev.demerits + base + (std::abs(fit - pf) > 1 && qi >= 0 ? kAdjDemerits : 0);
                if (d < out.demerits) {
                    out.demerits = d;
                    out.prev = static_cast<std::int32_t>(from + pf);
                    found = true;
                }
            }
        }
    }
    std::int64_t best = -1;
    for (int f = 0; f < 4; ++f) {
        const std::size_t idx = C * 4 + f;
        if (nodes[idx].demerits < kInf && (best < 0 || nodes[idx].demerits < nodes[best].demerits))
            best = static_cast<std::int64_t>(idx);
    }
    if (best < 0) return false;
    std::vector<std::uint32_t> rev;
    for (std::int64_t n = best; n >= 4; n = nodes[n].prev) rev.push_back(cands[n / 4 - 1]);
    breaks.insert(breaks.end(), rev.rbegin(), rev.rend());
    if (total) *total = nodes[best].demerits;
    return true;
}

}  // namespace

std::vector<LineSpan> break_optimal(const BreakItems& it, const BreakOptions& o) {
    std::vector<LineSpan> out;
    const auto n = static_cast<std::uint32_t>(it.size());
    std::uint32_t s = 0;
    for (std::uint32_t k = 0; k < n; ++k) {
        if (!(it.forced[k] || k + 1 == n)) continue;
        const std::uint32_t e = k + 1;
        std::vector<std::uint32_t> breaks;
        double d1 = 0;
        if (!optimal_segment(it, o, s, e, e == n, false, breaks, &d1)) {
            if (!optimal_segment(it, o, s, e, e == n, true, breaks)) return {};
        } else if (e == n && breaks.size() >= 2 &&
                   orphan_line(it, breaks[breaks.size() - 2] + 1, e)) {
            // Pass 1 kept a 孤字 because avoiding it needs a looser line than its
            // tolerance: let pass 2 try, and keep whichever costs less.
            std::vector<std::uint32_t> alt;
            double d2 = 0;
            if (optimal_segment(it, o, s, e, true, true, alt, &d2) && d2 < d1)
                breaks = std::move(alt);
        }
        std::uint32_t a = s;
        for (std::uint32_t br : breaks) {
            out.push_back({a, br + 1, false, false, false});
            a = br + 1;
        }
        if (!out.empty()) out.back().forced = e != n;
        s = e;
    }
    if (!out.empty()) out.back().last = true;
    return out;
}

}  // namespace bookc::typeset::inl
