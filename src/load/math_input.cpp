// Formulas in the loaders: parsing with diagnostics at the right place, and the model
// nodes that carry them.
#include "load/math_input.hpp"

#include "load/text.hpp"

namespace bookc::load {

std::shared_ptr<math::Formula> make_formula(ChapterContext& ctx, std::string tex, bool display,
                                            std::int64_t tex_offset, base::Span fallback) {
    auto f = std::make_shared<math::Formula>(math::parse_tex(tex, display));
    for (const math::Problem& p : f->problems) {
        base::Span at = fallback;
        if (tex_offset >= 0) {
            auto off = static_cast<std::uint32_t>(tex_offset) + p.offset;
            at = ctx.span(off, off);
        }
        ctx.diags.warning(at, p.message);
    }
    f->problems.clear();
    return f;
}

model::Inline math_inline(std::shared_ptr<math::Formula> f, base::Span span) {
    model::Inline in;
    in.kind = model::InlineKind::Math;
    in.text = f->tex;
    in.math = std::move(f);
    in.span = span;
    return in;
}

model::Block math_block(std::shared_ptr<math::Formula> f, base::Span span) {
    model::Block b;
    b.kind = model::BlockKind::MathBlock;
    b.text = f->tex;
    f->display = true;
    b.math = std::move(f);
    b.span = span;
    return b;
}

// A display formula inside a paragraph becomes a block between its two halves.
void split_display_math(model::Block b, model::Blocks& out) {
    bool any = false;
    for (const auto& in : b.inlines)
        any |= in.kind == model::InlineKind::Math && in.math && in.math->display;
    if (!any) {
        out.push_back(std::move(b));
        return;
    }
    model::Block part = b;
    part.inlines.clear();
    auto flush = [&] {
        trim_inlines(part.inlines);
        if (!inlines_empty(part.inlines)) out.push_back(part);
        part.inlines.clear();
    };
    for (auto& in : b.inlines) {
        if (in.kind == model::InlineKind::Math && in.math && in.math->display) {
            flush();
            out.push_back(math_block(in.math, in.span));
            continue;
        }
        part.inlines.push_back(std::move(in));
    }
    flush();
}

std::string strip_tex_delimiters(std::string_view text, bool& display) {
    std::string_view t = trim_ascii(text);
    auto cut = [&](std::string_view open, std::string_view close, bool d) {
        if (t.size() < open.size() + close.size() || !starts_with(t, open) || !ends_with(t, close))
            return false;
        t = t.substr(open.size(), t.size() - open.size() - close.size());
        display = d;
        return true;
    };
    cut("\\(", "\\)", false) || cut("\\[", "\\]", true) || cut("$$", "$$", true) ||
        cut("$", "$", false);
    return std::string(t);
}

}  // namespace bookc::load
