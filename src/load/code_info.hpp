// Private to load/: what a code block says about itself — its language and whether its
// lines are numbered — from a Markdown fence's info string or an HTML <pre><code>'s classes.
#pragma once
#include <string_view>

#include "model/model.hpp"

namespace bookc::load {

// A fence's info string: "go", "go {.numberLines}", "{.go .numberLines startFrom=\"10\"}"
// (pandoc's attributes), "go {linenos=true}" (Hugo's). Sets b.info (the language, as
// written), b.line_numbers and b.first_line. Anything else in the braces is ignored.
void read_fence_info(std::string_view info, model::Block& b);

// One class attribute of <pre> or <code>: "language-go" / "lang-go" (or pandoc's
// "sourceCode go") name the language, "numberLines" / "line-numbers" ask for numbered
// lines. Sets b.info and b.line_numbers.
void read_code_classes(std::string_view classes, model::Block& b);

}  // namespace bookc::load
