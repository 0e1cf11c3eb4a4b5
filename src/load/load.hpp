// Loading: a book folder (or single articles) into the book model.
// Loaders never throw on bad input: problems go to the DiagSink and loading goes on.
#pragma once
#include <optional>
#include <string>

#include "base/diag.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "model/model.hpp"
#include "model/passes.hpp"

namespace bookc::load {

// Loads every chapter of the book in `book_dir` as `cfg` describes (or, without chapter
// specs, every .md/.markdown/.html/.htm/.txt file in natural filename order), plus the
// images they use. Fills book.meta from cfg. Returns nullopt only when there is no book
// at all (e.g. a folder with no articles: an error is recorded).
std::optional<model::Book> load_book(const std::string& book_dir, const config::BookConfig& cfg,
                                     base::SourceMap& sources, base::DiagSink& diags);

// What the model passes need of book.toml ([comments], [clean] normalize_punctuation).
model::PassOptions pass_options(const config::BookConfig& cfg);

// Detects the format of one article's text (extension is only a hint).
model::Format detect_format(std::string_view text, std::string_view extension);

// Parses one already-registered source file into a chapter (used by load_book and tests).
// `book_dir` is used to resolve images; assets found are appended to `book`.
model::Chapter load_chapter(const std::string& book_dir, base::FileId file, model::Format format,
                            const config::BookConfig& cfg, model::Book& book,
                            base::SourceMap& sources, base::DiagSink& diags);

}  // namespace bookc::load
