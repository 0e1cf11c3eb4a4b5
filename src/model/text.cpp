#include "model/model.hpp"

namespace bookc::model {

namespace {

void blocks_text(const Blocks& blocks, std::string& out);

void block_text(const Block& b, std::string& out) {
    switch (b.kind) {
        case BlockKind::Paragraph:
        case BlockKind::Heading:
        case BlockKind::MediaNote:
            out += plain_text(b.inlines);
            out += '\n';
            break;
        case BlockKind::MathBlock:
            if (b.math) out += math::linear(b.math->root);
            if (b.math && !b.math->tag.empty()) out += " " + b.math->tag;
            out += '\n';
            break;
        case BlockKind::CodeBlock:
            out += b.text;
            out += '\n';
            break;
        case BlockKind::Table:
            for (const auto& row : b.rows) {
                for (const auto& cell : row) {
                    out += plain_text(cell.content);
                    out += '\t';
                }
                out += '\n';
            }
            break;
        case BlockKind::ThematicBreak:
            break;
        default:
            blocks_text(b.children, out);
    }
}

void blocks_text(const Blocks& blocks, std::string& out) {
    for (const auto& b : blocks) block_text(b, out);
}

}  // namespace

std::string plain_text(const Blocks& blocks) {
    std::string out;
    blocks_text(blocks, out);
    return out;
}

// The book's text in reading order, as a reader would copy it: chapter titles, body,
// footnotes (optional: a PDF sets them at the foot of the citing page, not at the chapter
// end), then the readers' comments. Used to measure the PDF's text fidelity.
std::string book_text(const Book& book, bool footnotes) {
    std::string out;
    book.for_each_chapter([&](const Chapter& ch) {
        out += ch.title;
        out += "\n\n";
        blocks_text(ch.blocks, out);
        if (footnotes)
            for (const auto& fn : ch.footnotes) blocks_text(fn.blocks, out);
        if (ch.comments) {
            for (const auto& c : ch.comments->comments) {
                out += c.author + "\n";
                blocks_text(c.body, out);
                if (c.has_reply) out += plain_text(c.reply) + "\n";
            }
        }
        out += '\n';
    });
    return out;
}

}  // namespace bookc::model
