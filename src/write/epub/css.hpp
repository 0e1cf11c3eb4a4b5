// The package stylesheet: the layout's epub.css (or the built-in default, which is the
// handbook layout's file compiled in), preceded by @font-face rules for embedded fonts.
#pragma once
#include <string>

#include "base/diag.hpp"
#include "config/config.hpp"

namespace bookc::epub {

const std::string& default_css();
// Reads `<layout.dir>/epub.css`; the default (with a warning when the layout has a folder
// but no readable epub.css) otherwise.
std::string layout_css(const config::Layout& layout, base::DiagSink& diags);
// @font-face for an embedded font: `family` as the layout's CSS names it.
std::string font_face_css(const std::string& family, const std::string& href_from_css,
                          const std::string& format);

}  // namespace bookc::epub
