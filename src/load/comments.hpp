// Private to load/: readers' comment blocks (精选留言（N）) found by structure and text,
// never by class names (docs/comment-formats.md describes both shapes).
#pragma once
#include <optional>
#include <vector>

#include "load/html.hpp"

namespace bookc::load {

struct FoundComments {
    model::CommentThread thread;
    std::vector<const GumboNode*> skip;  // nodes that make up the block (not body content)
};

// Looks for a comment block below `root`; converts it with `conv` (for spans and rich
// text). Reports a count mismatch as a warning.
std::optional<FoundComments> find_comments(ChapterContext& ctx, const GumboNode* root,
                                           HtmlConverter& conv);

// A comment block at the end of a Markdown or plain-text export: the HTML from the element
// holding the heading to the end of the comment list, [begin, end) in the file. It is one
// HTML fragment whatever it contains (blank lines, ``` fences, lines of "=", "#"), so it is
// parsed with gumbo before Markdown sees the file, and Markdown never sees it.
struct CommentBlock {
    std::uint32_t begin = 0, end = 0;
    model::CommentThread thread;
};
// The first comment block that starts at or after `from` (a heading word inside HTML at
// the start of a line), or nothing.
std::optional<CommentBlock> find_comment_block(ChapterContext& ctx, std::uint32_t from);

// A comment's lines (each newline and <br> a LineBreak, spaces as written) as paragraphs
// and code blocks.
model::Blocks comment_blocks(model::Inlines lines, base::Span span);
// The same, flattened to one run of inline text with line breaks (author replies).
model::Inlines comment_line_text(model::Inlines lines, base::Span span);

// "精选留言（7）" → heading "精选留言", declared 7; false when `text` is not such a heading.
bool parse_comment_heading(std::string_view text, std::string& heading, int& declared);

}  // namespace bookc::load
