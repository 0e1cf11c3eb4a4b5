// Private to load/: what every per-format loader needs while it turns one source file
// into one chapter. One ChapterContext lives for the duration of one load_chapter call.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "base/diag.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "model/model.hpp"

namespace bookc::load {

// Nesting deeper than this (blocks or inlines, Markdown or HTML) is flattened to text, so
// hostile inputs cannot exhaust the stack.
inline constexpr int kMaxDepth = 96;

struct ChapterContext {
    ChapterContext(std::string dir, const base::SourceFile& f, const config::BookConfig& c,
                   model::Book& b, base::DiagSink& d)
        : book_dir(std::move(dir)), file(f), cfg(c), book(b), diags(d) {}

    std::string book_dir;  // as given by the caller
    const base::SourceFile& file;
    const config::BookConfig& cfg;
    model::Book& book;
    base::DiagSink& diags;

    bool remote_image_warned = false;
    // Local images already resolved in this chapter: rel path → asset index, or -1 when
    // the problem was reported once already.
    std::map<std::string, int> images_seen;
    bool depth_warned = false;
    std::set<std::string> not_rendered_warned;

    base::Span span(std::uint32_t begin, std::uint32_t end) const {
        auto size = static_cast<std::uint32_t>(file.text.size());
        if (begin > size) begin = size;
        if (end > size) end = size;
        if (end < begin) end = begin;
        return {file.id, begin, end};
    }
    // A construct the loaders keep only as text (definition lists, ruby, maths, <u>,
    // unknown elements, …): one warning per kind and chapter, naming it.
    void not_rendered(base::Span at, const std::string& what,
                      const std::string& kept = "its text is kept") {
        if (!not_rendered_warned.insert(what).second) return;
        diags.warning(at, what + " is not rendered as such; " + kept);
    }
    // Called when nesting is cut at kMaxDepth: one warning per chapter.
    void warn_depth(base::Span at) {
        if (depth_warned) return;
        depth_warned = true;
        diags.warning(at, "content nested deeper than " + std::to_string(kMaxDepth) +
                              " levels was flattened to text");
    }
};

}  // namespace bookc::load
