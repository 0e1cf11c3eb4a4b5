// EPUB 3 writer: reads the book model (never pages) and returns the .epub bytes.
#pragma once
#include <optional>
#include <string>

#include "base/diag.hpp"
#include "config/config.hpp"
#include "font/font.hpp"
#include "model/model.hpp"

namespace bookc::epub {

// Returns nullopt (with an error in `diags`) when the package could not be built.
std::optional<std::string> write_epub(const model::Book& book, const config::BookConfig& cfg,
                                      const config::Layout& layout, font::FontDb& fonts,
                                      base::DiagSink& diags);

}  // namespace bookc::epub
