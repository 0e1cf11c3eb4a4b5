// mark_latin_runs: a pass over a finished chapter document (see lang_runs.hpp). A Latin
// run starts and ends with a Latin letter or digit and holds Latin letters, digits, ASCII
// punctuation, spaces and apostrophes; it is marked when it has at least two characters
// and a letter (a word, an identifier, a URL; not a lone number, which reads as Chinese).
#include "write/epub/lang_runs.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {
namespace {

bool latin_letter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool latin_alnum(char32_t c) { return latin_letter(c) || (c >= '0' && c <= '9'); }
// Inside a run: printable ASCII (with the space) and Latin letters; ’ only within a word.
bool run_char(const std::u32string& t, std::size_t i) {
    const char32_t c = t[i];
    if ((c >= 0x20 && c < 0x7F) || latin_letter(c)) return true;
    return c == 0x2019 && i > 0 && i + 1 < t.size() && latin_letter(t[i - 1]) &&
           latin_letter(t[i + 1]);
}

bool cjk_language(std::string_view lang) {
    auto starts = [&](std::string_view p) {
        return lang.size() >= 2 && (lang.substr(0, 2) == p) && (lang.size() == 2 || lang[2] == '-');
    };
    return starts("zh") || starts("ja") || starts("ko");
}

bool is_code(std::string_view name) {
    return name == "code" || name == "pre" || name == "kbd" || name == "samp" || name == "math";
}
bool is_text_block(std::string_view name) {
    return name == "p" || name == "li" || name == "td" || name == "th" || name == "figcaption" ||
           name == "h1" || name == "h2" || name == "h3" || name == "h4" || name == "h5" ||
           name == "h6" || name == "dt" || name == "dd" || name == "caption";
}

void set_lang(pugi::xml_node el, std::string_view lang) {
    set_attr(el, "lang", lang);
    set_attr(el, "xml:lang", lang);
}

// All the text under `el`, in document order.
void collect_text(pugi::xml_node el, std::string& out) {
    for (pugi::xml_node n = el.first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_element)
            collect_text(n, out);
        else if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata)
            out += n.value();
    }
}

// A block whose text has a Latin word (two letters in a row) and no CJK character.
bool all_latin(pugi::xml_node el) {
    std::string text;
    collect_text(el, text);
    bool word = false;
    char32_t prev = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = base::next_codepoint(text, i);
        if (base::is_cjk(c)) return false;
        word = word || (latin_letter(prev) && latin_letter(c));
        prev = c;
    }
    return word;
}

// Replaces the text node `t` by text and <span lang> pieces, one span per Latin run.
void wrap_runs(pugi::xml_node t, std::string_view lang) {
    const std::u32string s = base::to_u32(t.value());
    struct Piece {
        std::size_t begin, end;
        bool latin;
    };
    std::vector<Piece> pieces;
    std::size_t done = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (!latin_alnum(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i, last = i;  // last: the run's last letter or digit
        bool letter = false;
        while (j < s.size() && run_char(s, j)) {
            if (latin_alnum(s[j])) last = j;
            letter = letter || latin_letter(s[j]);
            ++j;
        }
        const std::size_t end = last + 1;
        if (letter && end - i >= 2) {
            if (i > done) pieces.push_back({done, i, false});
            pieces.push_back({i, end, true});
            done = end;
        }
        i = std::max(end, i + 1);
    }
    if (pieces.empty()) return;
    if (done < s.size()) pieces.push_back({done, s.size(), false});
    pugi::xml_node parent = t.parent();
    for (const Piece& p : pieces) {
        const std::string piece =
            base::to_utf8(std::u32string_view(s).substr(p.begin, p.end - p.begin));
        if (p.latin) {
            pugi::xml_node span = parent.insert_child_before("span", t);
            set_lang(span, lang);
            span.append_child(pugi::node_pcdata).set_value(piece.c_str());
        } else {
            parent.insert_child_before(pugi::node_pcdata, t).set_value(piece.c_str());
        }
    }
    parent.remove_child(t);
}

void mark(pugi::xml_node el, std::string_view lang) {
    for (pugi::xml_node n = el.first_child(); n;) {
        const pugi::xml_node next = n.next_sibling();
        if (n.type() == pugi::node_pcdata) {
            wrap_runs(n, lang);
        } else if (n.type() == pugi::node_element && !is_code(n.name()) && !n.attribute("lang")) {
            if (is_text_block(n.name()) && all_latin(n))
                set_lang(n, lang);
            else
                mark(n, lang);
        }
        n = next;
    }
}

}  // namespace

void mark_latin_runs(pugi::xml_node root, std::string_view doc_lang, std::string_view latin_lang) {
    if (cjk_language(doc_lang)) mark(root, latin_lang);
}

}  // namespace bookc::epub
