// Format detection: the content decides, the extension is only a hint.
#include "load/front_matter.hpp"
#include "load/load.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

struct Signals {
    int headings = 0;       // "# x" … "###### x"
    int lists = 0;          // "- x", "* x", "1. x"
    int emphasis = 0;       // **x**, `x`, [x](y)
    int fences = 0;         // ``` or ~~~
    int quotes = 0;         // "> x"
    int tables = 0;         // "|---|"
    int html_lines = 0;     // lines starting with a tag
    int text_lines = 0;     // other non-empty lines
    bool document = false;  // <!DOCTYPE html> / <html>
};

bool starts_with_tag(std::string_view l) {
    if (l.size() < 3 || l[0] != '<') return false;
    char c = l[1] == '/' ? (l.size() > 2 ? l[2] : 0) : l[1];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!';
}

Signals scan(std::string_view text) {
    Signals s;
    std::size_t i = 0, lines = 0;
    while (i < text.size() && lines < 2000) {
        std::size_t e = text.find('\n', i);
        if (e == std::string_view::npos) e = text.size();
        std::string_view raw = text.substr(i, e - i);
        i = e + 1;
        ++lines;
        std::string_view l = trim_ascii(raw);
        if (l.empty()) continue;
        std::string low = to_lower_ascii(l.substr(0, 14));
        if (starts_with(low, "<!doctype html") || starts_with(low, "<html")) s.document = true;
        std::size_t h = 0;
        while (h < l.size() && l[h] == '#') ++h;
        if (h >= 1 && h <= 6 && h < l.size() && l[h] == ' ') {
            ++s.headings;
            continue;
        }
        if ((starts_with(l, "- ") || starts_with(l, "* ") || starts_with(l, "+ ")) &&
            l.size() > 2) {
            ++s.lists;
            continue;
        }
        std::size_t d = 0;
        while (d < l.size() && d < 9 && l[d] >= '0' && l[d] <= '9') ++d;
        if (d > 0 && d + 1 < l.size() && (l[d] == '.' || l[d] == ')') && l[d + 1] == ' ') {
            ++s.lists;
            continue;
        }
        if (starts_with(l, "```") || starts_with(l, "~~~")) ++s.fences;
        if (starts_with(l, "> ")) ++s.quotes;
        if (starts_with(l, "|") && l.find("---") != std::string_view::npos) ++s.tables;
        if (l.find("**") != std::string_view::npos || l.find("](") != std::string_view::npos)
            ++s.emphasis;
        if (starts_with_tag(l))
            ++s.html_lines;
        else
            ++s.text_lines;
    }
    return s;
}

}  // namespace

model::Format detect_format(std::string_view text, std::string_view extension) {
    using model::Format;
    if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
    std::string ext = to_lower_ascii(extension);
    if (!ext.empty() && ext[0] != '.') ext = "." + ext;
    if (front_matter_length(text)) return Format::Markdown;
    Signals s = scan(text);
    if (s.document) return Format::Html;
    int markdown = s.headings * 3 + s.lists + s.emphasis + s.fences * 2 + s.quotes + s.tables * 2;
    if (ext == ".md" || ext == ".markdown") return Format::Markdown;
    if (ext == ".html" || ext == ".htm") {
        // An .html file that is really Markdown (headings, no tags) is read as Markdown.
        return s.html_lines == 0 && markdown >= 3 ? Format::Markdown : Format::Html;
    }
    // .txt or unknown: decide from the content alone.
    if (s.html_lines > 0 && s.text_lines == 0 && markdown == 0) return Format::Html;
    if (s.headings > 0 || markdown >= 3 || s.fences > 0 || s.tables > 0) return Format::Markdown;
    if (s.html_lines > 0) return Format::Markdown;  // text with embedded HTML blocks
    if (markdown >= 2) return Format::Markdown;
    return Format::PlainText;
}

}  // namespace bookc::load
