#include "base/diag.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "base/utf8.hpp"

namespace bookc::base {

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char buf[16];
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        char32_t c = next_codepoint(text, i);
        bool malformed =
            c == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD");
        if (malformed) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[start]));
            out += buf;
            continue;
        }
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\r')
            out += "\\r";
        else if (c == 0x1B)
            out += "\\e";
        else if (c < 0x20 || c == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
            out += buf;
        } else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
                   (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
                   c == 0x200F || c == 0x061C) {
            std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(c));
            out += buf;
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

std::string DiagSink::kind_of(std::string_view message) {
    std::string out;
    char close = 0;
    for (std::size_t i = 0; i < message.size(); ++i) {
        char c = message[i];
        if (close) {
            if (c == close) close = 0;
            continue;
        }
        if (c == '\'' || c == '`' || c == '"') {
            close = c;
            continue;
        }
        if (c == ':' && i + 1 < message.size() && message[i + 1] == ' ') break;
        out += c;
    }
    return out;
}

void DiagSink::push(Diagnostic d) {
    (d.severity == Severity::Error ? errors_ : warnings_)++;
    diags_.push_back(std::move(d));
}

void DiagSink::error(Span span, std::string message, std::vector<std::string> hints) {
    push({Severity::Error, span, {}, 0, 0, std::move(message), std::move(hints)});
}

void DiagSink::warning(Span span, std::string message, std::vector<std::string> hints) {
    push({Severity::Warning, span, {}, 0, 0, std::move(message), std::move(hints)});
}

void DiagSink::error_at(std::string path, std::uint32_t line, std::uint32_t col,
                        std::string message, std::vector<std::string> hints) {
    push({Severity::Error, {}, std::move(path), line, col, std::move(message), std::move(hints)});
}

void DiagSink::warning_at(std::string path, std::uint32_t line, std::uint32_t col,
                          std::string message, std::vector<std::string> hints) {
    push({Severity::Warning, {}, std::move(path), line, col, std::move(message), std::move(hints)});
}

DiagLocation locate(const Diagnostic& d, const SourceMap& sources) {
    DiagLocation at;
    if (d.span.valid() && d.span.file < sources.size()) {
        const SourceFile& f = sources.get(d.span.file);
        LineCol lc = f.line_col(d.span.begin);
        LineCol end = f.line_col(std::max(d.span.begin, d.span.end));
        at.file = f.path;
        at.line = lc.line;
        at.col = lc.col;
        at.end_line = end.line;
        at.end_col = end.col;
    } else if (!d.path.empty()) {
        at.file = d.path;
        at.line = d.line;
        at.col = d.line ? d.col : 0;
    }
    return at;
}

std::string DiagSink::format_one(const Diagnostic& d, const SourceMap& sources) {
    std::string out;
    DiagLocation at = locate(d, sources);
    if (!at.file.empty()) {
        out += printable(at.file);
        if (at.line) {
            out += ":" + std::to_string(at.line);
            if (at.col) out += ":" + std::to_string(at.col);
        }
        out += ": ";
    }
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    out += printable(d.message);
    out += '\n';
    for (const auto& h : d.hints) out += "  hint: " + printable(h) + "\n";
    return out;
}

void DiagSink::count_kinds(std::vector<std::size_t>& total, std::vector<std::size_t>& rank) const {
    using Key = std::pair<Severity, std::string>;
    std::map<Key, std::size_t> seen;
    std::vector<Key> keys;
    keys.reserve(diags_.size());
    for (std::size_t i = 0; i < diags_.size(); ++i) {
        keys.push_back({diags_[i].severity, kind_of(diags_[i].message)});
        rank[i] = ++seen[keys.back()];
    }
    for (std::size_t i = 0; i < diags_.size(); ++i) total[i] = seen[keys[i]];
}

std::string DiagSink::format(const SourceMap& sources) const {
    std::string out;
    for_each_capped([&](const Diagnostic& d) { out += format_one(d, sources); },
                    [&](const Diagnostic& d, std::size_t more) {
                        const char* what = d.severity == Severity::Error
                                               ? (more == 1 ? "error" : "errors")
                                               : (more == 1 ? "warning" : "warnings");
                        out += "bookc: " + std::to_string(more) + " more " + what + " like this\n";
                    });
    return out;
}

std::string DiagSink::summary() const {
    if (!errors_ && !warnings_) return "no problems";
    auto plural = [](std::size_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    if (!warnings_) return plural(errors_, "error");
    if (!errors_) return plural(warnings_, "warning");
    return plural(errors_, "error") + ", " + plural(warnings_, "warning");
}

}  // namespace bookc::base
