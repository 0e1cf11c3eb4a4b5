// A code block's language and line numbering from fence info strings and HTML classes.
// Line numbers follow pandoc's attribute (`.numberLines`, `startFrom`), which pandoc and
// its highlighter honour in every output, so a source written for pandoc keeps its
// numbers here; Hugo's `linenos` is read too, as blog exports carry it.
#include "load/code_info.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "load/text.hpp"

namespace bookc::load {

namespace {

// Words of an attribute list: `.go`, `.numberLines`, `startFrom="10"`, `linenos`.
std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
        std::size_t start = i;
        bool quoted = false;
        while (i < s.size() && (quoted || (s[i] != ' ' && s[i] != '\t' && s[i] != ','))) {
            if (s[i] == '"') quoted = !quoted;
            ++i;
        }
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

bool numbering_word(std::string_view w) {
    return w == "numberLines" || w == "number-lines" || w == "line-numbers" || w == "linenos";
}

std::string_view unquote(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
    return v;
}

void attributes(std::string_view attrs, model::Block& b) {
    for (std::string_view w : words(attrs)) {
        auto eq = w.find('=');
        if (eq != std::string_view::npos) {
            std::string_view key = w.substr(0, eq), val = unquote(w.substr(eq + 1));
            if (key == "linenos") {
                b.line_numbers = val == "false" ? 0 : 1;
            } else if (key == "startFrom" || key == "start-from" || key == "linenostart") {
                int n = 0;
                auto [p, ec] = std::from_chars(val.data(), val.data() + val.size(), n);
                if (ec == std::errc() && p == val.data() + val.size() && n >= 0 && n < 1000000)
                    b.first_line = n;
            }
            continue;
        }
        if (!w.empty() && w.front() == '.') w.remove_prefix(1);
        if (numbering_word(w))
            b.line_numbers = 1;
        else if (b.info.empty() && !w.empty() && w.front() != '#')
            b.info = std::string(w);
    }
}

}  // namespace

void read_fence_info(std::string_view info, model::Block& b) {
    info = trim_ascii(info);
    auto open = info.find('{');
    std::string_view lang = trim_ascii(info.substr(0, open));
    b.info = std::string(lang.substr(0, lang.find_first_of(" \t")));
    if (open == std::string_view::npos) return;
    std::string_view rest = info.substr(open + 1);
    attributes(rest.substr(0, rest.find('}')), b);
}

void read_code_classes(std::string_view classes, model::Block& b) {
    const auto ws = words(classes);
    // Pandoc's HTML: class="sourceCode go numberSource numberLines".
    const bool pandoc = std::find(ws.begin(), ws.end(), "sourceCode") != ws.end();
    for (std::string_view w : ws) {
        for (std::string_view p : {"language-", "lang-"})
            if (w.substr(0, p.size()) == p && b.info.empty())
                b.info = std::string(w.substr(p.size()));
        if (numbering_word(w))
            b.line_numbers = 1;
        else if (pandoc && b.info.empty() && w != "sourceCode" && w != "numberSource")
            b.info = std::string(w);
    }
}

}  // namespace bookc::load
