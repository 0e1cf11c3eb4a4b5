// Private to load/: images an article refers to. Local files become model::Assets (read
// once, deduplicated by path); remote ones are kept as URL + alt here and, with
// [images] remote = "fetch", downloaded later by remote_images.cpp.
#pragma once
#include <string>
#include <string_view>

#include "load/context.hpp"

namespace bookc::load {

// Fills img.url / img.asset for an image whose source is `src` (as written, entities
// decoded), reporting problems at `at`. `img.text` (the alt text) is left alone.
void resolve_image(ChapterContext& ctx, std::string_view src, base::Span at, model::Inline& img);

// Adds (or finds) the asset at `rel` (relative to the book folder, already checked to be
// inside it). Returns the index in book.assets, or -1 when the file cannot be used; the
// reason is stored in `problem`: "not found", "outside", "format", or what read_regular_file
// said ("not a regular file (a FIFO)", "larger than the limit (…)", "cannot be read: …"),
// or what check_image said ("is too large (…)", "is damaged (…)", with the [limits] key
// to raise in `hint`). Files larger than limits.image bytes are refused without being read.
int add_asset(const std::string& book_dir, const std::string& rel, model::Book& book,
              std::string& problem, const config::Limits& limits, std::string* hint = nullptr);

// Media type from the first bytes ("" when not a known image format).
std::string sniff_image_type(std::string_view bytes);
// Pixel size of a PNG, JPEG or GIF; false when the header cannot be read.
bool image_size(std::string_view bytes, const std::string& media_type, int& w, int& h);

}  // namespace bookc::load
