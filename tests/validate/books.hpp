// The books the validators check, built once per test run with the bookc executable, and
// the `key=value` output of the helper scripts (pdf_metrics.py, ace_report.py).
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "support/test_support.hpp"

namespace bookc::test {

struct Built {
    int status = -1;
    std::string err;
    std::string epub;
    std::string pdf;
    std::string text;  // `bookc text --no-footnotes`: the source for fidelity checks (footnotes
                       // sit at page feet in the PDF, so they are checked on their own)
};

// Builds each book once per test run.
inline const Built& build(const std::string& name, const std::string& book_dir,
                          const std::string& extra = "") {
    static std::map<std::string, Built> cache;  // one per executable: inline
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    Built b;
    std::string out = temp_dir("validate-" + name);
    auto r = run(shell_quote(bookc_bin()) + " build " + shell_quote(book_dir) + " -o " +
                 shell_quote(out) + " -q" + extra);
    b.status = r.status;
    b.err = r.err;
    for (const auto& e : std::filesystem::directory_iterator(out)) {
        if (e.path().extension() == ".epub") b.epub = e.path().string();
        if (e.path().extension() == ".pdf") b.pdf = e.path().string();
    }
    b.text = out + "/source.txt";
    write_text(b.text,
               run(shell_quote(bookc_bin()) + " text --no-footnotes " + shell_quote(book_dir)).out);
    return cache.emplace(name, b).first->second;
}

// `key=value` lines of a metrics script's output.
inline std::map<std::string, std::string> key_values(const RunResult& r) {
    std::map<std::string, std::string> m;
    std::size_t pos = 0;
    while (pos < r.out.size()) {
        std::size_t nl = r.out.find('\n', pos);
        if (nl == std::string::npos) nl = r.out.size();
        std::string line = r.out.substr(pos, nl - pos);
        auto eq = line.find('=');
        if (eq != std::string::npos) m[line.substr(0, eq)] = line.substr(eq + 1);
        pos = nl + 1;
    }
    return m;
}

}  // namespace bookc::test
