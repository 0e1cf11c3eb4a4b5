// Half-width punctuation typed between Chinese characters, as writers on a Latin keyboard
// leave it (跟他聊过之后,我却发现), becomes the full-width form a Chinese book sets. Code,
// links and Latin text are left as written.
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "model/passes.hpp"

namespace bookc::model {

namespace {

bool han(char32_t c) { return base::is_han(c); }

char32_t full_width(char32_t c) {
    switch (c) {
        case ',':
            return U'，';
        case ';':
            return U'；';
        case ':':
            return U'：';
        case '?':
            return U'？';
        case '!':
            return U'！';
        case '(':
            return U'（';
        case ')':
            return U'）';
        default:
            return c;
    }
}

void text_in(Inlines& in) {
    for (auto& i : in) {
        switch (i.kind) {
            case InlineKind::Text:
                i.text = normalize_punctuation(i.text);
                break;
            case InlineKind::Code:
            case InlineKind::Link:  // its text is often the URL itself
            case InlineKind::Image:
                break;
            default:
                text_in(i.children);
        }
    }
}

void blocks_in(Blocks& blocks) {
    for (auto& b : blocks) {
        if (b.kind == BlockKind::CodeBlock) continue;
        text_in(b.inlines);
        blocks_in(b.children);
        for (auto& row : b.rows)
            for (auto& cell : row) text_in(cell.content);
    }
}

}  // namespace

std::string normalize_punctuation(std::string_view text) {
    std::u32string s = base::to_u32(text);
    const std::size_t n = s.size();
    auto next_visible = [&](std::size_t i) {  // the first non-space after i, or n
        while (i < n && s[i] == ' ') ++i;
        return i;
    };
    std::u32string out;
    out.reserve(n);
    std::size_t close_at = n;  // the ')' of a pair being made full-width
    for (std::size_t i = 0; i < n; ++i) {
        char32_t c = s[i];
        char32_t prev = i > 0 ? s[i - 1] : 0;
        if (i == close_at) {
            out += U'）';
            close_at = n;
            continue;
        }
        if (c == ',' || c == ';' || c == ':' || c == '?' || c == '!') {
            std::size_t k = next_visible(i + 1);
            bool after_han = k < n && han(s[k]);
            bool at_end = k == n || s[k] == '?' || s[k] == '!' || s[k] == U'”' || s[k] == U'」';
            // "敲 , 太": spaces around the mark go with it.
            std::size_t kept = out.size();
            while (kept > 0 && out[kept - 1] == ' ') --kept;
            char32_t before = kept > 0 ? out[kept - 1] : 0;
            if (han(before) &&
                (after_han || ((c == '?' || c == '!') && at_end && kept == out.size()))) {
                out.resize(kept);
                out += full_width(c);
                i = k - 1;  // spaces after it go
                continue;
            }
        } else if (c == '(') {
            // The matching ')' on this run, with Han inside and Han next to the pair.
            std::size_t j = i + 1;
            bool inner_han = false;
            while (j < n && s[j] != ')' && s[j] != '(') inner_han |= han(s[j++]);
            if (j < n && s[j] == ')' && inner_han &&
                (han(prev) || (j + 1 < n && han(s[j + 1])) || han(s[i + 1]))) {
                out += U'（';
                close_at = j;
                continue;
            }
        }
        out += c;
    }
    return base::to_utf8(out);
}

void normalize_punctuation(Book& book) {
    for (auto& part : book.parts) {
        part.title = normalize_punctuation(part.title);
        for (auto& ch : part.chapters) {
            ch.title = normalize_punctuation(ch.title);
            text_in(ch.title_inlines);
            blocks_in(ch.blocks);
            for (auto& fn : ch.footnotes) blocks_in(fn.blocks);
            if (ch.comments)
                for (auto& c : ch.comments->comments) {
                    blocks_in(c.body);
                    text_in(c.reply);
                }
        }
    }
}

}  // namespace bookc::model
