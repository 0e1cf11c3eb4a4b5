// Inline conversion: model inlines → styled runs for the inline engine.
#include "base/utf8.hpp"
#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

constexpr const char* kSoftBreak = "\x1f";  // placeholder resolved by finish_runs

void add_text(std::vector<StyledRun>& out, std::string text, const TextStyle& s, base::Span span) {
    if (text.empty()) return;
    StyledRun r;
    r.text = std::move(text);
    r.style = s;
    r.span = span;
    out.push_back(std::move(r));
}

using base::is_cjk;

char32_t last_char(const std::string& s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    std::size_t pos = i;
    return base::next_codepoint(s, pos);
}

char32_t first_char(const std::string& s) {
    std::size_t pos = 0;
    return s.empty() ? 0 : base::next_codepoint(s, pos);
}

void collect(const model::Inlines& in, const TextStyle& cur, const Styles& st,
             const std::string& prefix, InlineOut& out) {
    for (const auto& n : in) {
        switch (n.kind) {
            case model::InlineKind::Text:
                add_text(out.runs, n.text, cur, n.span);
                break;
            case model::InlineKind::Emph:
            case model::InlineKind::Strong: {
                TextStyle s = cur;
                s.fonts = &bold_of(st, cur.fonts);
                collect(n.children, s, st, prefix, out);
                break;
            }
            case model::InlineKind::Strike: {
                TextStyle s = cur;
                s.strike = true;
                collect(n.children, s, st, prefix, out);
                break;
            }
            case model::InlineKind::Code: {
                TextStyle s = cur;
                s.fonts = &st.mono;
                s.size = cur.size * 0.92f;
                s.monospace = true;
                add_text(out.runs, n.text, s, n.span);
                break;
            }
            case model::InlineKind::Link: {
                TextStyle s = cur;
                s.link_uri = n.url;
                if (!n.url.empty() && n.url[0] != '#') s.color = st.accent;
                if (!n.url.empty() && n.url[0] == '#') {
                    s.link_uri.clear();
                    s.link_dest = prefix + n.url.substr(1);
                }
                collect(n.children, s, st, prefix, out);
                break;
            }
            case model::InlineKind::Image: {
                // Images inside running text (a paragraph's images are split out before).
                TextStyle s = cur;
                s.color = st.muted;
                add_text(out.runs,
                         "［图：" + (n.text.empty() ? std::string("图片") : n.text) + "］", s,
                         n.span);
                break;
            }
            case model::InlineKind::LineBreak:
                add_text(out.runs, "\n", cur, n.span);
                break;
            case model::InlineKind::SoftBreak:
                add_text(out.runs, kSoftBreak, cur, n.span);
                break;
            case model::InlineKind::Math:
                if (n.math) math_runs(*n.math, cur, st, n.span, out.runs);
                break;
            case model::InlineKind::FootnoteRef: {
                TextStyle s = cur;
                s.size = cur.size * 0.6f;
                s.baseline_shift = cur.size * 0.38f;
                s.link_uri.clear();
                s.link_dest = footnote_dest(prefix, n.number);
                add_text(out.runs, std::to_string(n.number), s, n.span);
                out.footnote_numbers.push_back(n.number);
                break;
            }
        }
    }
}

}  // namespace

std::string footnote_dest(const std::string& prefix, int number) {
    return prefix + "fn-" + std::to_string(number);
}

void collect_inlines(const model::Inlines& in, const TextStyle& base, const Styles& st,
                     const std::string& dest_prefix, InlineOut& out) {
    collect(in, base, st, dest_prefix, out);
    finish_runs(out.runs);
}

void finish_runs(std::vector<StyledRun>& runs) {
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].text != kSoftBreak) continue;
        char32_t before = 0, after = 0;
        for (std::size_t j = i; j-- > 0;)
            if (!runs[j].text.empty() && runs[j].text != kSoftBreak) {
                before = last_char(runs[j].text);
                break;
            }
        for (std::size_t j = i + 1; j < runs.size(); ++j)
            if (!runs[j].text.empty() && runs[j].text != kSoftBreak) {
                after = first_char(runs[j].text);
                break;
            }
        bool none = before == 0 || after == 0 || is_cjk(before) || is_cjk(after) || before == ' ' ||
                    after == ' ' || before == '\n' || after == '\n';
        runs[i].text = none ? "" : " ";
    }
    std::vector<StyledRun> kept;
    kept.reserve(runs.size());
    for (auto& r : runs)
        if (!r.text.empty()) kept.push_back(std::move(r));
    // Trim leading/trailing forced breaks and spaces of the paragraph.
    while (!kept.empty() && (kept.back().text == "\n" || kept.back().text == " ")) kept.pop_back();
    runs = std::move(kept);
}

}  // namespace bookc::typeset::flow
