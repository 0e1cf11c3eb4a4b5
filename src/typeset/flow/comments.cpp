// Readers' comments (精选留言): a heading, then each comment in smaller type with an
// author · 赞 N · date line, its paragraphs and pasted code, and the author's reply set off
// beneath.
#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

StyledRun run(std::string text, const TextStyle& s, base::Span span) {
    StyledRun r;
    r.text = std::move(text);
    r.style = s;
    r.span = span;
    return r;
}

void flow_comment(Builder& b, const model::Comment& c, Area a, float size, float pitch) {
    const auto& st = b.st;
    Group comment(b, "Div");
    TextStyle meta = st.style(st.sans, size * 0.92f, st.muted);
    TextStyle author = st.style(st.sans_bold, size * 0.92f, st.text);
    ParagraphSpec spec;
    spec.width = a.width;
    spec.align = TextAlign::Left;
    spec.runs.push_back(run(c.author.empty() ? std::string("匿名") : c.author, author, c.span));
    std::string rest;
    if (c.likes > 0) rest += " · 赞 " + std::to_string(c.likes);
    if (!c.date.empty()) rest += " · " + c.date;
    if (!rest.empty()) spec.runs.push_back(run(rest, meta, c.span));
    ParagraphLayout pl = b.layout(std::move(spec));
    b.leaf("P");
    b.lines(pl, a.x, pitch, size, false, false);
    b.keep = 1;

    TextStyle body = st.style(st.body, size, st.text);
    for (const auto& blk : c.body) {
        if (blk.kind == model::BlockKind::CodeBlock) {
            flow_code(b, blk, a);
            continue;
        }
        InlineOut out;
        collect_inlines(blk.inlines, body, st, b.dest_prefix, out);
        if (out.runs.empty()) continue;
        ParagraphSpec t;
        t.runs = std::move(out.runs);
        t.width = a.width;
        b.leaf("P");
        b.lines(b.layout(std::move(t)), a.x, pitch, size, false);
    }
    if (c.has_reply) {
        Area in{a.x + 1.2f * size, a.width - 1.2f * size};
        Deco d;
        d.kind = Deco::LeftRule;
        d.x = a.x + 0.35f * size;
        d.color = st.accent;
        InlineOut r;
        r.runs.push_back(
            run("作者回复：", st.style(st.sans_bold, size * 0.95f, st.accent), c.span));
        collect_inlines(c.reply, st.style(st.body, size * 0.95f, st.muted), st, b.dest_prefix, r);
        if (!c.reply_date.empty())
            r.runs.push_back(
                run("（" + c.reply_date + "）", st.style(st.sans, size * 0.85f, st.muted), c.span));
        ParagraphSpec t;
        t.runs = std::move(r.runs);
        t.width = in.width;
        ParagraphLayout rl = b.layout(std::move(t));
        b.decos.push_back(d);
        Group reply(b, "BlockQuote");
        b.leaf("P");
        b.lines(rl, in.x, pitch * 0.95f, size * 0.95f, false);
        b.decos.pop_back();
    }
}

}  // namespace

void flow_comments(Builder& b, const model::CommentThread& thread, Area a) {
    if (thread.comments.empty()) return;
    const auto& st = b.st;
    Group group(b, "Sect");
    std::string title = (thread.heading.empty() ? std::string("精选留言") : thread.heading) + "（" +
                        std::to_string(thread.comments.size()) + "）";
    model::Inline t;
    t.text = title;
    t.span = thread.span;
    std::string dest = b.dest_prefix + "comments";
    flow_heading(b, {t}, 2, dest, a);
    b.sections.emplace_back(title, dest);
    const float size = st.size * float(st.layout.comment_size_ratio);
    const float pitch = size * 1.65f;
    bool first = true;
    for (const auto& c : thread.comments) {
        // The space between comments may close to half, so that a thread's last comment
        // is not left alone on a page of its own.
        if (!first) b.glue(pitch * 0.6f, pitch * 0.3f);
        first = false;
        flow_comment(b, c, a, size, pitch);
    }
}

}  // namespace bookc::typeset::flow
