// The book's default identifier, when book.toml and the front matter give none: a name-based
// UUID (RFC 4122 version 5, SHA-1, from libuuid) of what makes the book this book: its title,
// its authors and its language. Not the folder, the slug or the machine: the same book built
// anywhere has the same identifier, and two books never share one because their folders do.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bookc::epub {

// "urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
std::string default_identifier(std::string_view title, const std::vector<std::string>& authors,
                               std::string_view language);

}  // namespace bookc::epub
