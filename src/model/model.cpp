#include "model/model.hpp"

#include "base/utf8.hpp"

namespace bookc::model {

std::size_t Book::chapter_count() const {
    std::size_t n = 0;
    for (const auto& p : parts) n += p.chapters.size();
    return n;
}

namespace {
void append_plain(const Inlines& inlines, std::string& out) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case InlineKind::Text:
            case InlineKind::Code:
                out += in.text;
                break;
            case InlineKind::Image:
                out += in.text;
                break;
            case InlineKind::LineBreak:
            case InlineKind::SoftBreak: {
                // A space between Latin text, nothing next to CJK.
                if (!out.empty()) {
                    std::size_t i = out.size();
                    while (i > 0 && (static_cast<unsigned char>(out[i - 1]) & 0xC0) == 0x80) --i;
                    if (i > 0) --i;
                    std::size_t j = i;
                    char32_t last = base::next_codepoint(out, j);
                    if (!base::is_cjk(last) && last != ' ') out += ' ';
                }
                break;
            }
            case InlineKind::FootnoteRef:
                break;
            case InlineKind::Math:
                if (in.math) out += math::linear(in.math->root);
                break;
            default:
                append_plain(in.children, out);
        }
    }
}
}  // namespace

std::string plain_text(const Inlines& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

}  // namespace bookc::model
