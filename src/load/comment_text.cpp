// A reader's comment is plain text typed into a web form: its lines are the author's, and
// programs pasted into it keep their indentation. This file turns a comment's lines into
// paragraphs (line breaks kept) and code blocks (a ``` fence, or a run of indented lines
// that reads as code).
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "load/comments.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

struct Line {
    model::Inlines in;
    std::string plain;  // the line's text, as written
};

std::vector<Line> split_lines(model::Inlines&& in) {
    std::vector<Line> lines(1);
    for (auto& i : in) {
        if (i.kind == InlineKind::LineBreak || i.kind == InlineKind::SoftBreak) {
            lines.emplace_back();
            continue;
        }
        lines.back().in.push_back(std::move(i));
    }
    for (auto& l : lines) l.plain = model::plain_text(l.in);
    return lines;
}

bool is_blank(const Line& l) { return trim(l.plain).empty(); }

// "```go" / "~~~": the fence's info word, or false.
bool is_fence(const Line& l, std::string* info = nullptr) {
    std::string_view t = trim(l.plain);
    if (!(starts_with(t, "```") || starts_with(t, "~~~"))) return false;
    if (info) {
        std::size_t k = t.find_first_not_of(t[0]);
        std::string_view rest =
            k == std::string_view::npos ? std::string_view() : trim(t.substr(k));
        *info = std::string(rest.substr(0, rest.find(' ')));
    }
    return true;
}

bool is_indented(const Line& l) {
    return !is_blank(l) && (starts_with(l.plain, "\t") || starts_with(l.plain, "  "));
}

// A line that opens a program block: "func (m *Mutex) Lock() {", "var (".
bool is_opener(const Line& l) {
    std::string_view t = trim(l.plain);
    return !t.empty() && (t.back() == '{' || t.back() == '(' || t.back() == '[');
}

// A line that only closes brackets: "}", "})", "};".
bool is_closer(const Line& l) {
    std::string_view t = trim(l.plain);
    if (t.empty() || (t[0] != '}' && t[0] != ')' && t[0] != ']')) return false;
    for (char c : t)
        if (c != '}' && c != ')' && c != ']' && c != ';' && c != ',' && c != ' ') return false;
    return true;
}

// More ASCII symbols and letters than Han characters: a program, not indented prose.
bool reads_as_code(const std::vector<Line>& lines, std::size_t a, std::size_t b) {
    std::size_t ascii = 0, han = 0;
    bool symbol = false;
    for (std::size_t i = a; i < b; ++i) {
        const std::string& s = lines[i].plain;
        for (std::size_t k = 0; k < s.size();) {
            char32_t c = base::next_codepoint(s, k);
            if (c < 0x80 && c > ' ') {
                ++ascii;
                symbol |= c == '(' || c == ')' || c == '{' || c == '}' || c == '=' || c == ';' ||
                          c == '[' || c == ']' || c == '<' || c == '>' || c == ':' || c == '/';
            } else if (base::is_han(c)) {
                ++han;
            }
        }
    }
    return symbol && ascii > han;
}

Block code_block(const std::vector<Line>& lines, std::size_t a, std::size_t b, std::string info,
                 base::Span span) {
    Block code;
    code.kind = BlockKind::CodeBlock;
    code.info = std::move(info);
    code.span = span;
    for (std::size_t i = a; i < b; ++i) {
        if (i > a) code.text += '\n';
        std::string_view t = lines[i].plain;
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r'))
            t.remove_suffix(1);
        code.text += t;
    }
    return code;
}

// Runs of spaces and tabs inside prose become one space, as a browser shows them.
void collapse_spaces(model::Inlines& in) {
    for (auto& i : in) {
        if (i.kind == InlineKind::Text) {
            std::string out;
            for (char c : i.text) {
                if (c == '\t' || c == '\r') c = ' ';
                if (c == ' ' && !out.empty() && out.back() == ' ') continue;
                out += c;
            }
            i.text = std::move(out);
        } else if (i.kind != InlineKind::Code) {
            collapse_spaces(i.children);
        }
    }
}

// Prose lines [a, b) as one paragraph, each line break kept.
void add_paragraph(std::vector<Line>& lines, std::size_t a, std::size_t b, base::Span span,
                   model::Blocks& out) {
    Block p;
    p.kind = BlockKind::Paragraph;
    p.span = span;
    for (std::size_t i = a; i < b; ++i) {
        model::Inlines in = std::move(lines[i].in);
        collapse_spaces(in);
        trim_inlines(in);
        if (inlines_empty(in)) continue;
        if (!p.inlines.empty()) {
            Inline br;
            br.kind = InlineKind::LineBreak;
            br.span = span;
            p.inlines.push_back(std::move(br));
        }
        for (auto& x : in) append_inline(p.inlines, std::move(x));
    }
    if (!p.inlines.empty()) out.push_back(std::move(p));
}

// One paragraph of the comment (lines [a, b), none blank): prose with code runs in it.
void add_lines(std::vector<Line>& lines, std::size_t a, std::size_t b, base::Span span,
               model::Blocks& out) {
    std::size_t prose = a;
    for (std::size_t i = a; i < b;) {
        if (!is_indented(lines[i])) {
            ++i;
            continue;
        }
        std::size_t s = i, e = i;
        while (e < b && is_indented(lines[e])) ++e;
        if (s > prose && is_opener(lines[s - 1])) --s;
        while (e < b && is_closer(lines[e])) ++e;
        if (!reads_as_code(lines, s, e)) {
            i = e;
            continue;
        }
        add_paragraph(lines, prose, s, span, out);
        out.push_back(code_block(lines, s, e, "", span));
        prose = i = e;
    }
    add_paragraph(lines, prose, b, span, out);
}

}  // namespace

model::Blocks comment_blocks(model::Inlines in, base::Span span) {
    std::vector<Line> lines = split_lines(std::move(in));
    model::Blocks out;
    std::size_t i = 0;
    while (i < lines.size()) {
        std::string info;
        if (is_fence(lines[i], &info)) {
            std::size_t e = i + 1;
            while (e < lines.size() && !is_fence(lines[e])) ++e;
            out.push_back(code_block(lines, i + 1, e, info, span));
            i = e + 1;
            continue;
        }
        if (is_blank(lines[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < lines.size() && !is_blank(lines[e]) && !is_fence(lines[e])) ++e;
        add_lines(lines, i, e, span, out);
        i = e;
    }
    return out;
}

model::Inlines comment_line_text(model::Inlines in, base::Span span) {
    model::Inlines out;
    for (auto& b : comment_blocks(std::move(in), span)) {
        if (!out.empty()) {
            Inline br;
            br.kind = InlineKind::LineBreak;
            br.span = span;
            out.push_back(std::move(br));
        }
        if (b.kind == BlockKind::CodeBlock) {
            std::string_view t = b.text;
            for (std::size_t k; (k = t.find('\n')) != std::string_view::npos;
                 t.remove_prefix(k + 1)) {
                append_text(out, t.substr(0, k), span);
                Inline br;
                br.kind = InlineKind::LineBreak;
                br.span = span;
                out.push_back(std::move(br));
            }
            append_text(out, t, span);
            continue;
        }
        for (auto& x : b.inlines) append_inline(out, std::move(x));
    }
    return out;
}

}  // namespace bookc::load
