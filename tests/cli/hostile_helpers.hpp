// Helpers for the hostile-input tests of the bookc command: a folder listing to compare
// before and after a run, a tiny book, and running bookc until it stops itself at a test
// point (BOOKC_TEST_STOP_AT, see base/atomic_file.cpp) so a test can signal it there.
#pragma once
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace hostile {

namespace fs = std::filesystem;

inline std::string bookc_cmd(const std::string& args) {
    // `timeout`: a regression that hangs fails the test instead of hanging ctest.
    return "timeout 60 " + bookc::test::shell_quote(bookc::test::bookc_bin()) + " " + args;
}

inline std::string q(const std::string& s) { return bookc::test::shell_quote(s); }

// Every entry below `dir` (relative, sorted), with a type mark and a size for files, without
// following symbolic links: "a.md 12", "link -> target", "pipe |", "sub/".
inline std::string listing(const std::string& dir) {
    std::vector<std::string> lines;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string rel = fs::path(it->path()).lexically_relative(dir).generic_string();
        auto st = it->symlink_status();
        if (fs::is_symlink(st))
            lines.push_back(rel + " -> " + fs::read_symlink(it->path()).string());
        else if (fs::is_directory(st))
            lines.push_back(rel + "/");
        else if (fs::is_fifo(st))
            lines.push_back(rel + " |");
        else
            lines.push_back(rel + " " + std::to_string(fs::file_size(it->path())));
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// Names in `dir` (not recursive) that end with `suffix`.
inline std::vector<std::string> names_ending(const std::string& dir, const std::string& suffix) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        std::string n = e.path().filename().string();
        if (n.size() >= suffix.size() &&
            n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back(n);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A one-chapter book in `dir`/book whose text is `text`.
inline void small_book(const std::string& dir, const std::string& text) {
    bookc::test::write_text(dir + "/book/1-开篇.md", "# 开篇\n\n" + text + "\n");
}

// The setup the hostile cases share: a fresh folder `dir` (named after `name`) holding a
// one-chapter book in dir/book whose text is `text` (none when ""), bookc run inside it,
// and the folder's listing kept before a run to compare after it.
struct HostileCase {
    std::string dir;
    std::string before;  // listing() when keep_listing() was last called

    explicit HostileCase(const std::string& name, const std::string& text = "正文。")
        : dir(bookc::test::temp_dir(name)) {
        if (!text.empty()) small_book(dir, text);
    }
    // `bookc args` run in `dir` (so diagnostics name book/…).
    bookc::test::RunResult bookc(const std::string& args) const {
        return bookc::test::run("cd " + q(dir) + " && " + bookc_cmd(args));
    }
    void write(const std::string& rel, const std::string& bytes) const {
        bookc::test::write_text(dir + "/" + rel, bytes);
    }
    std::string listing() const { return hostile::listing(dir); }
    void keep_listing() { before = listing(); }
};

// Starts `bookc args…` with BOOKC_TEST_STOP_AT=`point`, stdout and stderr to files in
// `logdir`, and waits until it has stopped itself there. Returns its pid (or -1).
inline pid_t start_stopped(const std::vector<std::string>& args, const std::string& point,
                           const std::string& logdir) {
    // Unflushed test output would be written twice: once more by the child's freopen.
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("BOOKC_TEST_STOP_AT", point.c_str(), 1);
        FILE* out = std::freopen((logdir + "/stdout.txt").c_str(), "w", stdout);
        FILE* err = std::freopen((logdir + "/stderr.txt").c_str(), "w", stderr);
        (void)out;
        (void)err;
        std::vector<char*> argv;
        std::string bin = bookc::test::bookc_bin();
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(bin.c_str(), argv.data());
        ::_exit(127);
    }
    if (pid < 0) return -1;
    int st = 0;
    if (::waitpid(pid, &st, WUNTRACED) != pid || !WIFSTOPPED(st)) return -1;
    return pid;
}

// Waits for `pid` to end; returns the wait status.
inline int wait_for(pid_t pid) {
    int st = 0;
    ::waitpid(pid, &st, 0);
    return st;
}

}  // namespace hostile
