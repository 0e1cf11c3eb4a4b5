// Break opportunities from libunibreak (UAX #14 with its Chinese tailoring), refined
// afterwards by cjk_rules.cpp.
#include <linebreak.h>

#include <mutex>

#include "typeset/inline/inline_types.hpp"

namespace bookc::typeset::inl {

std::vector<char> unibreak(const std::u32string& text) {
    static std::once_flag once;
    std::call_once(once, [] { init_linebreak(); });
    std::vector<char> brks(text.size(), LINEBREAK_NOBREAK);
    if (text.empty()) return brks;
    static_assert(sizeof(utf32_t) == sizeof(char32_t));
    // Language must be lower-case "zh": with NULL/"ZH" text sticks to curly quotes.
    set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(text.data()), text.size(), "zh",
                         brks.data());
    return brks;
}

}  // namespace bookc::typeset::inl
