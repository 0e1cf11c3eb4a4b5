// Private to load/: the step after all chapters are loaded that turns remote images into
// assets. Every remote image of the book (and, with [comments] avatars = true, every
// commenter's avatar) is looked up in the cache folder; what is missing is downloaded in
// one parallel batch, checked by its bytes and written to the cache. Assets are added in
// reading order of first use, so the book does not depend on download order.
#pragma once
#include <string>

#include "base/diag.hpp"
#include "config/config.hpp"
#include "model/model.hpp"

namespace bookc::load {

// The cache folder: cfg.images.cache_dir, else <book_dir>/.bookc-cache.
std::string cache_folder(const std::string& book_dir, const config::BookConfig& cfg);

// Does nothing unless cfg.images.remote is Fetch. Never fails the build: every image that
// cannot be had is a warning at its first use, and its placeholder stays.
void fetch_remote_images(const std::string& book_dir, const config::BookConfig& cfg,
                         model::Book& book, base::DiagSink& diags);

}  // namespace bookc::load
