#include "load/chapter.hpp"

#include <iconv.h>

#include <vector>

#include "base/read_file.hpp"
#include "base/utf8.hpp"
#include "load/comments.hpp"
#include "load/front_matter.hpp"
#include "load/html.hpp"
#include "load/load.hpp"
#include "load/markdown.hpp"
#include "load/paths.hpp"
#include "load/plaintext.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {
// Whole-file GB18030 (GBK) text, as Chinese Windows editors save it: converted when most
// non-ASCII bytes are invalid UTF-8 and the whole file decodes as GB18030.
bool looks_like_gb18030(const std::string& raw, const std::vector<base::Utf8Problem>& problems,
                        std::string& out) {
    if (problems.size() < 4) return false;
    std::size_t high = 0, bad = 0;
    for (char c : raw) high += static_cast<unsigned char>(c) >= 0x80;
    for (const auto& p : problems) bad += p.length;
    if (bad * 2 < high) return false;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    std::string in = raw;
    out.assign(raw.size() * 2 + 16, '\0');
    char* ip = in.data();
    char* op = out.data();
    std::size_t il = in.size(), ol = out.size();
    std::size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == static_cast<std::size_t>(-1) || il != 0) return false;
    out.resize(out.size() - ol);
    return base::find_invalid_utf8(out).empty();
}
}  // namespace

base::FileId register_text(const std::string& book_dir, const std::string& rel, std::string raw,
                           base::SourceMap& sources, base::DiagSink& diags) {
    if (starts_with(raw, "\xEF\xBB\xBF")) raw.erase(0, 3);
    auto problems = base::find_invalid_utf8(raw);
    std::string converted;
    if (looks_like_gb18030(raw, problems, converted)) {
        base::FileId id = sources.add(book_dir + "/" + rel, rel, std::move(converted));
        diags.warning({id, 0, 0}, "the file is not UTF-8; it was read as GB18030 (GBK)",
                      {"save it as UTF-8 to silence this warning"});
        return id;
    }
    std::string text = problems.empty() ? std::move(raw) : base::sanitize_utf8(raw);
    base::FileId id = sources.add(book_dir + "/" + rel, rel, std::move(text));
    // Report each bad sequence where it now is (each became the 3 bytes of U+FFFD).
    long shift = 0;
    std::size_t n = 0;
    for (const auto& p : problems) {
        auto at = static_cast<std::uint32_t>(static_cast<long>(p.offset) + shift);
        if (++n <= 10) diags.warning({id, at, at + 3}, "invalid UTF-8 replaced by U+FFFD");
        shift += 3 - static_cast<long>(p.length);
    }
    if (n > 10) {
        diags.warning({id, 0, 0}, std::to_string(n - 10) +
                                      " more invalid UTF-8 sequences were replaced by U+FFFD");
    }
    return id;
}

namespace {
// Decodes UTF-16 (LE or BE, from its byte order mark); unpaired surrogates become U+FFFD.
std::string utf16_to_utf8(std::string_view raw) {
    bool le = raw[0] == '\xFF';
    std::string out;
    auto unit = [&](std::size_t i) -> char32_t {
        auto a = static_cast<unsigned char>(raw[i]), b = static_cast<unsigned char>(raw[i + 1]);
        return le ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
    };
    for (std::size_t i = 2; i + 1 < raw.size(); i += 2) {
        char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < raw.size()) {
            char32_t v = unit(i + 2);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                base::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        base::append_utf8(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
    }
    return out;
}
}  // namespace

bool read_article(const std::string& book_dir, const std::string& book_real, const std::string& rel,
                  std::size_t limit, std::string& bytes, base::DiagSink& diags) {
    std::string path = book_dir + "/" + rel;
    std::string real = real_path(path);
    if (real.empty() || !is_within(real, book_real)) {
        diags.error_at(path, 0, 0, "article is outside the book folder (symbolic link); skipped");
        return false;
    }
    if (std::string why = base::read_regular_file(real, limit, bytes); !why.empty()) {
        std::vector<std::string> hints;
        if (why.rfind("larger", 0) == 0)
            hints.push_back("raise the limit in book.toml: [limits] article_mb = …");
        diags.error_at(path, 0, 0, "the article is " + why + "; skipped", hints);
        return false;
    }
    return true;
}

std::optional<base::FileId> register_article(const std::string& book_dir, const std::string& rel,
                                             std::string raw, base::SourceMap& sources,
                                             base::DiagSink& diags) {
    if (raw.size() >= 2 &&
        ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF')))
        raw = utf16_to_utf8(raw);  // UTF-16 with a byte order mark (Windows editors)
    std::size_t nul = raw.find('\0');
    if (nul != std::string::npos) {
        diags.warning_at(book_dir + "/" + rel, 0, 0,
                         "not a text file (it contains NUL bytes); skipped");
        return std::nullopt;
    }
    return register_text(book_dir, rel, std::move(raw), sources, diags);
}

namespace {

// A level-1 heading that opens the article (only media notes and image-only paragraphs
// before it), or -1. A heading further down is a section of the article, not its title.
int opening_h1(const model::Blocks& blocks) {
    auto only_images = [](const model::Block& b) {
        if (b.kind != model::BlockKind::Paragraph) return false;
        for (const auto& in : b.inlines)
            if (in.kind != model::InlineKind::Image && in.kind != model::InlineKind::LineBreak &&
                in.kind != model::InlineKind::SoftBreak &&
                !(in.kind == model::InlineKind::Text && trim(in.text).empty()))
                return false;
        return true;
    };
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const auto& b = blocks[i];
        if (b.kind == model::BlockKind::Heading) return b.level == 1 ? static_cast<int>(i) : -1;
        if (b.kind != model::BlockKind::MediaNote && !only_images(b)) return -1;
    }
    return -1;
}

}  // namespace

std::string export_title(std::string_view stem) {
    // "03-Mutex：4种易错场景大盘点", "04- Mutex：…", "开篇词 - 想吃透…": a number or a short
    // Han label, a dash or bar, the title. Column sites write it "03 | Mutex：…".
    std::string_view s = trim(stem);
    std::size_t i = 0, label_chars = 0;
    bool digits = true, han = true;
    while (i < s.size()) {
        std::size_t at = i;
        char32_t c = base::next_codepoint(s, i);
        if (c == ' ' || c == '-' || c == '|' || c == 0x2013 || c == 0x2014 || c == 0xFF5C) {
            i = at;
            break;
        }
        digits &= c >= '0' && c <= '9';
        han &= base::is_han(c);
        ++label_chars;
    }
    if (label_chars == 0 || !(digits || (han && label_chars <= 6))) return {};
    std::string_view label = s.substr(0, i);
    std::size_t j = i;
    bool sep = false;
    while (j < s.size()) {
        std::size_t at = j;
        char32_t c = base::next_codepoint(s, j);
        if (c == ' ') continue;
        if (!sep && (c == '-' || c == '|' || c == 0x2013 || c == 0x2014 || c == 0xFF5C)) {
            sep = true;
            continue;
        }
        j = at;
        break;
    }
    std::string_view rest = trim(s.substr(j));
    if (!sep || rest.empty()) return {};
    return std::string(label) + " | " + std::string(rest);
}

model::Chapter load_chapter(const std::string& book_dir, base::FileId file, model::Format format,
                            const config::BookConfig& cfg, model::Book& book,
                            base::SourceMap& sources, base::DiagSink& diags) {
    const base::SourceFile& f = sources.get(file);
    ChapterContext ctx{book_dir, f, cfg, book, diags};
    model::Chapter ch;
    ch.file = file;
    ch.rel_path = f.rel_path;
    ch.format = format;
    if (trim(f.text).empty()) {
        diags.warning({file, 0, 0}, "empty article");
        ch.title = file_stem(f.rel_path);
        return ch;
    }
    std::string media_title, doc_title;
    bool h1_is_title = true;
    switch (format) {
        case model::Format::Markdown: {
            FrontMatter fm = read_front_matter(ctx, f.text);
            MarkdownResult md = load_markdown(ctx, fm.body_offset);
            ch.blocks = std::move(md.blocks);
            ch.footnotes = std::move(md.footnotes);
            ch.comments = std::move(md.comments);
            media_title = md.media_title;
            ch.author = fm.author;
            ch.date = fm.date;
            ch.description = fm.description;
            ch.tags = fm.tags;
            if (!fm.title.empty()) {
                ch.title = fm.title;
                ch.title_span = fm.title_span;
                // "# Same title" right under the front matter is not repeated in the body.
                if (!ch.blocks.empty() && ch.blocks[0].kind == model::BlockKind::Heading &&
                    ch.blocks[0].level == 1 &&
                    trim(model::plain_text(ch.blocks[0].inlines)) == trim(fm.title))
                    ch.blocks.erase(ch.blocks.begin());
                h1_is_title = false;
            }
            break;
        }
        case model::Format::Html: {
            // Always a document parse: a stray <title> in a fragment still lands in <head>.
            ParsedHtml parsed = parse_html(f.text, false);
            if (parsed.truncated_at != std::string::npos) {
                auto at = static_cast<std::uint32_t>(parsed.truncated_at);
                diags.warning({file, at, at},
                              "HTML nested too deeply; the rest of the file was dropped");
            }
            if (!parsed.root) break;
            OffsetMap map;
            map.base = 0;
            map.limit = static_cast<std::uint32_t>(f.text.size());
            map.fallback = {file, 0, 0};
            HtmlConverter conv(ctx, map);
            const GumboVector& top = parsed.root->v.element.children;
            for (unsigned i = 0; i < top.length; ++i) {
                auto* n = static_cast<const GumboNode*>(top.data[i]);
                if (tag_name(n) != "head") continue;
                const GumboVector& hc = n->v.element.children;
                for (unsigned j = 0; j < hc.length; ++j) {
                    auto* t = static_cast<const GumboNode*>(hc.data[j]);
                    if (tag_name(t) == "title") doc_title = std::string(trim(node_text(t)));
                }
            }
            if (auto found = find_comments(ctx, parsed.root, conv)) {
                for (auto* n : found->skip) conv.skip(n);
                ch.comments = std::move(found->thread);
            }
            conv.blocks(parsed.root, ch.blocks);
            media_title = conv.media_title;
            break;
        }
        case model::Format::PlainText: {
            PlainTextResult pt = load_plain_text(ctx);
            ch.title = pt.title;
            ch.title_span = pt.title_span;
            ch.blocks = std::move(pt.blocks);
            h1_is_title = false;
            break;
        }
    }
    if (h1_is_title && ch.title.empty()) {
        int h = opening_h1(ch.blocks);
        if (h >= 0) {
            auto& b = ch.blocks[static_cast<std::size_t>(h)];
            ch.title = std::string(trim(model::plain_text(b.inlines)));
            ch.title_inlines = std::move(b.inlines);
            ch.title_span = b.span;
            ch.blocks.erase(ch.blocks.begin() + h);
        }
    }
    if (ch.title.empty()) ch.title = doc_title;
    if (ch.title.empty()) ch.title = media_title;
    if (ch.title.empty()) ch.title = export_title(file_stem(f.rel_path));
    if (ch.title.empty()) {
        ch.title = file_stem(f.rel_path);
        ch.title_from_file = true;
    }
    return ch;
}

}  // namespace bookc::load
