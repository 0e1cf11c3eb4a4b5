// Private to load/: Markdown (CommonMark + GFM tables, strikethrough, autolinks, task
// lists, tag filter, footnotes) through cmark-gfm into model blocks.
#pragma once
#include <string>

#include "load/context.hpp"

namespace bookc::load {

struct MarkdownResult {
    model::Blocks blocks;
    std::vector<model::Footnote> footnotes;
    std::optional<model::CommentThread> comments;
    std::string media_title;  // title of the first <audio>/<video>, for chapter titles
};

// Parses the file's text from `body_offset` (after any front matter).
MarkdownResult load_markdown(ChapterContext& ctx, std::uint32_t body_offset);

}  // namespace bookc::load
