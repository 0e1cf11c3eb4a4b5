// Diagnostics: every stage pushes problems into a DiagSink and keeps going, so one run
// reports every problem. Printing (path:line:col: severity: message) happens in one place.
#pragma once
#include <string>
#include <vector>

#include "base/source.hpp"

namespace bookc::base {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    Span span;              // may be invalid (then `path` or nothing is shown)
    std::string path;       // used when there is no span (e.g. book.toml before it is loaded)
    std::uint32_t line = 0; // with `path`: 1-based line, 0 = unknown
    std::uint32_t col = 0;
    std::string message;
    std::vector<std::string> hints;
};

class DiagSink {
public:
    void error(Span span, std::string message, std::vector<std::string> hints = {});
    void warning(Span span, std::string message, std::vector<std::string> hints = {});
    // For files that are not (yet) in the SourceMap, e.g. book.toml, images, folders.
    void error_at(std::string path, std::uint32_t line, std::uint32_t col, std::string message,
                  std::vector<std::string> hints = {});
    void warning_at(std::string path, std::uint32_t line, std::uint32_t col, std::string message,
                    std::vector<std::string> hints = {});
    void push(Diagnostic d);

    const std::vector<Diagnostic>& all() const { return diags_; }
    std::size_t errors() const { return errors_; }
    std::size_t warnings() const { return warnings_; }
    bool has_errors() const { return errors_ > 0; }

    // "path:line:col: error: message\n  hint: ...\n" for every diagnostic, in the order pushed.
    std::string format(const SourceMap& sources) const;
    static std::string format_one(const Diagnostic& d, const SourceMap& sources);
    // "2 errors, 1 warning" / "no problems".
    std::string summary() const;

private:
    std::vector<Diagnostic> diags_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

}  // namespace bookc::base
