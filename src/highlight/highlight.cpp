// Highlighting a whole book: every code block that names a language gets its tokens.
#include "highlight/highlight.hpp"

namespace bookc::highlight {

namespace {

void blocks(model::Blocks& bs) {
    for (auto& b : bs) {
        if (b.kind == model::BlockKind::CodeBlock && !b.info.empty())
            b.tokens = highlight_code(b.info, b.text);
        blocks(b.children);
    }
}

}  // namespace

void highlight_book(model::Book& book) {
    book.for_each_chapter([](model::Chapter& ch) {
        blocks(ch.blocks);
        for (auto& fn : ch.footnotes) blocks(fn.blocks);
        if (ch.comments)
            for (auto& c : ch.comments->comments) blocks(c.body);
    });
}

}  // namespace bookc::highlight
