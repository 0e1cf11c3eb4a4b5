#include "base/diag.hpp"

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

std::string DiagSink::format_one(const Diagnostic& d, const SourceMap& sources) {
    std::string out;
    if (d.span.valid() && d.span.file < sources.size()) {
        const SourceFile& f = sources.get(d.span.file);
        LineCol lc = f.line_col(d.span.begin);
        out +=
            printable(f.path) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col) + ": ";
    } else if (!d.path.empty()) {
        out += printable(d.path);
        if (d.line) {
            out += ":" + std::to_string(d.line);
            if (d.col) out += ":" + std::to_string(d.col);
        }
        out += ": ";
    }
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    out += printable(d.message);
    out += '\n';
    for (const auto& h : d.hints) out += "  hint: " + printable(h) + "\n";
    return out;
}

std::string DiagSink::format(const SourceMap& sources) const {
    using Key = std::pair<Severity, std::string>;
    std::map<Key, std::size_t> total;
    for (const auto& d : diags_) ++total[{d.severity, kind_of(d.message)}];
    std::map<Key, std::size_t> shown;
    std::string out;
    for (const auto& d : diags_) {
        Key key{d.severity, kind_of(d.message)};
        std::size_t n = ++shown[key];
        if (n > kMaxSameKind) continue;
        out += format_one(d, sources);
        std::size_t all = total[key];
        if (n == kMaxSameKind && all > kMaxSameKind) {
            std::size_t more = all - kMaxSameKind;
            const char* what = d.severity == Severity::Error ? (more == 1 ? "error" : "errors")
                                                             : (more == 1 ? "warning" : "warnings");
            out += "bookc: " + std::to_string(more) + " more " + what + " like this\n";
        }
    }
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
