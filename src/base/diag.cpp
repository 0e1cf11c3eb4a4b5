#include "base/diag.hpp"

namespace bookc::base {

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
    push({Severity::Warning, {}, std::move(path), line, col, std::move(message),
          std::move(hints)});
}

std::string DiagSink::format_one(const Diagnostic& d, const SourceMap& sources) {
    std::string out;
    if (d.span.valid() && d.span.file < sources.size()) {
        const SourceFile& f = sources.get(d.span.file);
        LineCol lc = f.line_col(d.span.begin);
        out += f.path + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col) + ": ";
    } else if (!d.path.empty()) {
        out += d.path;
        if (d.line) {
            out += ":" + std::to_string(d.line);
            if (d.col) out += ":" + std::to_string(d.col);
        }
        out += ": ";
    }
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    out += d.message;
    out += '\n';
    for (const auto& h : d.hints) out += "  hint: " + h + "\n";
    return out;
}

std::string DiagSink::format(const SourceMap& sources) const {
    std::string out;
    for (const auto& d : diags_) out += format_one(d, sources);
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
