// A stable, indented text dump of the whole model for golden tests and `check --dump`.
// One node per line; strings are quoted with C-style escapes; asset bytes are summarised
// by size. Spans are shown as @begin-end (byte offsets) for blocks, footnotes and comments.
#include "model/model.hpp"

#include <cstdio>

namespace bookc::model {

namespace {

class Dumper {
public:
    std::string out;

    void line(int depth, const std::string& s) {
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
        out += s;
        out += '\n';
    }

    static std::string q(std::string_view s) {
        std::string r = "\"";
        for (char c : s) {
            switch (c) {
                case '"':
                    r += "\\\"";
                    break;
                case '\\':
                    r += "\\\\";
                    break;
                case '\n':
                    r += "\\n";
                    break;
                case '\r':
                    r += "\\r";
                    break;
                case '\t':
                    r += "\\t";
                    break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                        char buf[8];
                        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
                        r += buf;
                    } else {
                        r += c;
                    }
            }
        }
        return r + "\"";
    }

    static std::string sp(const Span& s) {
        if (!s.valid()) return "";
        return " @" + std::to_string(s.begin) + "-" + std::to_string(s.end);
    }

    static const char* align(Align a) {
        switch (a) {
            case Align::Left:
                return "left";
            case Align::Center:
                return "center";
            case Align::Right:
                return "right";
            default:
                return "none";
        }
    }

    void inl(const Inline& in, int d) {
        switch (in.kind) {
            case InlineKind::Text:
                line(d, "text " + q(in.text));
                return;
            case InlineKind::Code:
                line(d, "code " + q(in.text));
                return;
            case InlineKind::LineBreak:
                line(d, "linebreak");
                return;
            case InlineKind::SoftBreak:
                line(d, "softbreak");
                return;
            case InlineKind::FootnoteRef:
                line(d, "footnote-ref " + std::to_string(in.number) + " label=" + q(in.text));
                return;
            case InlineKind::Math:
                line(d,
                     "math tex=" + q(in.text) + (in.math ? " " + math::dump(in.math->root) : ""));
                return;
            case InlineKind::Image: {
                std::string s = "image alt=" + q(in.text) + " url=" + q(in.url) +
                                " asset=" + std::to_string(in.asset);
                if (!in.title.empty()) s += " title=" + q(in.title);
                line(d, s);
                return;
            }
            case InlineKind::Link: {
                std::string s = "link url=" + q(in.url);
                if (!in.title.empty()) s += " title=" + q(in.title);
                line(d, s);
                break;
            }
            case InlineKind::Emph:
                line(d, "emph");
                break;
            case InlineKind::Strong:
                line(d, "strong");
                break;
            case InlineKind::Strike:
                line(d, "strike");
                break;
        }
        for (const auto& c : in.children) inl(c, d + 1);
    }

    void inls(const Inlines& v, int d) {
        for (const auto& i : v) inl(i, d);
    }

    void block(const Block& b, int d) {
        std::string s;
        switch (b.kind) {
            case BlockKind::Paragraph:
                s = "paragraph";
                if (!b.role.empty()) s += " role=" + b.role;
                break;
            case BlockKind::Heading:
                s = "heading level=" + std::to_string(b.level);
                if (!b.id.empty()) s += " id=" + q(b.id);
                break;
            case BlockKind::CodeBlock:
                s = "code-block";
                if (!b.info.empty()) s += " info=" + q(b.info);
                if (b.line_numbers >= 0) s += " line-numbers=" + std::to_string(b.line_numbers);
                if (b.first_line != 1) s += " first-line=" + std::to_string(b.first_line);
                break;
            case BlockKind::BlockQuote:
                s = "blockquote";
                break;
            case BlockKind::List:
                s = std::string("list ") +
                    (b.ordered ? "ordered start=" + std::to_string(b.start) : "bullet") +
                    (b.tight ? " tight" : " loose");
                break;
            case BlockKind::ListItem:
                s = "item";
                if (b.task >= 0) s += b.task ? " task=done" : " task=open";
                break;
            case BlockKind::Table: {
                s = "table header-rows=" + std::to_string(b.header_rows) + " aligns=";
                for (std::size_t i = 0; i < b.aligns.size(); ++i)
                    s += (i ? "," : "") + std::string(align(b.aligns[i]));
                break;
            }
            case BlockKind::ThematicBreak:
                s = "thematic-break";
                break;
            case BlockKind::MediaNote:
                s = "media-note kind=" + b.info + " url=" + q(b.url);
                break;
            case BlockKind::MathBlock:
                s = "math-block tex=" + q(b.text);
                if (b.math && !b.math->tag.empty()) s += " tag=" + q(b.math->tag);
                if (!b.id.empty()) s += " id=" + q(b.id);
                if (b.math) s += " " + math::dump(b.math->root);
                break;
        }
        line(d, s + sp(b.span));
        if (b.kind == BlockKind::CodeBlock) line(d + 1, q(b.text));
        for (const auto& t : b.tokens)
            line(d + 1, std::string("token ") + token_class_name(t.cls) + ' ' +
                            q(b.text.substr(t.begin, t.end - t.begin)));
        inls(b.inlines, d + 1);
        for (const auto& c : b.children) block(c, d + 1);
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            line(d + 1, "row " + std::to_string(r));
            for (const auto& cell : b.rows[r]) {
                line(d + 2, "cell");
                inls(cell.content, d + 3);
            }
        }
    }

    void comment(const Comment& c, int d) {
        std::string s = "comment " + std::to_string(c.source_order) + " author=" + q(c.author) +
                        " likes=" + std::to_string(c.likes) +
                        " replies=" + std::to_string(c.reply_count) + " date=" + q(c.date) +
                        sp(c.span);
        line(d, s);
        line(d + 1, "avatar " + q(c.avatar_url));
        line(d + 1, "body");
        for (const auto& b : c.body) block(b, d + 2);
        if (c.has_reply) {
            line(d + 1, "reply date=" + q(c.reply_date));
            inls(c.reply, d + 2);
        }
    }

    void chapter(const Chapter& ch, int d) {
        static const char* kFormats[] = {"markdown", "html", "text"};
        line(d, "chapter " + q(ch.title) + " file=" + q(ch.rel_path) +
                    " format=" + kFormats[static_cast<int>(ch.format)] +
                    (ch.id.empty() ? "" : " id=" + q(ch.id)));
        if (!ch.title_inlines.empty()) {
            line(d + 1, "title-inlines");
            inls(ch.title_inlines, d + 2);
        }
        if (!ch.author.empty()) line(d + 1, "author " + q(ch.author));
        if (!ch.date.empty()) line(d + 1, "date " + q(ch.date));
        if (!ch.description.empty()) line(d + 1, "description " + q(ch.description));
        if (!ch.tags.empty()) {
            std::string t = "tags";
            for (const auto& x : ch.tags) t += " " + q(x);
            line(d + 1, t);
        }
        line(d + 1, "blocks");
        for (const auto& b : ch.blocks) block(b, d + 2);
        if (!ch.footnotes.empty()) {
            line(d + 1, "footnotes");
            for (const auto& f : ch.footnotes) {
                line(d + 2, "footnote " + std::to_string(f.number) + " label=" + q(f.label) +
                                (f.id.empty() ? "" : " id=" + q(f.id)) + sp(f.span));
                for (const auto& b : f.blocks) block(b, d + 3);
            }
        }
        if (ch.comments) {
            const auto& t = *ch.comments;
            line(d + 1, "comments heading=" + q(t.heading) +
                            " declared=" + std::to_string(t.declared) +
                            " found=" + std::to_string(t.comments.size()) + sp(t.span));
            for (const auto& c : t.comments) comment(c, d + 2);
        }
    }

    void book(const Book& b) {
        const auto& m = b.meta;
        line(0, "book");
        line(1, "meta");
        line(2, "title " + q(m.title));
        if (!m.subtitle.empty()) line(2, "subtitle " + q(m.subtitle));
        for (const auto& a : m.authors) line(2, "author " + q(a));
        line(2, "language " + q(m.language));
        if (!m.identifier.empty()) line(2, "identifier " + q(m.identifier));
        if (!m.date.empty()) line(2, "date " + q(m.date));
        if (!m.description.empty()) line(2, "description " + q(m.description));
        for (const auto& s : m.subjects) line(2, "subject " + q(s));
        line(2, "slug " + q(m.slug));
        if (m.cover_asset >= 0) line(2, "cover asset=" + std::to_string(m.cover_asset));
        line(2, "modified " + q(m.modified));
        for (const auto& p : b.parts) {
            line(1, "part " + q(p.title));
            for (const auto& c : p.chapters) chapter(c, 2);
        }
        if (!b.assets.empty()) {
            line(1, "assets");
            for (std::size_t i = 0; i < b.assets.size(); ++i) {
                const auto& a = b.assets[i];
                line(2, "asset " + std::to_string(i) + " " + q(a.rel_path) + " " + a.media_type +
                            " " + std::to_string(a.width) + "x" + std::to_string(a.height) + " " +
                            std::to_string(a.data ? a.data->size() : 0) + " bytes");
            }
        }
    }
};

}  // namespace

std::string dump(const Book& book) {
    Dumper d;
    d.book(book);
    return d.out;
}

}  // namespace bookc::model
