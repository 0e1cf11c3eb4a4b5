#include "write/epub/xhtml.hpp"

#include <algorithm>
#include <utility>

#include "base/utf8.hpp"
#include "write/epub/lang_runs.hpp"
#include "write/epub/mathml.hpp"
#include "write/epub/noteref_group.hpp"

namespace bookc::epub {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

namespace {
constexpr int kMaxDepth = 48;  // deeper nesting is flattened (hostile or broken input)

char32_t first_char(const model::Inlines& ins, std::size_t from) {
    for (std::size_t i = from; i < ins.size(); ++i) {
        if (ins[i].kind == InlineKind::SoftBreak || ins[i].kind == InlineKind::LineBreak)
            return ' ';
        std::string t = ins[i].kind == InlineKind::Text || ins[i].kind == InlineKind::Code
                            ? ins[i].text
                            : model::plain_text(ins[i].children);
        if (!t.empty()) {
            std::size_t p = 0;
            return base::next_codepoint(t, p);
        }
    }
    return 0;
}

const char* align_class(model::Align a) {
    switch (a) {
        case model::Align::Left:
            return "align-left";
        case model::Align::Center:
            return "align-center";
        case model::Align::Right:
            return "align-right";
        default:
            return "";
    }
}

bool is_blank_text(const Inline& in) {
    if (in.kind == InlineKind::SoftBreak) return true;
    if (in.kind != InlineKind::Text) return false;
    return std::all_of(in.text.begin(), in.text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}
}  // namespace

void ChapterWriter::text(pugi::xml_node parent, std::string_view s) {
    std::string clean = xml_clean(s);
    if (clean.empty()) return;
    add_text(parent, clean);
    // Remember the last character for soft-break decisions.
    std::size_t i = clean.size();
    while (i > 0 && (static_cast<unsigned char>(clean[i - 1]) & 0xC0) == 0x80) --i;
    if (i > 0) --i;
    last_ = base::next_codepoint(clean, i);
}

// A heading is one level below the nearest heading before it of a higher source level (h2
// under the title): `#` then `###` reads as h1, h2, and siblings stay siblings. Assistive
// technology navigates by levels, and a skipped one reads as a missing section.
int ChapterWriter::heading_level(const Block& b) {
    const int source = std::max(1, b.level);
    while (!open_headings_.empty() && open_headings_.back().first >= source)
        open_headings_.pop_back();
    const int lvl = std::min(open_headings_.empty() ? 2 : open_headings_.back().second + 1, 6);
    open_headings_.emplace_back(source, lvl);
    return lvl;
}

void ChapterWriter::blocks(pugi::xml_node parent, const model::Blocks& bs, int depth) {
    for (const auto& b : bs) {
        if (&b == cp_.title_block) continue;
        block(parent, b, depth);
        add_text(parent, "\n");
    }
}

void ChapterWriter::block(pugi::xml_node parent, const Block& b, int depth) {
    last_ = 0;
    if (depth > kMaxDepth) {  // flatten: keep the text, drop the nesting
        if (!b.inlines.empty()) inlines(add_el(parent, "p"), b.inlines);
        if (!b.text.empty()) add_text_el(parent, "p", b.text);
        for (const auto& c : b.children) block(parent, c, depth);
        return;
    }
    switch (b.kind) {
        case BlockKind::Paragraph: {
            if (figure(parent, b)) break;
            pugi::xml_node p = add_el(parent, "p", b.role == "lead" ? "lead" : "");
            inlines(p, b.inlines);
            break;
        }
        case BlockKind::Heading: {
            static const char* const kNames[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
            pugi::xml_node h = add_el(parent, kNames[heading_level(b) - 1]);
            auto it = cp_.heading_ids.find(&b);
            if (it != cp_.heading_ids.end()) set_attr(h, "id", it->second);
            inlines(h, b.inlines);
            break;
        }
        case BlockKind::CodeBlock:
            code_block(parent, b);
            break;
        case BlockKind::BlockQuote: {
            pugi::xml_node q = add_el(parent, "blockquote");
            blocks(q, b.children, depth + 1);
            break;
        }
        case BlockKind::List:
            list(parent, b, depth);
            break;
        case BlockKind::ListItem: {  // outside a list: keep the content
            pugi::xml_node d = add_el(parent, "div");
            blocks(d, b.children, depth + 1);
            break;
        }
        case BlockKind::Table:
            table(parent, b);
            break;
        case BlockKind::ThematicBreak:
            add_el(parent, "hr");
            break;
        case BlockKind::MediaNote:
            media_note(parent, b);
            break;
        case BlockKind::MathBlock:
            equation(parent, b);
            break;
    }
}

// A display formula: <div class="equation"> holding the <math display="block"> and, when
// numbered, <span class="eqno">(1)</span> (set at the right by the stylesheet).
void ChapterWriter::equation(pugi::xml_node parent, const Block& b) {
    if (!b.math) return;
    pugi::xml_node d = add_el(parent, "div", "equation");
    if (!b.id.empty()) set_attr(d, "id", cp_.unique_id(b.id));
    if (!b.math->tag.empty()) add_text_el(d, "span", b.math->tag, "eqno");
    write_mathml(d, *b.math, true);
    cp_.has_math = true;
}

void ChapterWriter::list(pugi::xml_node parent, const Block& b, int depth) {
    // "task-list" (no bullets) only when every item is a task; mixed lists mark the items.
    bool tasks = !b.children.empty() && std::all_of(b.children.begin(), b.children.end(),
                                                    [](const Block& c) { return c.task >= 0; });
    std::string cls = tasks ? "task-list" : "";
    pugi::xml_node l = add_el(parent, b.ordered ? "ol" : "ul", cls);
    if (b.ordered && b.start != 1) set_attr(l, "start", std::to_string(b.start));
    for (const auto& item : b.children) {
        pugi::xml_node li = add_el(l, "li");
        if (item.kind != BlockKind::ListItem) {
            block(li, item, depth + 1);
            continue;
        }
        const model::Blocks& content = item.children;
        auto task_box = [&](pugi::xml_node where) {
            add_text_el(where, "span", item.task == 1 ? "☑" : "☐", "task-box");
            add_text(where, " ");
        };
        if (item.task >= 0) set_attr(li, "class", item.task == 1 ? "task done" : "task");
        if (!b.tight && item.task >= 0 && !content.empty() &&
            content[0].kind == BlockKind::Paragraph) {
            // Loose task item: the box goes inside the first paragraph, on its line.
            pugi::xml_node p = add_el(li, "p");
            task_box(p);
            last_ = 0;
            inlines(p, content[0].inlines);
            add_text(li, "\n");
            for (std::size_t i = 1; i < content.size(); ++i) {
                block(li, content[i], depth + 1);
                add_text(li, "\n");
            }
            continue;
        }
        if (item.task >= 0) task_box(li);
        if (b.tight) {
            // Tight list: paragraphs are not wrapped in <p>.
            bool first = true;
            for (const auto& c : content) {
                if (c.kind == BlockKind::Paragraph &&
                    !(c.inlines.size() == 1 && c.inlines[0].kind == InlineKind::Image)) {
                    if (!first) add_el(li, "br");
                    last_ = 0;
                    inlines(li, c.inlines);
                } else {
                    block(li, c, depth + 1);
                }
                first = false;
            }
        } else {
            blocks(li, content, depth + 1);
        }
    }
}

void ChapterWriter::table(pugi::xml_node parent, const Block& b) {
    pugi::xml_node wrap = add_el(parent, "div", "table-wrap");
    pugi::xml_node t = add_el(wrap, "table");
    int header = std::clamp(b.header_rows, 0, static_cast<int>(b.rows.size()));
    auto row_out = [&](pugi::xml_node group, const model::TableRow& row, bool head) {
        pugi::xml_node tr = add_el(group, "tr");
        for (std::size_t i = 0; i < row.size(); ++i) {
            pugi::xml_node cell = add_el(tr, head ? "th" : "td");
            if (i < b.aligns.size() && *align_class(b.aligns[i]))
                set_attr(cell, "class", align_class(b.aligns[i]));
            last_ = 0;
            inlines(cell, row[i].content);
        }
    };
    if (header > 0) {
        pugi::xml_node thead = add_el(t, "thead");
        for (int r = 0; r < header; ++r) row_out(thead, b.rows[r], true);
    }
    if (header < static_cast<int>(b.rows.size())) {
        pugi::xml_node tbody = add_el(t, "tbody");
        for (std::size_t r = header; r < b.rows.size(); ++r) row_out(tbody, b.rows[r], false);
    }
}

// A paragraph holding a single image becomes a figure with the alt text as caption.
bool ChapterWriter::figure(pugi::xml_node parent, const Block& b) {
    const Inline* img = nullptr;
    for (const auto& in : b.inlines) {
        if (is_blank_text(in)) continue;
        if (in.kind != InlineKind::Image || img) return false;
        img = &in;
    }
    if (!img) return false;
    if (!plan_.assets.count(img->asset)) {  // remote or missing: a placeholder line
        image(add_el(parent, "p", "image-block"), *img);
        return true;
    }
    pugi::xml_node fig = add_el(parent, "figure", "figure");
    image(fig, *img);
    std::string alt = xml_clean(img->text);
    if (!alt.empty()) add_text_el(fig, "figcaption", alt);
    return true;
}

void ChapterWriter::media_note(pugi::xml_node parent, const Block& b) {
    bool video = b.info == "video";
    pugi::xml_node d =
        add_el(parent, "div", video ? "media-note media-video" : "media-note media-audio");
    pugi::xml_node p = add_el(d, "p");
    add_text_el(p, "span", video ? "［视频］" : "［音频］", "media-label");
    last_ = 0;
    if (!b.inlines.empty())
        inlines(p, b.inlines);
    else
        text(p, video ? "本章附有视频。" : "本章附有音频。");
    LinkTarget t = resolve_link(plan_, cp_, b.url);
    if (t.kind == LinkTarget::External) {
        add_text(p, " ");
        pugi::xml_node a = add_el(p, "a", "external media-link");
        set_attr(a, "href", t.href);
        set_attr(a, "rel", "external");
        add_text(a, t.href);
    }
}

void ChapterWriter::inlines(pugi::xml_node parent, const model::Inlines& ins) {
    for (std::size_t i = 0; i < ins.size(); ++i) inline_one(parent, ins, i);
}

void ChapterWriter::inline_one(pugi::xml_node parent, const model::Inlines& ins, std::size_t i) {
    const Inline& in = ins[i];
    // The closing marks right after a footnote marker join its group (noteref_group.hpp).
    const pugi::xml_node group = std::exchange(group_, pugi::xml_node());
    switch (in.kind) {
        case InlineKind::Text: {
            const std::size_t closers = group ? leading_closers(in.text) : 0;
            if (closers > 0) text(group, std::string_view(in.text).substr(0, closers));
            text(parent, std::string_view(in.text).substr(closers));
            break;
        }
        case InlineKind::Emph:
            inlines(add_el(parent, "em"), in.children);
            break;
        case InlineKind::Strong:
            inlines(add_el(parent, "strong"), in.children);
            break;
        case InlineKind::Strike:
            inlines(add_el(parent, "del"), in.children);
            break;
        case InlineKind::Code:
            text(add_el(parent, "code"), in.text);
            break;
        case InlineKind::Link: {
            LinkTarget t = in_link_ ? LinkTarget{} : resolve_link(plan_, cp_, in.url);
            if (t.kind == LinkTarget::None) {
                inlines(parent, in.children);
                break;
            }
            pugi::xml_node a = add_el(parent, "a");
            set_attr(a, "href", t.href);
            if (t.kind == LinkTarget::External) {
                set_attr(a, "class", "external");
                set_attr(a, "rel", "external");
            }
            if (!xml_clean(in.title).empty()) set_attr(a, "title", in.title);
            in_link_ = true;
            inlines(a, in.children);
            in_link_ = false;
            if (!a.first_child()) add_text(a, t.href);
            break;
        }
        case InlineKind::Image:
            image(parent, in);
            break;
        case InlineKind::LineBreak:
            add_el(parent, "br");
            last_ = 0;
            break;
        case InlineKind::SoftBreak: {
            char32_t next = first_char(ins, i + 1);
            if (last_ && next && !base::is_cjk(last_) && !base::is_cjk(next) && last_ != ' ' &&
                next != ' ')
                text(parent, " ");
            break;
        }
        case InlineKind::FootnoteRef:
            footnote_ref(parent, in);
            break;
        case InlineKind::Math:
            if (in.math) {
                write_mathml(parent, *in.math, false);
                cp_.has_math = true;
                last_ = U'x';
            }
            break;
    }
}

void ChapterWriter::image(pugi::xml_node parent, const Inline& in) {
    auto it = plan_.assets.find(in.asset);
    if (in.asset >= 0 && it != plan_.assets.end()) {
        pugi::xml_node img = add_el(parent, "img");
        set_attr(img, "src", "../" + it->second.href);
        set_attr(img, "alt", in.text);
        if (!xml_clean(in.title).empty()) set_attr(img, "title", in.title);
        return;
    }
    // Remote or missing image: a placeholder, never an <img> pointing to the web.
    pugi::xml_node span = add_el(parent, "span", "image-placeholder");
    std::string alt = xml_clean(in.text);
    add_text(span, alt.empty() ? "［图片］" : "［图片：" + alt + "］");
    std::string url = xml_clean(in.url);
    if (is_web_url(url) && !in_link_) {
        add_text(span, " ");
        pugi::xml_node a = add_el(span, "a", "external image-link");
        set_attr(a, "href", resolve_link(plan_, cp_, url).href);
        set_attr(a, "rel", "external");
        add_text(a, url);
    }
    last_ = 0;
}

void ChapterWriter::footnote_ref(pugi::xml_node parent, const Inline& in) {
    const auto& fns = cp_.chapter->footnotes;
    if (!notes_indexed_) {
        notes_indexed_ = true;
        for (std::size_t f = 0; f < fns.size(); ++f) {  // emplace keeps the first, as the scan did
            note_by_number_.emplace(fns[f].number, static_cast<int>(f));
            note_by_label_.emplace(fns[f].label, static_cast<int>(f));
        }
    }
    int index = -1;
    if (in.number > 0) {
        if (auto it = note_by_number_.find(in.number); it != note_by_number_.end())
            index = it->second;
    } else if (auto it = note_by_label_.find(in.text); it != note_by_label_.end()) {
        index = it->second;
    }
    int number = index >= 0 ? (fns[index].number > 0 ? fns[index].number : index + 1) : in.number;
    std::string label = number > 0 ? std::to_string(number) : xml_clean(in.text);
    group_ = open_noteref_group(parent);
    pugi::xml_node sup = add_el(group_, "sup", "noteref");
    if (index < 0 || in_link_) {
        add_text(sup, "[" + label + "]");
        return;
    }
    auto& refs = refs_[index];
    std::string id = cp_.unique_id("fnref-" + std::to_string(number));
    refs.push_back(id);
    pugi::xml_node a = add_el(sup, "a");
    set_attr(a, "epub:type", "noteref");
    set_attr(a, "role", "doc-noteref");
    set_attr(a, "id", id);
    set_attr(a, "href", "#" + cp_.footnote_ids[index]);
    add_text(a, label);
    last_ = 0;
}

void ChapterWriter::footnotes(pugi::xml_node parent) {
    const auto& fns = cp_.chapter->footnotes;
    if (fns.empty()) return;
    pugi::xml_node sec = add_el(parent, "section", "footnotes");
    set_attr(sec, "epub:type", "footnotes");
    add_el(sec, "hr", "footnotes-rule");
    for (std::size_t f = 0; f < fns.size(); ++f) {
        const auto& fn = fns[f];
        int number = fn.number > 0 ? fn.number : static_cast<int>(f) + 1;
        pugi::xml_node aside = add_el(sec, "aside", "footnote");
        set_attr(aside, "epub:type", "footnote");
        set_attr(aside, "role", "doc-footnote");
        set_attr(aside, "id", cp_.footnote_ids[f]);
        // The number links back to the (first) reference.
        pugi::xml_node first_p;
        std::size_t start = 0;
        if (!fn.blocks.empty() && fn.blocks[0].kind == BlockKind::Paragraph) {
            first_p = add_el(aside, "p");
            start = 1;
        } else {
            first_p = add_el(aside, "p");
        }
        auto it = refs_.find(static_cast<int>(f));
        if (it != refs_.end() && !it->second.empty()) {
            pugi::xml_node back = add_el(first_p, "a", "footnote-back");
            set_attr(back, "href", "#" + it->second.front());
            set_attr(back, "role", "doc-backlink");
            add_text(back, std::to_string(number) + ".");
        } else {
            add_text_el(first_p, "span", std::to_string(number) + ".", "footnote-number");
        }
        add_text(first_p, " ");
        last_ = 0;
        if (start == 1) inlines(first_p, fn.blocks[0].inlines);
        for (std::size_t i = start; i < fn.blocks.size(); ++i) block(aside, fn.blocks[i], 1);
    }
}

std::string render_chapter(const model::Book& book, const Plan& plan, ChapterPlan& cp,
                           std::set<char32_t>* chars) {
    XhtmlDoc d;
    init_xhtml(d, plan.lang, cp.title, "../css/book.css");
    set_attr(d.body, "epub:type", "bodymatter");
    pugi::xml_node sec = add_el(d.body, "section", "chapter");
    set_attr(sec, "epub:type", "chapter");
    set_attr(sec, "role", "doc-chapter");
    set_attr(sec, "id", cp.id);
    add_text(sec, "\n");
    ChapterWriter w(book, plan, cp);
    const model::Chapter& ch = *cp.chapter;
    pugi::xml_node h1 = add_el(sec, "h1", "chapter-title");
    if (!ch.title_inlines.empty())
        w.inlines(h1, ch.title_inlines);
    else
        add_text(h1, cp.title);
    add_text(sec, "\n");
    if (!xml_clean(ch.author).empty() || !xml_clean(ch.date).empty()) {
        pugi::xml_node meta = add_el(sec, "p", "chapter-meta");
        if (!xml_clean(ch.author).empty()) add_text_el(meta, "span", ch.author, "chapter-author");
        if (!xml_clean(ch.author).empty() && !xml_clean(ch.date).empty()) add_text(meta, " ");
        if (!xml_clean(ch.date).empty()) add_text_el(meta, "span", ch.date, "chapter-date");
        add_text(sec, "\n");
    }
    w.blocks(sec, ch.blocks);
    w.footnotes(sec);
    w.comments(sec);
    mark_latin_runs(d.body, plan.lang, plan.latin_lang);
    return save_xhtml(d.doc, chars);
}

}  // namespace bookc::epub
