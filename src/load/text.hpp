// Private to load/: small text helpers shared by the loaders (trimming, inline lists,
// URL safety). Text here is always valid UTF-8.
#pragma once
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace bookc::load {

bool is_ascii_space(char c);
std::string_view trim(std::string_view s);        // ASCII whitespace and U+3000
std::string_view trim_ascii(std::string_view s);  // ASCII whitespace only
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string to_lower_ascii(std::string_view s);
std::size_t count_codepoints(std::string_view s);

// Reads "（N）" / "(N)" at s[i] (full- or half-width parentheses, optional spaces); on
// success stores N, advances i past the closing parenthesis and returns true.
bool parse_paren_number(std::string_view s, std::size_t& i, int& n);

// Appends `in` to `out`, merging adjacent Text inlines (their spans are joined).
void append_inline(model::Inlines& out, model::Inline in);
void append_text(model::Inlines& out, std::string_view text, base::Span span);
// Drops leading/trailing whitespace-only text and breaks.
void trim_inlines(model::Inlines& inl);
bool inlines_empty(const model::Inlines& inl);

// The URL if it is safe to keep in the model (relative, #fragment, http(s), mailto, ftp,
// tel), else "". javascript:, data:, vbscript:, file: and unknown schemes are refused,
// also when hidden by control characters or whitespace. A protocol-relative //host/path
// becomes https://host/path (both outputs then agree); "//" without a host is refused.
std::string safe_url(std::string_view url);
bool is_remote_url(std::string_view url);  // http://, https://, //

}  // namespace bookc::load
