#include "model/passes.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace bookc::model {

void run_passes(Book& book, const PassOptions& opts, base::DiagSink& diags) {
    assign_ids(book);
    number_equations(book, diags);
    apply_comment_options(book, opts.comments);
    set_build_date(book, std::getenv("SOURCE_DATE_EPOCH"));
    if (opts.normalize_punctuation) normalize_punctuation(book);
}

namespace {

void number_headings(Blocks& blocks, const std::string& chapter_id, int& n) {
    for (auto& b : blocks) {
        if (b.kind == BlockKind::Heading) b.id = chapter_id + "-s" + std::to_string(++n);
        number_headings(b.children, chapter_id, n);
    }
}

}  // namespace

// Ids depend only on a node's position in the book, so they survive rebuilds. The EPUB
// uses them as they are (text/ch01.xhtml, #ch01-s2, #ch01-fn1, unless unsafe or taken:
// write/epub/plan.cpp). The PDF's named destinations differ: a chapter is "ch01", a
// heading "ch01/ch01-s2", a footnote "ch01/fn-1" by its number (typeset/flow), so one
// output's link names do not address the other.
void assign_ids(Book& book) {
    std::size_t total = book.chapter_count();
    int width = 2;
    for (std::size_t t = total; t >= 100; t /= 10) ++width;
    int index = 0;
    book.for_each_chapter([&](Chapter& ch) {
        std::string num = std::to_string(++index);
        if (static_cast<int>(num.size()) < width) num.insert(0, width - num.size(), '0');
        ch.id = "ch" + num;
        int n = 0;
        number_headings(ch.blocks, ch.id, n);
        for (auto& fn : ch.footnotes) fn.id = ch.id + "-fn" + std::to_string(fn.number);
    });
}

void apply_comment_options(Book& book, const CommentSelection& opts) {
    book.for_each_chapter([&](Chapter& ch) {
        if (!ch.comments) return;
        if (!opts.include) {
            ch.comments.reset();
            return;
        }
        auto& cs = ch.comments->comments;
        cs.erase(std::remove_if(cs.begin(), cs.end(),
                                [&](const Comment& c) { return c.likes < opts.min_likes; }),
                 cs.end());
        switch (opts.order) {
            case CommentOrder::Likes:
                // Most liked first; ties keep the source order.
                std::stable_sort(cs.begin(), cs.end(), [](const Comment& a, const Comment& b) {
                    return a.likes > b.likes;
                });
                break;
            case CommentOrder::Date:
                // Newest first; dates are ISO strings, so they compare as text.
                std::stable_sort(cs.begin(), cs.end(), [](const Comment& a, const Comment& b) {
                    return a.date > b.date;
                });
                break;
            case CommentOrder::Source:
                std::stable_sort(cs.begin(), cs.end(), [](const Comment& a, const Comment& b) {
                    return a.source_order < b.source_order;
                });
                break;
        }
        if (opts.max_per_chapter >= 0 && cs.size() > static_cast<std::size_t>(opts.max_per_chapter))
            cs.resize(static_cast<std::size_t>(opts.max_per_chapter));
        if (cs.empty()) ch.comments.reset();
    });
}

void set_build_date(Book& book, const char* source_date_epoch) {
    if (source_date_epoch && *source_date_epoch) {
        char* end = nullptr;
        long long secs = std::strtoll(source_date_epoch, &end, 10);
        if (end && *end == 0 && secs >= 0) {
            std::time_t t = static_cast<std::time_t>(secs);
            std::tm tm{};
            gmtime_r(&t, &tm);
            char buf[32];
            std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
            book.meta.modified = buf;
            return;
        }
    }
    const std::string& d = book.meta.date;
    if (d.size() >= 10 && d[4] == '-' && d[7] == '-') {
        book.meta.modified = d.substr(0, 10) + "T00:00:00Z";
        return;
    }
    book.meta.modified = "1980-01-01T00:00:00Z";
}

}  // namespace bookc::model
