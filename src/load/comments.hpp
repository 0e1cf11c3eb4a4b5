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

// "精选留言（7）" → heading "精选留言", declared 7; false when `text` is not such a heading.
bool parse_comment_heading(std::string_view text, std::string& heading, int& declared);

}  // namespace bookc::load
