// Private to load/: reading one article file and turning it into a chapter.
#pragma once
#include <optional>
#include <string>

#include "base/diag.hpp"
#include "base/source.hpp"

namespace bookc::load {

// Reads BOOK_DIR/rel (which must resolve inside `book_real`) into `bytes`: only a regular
// file inside the book of at most `limit` bytes is read (a FIFO, a device or a socket is
// refused with an error and never opened in blocking mode). false when it cannot be read
// (the reason is reported). This is the only place an article's bytes come from a file.
bool read_article(const std::string& book_dir, const std::string& book_real, const std::string& rel,
                  std::size_t limit, std::string& bytes, base::DiagSink& diags);

// Checks an article's bytes are text (UTF-16 with a byte order mark is decoded; NUL bytes
// refuse it), replaces invalid UTF-8 by U+FFFD (with a warning at each place) and
// registers it as BOOK_DIR/rel. nullopt when the bytes are not text (reported).
std::optional<base::FileId> register_article(const std::string& book_dir, const std::string& rel,
                                             std::string bytes, base::SourceMap& sources,
                                             base::DiagSink& diags);

// Registers `raw` as if read from BOOK_DIR/rel (tests, and register_article itself).
base::FileId register_text(const std::string& book_dir, const std::string& rel, std::string raw,
                           base::SourceMap& sources, base::DiagSink& diags);

// The title an exported article's file name gives: "03-Mutex：4种易错场景大盘点" →
// "03 | Mutex：4种易错场景大盘点" (a number or a short Han label such as 开篇词, a dash
// or bar, the title), as column sites write it; "" for any other name.
std::string export_title(std::string_view stem);

}  // namespace bookc::load
