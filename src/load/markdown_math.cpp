// Maths in Markdown: found in the source before cmark-gfm parses it (cmark-gfm 0.29 has
// no math extension, and would read _ * \ inside formulas as Markdown), outside the code
// spans, code blocks and raw HTML that a first cmark pass locates.
//
// Each formula is overwritten by a marker of the same byte length with the same number of
// lines, so every offset and line cmark reports stays true: U+E000+k (formula k), then
// after each newline one U+0001, then U+0001 up to the length. cmark keeps these as text;
// restore_math() replaces them by the formulas.
#include <algorithm>

#include "base/utf8.hpp"
#include "load/markdown_convert.hpp"
#include "load/math_input.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

constexpr char32_t kMarkerBase = 0xE000;
constexpr std::size_t kMaxFormulas = 0x1900;  // U+E000…U+F8FF
constexpr char kFill = '\x01';
// How far a closing delimiter is looked for: a paragraph full of lone '$' stays linear.
constexpr std::size_t kMaxInline = 4096;
constexpr std::size_t kMaxDisplay = 65536;

struct Range {
    std::size_t begin, end;
};

// Code spans, code blocks and raw HTML, as byte ranges of `body`, sorted.
std::vector<Range> code_ranges(const std::string& body, int options) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < body.size(); ++i)
        if (body[i] == '\n') starts.push_back(i + 1);
    auto at = [&](int line, int col) -> std::size_t {
        if (line <= 0) return 0;
        auto l = static_cast<std::size_t>(line - 1);
        if (l >= starts.size()) return body.size();
        return std::min(body.size(), starts[l] + static_cast<std::size_t>(col > 0 ? col - 1 : 0));
    };
    auto line_end = [&](int line) -> std::size_t {
        auto l = static_cast<std::size_t>(line);
        return l < starts.size() ? starts[l] : body.size();
    };
    std::vector<Range> out;
    ParserPtr parser = make_parser(options);
    cmark_parser_feed(parser.get(), body.data(), body.size());
    NodePtr doc(cmark_parser_finish(parser.get()));
    if (!doc) return out;
    IterPtr it(cmark_iter_new(doc.get()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        int sl = cmark_node_get_start_line(n), el = cmark_node_get_end_line(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_HTML_BLOCK:
                out.push_back({at(sl, 1), line_end(el)});
                break;
            case CMARK_NODE_CODE:
            case CMARK_NODE_HTML_INLINE: {
                std::size_t b = at(sl, cmark_node_get_start_column(n));
                std::size_t e = std::max(b, at(el, cmark_node_get_end_column(n)) + 1);
                while (b > 0 && body[b - 1] == '`') --b;  // the backtick fences
                while (e < body.size() && body[e] == '`') ++e;
                out.push_back({b, std::min(e, body.size())});
                break;
            }
            default:
                break;
        }
    }
    std::sort(out.begin(), out.end(), [](Range a, Range b) { return a.begin < b.begin; });
    return out;
}

// Where the paragraph holding `i` ends: the next blank line.
std::size_t paragraph_end(const std::string& s, std::size_t i) {
    for (std::size_t nl = s.find('\n', i); nl != std::string::npos; nl = s.find('\n', nl + 1)) {
        std::size_t k = nl + 1;
        while (k < s.size() && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r')) ++k;
        if (k >= s.size() || s[k] == '\n') return nl;
    }
    return s.size();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The closing delimiter from `from`, before `limit`, skipping \x pairs.
std::size_t find_close(const std::string& s, std::size_t from, std::size_t limit,
                       std::string_view close, bool dollar_rules) {
    for (std::size_t j = from; j + close.size() <= limit; ++j) {
        if (s[j] == '\\' && close[0] != '\\') {
            ++j;
            continue;
        }
        if (s.compare(j, close.size(), close) != 0) continue;
        if (close[0] == '\\' && j > from && s[j - 1] == '\\') continue;
        if (dollar_rules) {
            // "$5 and $6": no space before the closing $, no digit right after it.
            if (is_space(s[j - 1])) continue;
            if (j + 1 < s.size() && s[j + 1] >= '0' && s[j + 1] <= '9') continue;
        }
        return j;
    }
    return std::string::npos;
}

void overwrite(std::string& body, std::size_t b, std::size_t e, std::size_t index) {
    std::size_t lines = static_cast<std::size_t>(
        std::count(body.begin() + static_cast<long>(b), body.begin() + static_cast<long>(e), '\n'));
    std::string r;
    base::append_utf8(r, kMarkerBase + static_cast<char32_t>(index));
    for (std::size_t k = 0; k < lines; ++k) r += "\n\x01";
    r.append(e - b - r.size(), kFill);
    body.replace(b, e - b, r);
}

}  // namespace

std::vector<FoundMath> protect_math(ChapterContext& ctx, std::string& body,
                                    std::uint32_t body_offset, int cmark_options) {
    std::vector<FoundMath> found;
    if (body.find('$') == std::string::npos && body.find("\\(") == std::string::npos &&
        body.find("\\[") == std::string::npos)
        return found;
    std::vector<Range> code = code_ranges(body, cmark_options);
    std::size_t next_code = 0;
    std::size_t i = 0;
    std::size_t para_end = 0;
    while (i < body.size() && found.size() < kMaxFormulas) {
        while (next_code < code.size() && code[next_code].end <= i) ++next_code;
        std::size_t code_at = next_code < code.size() ? code[next_code].begin : body.size();
        if (i >= code_at) {
            i = code[next_code].end;
            continue;
        }
        char c = body[i];
        std::size_t open = 0, close = std::string::npos;
        bool display = false;
        if (i >= para_end) para_end = paragraph_end(body, i);
        std::size_t limit = std::min(code_at, para_end);
        if (c == '\\' &&
            (body.compare(i, 7, "\\eqref{") == 0 || body.compare(i, 5, "\\ref{") == 0)) {
            // \eqref{label} in the prose (MathJax reads it outside maths too).
            std::size_t e = body.find('}', i);
            if (e != std::string::npos && e < limit) {
                open = 0;
                close = e + 1;
            } else {
                ++i;
                continue;
            }
        } else if (c == '\\' && i + 1 < body.size()) {
            char d = body[i + 1];
            if (d == '(' || d == '[') {
                open = 2;
                display = d == '[';
                close = find_close(body, i + 2, std::min(limit, i + kMaxDisplay),
                                   d == '(' ? "\\)" : "\\]", false);
            } else {
                i += 2;  // an escape: \$ is a dollar
                continue;
            }
        } else if (c == '$' && i + 1 < body.size() && body[i + 1] == '$') {
            open = 2;
            display = true;
            close = find_close(body, i + 2, std::min(limit, i + kMaxDisplay), "$$", false);
        } else if (c == '$' && i + 1 < body.size() && !is_space(body[i + 1])) {
            open = 1;
            close = find_close(body, i + 1, std::min(limit, i + kMaxInline), "$", true);
        } else {
            ++i;
            continue;
        }
        if (close == std::string::npos ||
            trim_ascii(body.substr(i + open, close - i - open)).empty()) {
            i += open;
            continue;
        }
        std::size_t end = close + open;
        std::string tex = body.substr(i + open, close - i - open);
        auto b = static_cast<std::uint32_t>(body_offset + i);
        auto e = static_cast<std::uint32_t>(body_offset + end);
        FoundMath m;
        m.begin = b;
        m.end = e;
        m.source = body.substr(i, end - i);
        m.formula =
            make_formula(ctx, std::move(tex), display, body_offset + i + open, ctx.span(b, e));
        overwrite(body, i, end, found.size());
        found.push_back(std::move(m));
        i = end;
    }
    return found;
}

namespace {

class Restorer {
public:
    explicit Restorer(const std::vector<FoundMath>& f) : found_(f) {}

    void inlines(model::Inlines& ins) {
        model::Inlines out;
        for (std::size_t k = 0; k < ins.size(); ++k) {
            model::Inline& in = ins[k];
            if (in.kind == model::InlineKind::SoftBreak && k + 1 < ins.size() &&
                ins[k + 1].kind == model::InlineKind::Text && !ins[k + 1].text.empty() &&
                ins[k + 1].text[0] == kFill)
                continue;  // a line break inside a formula
            if (in.kind != model::InlineKind::Text) {
                // A '$' pair in a link's address, title or an image's alt text is no formula.
                plain(in.url);
                plain(in.title);
                plain(in.text);
                inlines(in.children);
                out.push_back(std::move(in));
                continue;
            }
            text(in, out);
        }
        ins = std::move(out);
    }

    void blocks(model::Blocks& bs) {
        model::Blocks out;
        for (auto& b : bs) {
            inlines(b.inlines);
            blocks(b.children);
            for (auto& row : b.rows)
                for (auto& cell : row) inlines(cell.content);
            if (b.kind == model::BlockKind::Paragraph)
                split_display_math(std::move(b), out);
            else
                out.push_back(std::move(b));
        }
        bs = std::move(out);
    }

private:
    const std::vector<FoundMath>& found_;

    // Markers back to the source as written.
    void plain(std::string& s) const {
        if (s.find(kFill) == std::string::npos && s.find('\xEE') == std::string::npos &&
            s.find('\xEF') == std::string::npos)
            return;
        std::string out;
        for (std::size_t i = 0; i < s.size();) {
            std::size_t j = i;
            char32_t cp = base::next_codepoint(s, j);
            std::size_t k = cp - kMarkerBase;
            if (cp >= kMarkerBase && k < found_.size())
                out += found_[k].source;
            else if (s[i] != kFill)
                out.append(s, i, j - i);
            i = j;
        }
        s = std::move(out);
    }

    void text(model::Inline& in, model::Inlines& out) {
        const std::string& t = in.text;
        std::string run;
        for (std::size_t i = 0; i < t.size();) {
            if (t[i] == kFill) {
                ++i;
                continue;
            }
            std::size_t j = i;
            char32_t cp = base::next_codepoint(t, j);
            std::size_t k = cp - kMarkerBase;
            if (cp >= kMarkerBase && k < found_.size()) {
                if (!run.empty()) append_text(out, run, in.span);
                run.clear();
                const FoundMath& m = found_[k];
                out.push_back(math_inline(m.formula, {in.span.file, m.begin, m.end}));
            } else {
                run.append(t, i, j - i);
            }
            i = j;
        }
        if (!run.empty()) append_text(out, run, in.span);
    }
};

}  // namespace

void restore_math(model::Blocks& blocks, const std::vector<FoundMath>& found) {
    if (found.empty()) return;
    Restorer(found).blocks(blocks);
}

}  // namespace bookc::load
