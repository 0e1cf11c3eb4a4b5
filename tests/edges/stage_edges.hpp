// The stage-edges check: every #include "…" and every stage namespace (`model::`) in src/
// must be one the declared pipeline allows (src/CMakeLists.txt, written by CMake to
// stage_edges.txt). A stage may include its own headers, and of a stage it uses only the
// public ones; every used stage must really be used; the bookc_* libraries a stage links
// must be exactly the stages it uses. Errors read `path:line:col: error: …`.
#pragma once
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace bookc::edges {

struct Stage {
    std::string dir;                 // "write/pdf"
    std::string target;              // "bookc_pdf"
    std::vector<std::string> uses;   // {"display", "font", "base"}
    std::set<std::string> headers;   // public headers, {"pdf.hpp"}; "ALL" or "NONE"
    std::vector<std::string> links;  // the bookc_* libraries the target links
    std::string ns() const { return dir.substr(dir.rfind('/') + 1); }  // "pdf"
};

inline std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Parses stage_edges.txt: one line per stage, `dir|target|uses|public headers|links`.
inline std::vector<Stage> parse_stages(const std::string& text) {
    std::vector<Stage> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        std::vector<std::string> f;
        std::size_t at = 0;
        for (std::size_t bar; (bar = line.find('|', at)) != std::string::npos; at = bar + 1)
            f.push_back(line.substr(at, bar - at));
        f.push_back(line.substr(at));
        f.resize(5);
        Stage s{f[0], f[1], words(f[2]), {}, words(f[4])};
        for (auto& h : words(f[3])) s.headers.insert(h);
        out.push_back(s);
    }
    return out;
}

// `text` with comments, string and character literals blanked (line breaks kept), so that
// a namespace named in a comment or a message is not taken for a use.
inline std::string code_only(const std::string& text) {
    std::string out = text;
    std::size_t i = 0, n = text.size();
    auto blank = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && k < n; ++k)
            if (out[k] != '\n') out[k] = ' ';
    };
    while (i < n) {
        if (text.compare(i, 2, "//") == 0) {
            std::size_t e = text.find('\n', i);
            e = e == std::string::npos ? n : e;
            blank(i, e);
            i = e;
        } else if (text.compare(i, 2, "/*") == 0) {
            std::size_t e = text.find("*/", i + 2);
            e = e == std::string::npos ? n : e + 2;
            blank(i, e);
            i = e;
        } else if (text.compare(i, 2, "R\"") == 0) {
            std::size_t paren = text.find('(', i + 2);
            if (paren == std::string::npos) break;
            std::string close = ")" + text.substr(i + 2, paren - i - 2) + "\"";
            std::size_t e = text.find(close, paren);
            e = e == std::string::npos ? n : e + close.size();
            blank(i, e);
            i = e;
        } else if (text[i] == '"' ||
                   (text[i] == '\'' &&
                    (i == 0 || !std::isxdigit(static_cast<unsigned char>(text[i - 1]))))) {
            char q = text[i];
            std::size_t e = i + 1;
            while (e < n && text[e] != q && text[e] != '\n') e += text[e] == '\\' ? 2 : 1;
            blank(i, e + 1);
            i = e + 1;
        } else {
            ++i;
        }
    }
    return out;
}

struct Checker {
    std::vector<Stage> stages;
    std::string root;  // the project checkout; files are named relative to it
    std::vector<std::string> errors;

    const Stage* stage_of_path(const std::string& rel) const {  // rel: "write/pdf/fonts.cpp"
        const Stage* best = nullptr;
        for (const auto& s : stages)
            if (rel.compare(0, s.dir.size() + 1, s.dir + "/") == 0 &&
                (!best || s.dir.size() > best->dir.size()))
                best = &s;
        return best;
    }
    static std::string list(const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
        return s.empty() ? "nothing" : s;
    }
    static bool has(const std::vector<std::string>& v, const std::string& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    }
    void error(const std::string& file, std::size_t line, std::size_t col, const std::string& m) {
        errors.push_back(file + ":" + std::to_string(line) + ":" + std::to_string(col) +
                         ": error: " + m);
    }

    // Checks one file of `from`; records which stages it uses in `used`.
    void check_file(const Stage& from, const std::string& file, const std::string& text,
                    std::set<std::string>& used) {
        const std::string why = " (" + from.dir + " uses " + list(from.uses) +
                                "; the edges are declared in src/CMakeLists.txt)";
        std::istringstream in(text);
        std::size_t lineno = 0;
        for (std::string line; std::getline(in, line);) {
            ++lineno;
            std::size_t hash = line.find_first_not_of(" \t");
            if (hash == std::string::npos || line.compare(hash, 1, "#") != 0) continue;
            std::size_t inc = line.find_first_not_of(" \t", hash + 1);
            if (inc == std::string::npos || line.compare(inc, 7, "include") != 0) continue;
            std::size_t q = line.find('"', inc);
            if (q == std::string::npos) continue;  // <system> headers
            std::size_t q2 = line.find('"', q + 1);
            std::string path = line.substr(q + 1, q2 == std::string::npos ? q2 : q2 - q - 1);
            if (path.find("..") != std::string::npos) {
                error(file, lineno, q + 1,
                      "\"" + path + "\" climbs out of its folder: spell includes from src/");
                continue;
            }
            const Stage* to = stage_of_path(path);
            if (!to || to->dir == from.dir) continue;
            if (!has(from.uses, to->dir)) {
                error(file, lineno, q + 1,
                      from.dir + " may not include \"" + path + "\": it does not use " + to->dir +
                          why);
                continue;
            }
            used.insert(to->dir);
            std::string header = path.substr(to->dir.size() + 1);
            if (!to->headers.count("ALL") && !to->headers.count(header))
                error(file, lineno, q + 1,
                      "\"" + path + "\" is private to " + to->dir + "; its public headers: " +
                          list({to->headers.begin(), to->headers.end()}));
        }
        // Namespaces: `model::` in a stage that does not use model (comments and strings aside).
        std::string code = code_only(text);
        for (const auto& other : stages) {
            if (other.dir == from.dir || other.headers.count("NONE")) continue;
            const std::string token = other.ns() + "::";
            for (std::size_t at = code.find(token); at != std::string::npos;
                 at = code.find(token, at + 1)) {
                char before = at ? code[at - 1] : ' ';
                if (std::isalnum(static_cast<unsigned char>(before)) || before == '_') continue;
                if (before == ':' && (at < 7 || code.compare(at - 7, 7, "bookc::") != 0))
                    continue;  // a nested namespace (typeset::pages::), not the stage's
                if (has(from.uses, other.dir)) {
                    used.insert(other.dir);
                    continue;
                }
                std::size_t line = 1 + std::count(code.begin(), code.begin() + at, '\n');
                std::size_t bol = code.rfind('\n', at);
                std::size_t col = at - (bol == std::string::npos ? 0 : bol + 1) + 1;
                error(file, line, col,
                      from.dir + " may not use " + token + ": it does not use " + other.dir + why);
                break;
            }
        }
    }

    // Checks every .cpp/.hpp under src/ and every stage's links.
    void check_tree() {
        namespace fs = std::filesystem;
        std::map<std::string, std::set<std::string>> used;
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(root + "/src"))
            if (e.is_regular_file() &&
                (e.path().extension() == ".cpp" || e.path().extension() == ".hpp"))
                files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            std::string rel = fs::relative(p, root + "/src").generic_string();
            const Stage* s = stage_of_path(rel);
            std::string name = "src/" + rel;
            if (!s) {
                error(name, 1, 1, "not in a declared stage (src/CMakeLists.txt)");
                continue;
            }
            check_file(*s, name, test::read_text(p.string()), used[s->dir]);
        }
        for (const auto& s : stages) {
            std::string cmake = "src/" + s.dir + "/CMakeLists.txt";
            for (const auto& u : s.uses)
                if (!used[s.dir].count(u))
                    error(cmake, 1, 1,
                          s.dir + " declares that it uses " + u +
                              ", but none of its files includes or names anything of " + u);
            std::vector<std::string> want;
            for (const auto& u : s.uses)
                for (const auto& t : stages)
                    if (t.dir == u) want.push_back(t.target);
            std::vector<std::string> got = s.links;
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            if (want != got)
                error(cmake, 1, 1,
                      s.target + " links " + list(got) + " but " + s.dir + " uses " + list(want) +
                          ": link stages only through bookc_stage(… USES …)");
        }
    }
};

// Runs the check on the checkout at `root` with the stages declared in `edges_text`.
inline std::vector<std::string> check(const std::string& root, const std::string& edges_text) {
    Checker c{parse_stages(edges_text), root, {}};
    c.check_tree();
    return c.errors;
}

}  // namespace bookc::edges
