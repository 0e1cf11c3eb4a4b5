// Small UTF-8 helpers shared by the stages.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bookc::base {

// Decodes one scalar at `i` (advancing it); returns U+FFFD for a malformed sequence.
char32_t next_codepoint(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

// Byte offsets of malformed sequences in `s` (empty when `s` is valid UTF-8).
struct Utf8Problem {
    std::size_t offset;
    std::size_t length;
};
std::vector<Utf8Problem> find_invalid_utf8(std::string_view s);
// Replaces each malformed sequence by U+FFFD.
std::string sanitize_utf8(std::string_view s);

bool is_han(char32_t c);
bool is_cjk(char32_t c);  // Han, kana, CJK punctuation, fullwidth forms

}  // namespace bookc::base
