// Code blocks in the EPUB: <pre class="code-block"><code class="language-go"> holding the
// highlighted tokens as <span class="tok-kw"> etc. (epub.css colours them). Numbered
// blocks wrap each line in <span class="line">; the numbers are CSS counters (generated
// content, so copying the code never copies them), counting from the block's first line.
#include "write/epub/xhtml.hpp"

namespace bookc::epub {

namespace {

// Class tokens from free text (code block languages): ASCII letters, digits, '-', '_', '+' → 'p'.
std::string class_token(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == ',' || c == '{') break;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_')
            out += c;
        else if (c == '+')
            out += 'p';
        else if (c == '#')
            out += "sharp";
        if (out.size() > 40) break;
    }
    return out;
}

// Writes text[from, to) of the block with its tokens as spans; `t` is the first token
// that may overlap, advanced past those that end by `to`. Tokens never cross a line.
void tokens(pugi::xml_node parent, const model::Block& b, std::size_t from, std::size_t to,
            std::size_t& t) {
    std::string_view text = b.text;
    std::size_t at = from;
    while (t < b.tokens.size() && b.tokens[t].begin < to) {
        const model::CodeToken& tok = b.tokens[t];
        std::size_t s = std::max<std::size_t>(tok.begin, at),
                    e = std::min<std::size_t>(tok.end, to);
        if (s < e) {
            if (s > at) add_text(parent, text.substr(at, s - at));
            add_text_el(parent, "span", text.substr(s, e - s),
                        std::string("tok-") + model::token_class_name(tok.cls));
            at = e;
        }
        if (tok.end > to) break;
        ++t;
    }
    if (at < to) add_text(parent, text.substr(at, to - at));
}

}  // namespace

void ChapterWriter::code_block(pugi::xml_node parent, const model::Block& b) {
    const bool numbered = b.line_numbers == 1 || (b.line_numbers < 0 && plan_.code_line_numbers);
    pugi::xml_node pre = add_el(parent, "pre", numbered ? "code-block numbered" : "code-block");
    if (numbered && b.first_line != 1)
        set_attr(pre, "style", "counter-reset: code-line " + std::to_string(b.first_line - 1));
    pugi::xml_node code = add_el(pre, "code");
    std::string lang = class_token(b.info);
    if (!lang.empty()) set_attr(code, "class", "language-" + lang);
    std::size_t t = 0;
    if (!numbered) {
        tokens(code, b, 0, b.text.size(), t);
        return;
    }
    std::size_t start = 0;
    while (start <= b.text.size()) {
        std::size_t nl = b.text.find('\n', start);
        if (nl == std::string::npos) nl = b.text.size();
        if (start > 0) add_text(code, "\n");
        tokens(add_el(code, "span", "line"), b, start, nl, t);
        start = nl + 1;
    }
}

}  // namespace bookc::epub
