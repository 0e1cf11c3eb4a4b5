// Private to load/: YAML front matter (--- … ---) at the top of a Markdown article.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "load/context.hpp"

namespace bookc::load {

struct FrontMatter {
    bool present = false;
    std::uint32_t body_offset = 0;  // where the Markdown body starts (a line start)
    std::string title, author, date, description;
    std::vector<std::string> tags;
    base::Span title_span;
};

// Byte length of the front matter block (including both fences) at the start of `text`,
// or 0 when there is none.
std::size_t front_matter_length(std::string_view text);

// Splits and parses; YAML errors are reported at their line and the body still loads.
FrontMatter read_front_matter(ChapterContext& ctx, std::string_view text);

}  // namespace bookc::load
