#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/pipeline.hpp"
#include "load/load.hpp"

namespace bookc::cli {

namespace {

const char* severity_name(base::Severity s) {
    return s == base::Severity::Error ? "error" : "warning";
}

// JSON Lines on stderr: one object a diagnostic, all of them (no cap: a program reads
// them), then one summary object. Invalid UTF-8 in names becomes U+FFFD.
void report_json(const base::DiagSink& diags, const base::SourceMap& sources) {
    using nlohmann::json;
    auto emit = [](const json& j) {
        std::string line = j.dump(-1, ' ', false, json::error_handler_t::replace);
        std::fprintf(stderr, "%s\n", line.c_str());
    };
    for (const auto& d : diags.all()) {
        base::DiagLocation at = base::locate(d, sources);
        json j = {{"type", "diagnostic"}, {"severity", severity_name(d.severity)}};
        if (!at.file.empty()) j["file"] = at.file;
        if (at.line) j["line"] = at.line;
        if (at.col) j["column"] = at.col;
        if (at.end_line) j["end"] = {{"line", at.end_line}, {"column", at.end_col}};
        j["message"] = d.message;
        j["hints"] = d.hints;
        emit(j);
    }
    emit({{"type", "summary"},
          {"errors", diags.errors()},
          {"warnings", diags.warnings()},
          {"text", diags.summary()}});
}

// GitHub Actions workflow commands (stdout): `::warning file=…,line=…::message`, which
// the runner shows as annotations on the file; capped like the human form.
std::string gh_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else if (property && c == ':')
            out += "%3A";
        else if (property && c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

void report_github(const base::DiagSink& diags, const base::SourceMap& sources) {
    diags.for_each_capped(
        [&](const base::Diagnostic& d) {
            base::DiagLocation at = base::locate(d, sources);
            std::string props;
            auto prop = [&](const char* key, const std::string& value) {
                props +=
                    (props.empty() ? " " : ",") + std::string(key) + "=" + gh_escape(value, true);
            };
            if (!at.file.empty()) prop("file", at.file);
            if (at.line) prop("line", std::to_string(at.line));
            if (at.col) prop("col", std::to_string(at.col));
            if (at.end_line && at.end_line != at.line) prop("endLine", std::to_string(at.end_line));
            prop("title", std::string("bookc ") + severity_name(d.severity));
            std::string text = base::printable(d.message);
            for (const auto& h : d.hints) text += "\nhint: " + base::printable(h);
            std::printf("::%s%s::%s\n", severity_name(d.severity), props.c_str(),
                        gh_escape(text, false).c_str());
        },
        [&](const base::Diagnostic& d, std::size_t more) {
            std::printf("::notice title=bookc::%zu more %s%s like this\n", more,
                        severity_name(d.severity), more == 1 ? "" : "s");
        });
    std::fflush(stdout);
    std::fprintf(stderr, "bookc: %s\n", diags.summary().c_str());
}

}  // namespace

void report(const base::DiagSink& diags, const base::SourceMap& sources, const Options& opts) {
    if (opts.diagnostics == "json") return report_json(diags, sources);
    if (opts.diagnostics == "github") return report_github(diags, sources);
    std::string text = diags.format(sources);
    std::fputs(text.c_str(), stderr);
    if (diags.errors() || diags.warnings() || !opts.quiet)
        std::fprintf(stderr, "bookc: %s\n", diags.summary().c_str());
}

int exit_status(const base::DiagSink& diags, bool strict) {
    if (diags.errors()) return kContentError;
    if (strict && diags.warnings()) return kContentError;
    return kOk;
}

std::optional<Loaded> load_all(const Options& opts, base::SourceMap& sources, base::DiagSink& diags,
                               int& exit) {
    std::error_code ec;
    if (!std::filesystem::is_directory(opts.book_dir, ec)) {
        diags.error_at(opts.book_dir, 0, 0, "not a folder");
        exit = kUsageError;
        return std::nullopt;
    }
    auto cfg = config::load_book_config(opts.book_dir, diags);
    if (!cfg) {
        exit = kUsageError;
        return std::nullopt;
    }
    cfg->images.offline = opts.offline;
    if (!opts.cache_dir.empty()) {
        cfg->images.cache_dir = opts.cache_dir;
    } else if (const char* env = std::getenv("BOOKC_CACHE_DIR"); env && *env) {
        cfg->images.cache_dir = env;
    }
    auto layout = config::load_book_layout(*cfg, opts.book_dir, opts.layout, diags);
    if (!layout) {
        exit = kUsageError;
        return std::nullopt;
    }
    auto book = load::load_book(opts.book_dir, *cfg, sources, diags);
    if (!book) {
        exit = kContentError;
        return std::nullopt;
    }
    model::run_passes(*book, load::pass_options(*cfg), diags);
    exit = kOk;
    return Loaded{std::move(*cfg), std::move(*layout), std::move(*book)};
}

}  // namespace bookc::cli
