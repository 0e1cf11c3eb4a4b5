#include "load/text.hpp"

#include <algorithm>

namespace bookc::load {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim_ascii(std::string_view s) {
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string_view trim(std::string_view s) {
    static constexpr std::string_view kIdeoSpace = "\xE3\x80\x80";  // U+3000
    static constexpr std::string_view kNbsp = "\xC2\xA0";           // U+00A0
    for (;;) {
        std::string_view before = s;
        s = trim_ascii(s);
        if (starts_with(s, kIdeoSpace)) s.remove_prefix(3);
        if (ends_with(s, kIdeoSpace)) s.remove_suffix(3);
        if (starts_with(s, kNbsp)) s.remove_prefix(2);
        if (ends_with(s, kNbsp)) s.remove_suffix(2);
        if (s.size() == before.size()) return s;
    }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::size_t count_codepoints(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

bool parse_paren_number(std::string_view s, std::size_t& i, int& n) {
    std::size_t j = i;
    auto skip_spaces = [&] {
        while (j < s.size() && s[j] == ' ') ++j;
    };
    skip_spaces();
    if (s.substr(j, 3) == "\xEF\xBC\x88")  // （
        j += 3;
    else if (j < s.size() && s[j] == '(')
        ++j;
    else
        return false;
    skip_spaces();
    long v = 0;
    std::size_t digits = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && digits < 9) {
        v = v * 10 + (s[j] - '0');
        ++j;
        ++digits;
    }
    if (!digits) return false;
    skip_spaces();
    if (s.substr(j, 3) == "\xEF\xBC\x89")  // ）
        j += 3;
    else if (j < s.size() && s[j] == ')')
        ++j;
    else
        return false;
    i = j;
    n = static_cast<int>(v);
    return true;
}

void append_inline(model::Inlines& out, model::Inline in) {
    if (in.kind == model::InlineKind::Text) {
        if (in.text.empty()) return;
        if (!out.empty() && out.back().kind == model::InlineKind::Text) {
            auto& prev = out.back();
            prev.text += in.text;
            if (!prev.span.valid()) {
                prev.span = in.span;
            } else if (in.span.valid() && in.span.file == prev.span.file) {
                prev.span.begin = std::min(prev.span.begin, in.span.begin);
                prev.span.end = std::max(prev.span.end, in.span.end);
            }
            return;
        }
    }
    out.push_back(std::move(in));
}

void append_text(model::Inlines& out, std::string_view text, base::Span span) {
    model::Inline t;
    t.kind = model::InlineKind::Text;
    t.text = std::string(text);
    t.span = span;
    append_inline(out, std::move(t));
}

namespace {
bool is_blank_inline(const model::Inline& in) {
    using K = model::InlineKind;
    if (in.kind == K::LineBreak || in.kind == K::SoftBreak) return true;
    return in.kind == K::Text && trim(in.text).empty();
}
}  // namespace

void trim_inlines(model::Inlines& inl) {
    while (!inl.empty() && is_blank_inline(inl.front())) inl.erase(inl.begin());
    while (!inl.empty() && is_blank_inline(inl.back())) inl.pop_back();
    if (inl.empty()) return;
    using K = model::InlineKind;
    if (inl.front().kind == K::Text) {
        std::string_view t = inl.front().text;
        std::size_t cut = static_cast<std::size_t>(trim(t).data() - t.data());
        inl.front().text.erase(0, cut);
    }
    if (inl.back().kind == K::Text) {
        std::string_view t = inl.back().text;
        std::string_view tt = trim(t);
        inl.back().text.resize(static_cast<std::size_t>(tt.data() - t.data()) + tt.size());
    }
}

bool inlines_empty(const model::Inlines& inl) {
    for (const auto& in : inl) {
        if (in.kind == model::InlineKind::Image || in.kind == model::InlineKind::FootnoteRef ||
            in.kind == model::InlineKind::Code || in.kind == model::InlineKind::Math)
            return false;
        if (in.kind == model::InlineKind::Text && !trim(in.text).empty()) return false;
        if (!in.children.empty() && !inlines_empty(in.children)) return false;
    }
    return true;
}

std::string safe_url(std::string_view url) {
    std::string u(trim_ascii(url));
    // Browsers ignore tabs and newlines inside URLs and control characters before the
    // scheme; judge the scheme on the cleaned form.
    std::string probe;
    for (char c : u)
        if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) probe += c;
    probe = to_lower_ascii(probe);
    // A protocol-relative URL (//host/path) has no base to take a scheme from in a book:
    // it becomes https://host/path, so the EPUB and the PDF link to the same place. Without
    // a host it is dropped.
    if (probe.rfind("//", 0) == 0) {
        if (probe.size() == 2 || probe.find_first_of("/?#\\", 2) == 2) return {};
        std::string kept;  // as browsers read it: without the tabs, newlines and controls
        for (char c : u)
            if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) kept += c;
        return "https:" + kept;
    }
    std::size_t colon = probe.find(':');
    std::size_t stop = probe.find_first_of("/?#");
    if (colon == std::string::npos || (stop != std::string::npos && stop < colon)) {
        return u;  // relative reference or fragment
    }
    std::string scheme = probe.substr(0, colon);
    static constexpr std::string_view kAllowed[] = {"http", "https", "mailto", "ftp", "tel"};
    for (auto a : kAllowed)
        if (scheme == a) return u;
    return {};
}

bool is_remote_url(std::string_view url) {
    std::string l = to_lower_ascii(trim_ascii(url).substr(0, 8));
    return starts_with(l, "http://") || starts_with(l, "https://") || starts_with(l, "//");
}

}  // namespace bookc::load
