#include "load/boilerplate.hpp"

#include "load/text.hpp"

namespace bookc::load {

const std::vector<std::string>& default_boilerplate_markers() {
    static const std::vector<std::string> kMarkers = {
        "相关文章", "相关阅读", "相关推荐", "推荐文章",         "热门文章",
        "猜你喜欢", "延伸阅读", "更多文章", "Related articles", "Related posts"};
    return kMarkers;
}

std::size_t find_boilerplate(std::string_view text, std::size_t from,
                             const config::BookConfig& cfg) {
    // Default markers are ordinary words: only trust them past the first fifth of the text.
    std::size_t default_from = std::max(from, text.size() / 5);
    std::size_t i = from;
    while (i < text.size()) {
        std::size_t e = text.find('\n', i);
        if (e == std::string_view::npos) e = text.size();
        std::string_view line = trim(text.substr(i, e - i));
        if (!line.empty()) {
            for (const auto& m : cfg.boilerplate_markers)
                if (!m.empty() && line == trim(m)) return i;
            if (cfg.default_markers && i >= default_from)
                for (const auto& m : default_boilerplate_markers())
                    if (line == m) return i;
        }
        i = e + 1;
    }
    return text.size();
}

}  // namespace bookc::load
