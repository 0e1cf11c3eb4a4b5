#include "load/comments.hpp"

#include <vector>

#include "load/text.hpp"

namespace bookc::load {

namespace {

constexpr std::string_view kLikes = "\xF0\x9F\x91\x8D";    // 👍
constexpr std::string_view kReplies = "\xF0\x9F\x92\xAC";  // 💬
constexpr std::string_view kReplyLabel = "作者回复";
constexpr std::string_view kHeadingWords[] = {"精选留言", "精彩留言", "全部留言"};

const GumboVector* kids(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children : nullptr;
}

bool count_after(std::string_view s, std::string_view emoji, int& n, std::size_t* at = nullptr);

// How many "👍（N）" counters `s` holds: a 👍 typed in a comment's text is no counter.
std::size_t count_counters(std::string_view s, std::string_view emoji) {
    std::size_t n = 0;
    for (std::size_t k = s.find(emoji); k != std::string_view::npos;
         k = s.find(emoji, k + emoji.size())) {
        int v = 0;
        if (count_after(s.substr(k), emoji, v)) ++n;
    }
    return n;
}

// The element holding the comments: a list, or any element whose element children are
// mostly comments (each child carries exactly one 👍 count).
bool is_list(const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return false;
    std::string t = tag_name(n);
    if (t == "ul" || t == "ol") return true;
    const GumboVector& ch = n->v.element.children;
    std::size_t items = 0, others = 0;
    for (unsigned i = 0; i < ch.length; ++i) {
        auto* c = static_cast<const GumboNode*>(ch.data[i]);
        if (c->type != GUMBO_NODE_ELEMENT || tag_name(c) == "br") continue;
        if (count_counters(node_text(c), kLikes) == 1)
            ++items;
        else
            ++others;
    }
    return items > 0 && items >= others;
}

// Reads the count after an emoji: "👍（3）" → 3.
bool count_after(std::string_view s, std::string_view emoji, int& n, std::size_t* at) {
    auto k = s.find(emoji);
    if (k == std::string_view::npos) return false;
    std::size_t i = k + emoji.size();
    if (s.substr(i, 3) == "\xEF\xB8\x8F") i += 3;  // variation selector
    if (at) *at = k;
    return parse_paren_number(s, i, n);
}

// "2018-07-23" or "2019-03-21 10:15" at the start of `s` (rest ignored when short).
bool parse_date(std::string_view s, std::string& out) {
    s = trim(s);
    auto digits = [&](std::size_t from, std::size_t n) {
        if (from + n > s.size()) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (!(digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
          digits(8, 2)))
        return false;
    std::size_t len = 10;
    if (s.size() >= 16 && (s[10] == ' ' || s[10] == 'T') && digits(11, 2) && s[13] == ':' &&
        digits(14, 2))
        len = 16;
    if (s.size() - len > 12) return false;  // a sentence starting with a date is not a date
    out = std::string(s.substr(0, len));
    if (out.size() == 16) out[10] = ' ';
    return true;
}

bool is_reply_text(std::string_view s) { return starts_with(trim(s), kReplyLabel); }

// Removes "作者回复:" from the start of rich inlines.
void strip_reply_label(model::Inlines& in) {
    trim_inlines(in);
    if (in.empty() || in.front().kind != model::InlineKind::Text) return;
    std::string& t = in.front().text;
    if (!starts_with(t, kReplyLabel)) return;
    std::size_t i = kReplyLabel.size();
    for (;;) {
        if (i < t.size() && (t[i] == ':' || t[i] == ' ')) {
            ++i;
        } else if (t.compare(i, 3, "：") == 0) {
            i += 3;
        } else {
            break;
        }
    }
    t.erase(0, i);
    trim_inlines(in);
}

// "谢谢。 2019-03-22 09:00" at the end of a reply: the date moves to `date`.
void take_trailing_date(model::Inlines& in, std::string& date) {
    if (in.empty() || in.back().kind != model::InlineKind::Text) return;
    std::string& t = in.back().text;
    for (std::size_t len : {16u, 10u}) {
        if (t.size() < len) continue;
        std::string d;
        if (parse_date(std::string_view(t).substr(t.size() - len), d) && d.size() == len) {
            date = d;
            t.resize(t.size() - len);
            trim_inlines(in);
            return;
        }
    }
}

struct ItemParser {
    HtmlConverter& conv;
    model::Comment c;
    bool counters = false;
    const GumboNode* body = nullptr;
    const GumboNode* reply = nullptr;

    void text(std::string_view s) {
        std::string_view t = trim(s);
        if (t.empty()) return;
        int n = 0;
        std::size_t at = 0;
        bool found = false;
        if (count_after(t, kLikes, n, &at)) {
            c.likes = n;
            found = true;
            std::string_view before = trim(t.substr(0, at));
            if (c.author.empty() && !before.empty()) c.author = std::string(before);
        }
        if (count_after(t, kReplies, n)) {
            c.reply_count = n;
            found = true;
        }
        if (found) {
            counters = true;
            return;
        }
        std::string date;
        if (parse_date(t, date)) {
            c.date = date;
            return;
        }
        if (!counters && c.author.empty()) c.author = std::string(t);
    }

    void walk(const GumboNode* n, int depth) {
        if (depth > kMaxDepth) return;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            text(n->v.text.text);
            return;
        }
        if (n->type != GUMBO_NODE_ELEMENT || is_dropped_element(n)) return;
        std::string tag = tag_name(n);
        if (tag == "img") {
            if (c.avatar_url.empty() && attr(n, "src")) c.avatar_url = safe_url(attr(n, "src"));
            return;
        }
        std::string all = node_text(n);
        std::string_view t = trim(all);
        bool has_counters = count_counters(t, kLikes) > 0 || count_counters(t, kReplies) > 0;
        std::string date;
        if (!has_counters && !t.empty()) {
            if (is_reply_text(t) && !reply) {
                reply = n;
                return;
            }
            if (counters && !body && !parse_date(t, date)) {
                body = n;
                return;
            }
        }
        if (const GumboVector* ch = kids(n))
            for (unsigned i = 0; i < ch->length; ++i)
                walk(static_cast<const GumboNode*>(ch->data[i]), depth + 1);
    }
};

}  // namespace

bool parse_comment_heading(std::string_view text, std::string& heading, int& declared) {
    std::string_view t = trim(text);
    for (auto w : kHeadingWords) {
        if (!starts_with(t, w)) continue;
        std::size_t i = w.size();
        int n = -1;
        if (i < t.size() && !parse_paren_number(t, i, n)) return false;
        if (!trim(t.substr(i)).empty()) return false;
        heading = std::string(w);
        declared = n;
        return true;
    }
    return false;
}

std::optional<FoundComments> find_comments(ChapterContext& ctx, const GumboNode* root,
                                           HtmlConverter& conv) {
    // 1. The heading: the deepest element whose whole text is 精选留言（N）.
    const GumboNode* heading = nullptr;
    std::string word;
    int declared = -1;
    std::vector<std::pair<const GumboNode*, int>> stack{{root, 0}};
    while (!stack.empty() && !heading) {
        auto [n, depth] = stack.back();
        stack.pop_back();
        if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth || is_dropped_element(n)) continue;
        const GumboVector& ch = n->v.element.children;
        if (n != root && parse_comment_heading(node_text(n), word, declared)) {
            heading = n;
            // Descend while a single child still carries the whole heading.
            for (bool deeper = true; deeper;) {
                deeper = false;
                const GumboVector& hc = heading->v.element.children;
                for (unsigned i = 0; i < hc.length; ++i) {
                    auto* k = static_cast<const GumboNode*>(hc.data[i]);
                    std::string w2;
                    int d2;
                    if (k->type == GUMBO_NODE_ELEMENT &&
                        parse_comment_heading(node_text(k), w2, d2)) {
                        heading = k;
                        deeper = true;
                        break;
                    }
                }
            }
            break;
        }
        for (unsigned i = ch.length; i-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(ch.data[i]), depth + 1});
    }
    if (!heading) return std::nullopt;

    // 2. The list of comments: the first list after the heading, looking at the following
    //    siblings of the heading and of each of its ancestors in turn.
    const GumboNode* list = nullptr;
    const GumboNode* from = heading;
    const GumboNode* holder = nullptr;  // the last sibling of `from` that is part of the block
    std::vector<const GumboNode*> entries;
    for (; from && from != root; from = from->parent) {
        const GumboNode* parent = from->parent;
        if (!parent || parent->type != GUMBO_NODE_ELEMENT) break;
        const GumboVector& sib = parent->v.element.children;
        auto first = static_cast<unsigned>(from->index_within_parent) + 1;
        // Comments as repeated sibling blocks right after the heading.
        std::size_t others = 0;
        std::vector<const GumboNode*> run;
        for (unsigned i = first; i < sib.length; ++i) {
            auto* s = static_cast<const GumboNode*>(sib.data[i]);
            if (s->type != GUMBO_NODE_ELEMENT || tag_name(s) == "br") continue;
            if (count_counters(node_text(s), kLikes) == 1)
                run.push_back(s);
            else
                ++others;
        }
        if (run.size() >= 2 && run.size() >= others) {
            entries = run;
            holder = run.back();
            break;
        }
        for (unsigned i = first; i < sib.length && !list; ++i) {
            auto* s = static_cast<const GumboNode*>(sib.data[i]);
            if (s->type != GUMBO_NODE_ELEMENT) continue;
            std::vector<const GumboNode*> st{s};
            while (!st.empty() && !list) {
                auto* x = st.back();
                st.pop_back();
                if (x->type != GUMBO_NODE_ELEMENT) continue;
                if (is_list(x)) {
                    list = x;
                    break;
                }
                const GumboVector& xc = x->v.element.children;
                for (unsigned j = xc.length; j-- > 0;)
                    st.push_back(static_cast<const GumboNode*>(xc.data[j]));
            }
            if (list) holder = s;
        }
        if (list) break;
    }
    if (list) {
        const GumboVector& items = list->v.element.children;
        for (unsigned i = 0; i < items.length; ++i) {
            auto* li = static_cast<const GumboNode*>(items.data[i]);
            if (li->type == GUMBO_NODE_ELEMENT && tag_name(li) != "br") entries.push_back(li);
        }
    }

    FoundComments fc;
    fc.thread.heading = word;
    fc.thread.declared = declared;
    fc.thread.span = conv.span_of(heading);
    if (holder) {
        const GumboNode* parent = from->parent;
        const GumboVector& sib = parent->v.element.children;
        for (unsigned i = static_cast<unsigned>(from->index_within_parent);
             i <= static_cast<unsigned>(holder->index_within_parent) && i < sib.length; ++i)
            fc.skip.push_back(static_cast<const GumboNode*>(sib.data[i]));
        int order = 0;
        for (const GumboNode* li : entries) {
            ItemParser p{conv, {}};
            p.walk(li, 0);
            base::Span item_span = conv.span_of(li);
            if (p.body) {
                model::Inlines lines;
                conv.lines(p.body, lines);
                p.c.body = comment_blocks(std::move(lines), item_span);
            }
            if (p.reply) {
                model::Inlines lines;
                conv.lines(p.reply, lines);
                p.c.reply = comment_line_text(std::move(lines), item_span);
                strip_reply_label(p.c.reply);
                take_trailing_date(p.c.reply, p.c.reply_date);
                p.c.has_reply = true;
            }
            if (p.c.author.empty() && p.c.body.empty()) continue;
            p.c.source_order = order++;
            p.c.span = item_span;
            fc.thread.comments.push_back(std::move(p.c));
        }
    } else {
        fc.skip.push_back(heading);
    }
    int found = static_cast<int>(fc.thread.comments.size());
    if (declared >= 0 && declared != found) {
        ctx.diags.warning(fc.thread.span, "the comment block declares " + std::to_string(declared) +
                                              " comments but " + std::to_string(found) +
                                              " were found");
    }
    return fc;
}

namespace {

// Where a node of a parsed fragment starts and ends in the fragment's text.
std::size_t node_begin(const GumboNode* n) {
    if (n->type == GUMBO_NODE_ELEMENT) return n->v.element.start_pos.offset;
    if (n->type == GUMBO_NODE_DOCUMENT) return 0;
    return n->v.text.start_pos.offset;
}

std::size_t node_end(const GumboNode* n, std::size_t size) {
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.original_end_tag.length > 0)
        return n->v.element.end_pos.offset + n->v.element.original_end_tag.length;
    if (n->type != GUMBO_NODE_ELEMENT) return node_begin(n) + n->v.text.original_text.length;
    const GumboNode* p = n->parent;
    if (p && p->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& sib = p->v.element.children;
        if (static_cast<unsigned>(n->index_within_parent) + 1 < sib.length)
            return node_begin(static_cast<const GumboNode*>(sib.data[n->index_within_parent + 1]));
        return node_end(p, size);
    }
    return size;
}

// The child of `root` that holds `n`.
const GumboNode* top_of(const GumboNode* n, const GumboNode* root) {
    while (n->parent && n->parent != root) n = n->parent;
    return n;
}

}  // namespace

std::optional<CommentBlock> find_comment_block(ChapterContext& ctx, std::uint32_t from) {
    const std::string& text = ctx.file.text;
    auto is_blank_line = [&](std::size_t b, std::size_t e) {
        return std::string_view(text).substr(b, e - b).find_first_not_of(" \t\r") ==
               std::string_view::npos;
    };
    std::size_t k = from;
    // Each candidate is parsed to the end of the file: a few tries only, so that a file
    // full of heading words stays linear.
    for (int tries = 0; tries < 4; ++tries) {
        std::size_t at = std::string::npos;
        for (auto w : kHeadingWords) at = std::min(at, text.find(w, k));
        if (at == std::string::npos) return std::nullopt;
        k = at + 1;
        std::size_t ls = text.rfind('\n', at);
        ls = ls == std::string::npos || ls < from ? from : ls + 1;
        std::string_view lead = std::string_view(text).substr(ls, at - ls);
        std::size_t lt = lead.find_first_not_of(" \t");
        // The fragment gumbo parses: the source from `source` on, after `prefix`.
        std::string prefix;
        std::size_t source = ls;
        if (lt == std::string_view::npos || lead[lt] != '<') {
            // "## 精选留言（3）" or "**精选留言（3）**" as Markdown, the list in HTML below it.
            if (lead.find_first_not_of(" \t#*_") != std::string_view::npos) continue;
            std::size_t le = text.find('\n', at);
            if (le == std::string::npos) continue;
            std::string_view h = std::string_view(text).substr(at, le - at);
            while (!h.empty() &&
                   std::string_view(" \t\r#*_").find(h.back()) != std::string_view::npos)
                h.remove_suffix(1);
            std::string word;
            int declared = 0;
            if (!parse_comment_heading(h, word, declared)) continue;
            source = le + 1;
            while (source < text.size()) {
                std::size_t e = text.find('\n', source);
                if (e == std::string::npos) e = text.size();
                if (!is_blank_line(source, e)) break;
                source = e + 1;
            }
            std::size_t first = text.find_first_not_of(" \t", source);
            if (first == std::string::npos || text[first] != '<') continue;
            prefix = "<p>" + std::string(h) + "</p>\n";
        }
        ParsedHtml parsed = parse_html(prefix + text.substr(source), true);
        if (!parsed.root) continue;
        auto to_source = [&](std::size_t off) {
            return static_cast<std::uint32_t>(off < prefix.size() ? ls
                                                                  : source + (off - prefix.size()));
        };
        if (parsed.truncated_at != std::string::npos) {
            auto cut = to_source(parsed.truncated_at);
            ctx.diags.warning(ctx.span(cut, cut),
                              "HTML nested too deeply; the rest of the comment block was dropped");
        }
        OffsetMap map;
        map.base = static_cast<std::uint32_t>(source);
        map.limit = static_cast<std::uint32_t>(text.size());
        map.fallback = ctx.span(static_cast<std::uint32_t>(ls), static_cast<std::uint32_t>(ls));
        if (!prefix.empty()) {
            map.exact = false;
            auto p = static_cast<std::uint32_t>(prefix.size());
            map.pieces.push_back({3, p - 5, static_cast<std::uint32_t>(at)});
            map.pieces.push_back({p, static_cast<std::uint32_t>(parsed.text->size()),
                                  static_cast<std::uint32_t>(source)});
        }
        HtmlConverter conv(ctx, map);
        auto found = find_comments(ctx, parsed.root, conv);
        if (!found || found->skip.empty()) continue;
        std::size_t size = parsed.text->size();
        const GumboNode* first = top_of(found->skip.front(), parsed.root);
        const GumboNode* last = top_of(found->skip.back(), parsed.root);
        CommentBlock block;
        block.begin = to_source(node_begin(first));
        block.end = to_source(std::min(size, node_end(last, size)));
        block.thread = std::move(found->thread);
        return block;
    }
    return std::nullopt;
}

}  // namespace bookc::load
