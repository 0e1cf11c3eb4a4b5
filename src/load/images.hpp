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
// to raise in `hint`), or what make_image_asset said. Files larger than limits.image bytes
// are refused without being read. `print_problem` gets why the PDF cannot draw an image the
// EPUB has (an SVG librsvg cannot render).
int add_asset(const std::string& book_dir, const std::string& rel, model::Book& book,
              std::string& problem, const config::Limits& limits, std::string* hint = nullptr,
              std::string* print_problem = nullptr);

// The one way image bytes (local or remote) become an asset: sizes checked against [limits]
// before anything is decoded (check_image); WebP turned into PNG for both outputs; GIF kept
// for the EPUB (animations still move) with its first frame as PNG for the PDF
// (`print_png`); SVG kept for the EPUB with a librsvg rendering for the PDF. Sets media
// type, size and data of `a` (not rel_path). Returns "" or why the image cannot be used,
// worded to follow "image …": "is too large (…)", "is damaged (…)", "cannot be decoded (…)";
// `hint` names the [limits] key to raise. `print_problem` gets why an SVG has no rendering.
std::string make_image_asset(std::string bytes, const std::string& type,
                             const config::Limits& limits, model::Asset& a,
                             std::string& print_problem, std::string& hint);

// Media type from the first bytes ("" when not a known image format).
std::string sniff_image_type(std::string_view bytes);
// Pixel size of a PNG, JPEG or GIF; false when the header cannot be read.
bool image_size(std::string_view bytes, const std::string& media_type, int& w, int& h);

}  // namespace bookc::load
