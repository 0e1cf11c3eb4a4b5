// Syntax highlighting of code blocks (KSyntaxHighlighting, Kate's engine): a model-level
// service run once after loading, so that both writers read the same tokens from the model
// (model::Block::tokens) and neither links Qt nor reaches into the other.
#pragma once
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace bookc::highlight {

// The highlighter's name for a fence's language ("go", "Go", "golang", "py", "c++",
// "language" names and file extensions as the library knows them, a few common aliases),
// or "" when it knows none: plain text, not an error.
std::string definition_for(std::string_view language);

// The tokens of `code` in `language`: classes of the fixed vocabulary (model::TokenClass),
// byte ranges of `code`, in order; plain stretches have none. Empty for an unknown
// language, "text", or no language.
std::vector<model::CodeToken> highlight_code(std::string_view language, std::string_view code);

// Highlights every code block of the book with a language: chapters, footnotes, comments.
// The library's definitions are read only when the book has such a block.
void highlight_book(model::Book& book);

}  // namespace bookc::highlight
