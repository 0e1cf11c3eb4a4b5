// The first byte of a fuzzed article picks how it is presented to the loaders (the file
// name and extension, the [comments] options); the rest is the file's bytes. Shared by
// fuzz_load and fuzz_book, so both use one seed corpus (scripts/fuzz.sh writes it).
//
//   bits 0-1  extension: .md .html .txt .htm       bits 4-5  [comments] sort: source likes date
//   source bits 2-3  file name: plain, two export titles,  bit 6     [comments] max = 2, min_likes
//   = 1
//             an id (no title from the name)        bit 7     [comments] include = false
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace bookc::fuzz {

struct Article {
    std::string rel;  // file name inside the book folder
    std::string_view bytes;
};

inline Article article_from(const std::uint8_t* data, std::size_t size, config::BookConfig& cfg) {
    static const char* const kExt[] = {".md", ".html", ".txt", ".htm"};
    static const char* const kStem[] = {"article", "03-Mutex：4种易错场景大盘点",
                                        "开篇词 - 想吃透并发", "000_a5ae9357febfb203"};
    std::uint8_t sel = size ? data[0] : 0;
    Article a;
    a.rel = std::string(kStem[(sel >> 2) & 3]) + kExt[sel & 3];
    a.bytes = size ? std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)
                   : std::string_view();
    static const config::CommentSort kSort[] = {
        config::CommentSort::Source, config::CommentSort::Likes, config::CommentSort::Date,
        config::CommentSort::Source};
    cfg.comments.sort = kSort[(sel >> 4) & 3];
    if (sel & 0x40) {
        cfg.comments.max_per_chapter = 2;
        cfg.comments.min_likes = 1;
    }
    cfg.comments.include = !(sel & 0x80);
    return a;
}

}  // namespace bookc::fuzz
