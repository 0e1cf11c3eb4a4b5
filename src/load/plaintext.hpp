// Private to load/: plain-text articles (often text scraped from web pages).
#pragma once
#include "load/context.hpp"

namespace bookc::load {

struct PlainTextResult {
    std::string title;  // the first non-empty line
    base::Span title_span;
    model::Blocks blocks;
};

// Rules: the first non-empty line is the title; blank lines separate blocks; inside a
// block a line ending a sentence (or much shorter than its neighbours) ends a paragraph,
// other line ends are soft breaks (hard-wrapped text); a leading 简介: line becomes a
// "lead" paragraph; lines that are only an image file name (scraped <img> leftovers) are
// dropped; a short line standing alone before a paragraph becomes a heading; the
// boilerplate tail (相关文章 …) is cut.
PlainTextResult load_plain_text(ChapterContext& ctx);

// True for a line that is just an image file name, e.g. "孙琦.png".
bool is_image_file_line(std::string_view line);

}  // namespace bookc::load
