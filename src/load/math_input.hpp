// Private to load/: finding maths in the sources and turning it into model nodes.
// Markdown: TeX between $…$, $$…$$, \(…\), \[…\] is found before cmark-gfm sees the text
// (cmark would read _ * \ inside it as Markdown) and replaced by markers of the same length,
// outside the code spans, code blocks and raw HTML that a first cmark pass locates; the
// markers come back as Math inlines and display formulas as MathBlock blocks.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "load/context.hpp"

namespace bookc::load {

// Parses TeX and reports its problems as warnings: at their place in the file when
// `tex_offset` (the file offset of tex[0]) is known, else at `fallback`.
std::shared_ptr<math::Formula> make_formula(ChapterContext& ctx, std::string tex, bool display,
                                            std::int64_t tex_offset, base::Span fallback);

// A Math inline for a formula.
model::Inline math_inline(std::shared_ptr<math::Formula> f, base::Span span);
// A MathBlock for a display formula.
model::Block math_block(std::shared_ptr<math::Formula> f, base::Span span);

// One formula found in a Markdown body.
struct FoundMath {
    std::uint32_t begin = 0, end = 0;  // file offsets of the whole, delimiters included
    std::shared_ptr<math::Formula> formula;
    std::string source;  // as written, delimiters included (put back in URLs and alt text)
};

// Finds maths in `body` (the file text from `body_offset`, with blanked parts already
// blanked) and overwrites each formula with a marker; returns the formulas in order.
std::vector<FoundMath> protect_math(ChapterContext& ctx, std::string& body,
                                    std::uint32_t body_offset, int cmark_options);

// Puts the formulas back in place of their markers, in every block, and splits paragraphs
// around display formulas.
void restore_math(model::Blocks& blocks, const std::vector<FoundMath>& found);

// Appends paragraph `b` to `out`; when it holds display formulas, as paragraphs around
// MathBlocks.
void split_display_math(model::Block b, model::Blocks& out);

// The TeX in a pandoc-style element text: "\(x\)", "\[x\]", "$x$", "$$x$$" or bare;
// `display` is set for \[ and $$.
std::string strip_tex_delimiters(std::string_view text, bool& display);

}  // namespace bookc::load
