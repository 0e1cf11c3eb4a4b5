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

// One article's bytes, as if read from BOOK_DIR/rel, into a chapter: the checks that it is
// text (NUL bytes, UTF-16, GB18030, invalid UTF-8), registration in `sources`, format
// detection (or `spec`'s format), the loader of its format with the readers' comments,
// images (resolved in `book_dir`, appended to book.assets), the title rules (or `spec`'s
// title). load_book reads each article file and hands its bytes here; the fuzzer
// (tests/fuzz/fuzz_load.cpp) hands them from memory. nullopt when the bytes are not text
// (reported). `spec` may be null (no book.toml entry).
std::optional<model::Chapter> load_article(const std::string& book_dir, const std::string& rel,
                                           std::string bytes, const config::ChapterSpec* spec,
                                           const config::BookConfig& cfg, model::Book& book,
                                           base::SourceMap& sources, base::DiagSink& diags);

// Detects the format of one article's text (extension is only a hint).
model::Format detect_format(std::string_view text, std::string_view extension);

// Parses one already-registered source file into a chapter (used by load_book and tests).
// `book_dir` is used to resolve images; assets found are appended to `book`.
model::Chapter load_chapter(const std::string& book_dir, base::FileId file, model::Format format,
                            const config::BookConfig& cfg, model::Book& book,
                            base::SourceMap& sources, base::DiagSink& diags);

}  // namespace bookc::load
