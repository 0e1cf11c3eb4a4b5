// open_noteref_group / leading_closers: see noteref_group.hpp.
#include "write/epub/noteref_group.hpp"

#include <string>

#include "base/utf8.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {
namespace {

constexpr std::u32string_view kClosers =
    U"、，。．：；！？”’」』）］｝〕〗〙〛】〉》〟｠｣…—～,.;:!?)]}'\"";
constexpr std::size_t kMaxWord = 24;  // code points moved from a Latin word or element

bool word_char(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

std::size_t text_length(pugi::xml_node el) {
    std::size_t n = 0;
    for (const pugi::xpath_node& t : el.select_nodes(".//text()")) {
        const std::string_view v = t.node().value();
        for (std::size_t i = 0; i < v.size();) {
            base::next_codepoint(v, i);
            ++n;
        }
    }
    return n;
}

// Splits the word (or the one character) at the end of `text` off: returns where it begins.
std::size_t tail_start(std::string_view text) {
    const std::u32string u = base::to_u32(text);
    if (u.empty() || u.back() == ' ' || u.back() == '\n' || u.back() == '\t' || u.back() == 0x3000)
        return text.size();
    std::size_t n = 1;
    if (word_char(u.back()))
        while (n < u.size() && n < kMaxWord && word_char(u[u.size() - n - 1])) ++n;
    return text.size() - base::to_utf8(std::u32string_view(u).substr(u.size() - n)).size();
}

}  // namespace

pugi::xml_node open_noteref_group(pugi::xml_node parent) {
    pugi::xml_node prev = parent.last_child();
    pugi::xml_node group = add_el(parent, "span", "noteref-group");
    if (prev.type() == pugi::node_pcdata) {
        const std::string text = prev.value();
        const std::size_t at = tail_start(text);
        if (at < text.size()) {
            add_text(group, std::string_view(text).substr(at));
            if (at == 0)
                parent.remove_child(prev);
            else
                prev.set_value(text.substr(0, at).c_str());
        }
    } else if (prev.type() == pugi::node_element && text_length(prev) > 0 &&
               text_length(prev) <= kMaxWord) {
        group.prepend_move(prev);
    }
    return group;
}

std::size_t leading_closers(std::string_view s) {
    std::size_t end = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = base::next_codepoint(s, i);
        if (kClosers.find(c) == std::u32string_view::npos) break;
        end = i;
    }
    return end;
}

}  // namespace bookc::epub
