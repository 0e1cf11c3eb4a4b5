// The typesetter: book model + layout → display list (pages of positioned glyphs).
#pragma once
#include "base/diag.hpp"
#include "config/config.hpp"
#include "display/display.hpp"
#include "font/font.hpp"
#include "model/model.hpp"

namespace bookc::typeset {

display::Document typeset_book(const model::Book& book, const config::Layout& layout,
                               font::FontDb& fonts, const base::SourceMap& sources,
                               base::DiagSink& diags);

}  // namespace bookc::typeset
