// Private to load/: cutting site boilerplate (related-article lists, footers) from the
// end of scraped plain-text articles.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace bookc::load {

// Markers that, as a whole line, start a tail that is cut when cfg.default_markers.
const std::vector<std::string>& default_boilerplate_markers();

// Offset in `text` where the boilerplate tail starts (the start of the marker line), or
// text.size() when there is none. Lines before `from` are never considered. Default
// markers only count in the later part of the text; markers from book.toml anywhere.
std::size_t find_boilerplate(std::string_view text, std::size_t from,
                             const config::BookConfig& cfg);

}  // namespace bookc::load
