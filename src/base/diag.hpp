// Diagnostics: every stage pushes problems into a DiagSink and keeps going, so one run
// reports every problem. Printing (path:line:col: severity: message) happens in one place,
// with control characters escaped and repeated diagnostics of one kind capped.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"

namespace bookc::base {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    Span span;               // may be invalid (then `path` or nothing is shown)
    std::string path;        // used when there is no span (e.g. book.toml before it is loaded)
    std::uint32_t line = 0;  // with `path`: 1-based line, 0 = unknown
    std::uint32_t col = 0;
    std::string message;
    std::vector<std::string> hints;
};

// Where a diagnostic points, resolved: the file's path as given (not escaped), 1-based line
// and column (0 = unknown) of its start and, for a span, of its end.
struct DiagLocation {
    std::string file;  // "" when the diagnostic is about the run as a whole
    std::uint32_t line = 0, col = 0;
    std::uint32_t end_line = 0, end_col = 0;
};
DiagLocation locate(const Diagnostic& d, const SourceMap& sources);

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
    // After kMaxSameKind diagnostics of one kind (severity + kind_of(message)), the rest of
    // that kind are counted, not shown: one line "bookc: N more warnings like this" follows
    // the last one shown.
    std::string format(const SourceMap& sources) const;
    // The same selection as format(), for other output forms: `each` for every diagnostic
    // shown, `more(d, n)` after the last one shown of a kind with n more left out.
    template <class Each, class More>
    void for_each_capped(Each each, More more) const;
    static std::string format_one(const Diagnostic& d, const SourceMap& sources);
    // "2 errors, 1 warning" / "no problems".
    std::string summary() const;

    static constexpr std::size_t kMaxSameKind = 20;
    // The kind of a message: its text with quoted parts ('…', `…`, "…") removed and cut at
    // the first ": ", so "image not found: a.png" and "image not found: b.png" are one kind.
    static std::string kind_of(std::string_view message);

private:
    // For each diagnostic: how many of its kind there are, and its rank among them.
    void count_kinds(std::vector<std::size_t>& total, std::vector<std::size_t>& rank) const;
    std::vector<Diagnostic> diags_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

template <class Each, class More>
void DiagSink::for_each_capped(Each each, More more) const {
    std::vector<std::size_t> n_total(diags_.size()), n_shown(diags_.size());
    count_kinds(n_total, n_shown);
    for (std::size_t i = 0; i < diags_.size(); ++i) {
        if (n_shown[i] > kMaxSameKind) continue;
        each(diags_[i]);
        if (n_shown[i] == kMaxSameKind && n_total[i] > kMaxSameKind)
            more(diags_[i], n_total[i] - kMaxSameKind);
    }
}

// Text safe to print on a terminal, on one line: C0 and C1 control characters, DEL, line and
// paragraph separators and bidirectional controls become escapes (\n, \t, \r, \e, \xHH,
// \u{HHHH}), and each byte of malformed UTF-8 becomes \xHH. Everything else is unchanged.
std::string printable(std::string_view text);

}  // namespace bookc::base
