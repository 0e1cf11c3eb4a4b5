#include "support/test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace bookc::test {

std::string source_dir() { return BOOKC_SOURCE_DIR; }

std::string shared_dir() {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::path(BOOKC_SHARED_DIR), ec);
    return fs::is_directory(p, ec) ? p.string() : std::string();
}

std::string seeds_dir() {
    std::string s = shared_dir();
    if (s.empty()) return {};
    std::error_code ec;
    return fs::is_directory(s + "/seeds", ec) ? s + "/seeds" : std::string();
}

std::string bookc_bin() { return BOOKC_BIN; }

std::string kept_epubs_dir() { return (fs::path(BOOKC_TEST_TMP) / "epubcheck-books").string(); }

std::string temp_dir(const std::string& name) {
    fs::path p = fs::path(BOOKC_TEST_TMP) / name;
    std::error_code ec;
    fs::remove_all(p, ec);
    fs::create_directories(p);
    return p.string();
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_text(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

RunResult run(const std::string& command) {
    RunResult r;
    std::string errfile = fs::path(BOOKC_TEST_TMP) / ("stderr-" + std::to_string(::getpid()));
    fs::create_directories(BOOKC_TEST_TMP);
    std::string full = "(" + command + ") 2>" + shell_quote(errfile);
    FILE* p = ::popen(full.c_str(), "r");
    if (!p) return r;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.err = read_text(errfile);
    fs::remove(errfile);
    return r;
}

bool have_tool(const std::string& name) {
    return run("command -v " + shell_quote(name) + " >/dev/null 2>&1").status == 0;
}

}  // namespace bookc::test
