// PDF writer: serialises a display list with PoDoFo. It never sees the book model.
#pragma once
#include <optional>
#include <string>

#include "base/diag.hpp"
#include "display/display.hpp"

namespace bookc::pdf {

// Returns the PDF bytes, or nullopt (with an error in `diags`) when writing failed.
std::optional<std::string> write_pdf(const display::Document& doc, base::DiagSink& diags);

}  // namespace bookc::pdf
