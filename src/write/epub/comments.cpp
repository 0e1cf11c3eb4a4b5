// Readers' comments (精选留言) at the end of a chapter: rendered as the model has them
// (the model pass already filtered and sorted them per [comments]).
#include "write/epub/xhtml.hpp"

namespace bookc::epub {

void ChapterWriter::comments(pugi::xml_node parent) {
    const auto& thread = cp_.chapter->comments;
    if (!thread || thread->comments.empty()) return;
    pugi::xml_node sec = add_el(parent, "section", "comments");
    set_attr(sec, "id", cp_.unique_id(cp_.id + "-comments"));
    std::string heading = xml_clean(thread->heading);
    if (heading.empty()) heading = "精选留言";
    add_text_el(sec, "h2", heading + "（" + std::to_string(thread->comments.size()) + "）",
                "comments-title");
    add_text(sec, "\n");
    for (const auto& c : thread->comments) {
        comment(sec, c);
        add_text(sec, "\n");
    }
}

void ChapterWriter::comment(pugi::xml_node parent, const model::Comment& c) {
    pugi::xml_node div = add_el(parent, "div", "comment");
    pugi::xml_node head = add_el(div, "p", "comment-head");
    std::string author = xml_clean(c.author);
    // A fetched avatar ([comments] avatars = true) sits small before the name; it is
    // decoration, so its alt text is empty.
    if (auto it = plan_.assets.find(c.avatar_asset);
        c.avatar_asset >= 0 && it != plan_.assets.end()) {
        pugi::xml_node img = add_el(head, "img", "comment-avatar");
        set_attr(img, "src", "../" + it->second.href);
        set_attr(img, "alt", "");
    }
    add_text_el(head, "span", author.empty() ? "匿名读者" : author, "comment-author");
    if (c.likes > 0) {
        add_text(head, " ");
        add_text_el(head, "span", "赞 " + std::to_string(c.likes), "comment-likes");
    }
    if (!xml_clean(c.date).empty()) {
        add_text(head, " ");
        add_text_el(head, "span", c.date, "comment-date");
    }
    pugi::xml_node body = add_el(div, "div", "comment-text");
    blocks(body, c.body);
    if (c.has_reply && !c.reply.empty()) {
        pugi::xml_node reply = add_el(div, "div", "comment-reply");
        pugi::xml_node p = add_el(reply, "p");
        add_text_el(p, "span", "作者回复", "comment-reply-label");
        if (!xml_clean(c.reply_date).empty()) {
            add_text(p, " ");
            add_text_el(p, "span", c.reply_date, "comment-date");
        }
        add_text(p, "：");
        last_ = 0;
        inlines(p, c.reply);
    }
}

}  // namespace bookc::epub
